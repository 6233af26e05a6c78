using System.Text.Json.Nodes;
using AsyncLead.Tests.Infrastructure;
using Dapper;
using static AsyncLead.Tests.Features.Decisions.DecisionTeam;

namespace AsyncLead.Tests.Features.Decisions;

/// <summary>Only the author extends or withdraws a doc; reminders and the deadline follow.</summary>
public sealed class ExtendAndWithdrawTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static readonly DateTimeOffset Monday = new(2025, 11, 17, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Thursday = new(2025, 11, 20, 16, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Friday = new(2025, 11, 21, 16, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Alice_extends_the_deadline_the_thread_is_told_why_and_until_when_and_reminders_move()
    {
        await using var team = await DecisionTeam.StartAsync(database, Monday);
        await team.AlicePostsDocAsync();

        await team.AliceUser.ClicksAsync(team.Doc(), "decision_extend");
        Assert.Equal("decision_extend", team.Slack.OpenModalFor(Alice)?.CallbackId);
        await team.AliceUser.SubmitsViewAsync(("New response deadline", Friday), ("Why", "Waiting for the <load test> results"));
        await team.Scenario.RunJobsAsync();

        var note = Assert.Single(team.Thread());
        Assert.Equal($":calendar: <@U_ALICE> extended the response deadline to <!date^{Friday.ToUnixTimeSeconds()}^{{date_short_pretty}} at {{time}}|Fri 21 Nov 2025 17:00 Europe/Berlin>: Waiting for the &lt;load test&gt; results", note.Text);
        var doc = team.Doc().VisibleText;
        Assert.Contains($"Responses due <!date^{Friday.ToUnixTimeSeconds()}^", doc);
        // The decision date (Fri 09:00) would come before the new deadline, so it moves to the next working morning.
        Assert.Contains($"Decision <!date^{new DateTimeOffset(2025, 11, 24, 8, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds()}^", doc);
        Assert.Contains("due Fri 17:00", doc);
        Assert.Equal(
            [new DateTimeOffset(2025, 11, 20, 16, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 11, 21, 14, 0, 0, TimeSpan.Zero)],
            await PendingRemindersAsync(Bob));

        // The old deadline passes quietly; the new one closes the doc.
        await team.Scenario.AdvanceAsync(Thursday - Monday + TimeSpan.FromMinutes(1));
        Assert.Single(team.Thread());
        Assert.Contains("due Fri 17:00", team.Doc().VisibleText);
        await team.Scenario.AdvanceAsync(Friday - Thursday);
        Assert.Contains("Needs a 20-minute sync", team.Thread().Last().Text);
    }

    [Fact]
    public async Task An_extension_must_be_later_than_the_current_deadline()
    {
        await using var team = await DecisionTeam.StartAsync(database, Monday);
        await team.AlicePostsDocAsync();
        await team.AliceUser.ClicksAsync(team.Doc(), "decision_extend");

        var earlier = await team.AliceUser.SubmitsViewAsync(("New response deadline", Thursday.AddHours(-3)));

        Assert.Equal("An extension must be later than the current deadline.", earlier.Json?["errors"]?["deadline"]?.GetValue<string>());
        await team.Scenario.RunJobsAsync();
        Assert.Empty(team.Thread());
    }

    [Fact]
    public async Task Only_the_author_may_extend_or_withdraw_and_others_are_told_privately()
    {
        await using var team = await DecisionTeam.StartAsync(database, Monday);
        await team.AlicePostsDocAsync();

        await team.BobUser.ClicksAsync(team.Doc(), "decision_extend");
        await team.BobUser.ClicksAsync(team.Doc(), "decision_withdraw");
        await team.Scenario.RunJobsAsync();

        Assert.Equal(["Only <@U_ALICE> can extend DEC-1.", "Only <@U_ALICE> can withdraw DEC-1."], team.EphemeralsFor(Bob));
        Assert.Null(team.Slack.OpenModalFor(Bob));
        Assert.Contains("DEC-1 · Move the job queue to Postgres\n", team.Doc().VisibleText + "\n");
        Assert.Empty(team.Thread());
    }

    [Fact]
    public async Task Alice_withdraws_the_doc_responses_close_reminders_stop_and_the_message_shows_it()
    {
        await using var team = await DecisionTeam.StartAsync(database, Monday);
        await team.AlicePostsDocAsync();

        await team.ClicksAndJobsRunAsync(team.AliceUser, "decision_withdraw");

        var doc = team.Doc();
        Assert.Contains("DEC-1 · Move the job queue to Postgres (withdrawn)", doc.VisibleText);
        Assert.Contains("*Withdrawn* by the author", doc.VisibleText);
        Assert.Empty(CreatingDocsTests.ActionIds(doc));
        Assert.Contains("<@U_ALICE> withdrew DEC-1", Assert.Single(team.Thread()).Text);
        Assert.Empty(await PendingRemindersAsync(Bob));

        await team.Scenario.AdvanceAsync(TimeSpan.FromDays(5));
        Assert.Empty(team.Slack.Messages(Bob));
        Assert.Empty(team.Slack.Messages(Carol));
        Assert.Empty(team.Slack.Messages(Alice));
        Assert.Single(team.Thread());
    }

    [Fact]
    public async Task Uninstalling_the_app_cancels_the_docs_reminders_and_deadline()
    {
        await using var team = await DecisionTeam.StartAsync(database, Monday);
        await team.AlicePostsDocAsync();
        Assert.NotEmpty(await PendingRemindersAsync(Bob));

        await team.Scenario.Simulator.SendEventAsync(team.Scenario.Simulator.EventCallback(new JsonObject { ["type"] = "app_uninstalled" }));

        Assert.Empty(await PendingRemindersAsync(Bob));
        await using var connection = database.DataSource.CreateConnection();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM jobs WHERE kind LIKE 'decisions.%' AND state IN ('available', 'running')"));
        await team.Scenario.AdvanceAsync(Friday - Monday);
        Assert.DoesNotContain(team.Thread(), reply => reply.Text.Contains("Needs a 20-minute sync", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Uninstalling_while_slack_holds_the_docs_post_back_cancels_the_post_too()
    {
        await using var team = await DecisionTeam.StartAsync(database, Monday);
        team.Slack.Faults.RateLimit("chat.postMessage", times: 100, retryAfterSeconds: 600);
        await team.AliceUser.RunsCommandAsync("/decision");
        await team.AliceUser.SubmitsViewAsync(("Title", "Queue"), ("Problem Statement", "Lost jobs."), ("Reviewers", new[] { Bob }));
        await team.Scenario.RunJobsAsync();
        await using var connection = database.DataSource.CreateConnection();
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM jobs WHERE kind = 'decisions.post-doc' AND state = 'available'"));

        await team.Scenario.Simulator.SendEventAsync(team.Scenario.Simulator.EventCallback(new JsonObject { ["type"] = "app_uninstalled" }));

        Assert.Equal(0, await connection.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM jobs WHERE kind LIKE 'decisions.%' AND state IN ('available', 'running')"));
    }

    private async Task<DateTimeOffset[]> PendingRemindersAsync(string reviewer)
    {
        await using var connection = database.DataSource.CreateConnection();
        var runAts = await connection.QueryAsync<DateTime>(
            "SELECT run_at FROM jobs WHERE kind = 'decisions.remind' AND state = 'available' AND payload->>'reviewerId' = @reviewer ORDER BY run_at",
            new { reviewer });
        return [.. runAts.Select(r => new DateTimeOffset(DateTime.SpecifyKind(r, DateTimeKind.Utc)))];
    }
}
