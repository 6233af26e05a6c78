using AsyncLead.Tests.Features.Decisions;
using AsyncLead.Tests.Infrastructure;
using static AsyncLead.Tests.Features.WeeklyUpdates.WeeklyWorld;

namespace AsyncLead.Tests.Platform;

/// <summary>
/// What one action costs in Slack calls once the facts are known (steady state): Slack's rate limits are per method
/// and per workspace, so every call saved is headroom for a bigger team. Nothing lists a thread, a channel or its people.
/// </summary>
public sealed class SlackCallsPerActionTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task A_saved_inline_update_costs_its_reply_and_one_home_publish_each_for_the_author_and_the_lead()
    {
        await using var s = (await StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        await s.RunUntilAsync(FirstPrompt);
        // The week's thread exists and Bob has been seen before: steady state.
        await s.Alice().RunsCommandAsync(Command, "Done: payouts; Next: refunds");
        await s.Bob().RunsCommandAsync(Command, "status");
        await s.RunJobsAsync();
        var before = s.Slack.Calls().Count;

        var saved = await s.Bob().RunsCommandAsync(Command, "Done: ledger; Blocked: waiting on infra");
        await s.RunJobsAsync();

        Assert.True(saved.IsSuccess, saved.ToString());
        var calls = s.Slack.Calls().Skip(before).ToList();
        Assert.Equal(["chat.postMessage", "views.publish", "views.publish"], calls.Select(c => c.Method).Order(StringComparer.Ordinal));
        Assert.Equal(s.Root("Week of 17 Nov").Ts, calls.Single(c => c.Method == "chat.postMessage").Arg("thread_ts"));
        Assert.Equal(["U_BOB", "U_LENA"], calls.Where(c => c.Method == "views.publish").Select(c => c.Arg("user_id")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Opening_the_update_form_costs_one_views_open()
    {
        await using var s = (await StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        await s.RunUntilAsync(FirstPrompt);
        await s.Alice().RunsCommandAsync(Command, "Done: payouts");
        await s.RunJobsAsync();
        var before = s.Slack.Calls().Count;

        await s.Alice().RunsCommandAsync(Command);
        await s.RunJobsAsync();

        Assert.Equal(["views.open"], s.Slack.Calls().Skip(before).Select(c => c.Method));
    }

    [Fact]
    public async Task A_reviewers_approval_costs_the_doc_update_their_confirmation_and_two_home_publishes()
    {
        await using var team = await DecisionTeam.StartAsync(database, new DateTimeOffset(2025, 11, 17, 8, 0, 0, TimeSpan.Zero));
        await team.AlicePostsDocAsync();
        var before = team.Slack.Calls().Count;

        await team.ClicksAndJobsRunAsync(team.CarolUser, "decision_approve");

        var calls = team.Slack.Calls().Skip(before).ToList();
        Assert.Equal(["chat.postEphemeral", "chat.update", "views.publish", "views.publish"], calls.Select(c => c.Method).Order(StringComparer.Ordinal));
        Assert.Equal([DecisionTeam.Alice, DecisionTeam.Carol],
            calls.Where(c => c.Method == "views.publish").Select(c => c.Arg("user_id")).Order(StringComparer.Ordinal));
    }
}
