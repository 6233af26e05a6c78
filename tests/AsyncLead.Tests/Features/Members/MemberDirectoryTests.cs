using System.Text.Json.Nodes;
using AsyncLead.Features.Members;
using AsyncLead.Tests.Infrastructure;

namespace AsyncLead.Tests.Features.Members;

public sealed class MemberDirectoryTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private const string Team = SlackScenario.TeamId;

    [Fact]
    public async Task The_time_zone_comes_from_slack_once_and_is_then_served_from_postgres()
    {
        await using var scenario = await SlackScenario.StartAsync(database);
        scenario.Slack.AddUser("U_TZ1", "kenji", tz: "Asia/Tokyo");
        var members = scenario.Host.Services.GetRequiredService<MemberDirectory>();

        var first = await members.GetAsync(Team, "U_TZ1", CancellationToken.None);
        var second = await members.GetAsync(Team, "U_TZ1", CancellationToken.None);

        Assert.Equal("Asia/Tokyo", first.Schedule.TimeZoneId);
        Assert.Equal("Asia/Tokyo", second.Schedule.TimeZoneId);
        Assert.True(first.IsHuman);
        Assert.Single(scenario.Slack.Calls("users.info"), c => c.Arg("user") == "U_TZ1");
    }

    [Fact]
    public async Task After_a_day_the_zone_is_refreshed_and_a_failing_slack_leaves_the_known_zone_in_place()
    {
        await using var scenario = await SlackScenario.StartAsync(database);
        scenario.Slack.AddUser("U_TZ2", "ana", tz: "America/Sao_Paulo");
        var members = scenario.Host.Services.GetRequiredService<MemberDirectory>();
        await members.GetAsync(Team, "U_TZ2", CancellationToken.None);

        scenario.Clock.Advance(TimeSpan.FromDays(2));
        scenario.Slack.Faults.ServerError("users.info", times: 10);
        var whileSlackFails = await members.GetAsync(Team, "U_TZ2", CancellationToken.None);

        Assert.Equal("America/Sao_Paulo", whileSlackFails.Schedule.TimeZoneId);
        Assert.True(scenario.Slack.Calls("users.info").Count(c => c.Arg("user") == "U_TZ2") > 1);
    }

    [Fact]
    public async Task A_user_change_event_updates_the_zone_at_once()
    {
        await using var scenario = await SlackScenario.StartAsync(database);
        scenario.Slack.AddUser("U_TZ3", "lee", tz: "Europe/London");
        var members = scenario.Host.Services.GetRequiredService<MemberDirectory>();
        await members.GetAsync(Team, "U_TZ3", CancellationToken.None);

        await scenario.Simulator.SendEventAsync(scenario.Simulator.EventCallback(new JsonObject
        {
            ["type"] = "user_change",
            ["user"] = new JsonObject { ["id"] = "U_TZ3", ["team_id"] = Team, ["name"] = "lee", ["tz"] = "America/New_York", ["tz_offset"] = -18000 },
        }));

        var moved = await members.GetAsync(Team, "U_TZ3", CancellationToken.None);
        Assert.Equal("America/New_York", moved.Schedule.TimeZoneId);
        Assert.Single(scenario.Slack.Calls("users.info"), c => c.Arg("user") == "U_TZ3");
    }

    [Fact]
    public async Task Saved_hours_focus_blocks_and_away_days_come_back_as_the_same_schedule()
    {
        await using var scenario = await SlackScenario.StartAsync(database);
        scenario.Slack.AddUser("U_TZ4", "mia", tz: "Europe/Berlin");
        var members = scenario.Host.Services.GetRequiredService<MemberDirectory>();
        Assert.True(MemberSchedule.TryCreate("Europe/Berlin",
            [new WeeklyWindow(DayOfWeek.Monday, new TimeOnly(8, 30), new TimeOnly(16, 30))],
            [new WeeklyWindow(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(11, 0))],
            [new AwayPeriod(new DateOnly(2025, 12, 22), new DateOnly(2026, 1, 2))], out var schedule, out _));

        await members.SaveScheduleAsync(Team, "U_TZ4", schedule!, CancellationToken.None);
        var loaded = (await members.GetAsync(Team, "U_TZ4", CancellationToken.None)).Schedule;

        Assert.Equal(schedule!.WorkingHours, loaded.WorkingHours);
        Assert.Equal(schedule.FocusBlocks, loaded.FocusBlocks);
        Assert.Equal(schedule.AwayPeriods, loaded.AwayPeriods);
        Assert.True(loaded.IsAwayOn(new DateOnly(2025, 12, 24)));
    }

    [Fact]
    public async Task Bots_and_deactivated_accounts_are_not_human()
    {
        await using var scenario = await SlackScenario.StartAsync(database);
        scenario.Slack.AddUser("U_BOT", "deploybot", isBot: true).AddUser("U_GONE", "former", deleted: true);
        var members = scenario.Host.Services.GetRequiredService<MemberDirectory>();

        Assert.False((await members.GetAsync(Team, "U_BOT", CancellationToken.None)).IsHuman);
        Assert.False((await members.GetAsync(Team, "U_GONE", CancellationToken.None)).IsHuman);
    }
}
