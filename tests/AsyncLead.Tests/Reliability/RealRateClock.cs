using System.Diagnostics;

namespace AsyncLead.Tests.Reliability;

/// <summary>
/// Real time, starting at a fixed instant: delays and timeouts run at wall-clock speed (so Slack's Retry-After and the
/// queue's back-off are really waited out), while the calendar is the same on every run (no prompt or week close
/// happens to fall inside the test because of the day it runs on).
/// </summary>
internal sealed class RealRateClock(DateTimeOffset start) : TimeProvider
{
    private readonly long _started = Stopwatch.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => start + Stopwatch.GetElapsedTime(_started);
}
