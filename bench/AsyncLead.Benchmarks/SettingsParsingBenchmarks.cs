using System.Text.RegularExpressions;
using AsyncLead.Features.Members;
using BenchmarkDotNet.Attributes;

namespace AsyncLead.Benchmarks;

/// <summary>
/// What <c>/weekly-update settings hours 1…x</c> costs on the ack path with 16,000 spaces in it: before #17 point 9 the
/// time-range regex backtracked over them; now the setting is refused at its 200-character cap, and within the cap the
/// worst case runs on the linear engine.
/// </summary>
public class SettingsParsingBenchmarks
{
    // The pattern as it was before the fix, on the backtracking engine: the baseline this class measures against.
    private static readonly Regex BacktrackingTimeRange = new(
        @"(?<![\p{L}\d:])(?<start>\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?)\s*(?:-|–|—|to|until|till)\s*(?<end>\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?)$",
        RegexOptions.IgnoreCase);

    private static readonly DateOnly Today = new(2026, 11, 23);
    private readonly string long16k = "1" + new string(' ', 16_000) + "x";
    private readonly string atTheCap = "hours 1" + new string(' ', 192) + "x";

    [Benchmark(Baseline = true)]
    public bool Before_the_backtracking_range_on_16k() => BacktrackingTimeRange.Match(long16k).Success;

    [Benchmark]
    public bool After_the_setting_of_16k() => MemberSettingsParser.TryParse("hours " + long16k, Today, out _, out _);

    [Benchmark]
    public bool After_the_worst_setting_within_the_cap() => MemberSettingsParser.TryParse(atTheCap, Today, out _, out _);
}
