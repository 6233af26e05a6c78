using AsyncLead.Observability;
using System.Net;
using System.Text;
using AsyncLead.Jobs;
using AsyncLead.Slack.WebApi;
using AsyncLead.Tests.Infrastructure;
using Dapper;
using OpenTelemetry.Metrics;
using Telemetry = AsyncLead.Observability.ObservabilityExtensions;

namespace AsyncLead.Tests.Observability;

public sealed class MetricsTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Slack_requests_are_counted_and_their_acks_timed_by_kind()
    {
        await using var s = await SlackScenario.StartAsync(database);
        s.Slack.AddUser("U_ALICE", "alice").AddChannel("C_PAY", "team-payments", members: ["U_ALICE"]);
        using var metrics = new MetricsRecorder(s.Host.Services);

        await s.User("U_ALICE", "C_PAY").RunsCommandAsync("/weekly-update", "status");
        await s.Simulator.SendEventAsync(s.Simulator.EventCallback(new() { ["type"] = "app_home_opened", ["user"] = "U_ALICE", ["tab"] = "home" }));
        await s.Simulator.SendEventAsync(s.Simulator.EventCallback(new() { ["type"] = "app_home_opened", ["user"] = "U_ALICE", ["tab"] = "home" }));
        await s.Host.Http.GetAsync("/healthz");

        var requests = metrics.Of("asynclead.slack.requests");
        Assert.Equal(["commands", "events", "events"], requests.Select(m => m.Tag("kind")).Order());
        Assert.All(requests, m => Assert.Equal("200", m.Tag("status")));
        var acks = metrics.Of("asynclead.slack.ack.duration");
        Assert.Equal(["commands", "events", "events"], acks.Select(m => m.Tag("kind")).Order());
        Assert.All(acks, m => Assert.True(m.Value > 0));
    }

    [Fact]
    public async Task Slack_api_calls_are_counted_by_method_and_outcome_and_429s_separately()
    {
        await using var s = await SlackScenario.StartAsync(database);
        s.Slack.AddChannel("C_PAY", "team-payments");
        using var metrics = new MetricsRecorder(s.Host.Services);
        var slack = s.Host.Services.GetRequiredService<ISlackClient>().ForWorkspace(SlackScenario.TeamId);
        s.Slack.Faults.RateLimit("chat.postMessage", times: 1, retryAfterSeconds: 1);

        await slack.Chat.PostMessageAsync(new PostMessageRequest("C_PAY", "hello"));
        await Assert.ThrowsAsync<SlackApiException>(() => slack.Chat.PostMessageAsync(new PostMessageRequest("C_NOWHERE", "hello")));

        var calls = metrics.Of("asynclead.slack.api.calls").Select(m => (m.Tag("method"), m.Tag("outcome")));
        Assert.Equal([("chat.postMessage", "ratelimited"), ("chat.postMessage", "ok"), ("chat.postMessage", "channel_not_found")], calls);
        var limited = Assert.Single(metrics.Of("asynclead.slack.api.rate_limited"));
        Assert.Equal("chat.postMessage", limited.Tag("method"));
    }

    [Fact]
    public async Task Queue_depth_lag_and_failures_come_from_the_jobs_table_at_a_low_rate()
    {
        await using var s = await SlackScenario.StartAsync(database);
        await using var connection = database.DataSource.CreateConnection();
        // Other tests of the class leave jobs behind (opening the Home tab queues its publish): count only this test's.
        await connection.ExecuteAsync("TRUNCATE jobs");
        using var metrics = new MetricsRecorder(s.Host.Services);
        var queue = s.Host.Services.GetRequiredService<JobQueue>();
        var now = s.Clock.GetUtcNow();
        await queue.EnqueueAsync(new JobRequest("test.waiting") { RunAt = now - TimeSpan.FromMinutes(10) }, CancellationToken.None);
        await queue.EnqueueAsync(new JobRequest("test.waiting") { RunAt = now - TimeSpan.FromMinutes(1) }, CancellationToken.None);
        await queue.EnqueueAsync(new JobRequest("test.later") { RunAt = now + TimeSpan.FromHours(1) }, CancellationToken.None);
        await connection.ExecuteAsync(
            """
            INSERT INTO jobs (kind, payload, state, run_at, attempts, max_attempts, created_at, finished_at, last_error)
            VALUES ('test.dead', '{}', 'failed', @now, 3, 3, @now, @now, 'boom')
            """, new { now });

        Assert.Equal(2, metrics.Observe("asynclead.jobs.depth"));
        Assert.Equal(600, metrics.Observe("asynclead.jobs.lag"));
        Assert.Equal(1, metrics.Observe("asynclead.jobs.failed"));

        await queue.EnqueueAsync(new JobRequest("test.waiting") { RunAt = now }, CancellationToken.None);
        Assert.Equal(2, metrics.Observe("asynclead.jobs.depth"));
        s.Clock.Advance(TimeSpan.FromSeconds(15));
        Assert.Equal(3, metrics.Observe("asynclead.jobs.depth"));
        Assert.Equal(615, metrics.Observe("asynclead.jobs.lag"));
    }

    [Fact]
    public async Task Features_count_reminders_sent_on_the_shared_meter()
    {
        await using var s = await SlackScenario.StartAsync(database);
        using var metrics = new MetricsRecorder(s.Host.Services);

        s.Host.Services.GetRequiredService<AsyncLeadMetrics>().RemindersSent.Add(2, new KeyValuePair<string, object?>("kind", "weekly_update"));

        var sent = Assert.Single(metrics.Of("asynclead.reminders.sent"));
        Assert.Equal((2, "weekly_update"), (sent.Value, sent.Tag("kind")));
    }

    [Fact]
    public async Task Metrics_are_exported_over_otlp_when_an_endpoint_is_configured()
    {
        var port = FreePort();
        using var collector = new HttpListener { Prefixes = { $"http://127.0.0.1:{port}/" } };
        collector.Start();
        await using var s = await SlackScenario.StartAsync(database, settings: new Dictionary<string, string?>
        {
            [Telemetry.OtlpEndpointSetting] = $"http://127.0.0.1:{port}",
            [Telemetry.OtlpProtocolSetting] = "http/protobuf",
        });
        s.Host.Services.GetRequiredService<AsyncLeadMetrics>().RemindersSent.Add(1);
        var received = collector.GetContextAsync();

        var export = s.Host.Services.GetRequiredService<OtlpMetricsExport>();
        var flushed = Task.Run(() => export.Provider!.ForceFlush(10_000));
        var request = await received.WaitAsync(TimeSpan.FromSeconds(10));
        using var body = new MemoryStream();
        await request.Request.InputStream.CopyToAsync(body);
        request.Response.StatusCode = 200;
        request.Response.Close();
        await flushed;

        Assert.Equal("/v1/metrics", request.Request.Url!.AbsolutePath);
        Assert.Equal("application/x-protobuf", request.Request.ContentType);
        Assert.Contains("asynclead.reminders.sent", Encoding.UTF8.GetString(body.ToArray()));
    }

    [Fact]
    public async Task Nothing_is_exported_without_an_endpoint()
    {
        await using var s = await SlackScenario.StartAsync(database);

        Assert.Null(s.Host.Services.GetRequiredService<OtlpMetricsExport>().Provider);
    }

    private static int FreePort()
    {
        using var socket = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
