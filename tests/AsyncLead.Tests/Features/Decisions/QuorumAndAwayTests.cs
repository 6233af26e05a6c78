using AsyncLead.Tests.Infrastructure;
using static AsyncLead.Tests.Features.Decisions.DecisionTeam;

namespace AsyncLead.Tests.Features.Decisions;

/// <summary>
/// A quorum that knows who is away: reviewers away for the rest of the review (AsyncLead away days in their own zone, or
/// a Slack out-of-office status) are excused and shown so; a doc can need every reviewer or a majority; a hold blocks
/// like a concern.
/// </summary>
public sealed class QuorumAndAwayTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static readonly DateTimeOffset Monday = new(2025, 11, 17, 8, 0, 0, TimeSpan.Zero);

    // The default deadline, Thu 20 Nov 17:00 in Berlin.
    private static readonly DateTimeOffset Thursday = new(2025, 11, 20, 16, 0, 0, TimeSpan.Zero);

    // Fri 21 Nov 05:00 in Berlin: still Thursday (23:00) for Bob in New York, already Friday (09:30) for Carol in Kolkata.
    private static readonly DateTimeOffset EarlyFriday = new(2025, 11, 21, 4, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_same_away_days_excuse_bob_in_new_york_but_not_carol_in_kolkata_whose_deadline_falls_on_a_day_she_is_back()
    {
        await using var team = await DecisionTeam.StartAsync(database, Monday);
        foreach (var reviewer in new[] { team.BobUser, team.CarolUser })
        {
            var saved = await reviewer.RunsCommandAsync("/weekly-update", "away 2025-11-17..2025-11-20");
            Assert.True(saved.IsSuccess, saved.ToString());
        }

        await team.AlicePostsDocAsync(more: ("Response deadline", EarlyFriday));

        var text = team.Doc().VisibleText;
        Assert.Contains("0/1 responded · 1 away · due Fri 05:00", text);
        Assert.Contains("Away (excused): <@U_BOB> · Waiting for: <@U_CAROL>", text);
        Assert.Empty(team.Slack.Messages(Alice));

        await team.ClicksAndJobsRunAsync(team.CarolUser, "decision_approve");

        var ready = Assert.Single(team.Slack.Messages(Alice)).Text;
        Assert.StartsWith(":tada: Every reviewer approved DEC-1 *Move the job queue to Postgres* in <#C_ARCH> and no concern is open", ready);
        Assert.Contains(" <@U_BOB> is away, so excused.", ready);
        Assert.Contains("decision_decide", CreatingDocsTests.ActionIds(team.Doc()));
        Assert.Contains("1/1 responded · 1 away · due Fri 05:00 · ready to decide", team.Doc().VisibleText);
        // Away all the way to his deadline, Bob is not reminded either.
        await team.Scenario.AdvanceAsync(EarlyFriday - team.Scenario.Clock.GetUtcNow());
        Assert.Empty(team.Slack.Messages(Bob));
        Assert.Contains("Responses are closed: all 1 reviewers answered and no concern is open. <@U_BOB> is away, so excused.", team.Thread().Last().Text);
        Assert.Contains("consulted: \"bob (away, excused), carol (approved)\"",
            (await team.AliceUser.RunsCommandAsync("/decision", "export DEC-1")).Json!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Carol_s_out_of_office_status_excuses_her_bob_s_hold_blocks_like_a_concern_and_the_close_keeps_who_was_excused()
    {
        await using var team = await DecisionTeam.StartAsync(database, Monday);
        team.Slack.SetStatus(Carol, "Out of office", ":palm_tree:", until: new DateTimeOffset(2025, 11, 24, 3, 30, 0, TimeSpan.Zero));
        team.Slack.SetStatus(Dave, "In a meeting", ":spiral_calendar_pad:");
        await team.AlicePostsDocAsync(more: ("Reviewers", new[] { Bob, Carol, Dave }));
        Assert.Contains("Away (excused): <@U_CAROL> · Waiting for: <@U_BOB>, <@U_DAVE>", team.Doc().VisibleText);

        await team.BobUser.ClicksAsync(team.Doc(), "decision_hold");
        Assert.Equal("Put it on hold", team.Slack.OpenModalFor(Bob)?.Json["title"]?["text"]?.GetValue<string>());
        var empty = await team.BobUser.SubmitsViewAsync(("What should it wait for?", " "));
        Assert.Equal("Say what the decision should wait for.", empty.Json?["errors"]?["text"]?.GetValue<string>());
        await team.BobUser.SubmitsViewAsync(("What should it wait for?", "The *load test* <results>"));
        await team.ClicksAndJobsRunAsync(team.DaveUser, "decision_approve");

        var hold = Assert.Single(team.Thread());
        Assert.Contains(":raised_hand: *Hold* from <@U_BOB> on DEC-1:\nThe _load test_ &lt;results&gt;", hold.VisibleText);
        Assert.Equal(["decision_resolve"], CreatingDocsTests.ActionIds(hold));
        Assert.Contains("2/2 responded · 1 hold · 1 away · due Thu 17:00", team.Doc().VisibleText);
        Assert.Contains("On hold: <@U_BOB>", team.Doc().VisibleText);
        Assert.DoesNotContain("decision_decide", CreatingDocsTests.ActionIds(team.Doc()));
        Assert.Empty(team.Slack.Messages(Alice));

        await team.Scenario.AdvanceAsync(Thursday - Monday);
        var outcome = team.Thread().Last().Text;
        Assert.StartsWith(":speech_balloon: *Needs a 20-minute sync.* Responses are closed (2/2 responded). <@U_CAROL> is away, so excused.", outcome);
        Assert.Contains("Open concerns and holds:\n• <@U_BOB> (hold): The *load test* &lt;results&gt;", outcome);

        // Back from holiday, Carol is still shown as excused on the closed doc: it is what held when responses closed.
        team.Slack.SetStatus(Carol, "");
        team.Scenario.Clock.Advance(TimeSpan.FromDays(2));
        await team.BobUser.ClicksAsync(team.Thread()[0], "decision_resolve");
        await team.Scenario.RunJobsAsync();
        Assert.Contains("Released by <@U_BOB>", team.Thread()[0].VisibleText);
        Assert.Contains("Away (excused): <@U_CAROL>", team.Doc().VisibleText);
        Assert.Contains("carol (out of office, excused)",
            (await team.AliceUser.RunsCommandAsync("/decision", "export DEC-1")).Json!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_status_that_clears_before_the_deadline_does_not_excuse_and_every_reviewer_away_is_not_a_review()
    {
        await using var team = await DecisionTeam.StartAsync(database, Monday);
        team.Slack.SetStatus(Bob, "OOO", until: new DateTimeOffset(2025, 11, 18, 14, 0, 0, TimeSpan.Zero));
        team.Slack.SetStatus(Carol, "Vacationing", ":palm_tree:");
        await team.AlicePostsDocAsync();
        Assert.Contains("Away (excused): <@U_CAROL> · Waiting for: <@U_BOB>", team.Doc().VisibleText);

        await team.Scenario.AdvanceAsync(Thursday - Monday);

        Assert.StartsWith(":speech_balloon: *Needs a 20-minute sync.* Responses are closed (0/1 responded). <@U_CAROL> is away, so excused.", team.Thread().Last().Text);
        Assert.Contains("Did not answer: <@U_BOB>", team.Thread().Last().Text);
    }

    [Fact]
    public async Task A_doc_that_needs_a_majority_is_ready_once_two_of_three_approve_and_an_open_concern_still_blocks_it()
    {
        await using var team = await DecisionTeam.StartAsync(database, Monday);
        await team.AliceUser.RunsCommandAsync("/decision");
        Assert.Equal("all", team.Slack.OpenModalFor(Alice)!.Blocks.OfType<System.Text.Json.Nodes.JsonObject>()
            .Single(b => b["block_id"]?.GetValue<string>() == "quorum")["element"]!["initial_option"]!["value"]!.GetValue<string>());
        await team.AliceUser.SubmitsViewAsync(
            ("Title", "Adopt trunk-based development"), ("Problem Statement", "Long-lived branches rot."),
            ("Reviewers", new[] { Bob, Carol, Dave }), ("Ready to decide when", "majority"));
        await team.Scenario.RunJobsAsync();
        Assert.Contains("Reviewers: <@U_BOB>, <@U_CAROL>, <@U_DAVE> · Ready when a majority approve", team.Doc().VisibleText);

        await team.ClicksAndJobsRunAsync(team.BobUser, "decision_approve");
        Assert.Empty(team.Slack.Messages(Alice));
        await team.ClicksAndJobsRunAsync(team.CarolUser, "decision_approve");

        Assert.StartsWith(":tada: A majority of reviewers (2 of 3) approved DEC-1 *Adopt trunk-based development* in <#C_ARCH> and no concern or hold is open",
            Assert.Single(team.Slack.Messages(Alice)).Text);
        Assert.Contains("decision_decide", CreatingDocsTests.ActionIds(team.Doc()));

        await team.DaveUser.ClicksAsync(team.Doc(), "decision_concern");
        await team.DaveUser.SubmitsViewAsync(("Your concern", "Release trains?"));
        await team.Scenario.RunJobsAsync();
        Assert.DoesNotContain("decision_decide", CreatingDocsTests.ActionIds(team.Doc()));

        await team.Scenario.AdvanceAsync(Thursday - Monday);
        Assert.StartsWith(":speech_balloon: *Needs a 20-minute sync.* Responses are closed (2/3 approved).", team.Thread().Last().Text);

        await team.AliceUser.ClicksAsync(team.Thread().First(m => m.Text.Contains("Concern", StringComparison.Ordinal)), "decision_resolve");
        await team.AliceUser.ClicksAsync(team.Doc(), "decision_decide");
        await team.AliceUser.SubmitsViewAsync(("Chosen option", "Trunk-based"), ("Rationale", "Two of three approved."));
        await team.Scenario.RunJobsAsync();
        Assert.Contains("(decided)", team.Doc().VisibleText);
    }
}
