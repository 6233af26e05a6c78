using AsyncLead.Testing;

namespace AsyncLead.Slack.Tests.Harness;

public sealed class ManualClockTests
{
    private static readonly DateTimeOffset Start = new(2025, 11, 17, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Now_only_moves_when_the_test_moves_it()
    {
        var clock = new ManualClock(Start);

        clock.Advance(TimeSpan.FromMinutes(90));

        Assert.Equal(Start.AddMinutes(90), clock.GetUtcNow());
        Assert.Equal(TimeSpan.FromMinutes(90), clock.GetElapsedTime(Start.UtcTicks));
    }

    [Fact]
    public void Start_given_with_an_offset_is_kept_as_utc()
    {
        var clock = new ManualClock(new DateTimeOffset(2025, 11, 17, 10, 0, 0, TimeSpan.FromHours(1)));

        Assert.Equal(TimeSpan.Zero, clock.GetUtcNow().Offset);
        Assert.Equal(Start, clock.GetUtcNow());
    }

    [Fact]
    public void Going_back_in_time_is_refused()
    {
        var clock = new ManualClock(Start);

        Assert.Throws<ArgumentOutOfRangeException>(() => clock.SetUtcNow(Start.AddSeconds(-1)));
    }

    [Fact]
    public async Task Delay_completes_only_once_the_clock_passes_its_due_time()
    {
        var clock = new ManualClock(Start);
        var delay = Task.Delay(TimeSpan.FromSeconds(30), clock);

        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.False(delay.IsCompleted);

        clock.Advance(TimeSpan.FromSeconds(1));
        await delay.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Timers_fire_in_due_order_and_see_their_own_due_time_as_now()
    {
        var clock = new ManualClock(Start);
        var fired = new List<(string Name, DateTimeOffset At)>();
        using var late = clock.CreateTimer(_ => fired.Add(("late", clock.GetUtcNow())), null, TimeSpan.FromMinutes(10), Timeout.InfiniteTimeSpan);
        using var early = clock.CreateTimer(_ => fired.Add(("early", clock.GetUtcNow())), null, TimeSpan.FromMinutes(1), Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal([("early", Start.AddMinutes(1)), ("late", Start.AddMinutes(10))], fired);
        Assert.Equal(Start.AddHours(1), clock.GetUtcNow());
    }

    [Fact]
    public void Periodic_timer_fires_once_per_period_walked_past()
    {
        var clock = new ManualClock(Start);
        var ticks = 0;
        using var timer = clock.CreateTimer(_ => ticks++, null, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));

        clock.Advance(TimeSpan.FromMinutes(5).Add(TimeSpan.FromSeconds(30)));

        Assert.Equal(5, ticks);
    }

    [Fact]
    public void Disposed_or_stopped_timers_do_not_fire()
    {
        var clock = new ManualClock(Start);
        var fired = 0;
        var disposed = clock.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        using var stopped = clock.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        disposed.Dispose();
        stopped.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(0, fired);
    }

    [Fact]
    public void Timer_created_by_a_callback_fires_in_the_same_advance_when_due()
    {
        var clock = new ManualClock(Start);
        var chainFiredAt = DateTimeOffset.MinValue;
        ITimer? chained = null;
        using var first = clock.CreateTimer(
            _ => chained = clock.CreateTimer(_ => chainFiredAt = clock.GetUtcNow(), null, TimeSpan.FromSeconds(10), Timeout.InfiniteTimeSpan),
            null,
            TimeSpan.FromSeconds(10),
            Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.FromMinutes(1));
        chained?.Dispose();

        Assert.Equal(Start.AddSeconds(20), chainFiredAt);
    }

    [Fact]
    public async Task PeriodicTimer_driven_loop_runs_deterministically()
    {
        var clock = new ManualClock(Start);
        using var periodic = new PeriodicTimer(TimeSpan.FromMinutes(15), clock);

        var tick = periodic.WaitForNextTickAsync().AsTask();
        Assert.False(tick.IsCompleted);

        clock.Advance(TimeSpan.FromMinutes(15));

        Assert.True(await tick.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void CancellationTokenSource_with_the_clock_cancels_at_its_deadline()
    {
        var clock = new ManualClock(Start);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(3), clock);

        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.False(cts.IsCancellationRequested);

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(cts.IsCancellationRequested);
    }
}
