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
        await using var first = await SlackScenario.StartAsync(database, services: s => s.AddSingleton(seen).AddSlackHandler<HomeOpenedRecorder>());
        await using var second = await AppHost.StartAsync(database.ConnectionString, new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = SlackScenario.SigningSecret,
            ["Slack:BotToken"] = SlackScenario.BotToken,
            ["Slack:ApiBaseUrl"] = first.Slack.ApiBaseUrl,
        }, first.Clock, s => s.AddSingleton(seen).AddSlackHandler<HomeOpenedRecorder>());
        var toSecondReplica = new Testing.Simulation.SlackSimulator(first.Slack, second.Http, SlackScenario.SigningSecret, first.Clock);

        var callback = first.Simulator.EventCallback(new JsonObject { ["type"] = "app_home_opened", ["user"] = "U_ALICE", ["channel"] = "D_ALICE", ["tab"] = "home" });
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
        await using var scenario = await SlackScenario.StartAsync(database, services: s => s.AddSingleton(seen).AddSlackHandler<HomeOpenedRecorder>());

        await scenario.Simulator.SendEventAsync(scenario.Simulator.EventCallback(new JsonObject { ["type"] = "app_home_opened", ["user"] = "U_A", ["tab"] = "home" }));
        await scenario.Simulator.SendEventAsync(scenario.Simulator.EventCallback(new JsonObject { ["type"] = "app_home_opened", ["user"] = "U_A", ["tab"] = "home" }));

        Assert.Equal(2, seen.Count);
    }

    private sealed class DeliveryLog
    {
        private int count;

        public int Count => count;

        public void Record() => Interlocked.Increment(ref count);
    }

    private sealed class HomeOpenedRecorder(DeliveryLog log) : ISlackEventHandler
    {
        public string EventType => "app_home_opened";

        public Task HandleAsync(EventCallbackPayload callback, SlackContext context, CancellationToken ct)
        {
            log.Record();
            return Task.CompletedTask;
        }
    }
}
