using System.Text.Json.Nodes;
using AsyncLead.Tests.Infrastructure;
using Dapper;
using static AsyncLead.Tests.Features.Decisions.DecisionTeam;

namespace AsyncLead.Tests.Features.Decisions;

/// <summary>
/// The author edits a posted doc: the message changes in place and says so, the thread says what changed, and an
/// approval given before the Options or the Recommendation changed waits for its reviewer to confirm it.
/// </summary>
public sealed class EditingDocsTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static readonly DateTimeOffset Monday = new(2025, 11, 17, 8, 0, 0, TimeSpan.Zero);

    // The default deadline, Thu 20 Nov 17:00 in Berlin, and the day after.
    private static readonly DateTimeOffset Thursday = new(2025, 11, 20, 16, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Friday = new(2025, 11, 21, 16, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset MondayAfter = new(2025, 11, 24, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Alice_changes_the_recommendation_reviewers_and_deadline_and_bob_s_earlier_approval_waits_for_him_to_confirm()
    {
        await using var team = await DecisionTeam.StartAsync(database, Monday);
        var posted = await team.AlicePostsDocAsync();
        await team.ClicksAndJobsRunAsync(team.BobUser, "decision_approve");
        team.Scenario.Clock.Advance(TimeSpan.FromHours(2));

        await team.AliceUser.ClicksAsync(team.Doc(), "decision_edit");
        var form = team.Slack.OpenModalFor(Alice)!;
        Assert.Equal("decision_edit", form.CallbackId);
        Assert.Equal("Move the job queue to Postgres", CreatingDocsTests.InitialText(form, "title"));
        Assert.Equal("Option 2.", CreatingDocsTests.InitialText(form, "recommendation"));
        Assert.Equal([Bob, Carol], InitialUsers(form));
        Assert.Equal(Thursday.ToUnixTimeSeconds(), CreatingDocsTests.Initial(form, "deadline", "initial_date_time"));

        var saved = await team.AliceUser.SubmitsViewAsync(
            ("Recommendation", "Option 2, behind a feature flag <for a week>."),
            ("Reviewers", new[] { Bob, Dave }),
            ("Response deadline", Friday),
            ("Decision date", MondayAfter));
        Assert.True(saved.IsSuccess && saved.Json is null, saved.ToString());
        await team.Scenario.RunJobsAsync();

        // Updated in place: still one message, with the new text, the new reviewers and an edited note.
        var doc = Assert.Single(team.Slack.Messages(Channel));
        Assert.Equal(posted.Ts, doc.Ts);
        var text = doc.VisibleText;
        Assert.Contains("Option 2, behind a feature flag &lt;for a week&gt;.", text);
        Assert.Contains("Reviewers: <@U_BOB>, <@U_DAVE> · _edited <!date^" + team.Scenario.Clock.GetUtcNow().ToUnixTimeSeconds() + "^", text);
        Assert.Contains("0/2 responded · due Fri 17:00", text);
        Assert.Contains("Approved an earlier version: <@U_BOB> · Waiting for: <@U_DAVE>", text);
        Assert.Contains($"Responses due <!date^{Friday.ToUnixTimeSeconds()}^", text);

        Assert.Equal(
            ":pencil2: <@U_ALICE> edited DEC-1 *Move the job queue to Postgres*:\n• Changed: Recommendation\n• New reviewer: <@U_DAVE>\n"
            + "• No longer a reviewer: <@U_CAROL>\n"
            + $"• Responses now due <!date^{Friday.ToUnixTimeSeconds()}^{{date_short_pretty}} at {{time}}|Fri 21 Nov 2025 17:00 Europe/Berlin>\n"
            + $"• Decision now planned <!date^{MondayAfter.ToUnixTimeSeconds()}^{{date_short_pretty}} at {{time}}|Mon 24 Nov 2025 09:00 Europe/Berlin>\n"
            + "<@U_BOB> approved an earlier version and is asked to confirm.",
            Assert.Single(team.Thread()).Text);
        var asked = Assert.Single(team.Slack.Messages(Bob)).Text;
        Assert.StartsWith(":pencil2: <@U_ALICE> changed the Recommendation of DEC-1 *Move the job queue to Postgres* in <#C_ARCH> after you approved it", asked);
        Assert.Contains("*Approve* to confirm", asked);

        // Bob confirms on the doc; Carol, no longer a reviewer, is a comment now.
        await team.ClicksAndJobsRunAsync(team.BobUser, "decision_approve");
        Assert.Equal("You confirmed your approval of DEC-1 *Move the job queue to Postgres* as it reads now.", team.EphemeralsFor(Bob).Last());
        Assert.Contains("1/2 responded · due Fri 17:00", team.Doc().VisibleText);
        Assert.Contains("Approved: <@U_BOB> · Waiting for: <@U_DAVE>", team.Doc().VisibleText);
        await team.ClicksAndJobsRunAsync(team.CarolUser, "decision_approve");
        Assert.Contains("not one of its reviewers", team.EphemeralsFor(Carol).Last());

        // The old deadline passes quietly; the moved one closes the doc, and the page tells the edit.
        await team.Scenario.AdvanceAsync(Thursday - team.Scenario.Clock.GetUtcNow() + TimeSpan.FromMinutes(1));
        Assert.Single(team.Thread());
        await team.Scenario.AdvanceAsync(Friday - team.Scenario.Clock.GetUtcNow());
        Assert.Contains("Did not answer: <@U_DAVE>", team.Thread().Last().Text);
        var export = (await team.AliceUser.RunsCommandAsync("/decision", "export DEC-1")).Json!["text"]!.GetValue<string>();
        Assert.Contains("consulted: \"bob (approved), dave (no answer)\"", export);
        // The deadline moved in the edit is on the record.
        Assert.Contains("* alice moved the response deadline from 2025-11-20 to 2025-11-21 in an edit.", export);
        Assert.Contains("Option 2, behind a feature flag", export);
    }

    [Fact]
    public async Task Once_every_approval_counted_a_change_to_the_options_asks_both_to_confirm_and_hides_decide_until_they_do()
    {
        await using var team = await DecisionTeam.StartAsync(database, Monday);
        await team.AlicePostsDocAsync();
        await team.ClicksAndJobsRunAsync(team.BobUser, "decision_approve");
        await team.ClicksAndJobsRunAsync(team.CarolUser, "decision_approve");
        Assert.Contains("decision_decide", CreatingDocsTests.ActionIds(team.Doc()));
        Assert.Single(team.Slack.Messages(Alice));

        await team.AliceUser.RunsCommandAsync("/decision", "edit DEC-1");
        Assert.Equal("decision_edit", team.Slack.OpenModalFor(Alice)?.CallbackId);
        await team.AliceUser.SubmitsViewAsync(("Options Considered", "1. Keep Redis\n2. Postgres with `SKIP LOCKED`\n3. SQS"));
        await team.Scenario.RunJobsAsync();

        Assert.DoesNotContain("decision_decide", CreatingDocsTests.ActionIds(team.Doc()));
        Assert.Contains("0/2 responded", team.Doc().VisibleText);
        Assert.Contains("Approved an earlier version: <@U_BOB>, <@U_CAROL>", team.Doc().VisibleText);
        Assert.EndsWith("<@U_BOB>, <@U_CAROL> approved an earlier version and are asked to confirm.", team.Thread().Single().Text);
        Assert.Contains("changed the Options Considered of DEC-1", Assert.Single(team.Slack.Messages(Carol)).Text);
        // Waiting to confirm, they are reminded before the deadline like anyone who hasn't answered.
        Assert.NotEmpty(await PendingRemindersAsync(Carol));

        await team.ClicksAndJobsRunAsync(team.BobUser, "decision_approve");
        await team.ClicksAndJobsRunAsync(team.CarolUser, "decision_approve");
        Assert.Contains("decision_decide", CreatingDocsTests.ActionIds(team.Doc()));
        // Alice hears again that it is ready: what they approved is new.
        Assert.Equal(2, team.Slack.Messages(Alice).Count(m => m.Text.StartsWith(":tada: Every reviewer approved DEC-1", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_fix_to_the_problem_statement_keeps_approvals_only_alice_may_edit_and_a_closed_doc_can_not_be()
    {
        await using var team = await DecisionTeam.StartAsync(database, Monday);
        await team.AlicePostsDocAsync();
        await team.ClicksAndJobsRunAsync(team.BobUser, "decision_approve");

        await team.ClicksAndJobsRunAsync(team.DaveUser, "decision_edit");
        Assert.Equal(["Only <@U_ALICE> can edit DEC-1."], team.EphemeralsFor(Dave));
        Assert.Contains("Only <@U_ALICE> can edit DEC-1.",
            (await team.DaveUser.RunsCommandAsync("/decision", "edit DEC-1")).Json!["text"]!.GetValue<string>());

        await team.AliceUser.ClicksAsync(team.Doc(), "decision_edit");
        var unchanged = await team.AliceUser.SubmitsViewAsync();
        Assert.Equal("Nothing is changed yet: edit a section, the reviewers or the dates, or cancel.", unchanged.Json?["errors"]?["title"]?.GetValue<string>());
        var tooSoon = await team.AliceUser.SubmitsViewAsync(("Response deadline", Monday.AddMinutes(20)));
        Assert.Contains("at least an hour", tooSoon.Json?["errors"]?["deadline"]?.GetValue<string>());
        var noReviewers = await team.AliceUser.SubmitsViewAsync(("Reviewers", Array.Empty<string>()));
        Assert.Contains("at least one reviewer", noReviewers.Json?["errors"]?["reviewers"]?.GetValue<string>());

        var saved = await team.AliceUser.SubmitsViewAsync(("Problem Statement", "Jobs in Redis are **lost** on every restart."));
        Assert.True(saved.IsSuccess && saved.Json is null, saved.ToString());
        await team.Scenario.RunJobsAsync();
        Assert.Contains("Jobs in Redis are *lost* on every restart.", team.Doc().VisibleText);
        Assert.Contains("Approved: <@U_BOB> · Waiting for: <@U_CAROL>", team.Doc().VisibleText);
        Assert.Equal(":pencil2: <@U_ALICE> edited DEC-1 *Move the job queue to Postgres*:\n• Changed: Problem Statement", team.Thread().Single().Text);
        Assert.Empty(team.Slack.Messages(Bob));

        await team.Scenario.AdvanceAsync(Thursday - team.Scenario.Clock.GetUtcNow());
        Assert.DoesNotContain("decision_edit", CreatingDocsTests.ActionIds(team.Doc()));
        Assert.Equal("Responses on DEC-1 *Move the job queue to Postgres* are closed, so it can't be edited. *Extend deadline* on the doc opens it again.",
            (await team.AliceUser.RunsCommandAsync("/decision", "edit DEC-1")).Json!["text"]!.GetValue<string>());
        // The title "Edit the roadmap" is a new doc, not an edit.
        await team.AliceUser.RunsCommandAsync("/decision", "Edit the roadmap");
        Assert.Equal("Edit the roadmap", CreatingDocsTests.InitialText(team.Slack.OpenModalFor(Alice)!, "title"));
    }

    private static string[] InitialUsers(Sandbox.Slack.FakeView view) =>
        [.. view.Blocks.OfType<JsonObject>().Single(b => b["block_id"]?.GetValue<string>() == "reviewers")["element"]!["initial_users"]!
            .AsArray().Select(u => u!.GetValue<string>())];

    private async Task<DateTimeOffset[]> PendingRemindersAsync(string reviewer)
    {
        await using var connection = database.DataSource.CreateConnection();
        var runAts = await connection.QueryAsync<DateTime>(
            "SELECT run_at FROM jobs WHERE kind = 'decisions.remind' AND state = 'available' AND payload->>'reviewerId' = @reviewer ORDER BY run_at",
            new { reviewer });
        return [.. runAts.Select(r => new DateTimeOffset(DateTime.SpecifyKind(r, DateTimeKind.Utc)))];
    }
}
