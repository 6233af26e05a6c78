using AsyncLead.Features.Members;

namespace AsyncLead.Tests.Features.Members;

/// <summary>
/// The searches only test edges (window boundaries, midnight, DST transitions, Slack DND windows); a naive minute-by-minute walk
/// over <see cref="MemberSchedule.IsAllowed(DateTimeOffset)"/> must find the same instants.
/// </summary>
public sealed class AllowedTimeSearchOracleTests
{
    // Zones with DST at night, at 30 minutes (Lord Howe), at 02:45 (Chatham), at midnight (Santiago), and none.
    private static readonly string[] Zones =
    [
        "Europe/Berlin", "America/New_York", "Pacific/Auckland", "Australia/Lord_Howe", "Pacific/Chatham",
        "America/Santiago", "Asia/Kolkata", "Pacific/Kiritimati", "Pacific/Pago_Pago",
    ];

    // Around the 2026 transitions of the zones above, and an ordinary week.
    private static readonly DateTimeOffset[] Around =
    [
        At("2026-03-29T01:00:00Z"), At("2026-11-01T06:00:00Z"), At("2026-04-04T14:00:00Z"), At("2026-09-26T14:00:00Z"),
        At("2026-04-05T03:00:00Z"), At("2026-09-06T04:00:00Z"), At("2026-11-18T12:00:00Z"),
    ];

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 40)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Next_allowed_instant_matches_a_minute_by_minute_walk(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 6; round++)
        {
            var schedule = RandomSchedule(random);
            var due = Around[random.Next(Around.Length)].AddMinutes(random.Next(-3 * 1440, 3 * 1440)).AddSeconds(random.Next(60));

            Assert.Equal(WalkForward(schedule, due), schedule.NextAllowedInstant(due));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Latest_allowed_instant_matches_a_minute_by_minute_walk(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 6; round++)
        {
            var schedule = RandomSchedule(random);
            var deadline = Around[random.Next(Around.Length)].AddMinutes(random.Next(-2 * 1440, 2 * 1440));
            var target = deadline.AddMinutes(-random.Next(0, 3 * 1440));
            var notBefore = target.AddMinutes(-random.Next(0, 4 * 1440));

            var walked = WalkBack(schedule, target < deadline ? target : deadline.AddMinutes(-1), notBefore);
            var expected = walked ?? (target < deadline ? target : null);

            Assert.Equal(expected, schedule.LatestAllowedInstantBefore(target, deadline, notBefore));
        }
    }

    private static DateTimeOffset? WalkForward(MemberSchedule schedule, DateTimeOffset due)
    {
        if (schedule.IsAllowed(due))
        {
            return due;
        }

        var limit = due + MemberSchedule.SearchHorizon;
        for (var t = due.AddTicks(TimeSpan.TicksPerMinute - (due.Ticks % TimeSpan.TicksPerMinute)); t <= limit; t = t.AddMinutes(1))
        {
            if (schedule.IsAllowed(t))
            {
                return t;
            }
        }

        return null;
    }

    private static DateTimeOffset? WalkBack(MemberSchedule schedule, DateTimeOffset latest, DateTimeOffset floor)
    {
        for (var t = latest; t >= floor; t = t.AddMinutes(-1))
        {
            if (schedule.IsAllowed(t))
            {
                return t;
            }
        }

        return null;
    }

    private static MemberSchedule RandomSchedule(Random random)
    {
        while (true)
        {
            var working = Enumerable.Range(0, random.Next(1, 9)).Select(_ => RandomWindow(random)).ToList();
            var focus = Enumerable.Range(0, random.Next(0, 6)).Select(_ => RandomWindow(random)).ToList();
            var away = random.Next(3) == 0
                ? [new AwayPeriod(DateOnly.FromDateTime(Around[random.Next(Around.Length)].UtcDateTime).AddDays(random.Next(-2, 2)), DateOnly.FromDateTime(Around[random.Next(Around.Length)].UtcDateTime))]
                : Array.Empty<AwayPeriod>();
            if (MemberSchedule.TryCreate(Zones[random.Next(Zones.Length)], working, focus, away.Where(a => a.From <= a.Until), out var schedule, out _))
            {
                // Half of them also have Slack DND windows, at any second (Slack counts in seconds).
                return random.Next(2) == 0 ? schedule : schedule.WithDnd([.. Enumerable.Range(0, random.Next(1, 4)).Select(_ => RandomDnd(random))]);
            }
        }
    }

    private static DndWindow RandomDnd(Random random)
    {
        var start = Around[random.Next(Around.Length)].AddMinutes(random.Next(-3 * 1440, 3 * 1440)).AddSeconds(random.Next(60));
        return new DndWindow(start, start.AddMinutes(random.Next(1, 2 * 1440)).AddSeconds(random.Next(60)));
    }

    // Quarter-hour boundaries anywhere in the day, so windows often touch DST gaps and overlaps.
    private static WeeklyWindow RandomWindow(Random random)
    {
        var start = random.Next(0, 95);
        var end = random.Next(start + 1, 96);
        return new WeeklyWindow((DayOfWeek)random.Next(7), TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(start * 15)), TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(Math.Min(end * 15, 1439))));
    }

    private static DateTimeOffset At(string iso) => Schedules.At(iso);
}
