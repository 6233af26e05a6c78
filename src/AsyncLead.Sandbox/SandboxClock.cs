namespace AsyncLead.Sandbox;

/// <summary>
/// The sandbox's time: the real clock plus an offset that time travel grows. Timers, timeouts and timestamps run on
/// real time (an HTTP timeout stays 10 real seconds), so only "now" jumps; whoever moves it then runs what fell due.
/// </summary>
public sealed class SandboxClock(TimeProvider real) : TimeProvider
{
    private readonly Lock _gate = new();
    private TimeSpan _offset;

    /// <summary>Raised after every move with the new now (the page's live view listens to it).</summary>
    public event Action<DateTimeOffset>? Moved;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return real.GetUtcNow() + _offset;
        }
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override long TimestampFrequency => real.TimestampFrequency;

    public override long GetTimestamp() => real.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        real.CreateTimer(callback, state, dueTime, period);

    /// <summary>Moves now forward by <paramref name="delta"/>.</summary>
    public DateTimeOffset Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        DateTimeOffset now;
        lock (_gate)
        {
            _offset += delta;
            now = real.GetUtcNow() + _offset;
        }

        Moved?.Invoke(now);
        return now;
    }

    /// <summary>Moves now forward to <paramref name="utc"/>; a time already passed leaves the clock where it is.</summary>
    public DateTimeOffset MoveTo(DateTimeOffset utc) => Advance(utc - GetUtcNow() is { } ahead && ahead > TimeSpan.Zero ? ahead : TimeSpan.Zero);

    /// <summary>Back to real time (the sandbox's reset, which also wipes everything that happened in the future).</summary>
    public void Reset()
    {
        DateTimeOffset now;
        lock (_gate)
        {
            _offset = TimeSpan.Zero;
            now = real.GetUtcNow();
        }

        Moved?.Invoke(now);
    }
}
