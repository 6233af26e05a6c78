namespace AsyncLead.Testing;

/// <summary>
/// A <see cref="TimeProvider"/> whose "now" only moves when a test moves it. Timers created through it
/// (<c>Task.Delay(d, clock)</c>, <c>PeriodicTimer</c>, <c>CancellationTokenSource(d, clock)</c>, hosted services)
/// fire synchronously, in due order, while <see cref="Advance"/> or <see cref="SetUtcNow"/> walks past them.
/// </summary>
/// <remarks>Microsoft.Extensions.TimeProvider.Testing would do this, but the package mirror does not serve it.</remarks>
public sealed class ManualClock : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<ManualTimer> _timers = [];
    private DateTimeOffset _utcNow;
    private long _nextTimerSequence;

    public ManualClock(DateTimeOffset startUtc) => _utcNow = startUtc.ToUniversalTime();

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _utcNow;
        }
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    // Timestamps follow the manual "now" so elapsed-time measurements agree with the clock.
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    /// <summary>Moves the clock forward, firing every timer that falls due on the way.</summary>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        SetUtcNow(GetUtcNow() + delta);
    }

    /// <summary>Moves the clock forward to <paramref name="utcNow"/>; moving backwards is refused (timers would lie).</summary>
    public void SetUtcNow(DateTimeOffset utcNow)
    {
        utcNow = utcNow.ToUniversalTime();
        lock (_gate)
        {
            if (utcNow < _utcNow)
            {
                throw new ArgumentOutOfRangeException(nameof(utcNow), $"The clock is at {_utcNow:O}; it cannot go back to {utcNow:O}.");
            }
        }

        while (TryTakeNextDueTimer(utcNow, out var timer, out var callback, out var state))
        {
            // Outside the lock: a callback may create, change or dispose timers.
            callback(state);
            timer.Rearm();
        }

        lock (_gate)
        {
            _utcNow = utcNow;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private bool TryTakeNextDueTimer(DateTimeOffset until, out ManualTimer timer, out TimerCallback callback, out object? state)
    {
        lock (_gate)
        {
            var next = _timers
                .Where(t => t.DueAt <= until)
                .OrderBy(t => t.DueAt)
                .ThenBy(t => t.Sequence)
                .FirstOrDefault();
            if (next is null)
            {
                timer = null!;
                callback = null!;
                state = null;
                return false;
            }

            _utcNow = next.DueAt;
            _timers.Remove(next);
            timer = next;
            callback = next.Callback;
            state = next.State;
            return true;
        }
    }

    private sealed class ManualTimer(ManualClock clock, TimerCallback callback, object? state) : ITimer
    {
        public TimerCallback Callback { get; } = callback;
        public object? State { get; } = state;
        public DateTimeOffset DueAt { get; private set; }
        public long Sequence { get; private set; }
        private TimeSpan _period = Timeout.InfiniteTimeSpan;
        private bool _disposed;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock._gate)
            {
                if (_disposed)
                {
                    return false;
                }

                clock._timers.Remove(this);
                _period = period;
                if (dueTime != Timeout.InfiniteTimeSpan)
                {
                    ArgumentOutOfRangeException.ThrowIfLessThan(dueTime, TimeSpan.Zero);
                    Schedule(clock._utcNow + dueTime);
                }

                return true;
            }
        }

        /// <summary>After firing: periodic timers go again one period later (unless the callback changed or disposed them).</summary>
        public void Rearm()
        {
            lock (clock._gate)
            {
                var rescheduledByCallback = clock._timers.Contains(this);
                if (_disposed || rescheduledByCallback || _period == Timeout.InfiniteTimeSpan || _period <= TimeSpan.Zero)
                {
                    return;
                }

                Schedule(DueAt + _period);
            }
        }

        private void Schedule(DateTimeOffset dueAt)
        {
            DueAt = dueAt;
            Sequence = clock._nextTimerSequence++;
            clock._timers.Add(this);
        }

        public void Dispose()
        {
            lock (clock._gate)
            {
                _disposed = true;
                clock._timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
