using AsyncLead.Sandbox.Simulation;
using AsyncLead.Tests.Infrastructure;
using AsyncLead.Web;
using Dapper;
using static AsyncLead.Tests.Features.Decisions.DecisionTeam;

namespace AsyncLead.Tests.Features.Decisions;

/// <summary>
/// A recorded decision can be superseded by a new doc (<c>/decision supersede DEC-1</c>, or <i>Supersede</i> on the
/// record): once the new doc is decided, both records say so in Slack, on the pages and in the MADR export; a new doc
/// withdrawn leaves the old one as it was. Only a decision on record nobody replaced yet can be superseded.
/// </summary>
public sealed class SupersedeTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private const string OldTitle = "Move the job queue to Postgres";
    private const string NewTitle = "Move the job queue to SQS";
    private static readonly DateTimeOffset Monday = new(2025, 11, 17, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Once_the_new_doc_is_decided_both_records_say_so_in_slack_on_the_pages_and_in_the_export()
    {
        await using var team = await DecisionTeam.StartAsync(database, Monday);
        await DecideOldDocAsync(team);

        var opened = await team.DaveUser.RunsCommandAsync("/decision", "supersede dec-1");
        Assert.True(opened.IsSuccess && opened.Json is null, opened.ToString());
        var form = team.Slack.OpenModalFor(Dave)!;
        Assert.Equal("decision_doc", form.CallbackId);
        Assert.Contains("This doc supersedes DEC-1", form.VisibleText);
        await PostNewDocAsync(team, team.DaveUser);

        Assert.Contains("Proposed to supersede DEC-1", team.Doc(NewTitle).VisibleText);
        Assert.DoesNotContain("Superseded", team.Doc(OldTitle).VisibleText);

        await team.BobUser.ClicksAsync(team.Doc(NewTitle), "decision_approve");
        await team.Scenario.RunJobsAsync();
        await team.DaveUser.ClicksAsync(team.Doc(NewTitle), "decision_decide");
        Assert.True((await team.DaveUser.SubmitsViewAsync(("Chosen option", "SQS"), ("Rationale", "We left the database business."))).IsSuccess);
        await team.Scenario.RunJobsAsync();

        // Slack: the old record is updated in place (and its thread told), the new one names what it replaces.
        var old = team.Doc(OldTitle);
        Assert.Contains("DEC-1 · Move the job queue to Postgres (superseded)", old.VisibleText);
        Assert.Contains("Superseded by DEC-2", old.VisibleText);
        Assert.DoesNotContain("decision_supersede", CreatingDocsTests.ActionIds(old));
        Assert.StartsWith(":arrows_counterclockwise: This decision is superseded by DEC-2 *Move the job queue to SQS*",
            team.Slack.ThreadReplies(Channel, old.Ts).Last().Text);
        Assert.Contains("Supersedes DEC-1", team.Doc(NewTitle).VisibleText);
        Assert.Contains("decision_supersede", CreatingDocsTests.ActionIds(team.Doc(NewTitle)));
        Assert.Contains("Superseded by DEC-2", await TextAsync(team.BobUser.RunsCommandAsync("/decision", "DEC-1")));
        var list = await TextAsync(team.BobUser.RunsCommandAsync("/decision", "list"));
        Assert.Contains(": Postgres · Superseded by DEC-2", list);
        Assert.Contains(": SQS · Supersedes DEC-1", list);

        // Exports: MADR's status for a replaced record, and a line in the new one.
        Assert.Contains("\nstatus: \"superseded by DEC-2\"\n", await TextAsync(team.BobUser.RunsCommandAsync("/decision", "export DEC-1")));
        var newer = await TextAsync(team.BobUser.RunsCommandAsync("/decision", "export DEC-2"));
        Assert.Contains("\nstatus: \"accepted\"\n", newer);
        Assert.Contains("* Supersedes DEC-1.", newer);

        // Pages: each record links the other; the log shows both.
        var links = team.Scenario.Host.Services.GetRequiredService<PageLinks>();
        var (oldId, newId) = (await IdAsync(1), await IdAsync(2));
        var oldPage = await team.Scenario.Host.Http.GetStringAsync(links.Decision(SlackScenario.TeamId, oldId, Bob)!.PathAndQuery);
        Assert.Contains("<span class=\"badge status-withdrawn\">superseded by DEC-2</span>", oldPage);
        Assert.Matches("<dt>Superseded by</dt><dd><a href=\"/w/[^\"]+\">DEC-2</a></dd>", oldPage);
        Assert.Contains("status: &quot;superseded by DEC-2&quot;", oldPage);
        var newPage = await team.Scenario.Host.Http.GetStringAsync(links.Decision(SlackScenario.TeamId, newId, Bob)!.PathAndQuery);
        Assert.Matches("<dt>Supersedes</dt><dd><a href=\"/w/[^\"]+\">DEC-1</a></dd>", newPage);
        var log = await team.Scenario.Host.Http.GetStringAsync(links.DecisionLog(SlackScenario.TeamId, Bob)!.PathAndQuery);
        Assert.Contains("<span class=\"muted\">supersedes DEC-1</span>", log);
        Assert.Contains("superseded by DEC-2</span>", log);

        Assert.StartsWith("DEC-1 *Move the job queue to Postgres* is already superseded by DEC-2",
            await TextAsync(team.CarolUser.RunsCommandAsync("/decision", "supersede DEC-1")));
    }

    [Fact]
    public async Task The_supersede_button_opens_the_linked_form_and_a_withdrawn_new_doc_leaves_the_old_record_untouched()
    {
        await using var team = await DecisionTeam.StartAsync(database, Monday);
        await DecideOldDocAsync(team);

        await team.CarolUser.ClicksAsync(team.Doc(OldTitle), "decision_supersede");
        Assert.Equal("Supersede DEC-1", team.Slack.OpenModalFor(Carol)!.Json["title"]!["text"]!.GetValue<string>());
        // Picking reviewers redraws the form; it stays linked to DEC-1.
        await team.CarolUser.PicksAsync(team.Slack.OpenModalFor(Carol)!, "decision_reviewers", new[] { Bob });
        await team.Scenario.RunJobsAsync();
        Assert.Contains("This doc supersedes DEC-1", team.Slack.OpenModalFor(Carol)!.VisibleText);
        Assert.Equal("C_ARCH:1", team.Slack.OpenModalFor(Carol)!.PrivateMetadata);
        await PostNewDocAsync(team, team.CarolUser);
        await team.CarolUser.ClicksAsync(team.Doc(NewTitle), "decision_withdraw");
        await team.Scenario.RunJobsAsync();

        Assert.Contains("DEC-2 · Move the job queue to SQS (withdrawn)", team.Doc(NewTitle).VisibleText);
        var old = team.Doc(OldTitle);
        Assert.Contains("DEC-1 · Move the job queue to Postgres (decided)", old.VisibleText);
        Assert.DoesNotContain("Superseded", old.VisibleText);
        Assert.Contains("decision_supersede", CreatingDocsTests.ActionIds(old));
        Assert.Contains("\nstatus: \"accepted\"\n", await TextAsync(team.BobUser.RunsCommandAsync("/decision", "export DEC-1")));

        // It can still be superseded, by a later doc.
        Assert.True((await team.BobUser.RunsCommandAsync("/decision", "supersede DEC-1")).IsSuccess);
        Assert.Equal("decision_doc", team.Slack.OpenModalFor(Bob)?.CallbackId);
    }

    [Fact]
    public async Task Only_a_recorded_decision_the_person_can_see_can_be_superseded()
    {
        await using var team = await DecisionTeam.StartAsync(database, Monday);
        team.Slack.AddChannel("C_LEADS", "leads", members: [Alice, Carol], botIsMember: true, isPrivate: true);
        await team.AlicePostsDocAsync(OldTitle);

        Assert.StartsWith("There is no DEC-9 that you can see", await TextAsync(team.BobUser.RunsCommandAsync("/decision", "supersede DEC-9")));
        Assert.Equal("DEC-1 *Move the job queue to Postgres* is open: only a decision on record can be superseded. Edit it, or wait for its decision.",
            await TextAsync(team.BobUser.RunsCommandAsync("/decision", "supersede DEC-1")));
        Assert.Null(team.Slack.OpenModalFor(Bob));

        var alice = team.Scenario.User(Alice, "C_LEADS");
        Assert.True((await alice.RunsCommandAsync("/decision")).IsSuccess);
        await alice.SubmitsViewAsync(("Title", "Reorganise the platform team"), ("Problem Statement", "Two teams own the same queue."), ("Reviewers", new[] { Carol }));
        await team.Scenario.RunJobsAsync();
        Assert.StartsWith("There is no DEC-2 that you can see", await TextAsync(team.DaveUser.RunsCommandAsync("/decision", "supersede DEC-2")));

        // "Supersede" followed by words is a title, as with edit.
        Assert.True((await team.DaveUser.RunsCommandAsync("/decision", "supersede the cron jobs")).IsSuccess);
        Assert.Contains("\"initial_value\":\"supersede the cron jobs\"", team.Slack.OpenModalFor(Dave)!.Json.ToJsonString());

        // A form left open while someone else superseded the record refuses to post.
        await team.Scenario.RunJobsAsync();
        await using (var connection = database.DataSource.CreateConnection())
        {
            await connection.ExecuteAsync("UPDATE decisions SET status = 'decided', decided_option = 'x', decided_by = @Alice, decided_at = now() WHERE number = 1",
                new { Alice });
        }

        Assert.True((await team.BobUser.RunsCommandAsync("/decision", "supersede DEC-1")).IsSuccess);
        await using (var connection = database.DataSource.CreateConnection())
        {
            await connection.ExecuteAsync("UPDATE decisions SET superseded_by = 7 WHERE number = 1");
        }

        var refused = await team.BobUser.SubmitsViewAsync(("Title", NewTitle), ("Problem Statement", "SQS is managed."), ("Reviewers", new[] { Carol }));
        Assert.Contains("already superseded by DEC-7", refused.Json!["errors"]!["title"]!.GetValue<string>());
    }

    // Alice's DEC-1, approved by Bob and Carol and decided early.
    private static async Task DecideOldDocAsync(DecisionTeam team)
    {
        await team.AlicePostsDocAsync(OldTitle);
        await team.ClicksAndJobsRunAsync(team.BobUser, "decision_approve");
        await team.ClicksAndJobsRunAsync(team.CarolUser, "decision_approve");
        await team.AliceUser.ClicksAsync(team.Doc(), "decision_decide");
        Assert.True((await team.AliceUser.SubmitsViewAsync(("Chosen option", "Postgres"), ("Rationale", "One store."))).IsSuccess);
        await team.Scenario.RunJobsAsync();
        Assert.Contains("decision_supersede", CreatingDocsTests.ActionIds(team.Doc(OldTitle)));
    }

    private static async Task PostNewDocAsync(DecisionTeam team, SlackUser author)
    {
        var reviewer = author.Id == Bob ? Carol : Bob;
        var submitted = await author.SubmitsViewAsync(("Title", NewTitle), ("Problem Statement", "Postgres is busy."), ("Reviewers", new[] { reviewer }));
        Assert.True(submitted.IsSuccess && submitted.Json is null, submitted.ToString());
        await team.Scenario.RunJobsAsync();
    }

    private async Task<long> IdAsync(int number)
    {
        await using var connection = database.DataSource.CreateConnection();
        return await connection.ExecuteScalarAsync<long>("SELECT id FROM decisions WHERE number = @number", new { number });
    }

    private static async Task<string> TextAsync(Task<SlackResponse> response) =>
        (await response).Json?["text"]?.GetValue<string>() ?? "";
}
