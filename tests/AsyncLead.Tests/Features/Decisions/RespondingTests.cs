using AsyncLead.Tests.Infrastructure;
using Dapper;
using static AsyncLead.Tests.Features.Decisions.DecisionTeam;

namespace AsyncLead.Tests.Features.Decisions;

/// <summary>Reviewers answer on the doc message; the status line keeps count.</summary>
public sealed class RespondingTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static readonly DateTimeOffset Monday = new(2025, 11, 17, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Bob_approves_and_the_status_line_counts_him_once_however_often_he_clicks()
    {
        await using var team = await DecisionTeam.StartAsync(database, Monday);
        var doc = await team.AlicePostsDocAsync();

        await team.BobUser.ClicksAsync(doc, "decision_approve");
        await team.BobUser.ClicksAsync(doc, "decision_approve");
        await team.Scenario.RunJobsAsync();

        Assert.Contains("1/2 responded · due Thu 17:00", team.Doc().VisibleText);
        Assert.Contains("Approved: <@U_BOB> · Waiting for: <@U_CAROL>", team.Doc().VisibleText);
        Assert.Equal(["You approved DEC-1 *Move the job queue to Postgres*.", "You already approved DEC-1 *Move the job queue to Postgres*."],
            team.EphemeralsFor(Bob));
        Assert.Equal(1, await Responses(Bob));
        Assert.Single(team.Slack.Calls("chat.update"));
    }

    [Fact]
    public async Task Carol_changes_her_approval_to_an_abstention_and_only_the_latest_answer_counts()
    {
        await using var team = await DecisionTeam.StartAsync(database, Monday);
        await team.AlicePostsDocAsync();

        await team.ClicksAndJobsRunAsync(team.CarolUser, "decision_approve");
        await team.ClicksAndJobsRunAsync(team.CarolUser, "decision_abstain");

        var text = team.Doc().VisibleText;
        Assert.Contains("1/2 responded", text);
        Assert.Contains("Abstained: <@U_CAROL>", text);
        Assert.DoesNotContain("Approved:", text);
        Assert.Equal(1, await Responses(Carol));
    }

    [Fact]
    public async Task Dave_is_not_a_reviewer_so_his_approval_is_a_comment_and_does_not_count()
    {
        await using var team = await DecisionTeam.StartAsync(database, Monday);
        await team.AlicePostsDocAsync();

        await team.ClicksAndJobsRunAsync(team.DaveUser, "decision_approve");

        Assert.Contains("0/2 responded", team.Doc().VisibleText);
        Assert.Contains("not one of its reviewers", Assert.Single(team.EphemeralsFor(Dave)));
    }

    [Fact]
    public async Task Bob_raises_a_concern_it_is_posted_in_the_thread_and_blocks_until_he_resolves_it()
    {
        await using var team = await DecisionTeam.StartAsync(database, Monday);
        await team.AlicePostsDocAsync();

        await team.BobUser.ClicksAsync(team.Doc(), "decision_concern");
        Assert.Equal("decision_comment", team.Slack.OpenModalFor(Bob)?.CallbackId);
        await team.BobUser.SubmitsViewAsync(("Your concern", "What happens to jobs **in flight** during the migration?"));
        await team.Scenario.RunJobsAsync();

        var concern = Assert.Single(team.Thread());
        Assert.Contains("*Concern* from <@U_BOB> on DEC-1:\nWhat happens to jobs *in flight* during the migration?", concern.VisibleText);
        Assert.Equal(["decision_resolve"], CreatingDocsTests.ActionIds(concern));
        Assert.Contains("1/2 responded · 1 open concern · due Thu 17:00", team.Doc().VisibleText);

        await team.CarolUser.ClicksAsync(concern, "decision_resolve");
        await team.Scenario.RunJobsAsync();
        Assert.Equal(["Only <@U_BOB> (who raised it) or <@U_ALICE> (the doc's author) can resolve this concern."], team.EphemeralsFor(Carol));
        Assert.Contains("1 open concern", team.Doc().VisibleText);

        await team.BobUser.ClicksAsync(team.Thread()[0], "decision_resolve");
        await team.Scenario.RunJobsAsync();
        Assert.Contains("Resolved by <@U_BOB>", team.Thread()[0].VisibleText);
        Assert.Empty(CreatingDocsTests.ActionIds(team.Thread()[0]));
        Assert.DoesNotContain("open concern", team.Doc().VisibleText);
        Assert.Single(team.Thread());
    }

    [Fact]
    public async Task The_author_may_resolve_anyone_s_concern()
    {
        await using var team = await DecisionTeam.StartAsync(database, Monday);
        await team.AlicePostsDocAsync();
        await team.CarolUser.ClicksAsync(team.Doc(), "decision_concern");
        await team.CarolUser.SubmitsViewAsync(("Your concern", "Vacuum load"));
        await team.Scenario.RunJobsAsync();

        await team.AliceUser.ClicksAsync(team.Thread()[0], "decision_resolve");
        await team.Scenario.RunJobsAsync();

        Assert.Contains("Resolved by <@U_ALICE>", team.Thread()[0].VisibleText);
        Assert.Contains("1/2 responded · due", team.Doc().VisibleText);
    }

    [Fact]
    public async Task A_question_is_posted_in_the_thread_counts_as_an_answer_and_never_blocks()
    {
        await using var team = await DecisionTeam.StartAsync(database, Monday);
        await team.AlicePostsDocAsync();

        await team.CarolUser.ClicksAsync(team.Doc(), "decision_question");
        await team.CarolUser.SubmitsViewAsync(("Your question", "Do we keep Redis for caching?"));
        await team.Scenario.RunJobsAsync();

        var question = Assert.Single(team.Thread());
        Assert.Contains("*Question* from <@U_CAROL>", question.VisibleText);
        Assert.Empty(CreatingDocsTests.ActionIds(question));
        Assert.Contains("1/2 responded · due", team.Doc().VisibleText);
        Assert.Contains("Questions: <@U_CAROL>", team.Doc().VisibleText);
    }

    [Fact]
    public async Task A_concern_reply_whose_ts_was_never_stored_is_found_by_its_metadata_instead_of_posted_twice()
    {
        await using var team = await DecisionTeam.StartAsync(database, Monday);
        await team.AlicePostsDocAsync();
        await team.BobUser.ClicksAsync(team.Doc(), "decision_concern");
        await team.BobUser.SubmitsViewAsync(("Your concern", "Backups"));
        await team.Scenario.RunJobsAsync();
        // As if the worker died between Slack's answer and saving the ts.
        await using (var connection = database.DataSource.CreateConnection())
        {
            await connection.ExecuteAsync("UPDATE decision_concerns SET message_ts = NULL");
        }

        await team.BobUser.ClicksAsync(team.Thread()[0], "decision_resolve");
        await team.Scenario.RunJobsAsync();

        var reply = Assert.Single(team.Thread());
        Assert.Contains("Resolved by <@U_BOB>", reply.VisibleText);
    }

    [Fact]
    public async Task A_doc_whose_ts_was_never_stored_is_found_by_its_metadata_instead_of_posted_twice()
    {
        await using var team = await DecisionTeam.StartAsync(database, Monday);
        var first = await team.AlicePostsDocAsync();
        // As if the worker died between Slack's answer and saving the ts, and the post job ran again.
        await using (var connection = database.DataSource.CreateConnection())
        {
            await connection.ExecuteAsync("UPDATE decisions SET message_ts = NULL");
            var id = await connection.ExecuteScalarAsync<long>("SELECT id FROM decisions");
            await team.Scenario.Host.Services.GetRequiredService<AsyncLead.Jobs.JobQueue>()
                .EnqueueAsync(AsyncLead.Features.Decisions.DecisionJobs.PostDocRequest(SlackScenario.TeamId, id), CancellationToken.None);
        }

        await team.Scenario.RunJobsAsync();

        Assert.Single(team.Slack.Messages(DecisionTeam.Channel));
        await using var check = database.DataSource.CreateConnection();
        Assert.Equal(first.Ts, await check.ExecuteScalarAsync<string>("SELECT message_ts FROM decisions"));
    }

    private async Task<int> Responses(string userId)
    {
        await using var connection = database.DataSource.CreateConnection();
        return await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM decision_responses WHERE user_id = @userId", new { userId });
    }
}
