using AsyncLead.Outbox;
using System.Net;
using System.Text.Json.Nodes;
using AsyncLead.Jobs;
using AsyncLead.Slack.WebApi;
using AsyncLead.Tests.Infrastructure;
using Dapper;

namespace AsyncLead.Tests.Install;

/// <summary>No tenant's work ever runs with another tenant's token.</summary>
public sealed class TenantTokenTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private const string OtherTeam = "T_UMBRELLA";

    [Fact]
    public async Task The_configured_bot_token_serves_its_own_workspace_and_no_other()
    {
        await using var s = await SlackScenario.StartAsync(database);
        s.Slack.AddWorkspace(OtherTeam, "xoxb-umbrella-token", name: "Umbrella")
            .AddUser("U_ALICE", "alice", teamId: SlackScenario.TeamId)
            .AddUser("U_WESKER", "wesker", teamId: OtherTeam)
            .AddChannel("C_ACME", "acme-team", members: ["U_ALICE"], teamId: SlackScenario.TeamId)
            .AddChannel("C_UMBRELLA", "umbrella-team", members: ["U_WESKER"], teamId: OtherTeam);

        // A request from the workspace that has no install of its own: nothing is called in Slack with Acme's token.
        var command = await s.User("U_WESKER", "C_UMBRELLA").RunsCommandAsync("/weekly-update", "setup");
        Assert.True((int)command.Status < 500, command.ToString());
        var slack = s.Host.Services.GetRequiredService<ISlackClient>();
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            slack.ForWorkspace(OtherTeam).Chat.PostMessageAsync(new PostMessageRequest("C_UMBRELLA", "hi")));
        Assert.Contains("/slack/install", refused.Message);
        Assert.DoesNotContain(SlackScenario.BotToken, refused.Message);

        // The token's own workspace still works with it.
        await slack.ForWorkspace(SlackScenario.TeamId).Chat.PostMessageAsync(new PostMessageRequest("C_ACME", "hello"));
        Assert.Empty(s.Slack.Messages("C_UMBRELLA"));
        Assert.Single(s.Slack.Messages("C_ACME"));
        Assert.All(s.Slack.Calls().Where(call => call.Token == SlackScenario.BotToken),
            call => Assert.True(call.Method == "auth.test" || call.Arg("channel") == "C_ACME", $"{call.Method} {call.Args.ToJsonString()}"));
        Assert.Empty(s.Slack.Calls("views.open"));
        // Learnt once, at start.
        Assert.Single(s.Slack.Calls("auth.test"));
    }

    [Fact]
    public async Task A_job_of_a_workspace_without_an_install_fails_instead_of_posting_with_the_configured_token()
    {
        await using var s = await SlackScenario.StartAsync(database, services: services => services.AddJobHandler<PostHelloJob>());
        s.Slack.AddWorkspace(OtherTeam, "xoxb-umbrella-token", name: "Umbrella")
            .AddChannel("C_UMBRELLA", "umbrella-team", teamId: OtherTeam);
        var queue = s.Host.Services.GetRequiredService<JobQueue>();
        var id = await queue.EnqueueAsync(new JobRequest(PostHelloJob.JobKind, new PostHello(OtherTeam, "C_UMBRELLA"))
        {
            Scope = WorkspaceScope.For(OtherTeam),
        }, CancellationToken.None);

        await s.RunJobsAsync();

        Assert.Empty(s.Slack.Calls("chat.postMessage"));
        await using var connection = database.DataSource.CreateConnection();
        var error = await connection.ExecuteScalarAsync<string>("SELECT last_error FROM jobs WHERE id = @id", new { id });
        Assert.Contains("Slack__BotToken belongs to another workspace", error);
    }

    [Fact]
    public async Task Uninstalling_an_org_wide_install_cancels_the_pending_jobs_of_every_workspace_it_acted_in()
    {
        await using var s = await SlackScenario.StartAsync(database, settings: new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = null,
            ["Slack:ClientId"] = "1111111111.2222222222",
            ["Slack:ClientSecret"] = "harness-client-secret",
        });
        s.Slack.AddWorkspace("T_INITECH_HQ", "xoxb-initech-token", name: "Initech HQ", orgWideEnterpriseId: "E_INITECH")
            .AddUser("U_PETER", "peter", tz: "America/Chicago", teamId: "T_INITECH_HQ")
            .AddChannel("C_TPS", "tps-reports", members: ["U_PETER"], teamId: "T_INITECH_HQ");
        using (var browser = new InstallBrowser(s))
        {
            Assert.Equal(HttpStatusCode.OK, (await browser.InstallsAsync("T_INITECH_HQ", "U_ORG_ADMIN", enterpriseId: "E_INITECH")).Status);
        }

        var peter = s.User("U_PETER", "C_TPS");
        Assert.True((await peter.RunsCommandAsync("/weekly-update", "setup")).IsSuccess);
        Assert.True((await peter.SubmitsViewAsync()).IsSuccess);
        await using var connection = database.DataSource.CreateConnection();
        Assert.NotEqual(0, await PendingOfAsync("T_INITECH_HQ"));

        var response = await s.Simulator.SendEventAsync(s.Simulator.EventCallback(new JsonObject { ["type"] = "app_uninstalled" }, "T_INITECH_HQ"));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(0, await PendingOfAsync("T_INITECH_HQ"));
        await s.AdvanceAsync(TimeSpan.FromDays(7));
        Assert.Empty(s.Slack.Messages("C_TPS"));

        Task<int> PendingOfAsync(string team) => connection.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM jobs WHERE state IN ('available', 'running') AND cancelled_at IS NULL AND (scope = @scope OR starts_with(scope, @scope || '/'))",
            new { scope = WorkspaceScope.For(team) });
    }

    private sealed record PostHello(string WorkspaceId, string ChannelId);

    private sealed class PostHelloJob(ISlackClient slack) : IJobHandler
    {
        public const string JobKind = "test.post-hello";

        public string Kind => JobKind;

        public async Task HandleAsync(JobContext job, CancellationToken cancellationToken)
        {
            var hello = job.Payload<PostHello>();
            await slack.ForWorkspace(hello.WorkspaceId).Chat.PostMessageAsync(new PostMessageRequest(hello.ChannelId, "hello"), cancellationToken);
        }
    }
}
