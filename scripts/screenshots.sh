#!/usr/bin/env bash
# Refreshes the README's sandbox screenshots (docs/images/sandbox*.png): runs the browser tests that take them
# (through ./test.sh, so PostgreSQL and Chromium are set up as for any test run), then copies every image the
# README names from the tests' TestResults/screenshots. Fails if a test fails or an image the README shows was not taken.
set -euo pipefail
cd "$(dirname "$0")/.."

shots=tests/AsyncLead.Tests/bin/Release/net10.0/TestResults/screenshots
rm -rf "$shots"
./test.sh --filter "FullyQualifiedName~AsyncLead.Tests.SandboxUi.SandboxPageInBrowserTests|FullyQualifiedName~AsyncLead.Tests.SandboxUi.SandboxPageSlackSideInBrowserTests"

missing=0
for image in $(grep -o 'docs/images/sandbox[a-z-]*\.png' README.md | sort -u); do
  if [ -f "$shots/$(basename "$image")" ]; then
    cp "$shots/$(basename "$image")" "$image"
    echo "screenshots.sh: $image"
  else
    echo "screenshots.sh: no browser test saved $(basename "$image") (README.md shows it)" >&2
    missing=1
  fi
done
exit "$missing"
