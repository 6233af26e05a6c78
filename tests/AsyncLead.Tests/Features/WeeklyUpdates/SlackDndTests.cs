using AsyncLead.Sandbox.Slack;
using AsyncLead.Tests.Infrastructure;
using static AsyncLead.Tests.Features.WeeklyUpdates.WeeklyWorld;

namespace AsyncLead.Tests.Features.WeeklyUpdates;

/// <summary>
/// Where the install granted <c>dnd:read</c>, the prompt and its reminders keep out of each person's Slack
/// do-not-disturb window; without it Slack is never asked about DND and nudges go out by working hours alone.
/// </summary>
public sealed class SlackDndTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static readonly string[] WithDnd = [.. FakeSlack.DefaultScopes, "dnd:read"];

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2025, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_prompt_that_would_fall_in_someones_slack_dnd_arrives_when_their_dnd_ends()
    {
        await using var s = (await StartAsync(database, scopes: WithDnd)).WithPaymentsTeam();
        // Alice (Berlin) has Slack's DND on Friday 10:00-11:30 her time, across the team's prompt.
        s.Slack.SetDnd("U_ALICE", Utc(11, 21, 9), Utc(11, 21, 10, 30));
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());

        await s.RunUntilAsync(FirstPrompt.AddDays(1));

        Assert.Equal([Utc(11, 21, 10, 30)], s.NudgeTimes("U_ALICE", "📝"));
        // Lena has no DND: at the team's prompt time, as always.
        Assert.Equal([FirstPrompt], s.NudgeTimes("U_LENA", "📝"));
        // The prompt asked Slack once for the team's people, in one dnd.teamInfo call (up to 50 a call), not on a request.
        var asked = s.Slack.Calls("dnd.teamInfo").Where(c => c.At == FirstPrompt).ToList();
        var call = Assert.Single(asked);
        Assert.True(call.Ok, call.Error);
        Assert.Equal(["U_ALICE", "U_BOB", "U_LENA"], call.Arg("users")!.Split(',').Order(StringComparer.Ordinal));
        Assert.DoesNotContain(s.Slack.Calls("dnd.teamInfo"), c => c.At < FirstPrompt);
    }

    [Fact]
    public async Task A_dnd_that_begins_after_the_reminders_were_planned_holds_a_reminder_until_it_ends()
    {
        await using var s = (await StartAsync(database, scopes: WithDnd)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        await s.RunUntilAsync(FirstPrompt.AddHours(2));
        Assert.Equal([FirstPrompt], s.NudgeTimes("U_ALICE", "📝"));
        // Over the weekend Alice puts Monday morning under DND, 09:30-13:00 in Berlin: her reminder (one working day after
        // her prompt, Monday 10:00 Berlin) was planned before Slack could say so.
        s.Slack.SetDnd("U_ALICE", Utc(11, 24, 8, 30), Utc(11, 24, 12));

        await s.RunUntilAsync(Utc(11, 24, 16));

        Assert.Equal(Utc(11, 24, 12), s.NudgeTimes("U_ALICE", "⏰")[0]);
        Assert.Equal(FirstPrompt.AddDays(3), s.NudgeTimes("U_LENA", "⏰")[0]);
    }

    [Fact]
    public async Task Without_dnd_read_slack_is_never_asked_about_dnd_and_nudges_still_go_out()
    {
        await using var s = (await StartAsync(database)).WithPaymentsTeam();
        s.Slack.SetDnd("U_ALICE", Utc(11, 21, 9), Utc(11, 21, 10, 30));
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());

        await s.RunUntilAsync(Utc(11, 25, 0));

        // The app can't see Alice's DND, so her working hours alone place her prompt; her reminder follows it.
        Assert.Equal([FirstPrompt], s.NudgeTimes("U_ALICE", "📝"));
        Assert.NotEmpty(s.NudgeTimes("U_ALICE", "⏰"));
        Assert.Empty(s.Slack.Calls("dnd.teamInfo"));
        Assert.Empty(s.Slack.Calls("dnd.info"));
    }
}
