using AsyncLead.Tests.Infrastructure;
using static AsyncLead.Tests.Features.Decisions.DecisionTeam;

namespace AsyncLead.Tests.Features.Decisions;

/// <summary>At the deadline responses close with an outcome; then the author records the decision.</summary>
public sealed class DeadlineAndDecisionTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static readonly DateTimeOffset Monday = new(2025, 11, 17, 8, 0, 0, TimeSpan.Zero);

    // The default deadline, Thu 20 Nov 17:00 in Berlin.
    private static readonly DateTimeOffset Deadline = new(2025, 11, 20, 16, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task When_everyone_answered_and_no_concern_is_open_the_deadline_says_ready_to_decide()
    {
        await using var team = await DecisionTeam.StartAsync(database, Monday);
        await team.AlicePostsDocAsync();
        await team.ClicksAndJobsRunAsync(team.BobUser, "decision_approve");
        await team.ClicksAndJobsRunAsync(team.CarolUser, "decision_abstain");

        await team.Scenario.AdvanceAsync(Deadline - Monday - TimeSpan.FromMinutes(1));
        Assert.Empty(team.Thread());
        await team.Scenario.AdvanceAsync(TimeSpan.FromMinutes(1));

        var outcome = Assert.Single(team.Thread());
        Assert.Contains("*Ready to decide.*", outcome.Text);
        // Carol's abstention after Bob's approval made it ready early (the first DM); the deadline says so again.
        Assert.Contains("Ready to decide", team.Slack.Messages(Alice).Last().Text);
        var doc = team.Doc().VisibleText;
        Assert.Contains("2/2 responded · closed Thu 17:00 · ready to decide", doc);
        Assert.Equal(["decision_decide", "decision_extend", "decision_withdraw"], CreatingDocsTests.ActionIds(team.Doc()));
    }

    [Fact]
    public async Task With_an_open_concern_and_a_silent_reviewer_the_deadline_asks_for_a_sync_naming_both()
    {
        await using var team = await DecisionTeam.StartAsync(database, Monday);
        await team.AlicePostsDocAsync();
        await team.BobUser.ClicksAsync(team.Doc(), "decision_concern");
        await team.BobUser.SubmitsViewAsync(("Your concern", "Migration\nneeds a freeze"));
        await team.Scenario.RunJobsAsync();

        await team.Scenario.AdvanceAsync(Deadline - Monday);

        var outcome = team.Thread().Last();
        Assert.Contains("*Needs a 20-minute sync.* Responses are closed (1/2 responded).", outcome.Text);
        Assert.Contains("• <@U_BOB>: Migration needs a freeze", outcome.Text);
        Assert.Contains("Did not answer: <@U_CAROL>", outcome.Text);
        var dm = Assert.Single(team.Slack.Messages(Alice)).Text;
        Assert.Contains("Needs a 20-minute sync", dm);
        Assert.Contains("Did not answer: <@U_CAROL>", dm);
        Assert.Contains("needs a sync", team.Doc().VisibleText);
    }

    [Fact]
    public async Task After_the_deadline_answers_are_refused_and_nothing_changes()
    {
        await using var team = await DecisionTeam.StartAsync(database, Monday);
        await team.AlicePostsDocAsync();

        // Carol clicks a second after the deadline, before the deadline job has run and the buttons are gone.
        team.Scenario.Clock.Advance(Deadline - Monday + TimeSpan.FromSeconds(1));
        await team.CarolUser.ClicksAsync(team.Doc(), "decision_approve");
        await team.Scenario.RunJobsAsync();

        Assert.Contains("closed", Assert.Single(team.EphemeralsFor(Carol)));
        Assert.Contains("0/2 responded · closed", team.Doc().VisibleText);
    }

    [Fact]
    public async Task Alice_records_the_decision_and_the_doc_becomes_a_decision_record()
    {
        await using var team = await DecisionTeam.StartAsync(database, Monday);
        await team.AlicePostsDocAsync();
        await team.ClicksAndJobsRunAsync(team.BobUser, "decision_approve");
        await team.ClicksAndJobsRunAsync(team.CarolUser, "decision_approve");
        await team.Scenario.AdvanceAsync(Deadline - Monday + TimeSpan.FromHours(17));

        await team.BobUser.ClicksAsync(team.Doc(), "decision_decide");
        await team.Scenario.RunJobsAsync();
        Assert.Equal("Only <@U_ALICE> can record the decision on DEC-1.", team.EphemeralsFor(Bob).Last());
        Assert.Null(team.Slack.OpenModalFor(Bob));

        await team.AliceUser.ClicksAsync(team.Doc(), "decision_decide");
        Assert.Equal("Option 2.", CreatingDocsTests.InitialText(team.Slack.OpenModalFor(Alice)!, "option"));
        await team.AliceUser.SubmitsViewAsync(("Chosen option", "Postgres with SKIP LOCKED"), ("Rationale", "One less moving part & it's *durable*."));
        await team.Scenario.RunJobsAsync();

        var record = team.Doc().VisibleText;
        Assert.Contains("DEC-1 · Move the job queue to Postgres (decided)", record);
        Assert.Contains("*Decided:* Postgres with SKIP LOCKED", record);
        Assert.Contains("*Rationale:* One less moving part &amp; it's _durable_.", record);
        Assert.Contains("Decided by <@U_ALICE> on <!date^" + new DateTimeOffset(2025, 11, 21, 9, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds(), record);
        // A record takes no more responses; what is left is proposing what replaces it.
        Assert.Equal(["decision_supersede"], CreatingDocsTests.ActionIds(team.Doc()));
        Assert.Contains("Decided by <@U_ALICE>: *Postgres with SKIP LOCKED*", team.Thread().Last().Text);
    }
}
