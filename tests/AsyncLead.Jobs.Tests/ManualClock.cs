namespace AsyncLead.Jobs.Tests;

/// <summary>
/// A clock the test moves by hand. Only "now" is controlled: timers (heartbeats, poll delays) still tick in real time,
/// so a test decides when jobs are due while the worker's plumbing runs as it does in production.
/// </summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public static readonly DateTimeOffset Monday = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    private long utcTicks = start.UtcTicks;

    public ManualClock()
        : this(Monday)
    {
    }

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref utcTicks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref utcTicks, by.Ticks);
}
