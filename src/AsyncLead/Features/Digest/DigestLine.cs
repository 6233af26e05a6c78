using AsyncLead.Features.Members;
using AsyncLead.Features.WeeklyUpdates;

namespace AsyncLead.Features.Digest;

/// <summary>
/// One line of a digest list. <see cref="Text"/> and <see cref="Detail"/> are plain text (escaped when rendered);
/// <see cref="When"/> is shown in each reader's own time zone; <see cref="Link"/> is the Slack message it is about.
/// </summary>
public sealed record DigestLine(string Text, string Detail, Uri? Link, DateTimeOffset? When = null);
