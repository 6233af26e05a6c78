using AsyncLead.Outbox;
using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using AsyncLead.Jobs;
using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Payloads;
using AsyncLead.Slack.WebApi;
using AsyncLead.Tests.Infrastructure;
using AsyncLead.Tests.Install;

namespace AsyncLead.Tests.Observability;

public sealed partial class LogTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private const string GlobexToken = "xoxb-globex-logcheck-7f3a9c";

    [Fact]
    public async Task Installing_calling_slack_failing_and_uninstalling_never_logs_a_token_or_secret()
    {
        await using var s = await SlackScenario.StartAsync(database, settings: new Dictionary<string, string?>
        {
            ["Slack:ClientId"] = "1111111111.2222222222",
            ["Slack:ClientSecret"] = "harness-client-secret",
        });
        s.Slack.AddWorkspace("T_GLOBEX", GlobexToken).AddChannel("C_GLOBEX", "globex", teamId: "T_GLOBEX");
        using (var browser = new InstallBrowser(s))
        {
            Assert.Equal(HttpStatusCode.OK, (await browser.InstallsAsync("T_GLOBEX", "U_HANK")).Status);
        }

        var globex = s.Host.Services.GetRequiredService<ISlackClient>().ForWorkspace("T_GLOBEX");
        s.Slack.Faults.RateLimit("chat.postMessage", times: 1, retryAfterSeconds: 1);
        s.Slack.Faults.ServerError("chat.postMessage", times: 1);
        await globex.Chat.PostMessageAsync(new PostMessageRequest("C_GLOBEX", "hello"));
        await Assert.ThrowsAsync<SlackApiException>(() => globex.Chat.PostMessageAsync(new PostMessageRequest("C_NOWHERE", "hello")));
        await s.Simulator.SendEventAsync(s.Simulator.EventCallback(new JsonObject { ["type"] = "app_uninstalled" }, "T_GLOBEX"));
        var bad = await s.Host.Http.PostAsync("/slack/commands", new StringContent("command=%2Fweekly-update"));

        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
        var logs = s.Host.Logs.All;
        Assert.Contains("chat.postMessage", logs);
        Assert.Contains("T_GLOBEX", logs);
        foreach (var secret in new[] { GlobexToken, SlackScenario.BotToken, SlackScenario.SigningSecret, "harness-client-secret", s.Slack.AppToken, "xoxb-", "xapp-" })
        {
            Assert.DoesNotContain(secret, logs);
        }
    }

    [Fact]
    public async Task Handler_and_job_logs_carry_the_workspace_channel_and_job_ids()
    {
        var capture = new ScopeCapture();
        await using var s = await SlackScenario.StartAsync(database, services: services => services
            .AddSingleton<ILoggerProvider>(capture)
            .AddSlackHandler<PingCommand>()
            .AddJobHandler<PingJob>());
        s.Slack.AddUser("U_ALICE", "alice").AddChannel("C_PAY", "team-payments", members: ["U_ALICE"]);

        await s.User("U_ALICE", "C_PAY").RunsCommandAsync("/ping");
        var jobId = await s.Host.Services.GetRequiredService<JobQueue>().EnqueueAsync(
            new JobRequest(PingJob.JobKind) { Scope = WorkspaceScope.For(SlackScenario.TeamId) }, CancellationToken.None);
        await s.RunJobsAsync();

        var command = Assert.Single(capture.Entries, entry => entry.Message == "ping command");
        Assert.Equal(SlackScenario.TeamId, command.Scope["WorkspaceId"]);
        Assert.Equal("C_PAY", command.Scope["ChannelId"]);
        Assert.Equal("U_ALICE", command.Scope["UserId"]);
        var job = Assert.Single(capture.Entries, entry => entry.Message == "ping job");
        Assert.Equal(jobId.ToString(), job.Scope["JobId"]);
        Assert.Equal("workspace:T_ACME", job.Scope["JobScope"]);
    }

    private sealed partial class PingCommand(ILogger<PingCommand> logger) : ISlashCommandHandler
    {
        public string Command => "/ping";

        public Task<SlackAck> HandleAsync(SlashCommand command, SlackContext context, CancellationToken ct)
        {
            LogPing(logger);
            return Task.FromResult<SlackAck>(SlackAck.Empty);
        }

        [LoggerMessage(Level = LogLevel.Information, Message = "ping command")]
        private static partial void LogPing(ILogger logger);
    }

    private sealed partial class PingJob(ILogger<PingJob> logger) : IJobHandler
    {
        public const string JobKind = "test.ping";

        public string Kind => JobKind;

        public Task HandleAsync(JobContext job, CancellationToken cancellationToken)
        {
            LogPing(logger);
            return Task.CompletedTask;
        }

        [LoggerMessage(Level = LogLevel.Information, Message = "ping job")]
        private static partial void LogPing(ILogger logger);
    }

    /// <summary>Keeps each log line with the values of the scopes around it.</summary>
    private sealed class ScopeCapture : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider? _scopes;

        public ConcurrentQueue<(string Message, Dictionary<string, string?> Scope)> Entries { get; } = new();

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(ScopeCapture owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes?.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var scope = new Dictionary<string, string?>();
                owner._scopes?.ForEachScope((value, values) =>
                {
                    if (value is IEnumerable<KeyValuePair<string, object?>> pairs)
                    {
                        foreach (var (key, item) in pairs)
                        {
                            values[key] = item?.ToString();
                        }
                    }
                }, scope);
                owner.Entries.Enqueue((formatter(state, exception), scope));
            }
        }
    }
}
