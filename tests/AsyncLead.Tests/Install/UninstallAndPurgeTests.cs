using AsyncLead.Outbox;
using System.Net;
using System.Text.Json.Nodes;
using AsyncLead.Features.Install;
using AsyncLead.Jobs;
using AsyncLead.Slack.WebApi;
using AsyncLead.Tests.Infrastructure;
using Dapper;
using Npgsql;

namespace AsyncLead.Tests.Install;

public sealed class UninstallAndPurgeTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static Task<SlackScenario> StartAsync(TestDatabase database) =>
        SlackScenario.StartAsync(database, settings: new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = null,
            ["Slack:ClientId"] = "1111111111.2222222222",
            ["Slack:ClientSecret"] = "harness-client-secret",
        });

    [Theory]
    [InlineData("app_uninstalled")]
    [InlineData("tokens_revoked")]
    public async Task Removing_the_app_deletes_the_token_and_cancels_that_workspaces_pending_jobs_but_keeps_its_data(string eventType)
    {
        var team = $"T_{eventType.ToUpperInvariant()}";
        await using var s = await StartAsync(database);
        s.Slack.AddWorkspace(team, $"xoxb-{team}-token");
        using (var browser = new InstallBrowser(s))
        {
            Assert.Equal(HttpStatusCode.OK, (await browser.InstallsAsync(team, "U_LEAD")).Status);
        }

        var queue = s.Host.Services.GetRequiredService<JobQueue>();
        var workspaceWide = await queue.EnqueueAsync(new JobRequest("test.digest") { Scope = WorkspaceScope.For(team) }, CancellationToken.None);
        var oneDoc = await queue.EnqueueAsync(new JobRequest("test.reminder") { Scope = WorkspaceScope.For(team, "decision:7") }, CancellationToken.None);
        var otherWorkspace = await queue.EnqueueAsync(new JobRequest("test.reminder") { Scope = WorkspaceScope.For($"{team}2", "decision:7") }, CancellationToken.None);
        await using var connection = database.DataSource.CreateConnection();
        await connection.ExecuteAsync("INSERT INTO members (workspace_id, user_id) VALUES (@team, 'U_KEPT')", new { team });

        var @event = eventType == "tokens_revoked"
            ? new JsonObject { ["type"] = eventType, ["tokens"] = new JsonObject { ["oauth"] = new JsonArray(), ["bot"] = new JsonArray($"U0BOT{team}") } }
            : new JsonObject { ["type"] = eventType };
        var response = await s.Simulator.SendEventAsync(s.Simulator.EventCallback(@event, team));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Null(await s.Host.Services.GetRequiredService<InstallationStore>().FindAsync(team, CancellationToken.None));
        var states = (await connection.QueryAsync<(long Id, string State)>("SELECT id, state FROM jobs WHERE id = ANY(@ids)",
            new { ids = new[] { workspaceWide!.Value, oneDoc!.Value, otherWorkspace!.Value } })).ToDictionary(j => j.Id, j => j.State);
        Assert.Equal("cancelled", states[workspaceWide.Value]);
        Assert.Equal("cancelled", states[oneDoc.Value]);
        Assert.Equal("available", states[otherWorkspace.Value]);
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM members WHERE workspace_id = @team", new { team }));
        var noToken = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            s.Host.Services.GetRequiredService<ISlackClient>().ForWorkspace(team).Chat.PostMessageAsync(new PostMessageRequest("C_X", "hi")));
        Assert.Contains("/slack/install", noToken.Message);
    }

    [Fact]
    public async Task Purging_a_workspace_needs_yes_and_then_deletes_its_rows_in_every_table_and_nothing_of_others()
    {
        await using var s = await StartAsync(database);
        s.Slack.AddWorkspace("T_PURGED", "xoxb-purged-token").AddWorkspace("T_KEPT", "xoxb-kept-token");
        using (var browser = new InstallBrowser(s))
        {
            await browser.InstallsAsync("T_PURGED", "U_LEAD");
            await browser.InstallsAsync("T_KEPT", "U_LEAD");
        }

        await using var connection = database.DataSource.CreateConnection();
        foreach (var team in new[] { "T_PURGED", "T_KEPT" })
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO members (workspace_id, user_id) VALUES (@team, 'U_A');
                INSERT INTO member_away (workspace_id, user_id, first_day, last_day, created_at) VALUES (@team, 'U_A', '2025-12-01', '2025-12-05', now());
                INSERT INTO slack_event_receipts (event_id, team_id, received_at) VALUES ('Ev' || @team, @team, now());
                INSERT INTO team_channels (workspace_id, channel_id, channel_name, time_zone, prompt_day, prompt_time, close_day,
                                           close_time, reminder_cadence, expect_everyone, lead_user_id, created_at, updated_at)
                VALUES (@team, 'C_TEAM', 'team', 'Europe/Berlin', 1, '09:00', 5, '17:00', 'default', true, 'U_A', now(), now());
                INSERT INTO decision_counters (workspace_id, last_number) VALUES (@team, 1);
                INSERT INTO decisions (workspace_id, number, channel_id, author_id, author_tz, title, problem_statement, deadline,
                                       decision_date, created_at, updated_at)
                VALUES (@team, 1, 'C_TEAM', 'U_A', 'Europe/Berlin', 'Queue', 'Why', now(), now(), now(), now());
                INSERT INTO digest_preferences (workspace_id, user_id, day, time, is_off, updated_at) VALUES (@team, 'U_A', 5, '16:30', false, now());
                INSERT INTO slack_posts (workspace_id, post_key, started_at, channel, ts, posted_at) VALUES (@team, 'week-root:1', now(), 'C_TEAM', '1.000100', now());
                INSERT INTO workspace_removals (workspace_id, removed_at) VALUES (@team, now());
                INSERT INTO slack_channels (workspace_id, channel_id, is_private, learned_at) VALUES (@team, 'C_TEAM', true, now());
                INSERT INTO slack_channel_members (workspace_id, channel_id, user_id) VALUES (@team, 'C_TEAM', 'U_A');
                INSERT INTO bot_channels (workspace_id, channel_id, is_member, learned_at) VALUES (@team, 'C_TEAM', true, now());
                INSERT INTO planned_items (workspace_id, user_id, text, source_key, source_label, created_at) VALUES (@team, 'U_A', 'Write the runbook', 'decision:1', 'DEC-1', now());
                INSERT INTO inline_drafts (workspace_id, team_channel_id, user_id, week_start, text, created_at)
                SELECT @team, id, 'U_A', '2025-12-01', 'out sick today', now() FROM team_channels WHERE workspace_id = @team;
                """, new { team });
        }

        var purge = s.Host.Services.GetRequiredService<WorkspacePurge>();
        var dryRun = new StringWriter();
        Assert.Equal(0, await purge.RunAsync(["purge-workspace", "T_PURGED"], dryRun, CancellationToken.None));
        Assert.Contains("Nothing deleted", dryRun.ToString());
        Assert.Contains("members: 1", dryRun.ToString());
        Assert.Equal(2, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM installations WHERE workspace_id IN ('T_PURGED', 'T_KEPT')"));

        var output = new StringWriter();
        Assert.Equal(0, await purge.RunAsync(["purge-workspace", "T_PURGED", "--yes"], output, CancellationToken.None));

        Assert.Contains("Workspace T_PURGED purged.", output.ToString());
        foreach (var (table, column) in await TablesWithAWorkspaceColumnAsync(connection))
        {
            Assert.Equal(0, await connection.ExecuteScalarAsync<int>($"SELECT count(*) FROM {table} WHERE {column} = 'T_PURGED'"));
            Assert.Equal(1, await connection.ExecuteScalarAsync<int>($"SELECT count(*) FROM {table} WHERE {column} = 'T_KEPT'"));
        }
    }

    [Fact]
    public async Task The_documented_command_line_purges_through_the_real_composition_and_exits()
    {
        await using var connection = database.DataSource.CreateConnection();
        await connection.ExecuteAsync("INSERT INTO members (workspace_id, user_id) VALUES ('T_CLI', 'U_A'), ('T_CLI_KEPT', 'U_A')");
        await using var app = AppHost.Build(new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = database.ConnectionString });

        var exitCode = await app.RunAsyncLeadAsync(["purge-workspace", "T_CLI", "--yes"]);

        Assert.Equal(0, exitCode);
        Assert.Equal(["T_CLI_KEPT"], await connection.QueryAsync<string>("SELECT workspace_id FROM members WHERE workspace_id LIKE 'T_CLI%'"));
    }

    [Fact]
    public async Task The_purge_command_refuses_without_a_workspace_id()
    {
        await using var s = await StartAsync(database);
        var output = new StringWriter();

        Assert.Equal(2, await s.Host.Services.GetRequiredService<WorkspacePurge>().RunAsync(["purge-workspace", "--yes"], output, CancellationToken.None));
        Assert.Contains("Usage: dotnet AsyncLead.dll purge-workspace", output.ToString());
    }

    [Fact]
    public async Task Every_table_with_a_workspace_column_has_a_keeper_that_purges_it()
    {
        await using var s = await StartAsync(database);
        await using var connection = database.DataSource.CreateConnection();

        var purged = await s.Host.Services.GetRequiredService<WorkspacePurge>().PurgeAsync("T_NONE", confirmed: false, CancellationToken.None);

        Assert.Equal((await TablesWithAWorkspaceColumnAsync(connection)).Select(t => t.Table).Order(), purged.Select(rows => rows.Table).Order());
    }

    /// <summary>Tables hanging off a parent (weeks, updates, reviewers…) have no workspace column and go by cascade.</summary>
    private static async Task<IReadOnlyList<(string Table, string Column)>> TablesWithAWorkspaceColumnAsync(NpgsqlConnection connection) =>
    [
        .. await connection.QueryAsync<(string, string)>(
            """
            SELECT table_name, column_name FROM information_schema.columns
            WHERE table_schema = 'public' AND (column_name = 'workspace_id' OR (table_name = 'slack_event_receipts' AND column_name = 'team_id'))
            ORDER BY table_name
            """),
    ];
}
