using AsyncLead.Sandbox;
using AsyncLead.Testing;

namespace AsyncLead.Slack.Tests.Harness;

public sealed class SandboxClockTests
{
    private static readonly DateTimeOffset RealNow = new(2026, 12, 2, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Time_travel_moves_now_forward_and_says_so_and_real_time_keeps_running_underneath()
    {
        var real = new ManualClock(RealNow);
        var clock = new SandboxClock(real);
        var moves = new List<DateTimeOffset>();
        clock.Moved += moves.Add;

        clock.Advance(TimeSpan.FromDays(1));
        real.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(RealNow.AddDays(1).AddMinutes(5), clock.GetUtcNow());
        Assert.Equal([RealNow.AddDays(1)], moves);
    }

    [Fact]
    public void Moving_to_a_time_already_passed_leaves_now_where_it_is_and_reset_goes_back_to_real_time()
    {
        var real = new ManualClock(RealNow);
        var clock = new SandboxClock(real);
        clock.MoveTo(RealNow.AddHours(3));

        clock.MoveTo(RealNow.AddHours(1));
        var afterBackwards = clock.GetUtcNow();
        clock.Reset();

        Assert.Equal(RealNow.AddHours(3), afterBackwards);
        Assert.Equal(RealNow, clock.GetUtcNow());
    }

    [Fact]
    public void Timers_wait_real_time_not_the_jumps()
    {
        var real = new ManualClock(RealNow);
        var clock = new SandboxClock(real);
        var fired = 0;
        using var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(10), Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.FromDays(2));
        var afterJump = fired;
        real.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(0, afterJump);
        Assert.Equal(1, fired);
    }
}
