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

    // An event type the app itself doesn't handle, so the recorder is its only handler.
    private static JsonObject Message(string userId) => new()
    {
        ["type"] = "message", ["channel"] = "D_ALICE", ["channel_type"] = "im", ["user"] = userId, ["text"] = "hello", ["ts"] = "1763366400.000100",
    };

    private sealed class DeliveryLog
    {
        private int count;

        public int Count => count;

        public void Record() => Interlocked.Increment(ref count);
    }

    private sealed class MessageRecorder(DeliveryLog log) : ISlackEventHandler
    {
        public string EventType => "message";

        public Task HandleAsync(EventCallbackPayload callback, SlackContext context, CancellationToken ct)
        {
            log.Record();
            return Task.CompletedTask;
        }
    }
}
