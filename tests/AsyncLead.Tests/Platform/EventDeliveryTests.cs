using System.Net;
using System.Text.Json.Nodes;
using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Payloads;
using AsyncLead.Slack.Receivers;
using AsyncLead.Tests.Infrastructure;
using Dapper;

namespace AsyncLead.Tests.Platform;

public sealed class EventDeliveryTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Slack_redelivering_an_event_makes_it_act_once_even_across_two_replicas()
    {
        var seen = new DeliveryLog();
        await using var first = await SlackScenario.StartAsync(database, services: s => s.AddSingleton(seen).AddSlackHandler<MessageRecorder>());
        await using var second = await AppHost.StartAsync(database.ConnectionString, new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = SlackScenario.SigningSecret,
            ["Slack:BotToken"] = SlackScenario.BotToken,
            ["Slack:ApiBaseUrl"] = first.Slack.ApiBaseUrl,
        }, first.Clock, s => s.AddSingleton(seen).AddSlackHandler<MessageRecorder>());
        var toSecondReplica = new Sandbox.Simulation.SlackSimulator(first.Slack, second.Http, SlackScenario.SigningSecret, first.Clock);

        var callback = first.Simulator.EventCallback(Message("U_ALICE"));
        var original = await first.Simulator.SendEventAsync(callback);
        var retry = await toSecondReplica.SendEventAsync(callback, retryNum: 1, retryReason: "http_timeout");
        var secondRetry = await first.Simulator.SendEventAsync(callback, retryNum: 2, retryReason: "http_timeout");

        Assert.All([original, retry, secondRetry], response => Assert.Equal(HttpStatusCode.OK, response.Status));
        Assert.Equal(1, seen.Count);
        await using var connection = database.DataSource.CreateConnection();
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM slack_event_receipts WHERE event_id = @id",
            new { id = callback["event_id"]!.GetValue<string>() }));
    }

    [Fact]
    public async Task A_new_event_id_acts_again()
    {
        var seen = new DeliveryLog();
        await using var scenario = await SlackScenario.StartAsync(database, services: s => s.AddSingleton(seen).AddSlackHandler<MessageRecorder>());

        await scenario.Simulator.SendEventAsync(scenario.Simulator.EventCallback(Message("U_A")));
        await scenario.Simulator.SendEventAsync(scenario.Simulator.EventCallback(Message("U_A")));

        Assert.Equal(2, seen.Count);
    }

    [Fact]
    public async Task A_handler_that_fails_asks_slack_to_redeliver_and_the_redelivery_acts_exactly_once()
    {
        var seen = new DeliveryLog(failures: 1);
        await using var scenario = await SlackScenario.StartAsync(database, services: s => s.AddSingleton(seen).AddSlackHandler<MessageRecorder>());
        var callback = scenario.Simulator.EventCallback(Message("U_ALICE"));

        var failed = await scenario.Simulator.SendEventAsync(callback);
        Assert.Equal(0, seen.Count);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.Status); // a non-2xx: Slack redelivers it
        Assert.Null(await HandledAtAsync(callback));

        var retry = await scenario.Simulator.SendEventAsync(callback, retryNum: 1, retryReason: "http_error");
        var duplicate = await scenario.Simulator.SendEventAsync(callback, retryNum: 2, retryReason: "http_timeout");

        Assert.Equal(HttpStatusCode.OK, retry.Status);
        Assert.Equal(HttpStatusCode.OK, duplicate.Status);
        Assert.Equal(1, seen.Count);
        Assert.Equal(2, seen.Attempts);
        Assert.NotNull(await HandledAtAsync(callback));
    }

    [Fact]
    public async Task A_delivery_while_another_is_still_handling_the_event_is_asked_back_later_and_a_dead_claim_lapses()
    {
        var seen = new DeliveryLog();
        await using var scenario = await SlackScenario.StartAsync(database, services: s => s.AddSingleton(seen).AddSlackHandler<MessageRecorder>());
        var callback = scenario.Simulator.EventCallback(Message("U_ALICE"));
        var eventId = callback["event_id"]!.GetValue<string>();
        await using (var connection = database.DataSource.CreateConnection())
        {
            // A replica claimed it and is still at work (or died: nothing here tells the two apart until the lease ends).
            await connection.ExecuteAsync("INSERT INTO slack_event_receipts (event_id, team_id, received_at, claimed_at) VALUES (@eventId, 'T_ACME', @now, @now)",
                new { eventId, now = scenario.Clock.GetUtcNow() });
        }

        var meanwhile = await scenario.Simulator.SendEventAsync(callback, retryNum: 1, retryReason: "http_timeout");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, meanwhile.Status);
        Assert.Equal(0, seen.Count);

        scenario.Clock.Advance(TimeSpan.FromMinutes(1)); // Slack's next retry; the claim's holder never finished
        var later = await scenario.Simulator.SendEventAsync(callback, retryNum: 2, retryReason: "http_error");
        Assert.Equal(HttpStatusCode.OK, later.Status);
        Assert.Equal(1, seen.Count);
    }

    [Fact]
    public async Task Receipts_older_than_slacks_retry_window_are_pruned_as_new_events_arrive()
    {
        await using var scenario = await SlackScenario.StartAsync(database, services: s => s.AddSingleton(new DeliveryLog()).AddSlackHandler<MessageRecorder>());
        var now = scenario.Clock.GetUtcNow();
        await using var connection = database.DataSource.CreateConnection();
        await connection.ExecuteAsync(
            """
            INSERT INTO slack_event_receipts (event_id, team_id, received_at, handled_at)
            VALUES ('EvOLD1', 'T_ACME', @old, @old), ('EvOLD2', 'T_ACME', @old, NULL), ('EvRECENT', 'T_ACME', @recent, @recent)
            """,
            new { old = now - TimeSpan.FromHours(7), recent = now - TimeSpan.FromHours(2) });

        await scenario.Simulator.SendEventAsync(scenario.Simulator.EventCallback(Message("U_A")));

        var left = (await connection.QueryAsync<string>("SELECT event_id FROM slack_event_receipts WHERE event_id IN ('EvOLD1', 'EvOLD2', 'EvRECENT')")).ToList();
        Assert.Equal(["EvRECENT"], left);
    }

    private async Task<DateTime?> HandledAtAsync(JsonObject callback)
    {
        await using var connection = database.DataSource.CreateConnection();
        return await connection.ExecuteScalarAsync<DateTime?>("SELECT handled_at FROM slack_event_receipts WHERE event_id = @id",
            new { id = callback["event_id"]!.GetValue<string>() });
    }

    // An event type the app itself doesn't handle, so the recorder is its only handler.
    private static JsonObject Message(string userId) => new()
    {
        ["type"] = "reaction_added", ["channel"] = "D_ALICE", ["user"] = userId, ["text"] = "hello", ["ts"] = "1763366400.000100",
    };

    /// <summary>How often the handler ran to completion, and how often it was called; the first <c>failures</c> calls throw.</summary>
    private sealed class DeliveryLog(int failures = 0)
    {
        private int count;
        private int attempts;

        public int Count => count;

        public int Attempts => attempts;

        public void Record()
        {
            if (Interlocked.Increment(ref attempts) <= failures)
            {
                throw new InvalidOperationException("The handler fails this time.");
            }

            Interlocked.Increment(ref count);
        }
    }

    private sealed class MessageRecorder(DeliveryLog log) : ISlackEventHandler
    {
        public string EventType => "reaction_added";

        public Task HandleAsync(EventCallbackPayload callback, SlackContext context, CancellationToken ct)
        {
            log.Record();
            return Task.CompletedTask;
        }
    }
}
