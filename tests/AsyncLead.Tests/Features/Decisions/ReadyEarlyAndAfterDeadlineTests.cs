using AsyncLead.Tests.Infrastructure;
using static AsyncLead.Tests.Features.Decisions.DecisionTeam;

namespace AsyncLead.Tests.Features.Decisions;

/// <summary>
/// A doc every reviewer approved can be decided before its deadline; one nobody decides after its deadline reminds its
/// author on working mornings, can still be extended or withdrawn, and lapses after two weeks.
/// </summary>
public sealed class ReadyEarlyAndAfterDeadlineTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static readonly DateTimeOffset Monday = new(2025, 11, 17, 8, 0, 0, TimeSpan.Zero);

    // The default deadline, Thu 20 Nov 17:00 in Berlin.
    private static readonly DateTimeOffset Deadline = new(2025, 11, 20, 16, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Once_every_reviewer_approved_alice_is_told_once_and_decides_before_the_deadline()
    {
        await using var team = await DecisionTeam.StartAsync(database, Monday);
        await team.AlicePostsDocAsync();
        await team.ClicksAndJobsRunAsync(team.BobUser, "decision_approve");
        Assert.Empty(team.Slack.Messages(Alice));
        Assert.DoesNotContain("decision_decide", CreatingDocsTests.ActionIds(team.Doc()));

        await team.ClicksAndJobsRunAsync(team.CarolUser, "decision_approve");

        var ready = Assert.Single(team.Slack.Messages(Alice)).Text;
        Assert.StartsWith(":tada: Every reviewer approved DEC-1 *Move the job queue to Postgres* in <#C_ARCH> and no concern is open", ready);
        Assert.Contains("ready to decide now, before its deadline", ready);
        Assert.Contains("2/2 responded · due Thu 17:00 · ready to decide", team.Doc().VisibleText);
        Assert.Equal(["decision_approve", "decision_concern", "decision_question", "decision_abstain", "decision_hold", "decision_decide", "decision_edit", "decision_extend", "decision_withdraw"],
            CreatingDocsTests.ActionIds(team.Doc()));

        // Carol wavers and comes back: Alice was already told.
        await team.ClicksAndJobsRunAsync(team.CarolUser, "decision_abstain");
        await team.ClicksAndJobsRunAsync(team.CarolUser, "decision_approve");
        Assert.Single(team.Slack.Messages(Alice));

        team.Scenario.Clock.Advance(TimeSpan.FromDays(1));
        await team.AliceUser.ClicksAsync(team.Doc(), "decision_decide");
        Assert.Equal("decision_record", team.Slack.OpenModalFor(Alice)?.CallbackId);
        var recorded = await team.AliceUser.SubmitsViewAsync(("Chosen option", "Postgres <now>"), ("Rationale", "Nobody objected."));
        Assert.True(recorded.IsSuccess && recorded.Json is null, recorded.ToString());
        await team.Scenario.RunJobsAsync();

        var record = team.Doc().VisibleText;
        Assert.Contains("DEC-1 · Move the job queue to Postgres (decided)", record);
        Assert.Contains("*Decided:* Postgres &lt;now&gt;", record);
        Assert.Contains("before the response deadline: every reviewer approved", record);
        Assert.Equal(":white_check_mark: Decided early by <@U_ALICE>: *Postgres &lt;now&gt;* (every reviewer approved before the response deadline)",
            team.Thread().Last().Text);

        // The deadline no longer comes: no outcome in the thread, nothing more for Alice.
        await team.Scenario.AdvanceAsync(Deadline - team.Scenario.Clock.GetUtcNow() + TimeSpan.FromDays(3));
        Assert.Single(team.Thread());
        Assert.Single(team.Slack.Messages(Alice));
        var export = (await team.AliceUser.RunsCommandAsync("/decision", "export DEC-1")).Json!["text"]!.GetValue<string>();
        Assert.Contains("\ndate: 2025-11-18\n", export);
        Assert.Contains("* Decided early: every reviewer approved before the response deadline.", export);
    }

    [Fact]
    public async Task An_open_concern_holds_it_back_until_resolved_and_a_question_is_not_an_approval()
    {
        await using var team = await DecisionTeam.StartAsync(database, Monday);
        await team.AlicePostsDocAsync();
        await team.BobUser.ClicksAsync(team.Doc(), "decision_concern");
        await team.BobUser.SubmitsViewAsync(("Your concern", "Who runs the migration?"));
        await team.Scenario.RunJobsAsync();
        await team.ClicksAndJobsRunAsync(team.BobUser, "decision_approve");
        await team.CarolUser.ClicksAsync(team.Doc(), "decision_question");
        await team.CarolUser.SubmitsViewAsync(("Your question", "Which Postgres version?"));
        await team.Scenario.RunJobsAsync();

        Assert.Empty(team.Slack.Messages(Alice));
        Assert.DoesNotContain("decision_decide", CreatingDocsTests.ActionIds(team.Doc()));

        await team.ClicksAndJobsRunAsync(team.CarolUser, "decision_approve");
        Assert.Empty(team.Slack.Messages(Alice));

        var concern = team.Thread().First(m => m.Text.Contains("Concern", StringComparison.Ordinal));
        await team.BobUser.ClicksAsync(concern, "decision_resolve");
        await team.Scenario.RunJobsAsync();

        Assert.Contains("Every reviewer approved DEC-1", Assert.Single(team.Slack.Messages(Alice)).Text);
        Assert.Contains("decision_decide", CreatingDocsTests.ActionIds(team.Doc()));
    }

    [Fact]
    public async Task Undecided_after_the_deadline_alice_is_reminded_three_working_mornings_and_after_two_weeks_it_lapses()
    {
        await using var team = await DecisionTeam.StartAsync(database, Monday);
        await team.AlicePostsDocAsync();
        await team.ClicksAndJobsRunAsync(team.BobUser, "decision_approve");
        await team.Scenario.AdvanceAsync(Deadline - Monday);
        Assert.Contains("Needs a 20-minute sync", Assert.Single(team.Slack.Messages(Alice)).Text);
        Assert.Equal(["decision_decide", "decision_extend", "decision_withdraw"], CreatingDocsTests.ActionIds(team.Doc()));

        // 09:00 in Berlin on Friday, then Monday and Tuesday: the weekend is skipped, and there is no fourth.
        DateTimeOffset[] mornings =
        [
            new(2025, 11, 21, 8, 0, 0, TimeSpan.Zero), new(2025, 11, 24, 8, 0, 0, TimeSpan.Zero), new(2025, 11, 25, 8, 0, 0, TimeSpan.Zero),
        ];
        foreach (var morning in mornings)
        {
            await team.Scenario.AdvanceAsync(morning - team.Scenario.Clock.GetUtcNow());
        }

        await team.Scenario.AdvanceAsync(Deadline.AddDays(14) - team.Scenario.Clock.GetUtcNow() - TimeSpan.FromMinutes(1));
        var reminders = team.Slack.Messages(Alice).Skip(1).ToList();
        Assert.Equal(mornings, reminders.Select(Posted));
        Assert.All(reminders, m => Assert.StartsWith(":memo: Responses on DEC-1 *Move the job queue to Postgres* in <#C_ARCH> closed <!date^", m.Text));
        Assert.Contains("Record it with *Decide* on the doc, or *Extend deadline* or *Withdraw* it there. Left undecided, it lapses <!date^"
            + (Deadline + TimeSpan.FromDays(14)).ToUnixTimeSeconds(), reminders[0].Text);
        Assert.Contains("DEC-1", (await team.DaveUser.RunsCommandAsync("/decision", "list")).Json!["text"]!.GetValue<string>());

        await team.Scenario.AdvanceAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(":zzz: DEC-1 *Move the job queue to Postgres* lapsed: no decision was recorded within two weeks of its response deadline, "
            + "so it has left the open list. <@U_ALICE> can bring it back as a new doc with `/decision`.", team.Thread().Last().Text);
        Assert.Contains("DEC-1 · Move the job queue to Postgres (lapsed)", team.Doc().VisibleText);
        Assert.Empty(CreatingDocsTests.ActionIds(team.Doc()));
        Assert.Equal("No decision docs yet. Write one with `/decision`.",
            (await team.DaveUser.RunsCommandAsync("/decision", "list")).Json!["text"]!.GetValue<string>());
        Assert.Contains("Lapsed: no decision was recorded within two weeks of the response deadline.",
            (await team.AliceUser.RunsCommandAsync("/decision", "export DEC-1")).Json!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task After_the_deadline_alice_can_still_extend_which_opens_the_doc_again_and_stops_the_reminders_to_decide()
    {
        await using var team = await DecisionTeam.StartAsync(database, Monday);
        await team.AlicePostsDocAsync();
        await team.Scenario.AdvanceAsync(Deadline - Monday + TimeSpan.FromHours(1));

        var newDeadline = Deadline.AddDays(7);
        await team.AliceUser.ClicksAsync(team.Doc(), "decision_extend");
        var extended = await team.AliceUser.SubmitsViewAsync(("New response deadline", newDeadline), ("Why", "Carol is back Monday"));
        Assert.True(extended.IsSuccess && extended.Json is null, extended.ToString());
        await team.Scenario.RunJobsAsync();

        Assert.Contains("0/2 responded · due Thu 27 Nov 17:00", team.Doc().VisibleText);
        Assert.Contains("decision_approve", CreatingDocsTests.ActionIds(team.Doc()));
        await team.CarolUser.ClicksAsync(team.Doc(), "decision_question");
        await team.CarolUser.SubmitsViewAsync(("Your question", "Does it need a freeze?"));
        await team.Scenario.RunJobsAsync();

        await team.Scenario.AdvanceAsync(newDeadline - team.Scenario.Clock.GetUtcNow() - TimeSpan.FromMinutes(1));
        // Only the first close's note to Alice: the reminders to decide went with the extension.
        Assert.Single(team.Slack.Messages(Alice));
        await team.Scenario.AdvanceAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(2, team.Thread().Count(m => m.Text.Contains("Needs a 20-minute sync", StringComparison.Ordinal)));

        await team.ClicksAndJobsRunAsync(team.AliceUser, "decision_withdraw");
        Assert.Contains("DEC-1 · Move the job queue to Postgres (withdrawn)", team.Doc().VisibleText);
        await team.Scenario.AdvanceAsync(TimeSpan.FromDays(15));
        Assert.Equal(2, team.Slack.Messages(Alice).Count);
        Assert.DoesNotContain(team.Thread(), m => m.Text.Contains("lapsed", StringComparison.Ordinal));
    }

    // FakeSlack stamps a message's ts from the scenario's clock.
    private static DateTimeOffset Posted(Sandbox.Slack.FakeMessage message) =>
        DateTimeOffset.FromUnixTimeSeconds(long.Parse(message.Ts.Split('.')[0], System.Globalization.CultureInfo.InvariantCulture));
}
