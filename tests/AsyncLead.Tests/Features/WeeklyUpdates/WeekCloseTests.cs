using AsyncLead.Sandbox.Slack;
using AsyncLead.Tests.Infrastructure;
using static AsyncLead.Tests.Features.WeeklyUpdates.WeeklyWorld;

namespace AsyncLead.Tests.Features.WeeklyUpdates;

public sealed class WeekCloseTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private const string ResolveAction = "weekly_resolve_blocker";

    private static FakeMessage Summary(SlackScenario s, string week) =>
        Assert.Single(s.Slack.ThreadReplies(Channel, s.Root(week).Ts), r => r.Text.StartsWith(week + ":", StringComparison.Ordinal));

    private static int ResolveButtons(FakeMessage message) =>
        message.Blocks.Count(b => b!["accessory"]?["action_id"]?.GetValue<string>() == ResolveAction);

    [Fact]
    public async Task At_monday_nine_the_summary_lists_who_wrote_was_away_or_is_missing_and_each_blocker_with_a_link_to_its_reply()
    {
        await using var s = (await StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        await s.RunUntilAsync(BobsPrompt);
        await s.Alice().RunsCommandAsync(Command, "Done: payouts\nBlockers:\n- waiting on API keys from the bank\n- flaky CI");
        await s.User("U_BOB").ClicksAsync(Assert.Single(s.Nudges("U_BOB")), "weekly_skip");

        await s.RunUntilAsync(FirstClose.AddMinutes(-1));
        Assert.Single(s.Slack.ThreadReplies(Channel, s.Root("Week of 17 Nov").Ts));
        await s.RunUntilAsync(FirstClose);

        var summary = Summary(s, "Week of 17 Nov");
        var text = summary.VisibleText;
        Assert.Contains("*Wrote (1):* alice", text, StringComparison.Ordinal);
        Assert.Contains("*Away (1):* bob", text, StringComparison.Ordinal);
        Assert.Contains("*Missing (1):* lena", text, StringComparison.Ordinal);
        var alicesReply = s.Slack.ThreadReplies(Channel, s.Root("Week of 17 Nov").Ts)[0];
        var link = $"/archives/{Channel}/p{alicesReply.Ts.Replace(".", "", StringComparison.Ordinal)}";
        Assert.Contains($"🚧 waiting on API keys from the bank — alice, open 2 days · <https://", text, StringComparison.Ordinal);
        Assert.Contains(link, text, StringComparison.Ordinal);
        Assert.Contains("🚧 flaky CI — alice, open 2 days", text, StringComparison.Ordinal);
        Assert.Equal(2, ResolveButtons(summary));
    }

    [Fact]
    public async Task Resolving_a_blocker_on_the_summary_edits_the_summary_to_show_who_resolved_it()
    {
        await using var s = (await StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        await s.RunUntilAsync(FirstPrompt);
        await s.Alice().RunsCommandAsync(Command, "Blocked:\n- waiting on API keys\n- flaky CI");
        await s.RunUntilAsync(FirstClose);

        await s.Lena().ClicksAsync(Summary(s, "Week of 17 Nov"), ResolveAction);
        await s.RunJobsAsync();

        var summary = Summary(s, "Week of 17 Nov");
        Assert.True(summary.Edited);
        Assert.Contains("✅ ~waiting on API keys~ — alice, resolved by lena", summary.VisibleText, StringComparison.Ordinal);
        Assert.Contains("🚧 flaky CI", summary.VisibleText, StringComparison.Ordinal);
        Assert.Equal(1, ResolveButtons(summary));
    }

    [Fact]
    public async Task Only_the_blockers_author_or_the_lead_can_resolve_it_and_anyone_else_is_told_privately_who_can()
    {
        await using var s = (await StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        await s.RunUntilAsync(FirstPrompt);
        await s.Alice().RunsCommandAsync(Command, "Blocked:\n- waiting on API keys\n- flaky CI");
        await s.RunUntilAsync(FirstClose);

        await s.User("U_BOB", Channel).ClicksAsync(Summary(s, "Week of 17 Nov"), ResolveAction);
        await s.RunJobsAsync();

        Assert.Equal(
            ["Only <@U_ALICE> (who reported it) or <@U_LENA> (the team's lead) can mark this blocker resolved."],
            s.Slack.Ephemerals(Channel, "U_BOB").Select(m => m.Text));
        Assert.False(Summary(s, "Week of 17 Nov").Edited);
        Assert.Equal(2, ResolveButtons(Summary(s, "Week of 17 Nov")));

        // Her own blocker: Alice may.
        await s.Alice().ClicksAsync(Summary(s, "Week of 17 Nov"), ResolveAction);
        await s.RunJobsAsync();
        Assert.Contains("✅ ~waiting on API keys~ — alice, resolved by alice", Summary(s, "Week of 17 Nov").VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolving_a_blocker_on_her_reply_marks_it_resolved_in_the_reply_and_in_the_summary()
    {
        await using var s = (await StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        await s.RunUntilAsync(FirstPrompt);
        await s.Alice().RunsCommandAsync(Command, "Done: payouts\nBlocked:\n- waiting on API keys\n- flaky CI");
        await s.RunUntilAsync(FirstClose);
        var reply = s.Slack.ThreadReplies(Channel, s.Root("Week of 17 Nov").Ts)[0];
        Assert.Equal(2, ResolveButtons(reply));

        await s.Lena().ClicksAsync(reply, ResolveAction);
        await s.RunJobsAsync();

        reply = s.Slack.ThreadReplies(Channel, s.Root("Week of 17 Nov").Ts)[0];
        Assert.Contains("✅ ~waiting on API keys~ (resolved)", reply.VisibleText, StringComparison.Ordinal);
        Assert.Contains("payouts", reply.VisibleText, StringComparison.Ordinal);
        Assert.Equal(1, ResolveButtons(reply));
        var summary = Summary(s, "Week of 17 Nov");
        Assert.Contains("✅ ~waiting on API keys~ — alice, resolved by lena", summary.VisibleText, StringComparison.Ordinal);
        Assert.Equal(1, ResolveButtons(summary));
    }

    [Fact]
    public async Task An_unresolved_blocker_carries_over_with_its_age_and_written_again_stays_the_same_blocker()
    {
        await using var s = (await StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        await s.RunUntilAsync(FirstPrompt);
        await s.Alice().RunsCommandAsync(Command, "Blocked:\n- no staging DB\n- waiting on API keys\n- flaky CI");
        await s.RunUntilAsync(FirstClose);
        // The first Resolve button on the summary is the staging DB's.
        await s.Lena().ClicksAsync(Summary(s, "Week of 17 Nov"), ResolveAction);
        await s.RunUntilAsync(new DateTimeOffset(2025, 11, 25, 10, 0, 0, TimeSpan.Zero));

        await s.Alice().RunsCommandAsync(Command, "Done: refunds\nBlockers: Waiting on  API keys");
        await s.RunUntilAsync(FirstClose.AddDays(7));

        var summary = Summary(s, "Week of 24 Nov");
        var text = summary.VisibleText;
        Assert.Contains("🚧 Waiting on  API keys — alice, open 9 days", text, StringComparison.Ordinal);
        Assert.Contains("🚧 flaky CI — alice, open 9 days", text, StringComparison.Ordinal);
        Assert.DoesNotContain("staging", text, StringComparison.Ordinal);
        Assert.Equal(2, ResolveButtons(summary));
        var thisWeeksReply = s.Slack.ThreadReplies(Channel, s.Root("Week of 24 Nov").Ts)[0];
        Assert.Contains(thisWeeksReply.Ts.Replace(".", "", StringComparison.Ordinal), text, StringComparison.Ordinal);
    }
}
