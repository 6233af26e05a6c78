using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using AsyncLead.Sandbox.Simulation;

namespace AsyncLead.Slack.Tests.Harness;

/// <summary>Socket Mode as a client sees it, with a plain ClientWebSocket standing in for the app.</summary>
public sealed class FakeSlackSocketModeTests : FakeSlackScene
{
    [Fact]
    public async Task Connections_open_needs_the_app_level_token_in_the_header()
    {
        var botToken = await CallAsync("apps.connections.open", [], token: BotToken);
        var asFormField = await CallFormAsync("apps.connections.open", [("token", Slack.AppToken)], token: null);
        var unknown = await CallAsync("apps.connections.open", [], token: "xapp-1-unknown");
        var appToken = await CallAsync("apps.connections.open", [], token: Slack.AppToken);

        Assert.Equal("not_allowed_token_type", botToken.Error);
        Assert.Equal("not_authed", asFormField.Error);
        Assert.Equal("invalid_auth", unknown.Error);
        Assert.True(appToken.Ok);
        Assert.StartsWith($"ws://127.0.0.1:{Slack.BaseAddress.Port}/link/?ticket=", appToken.Str("url"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_connect_slack_says_hello()
    {
        using var app = await ConnectAsync();

        var hello = await ReceiveAsync(app);

        Assert.Equal("hello", hello["type"]!.GetValue<string>());
        Assert.Equal(1, hello["num_connections"]!.GetValue<int>());
        Assert.Equal(Slack.AppId, hello["connection_info"]!["app_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_ticket_opens_one_connection_only()
    {
        var url = (await CallAsync("apps.connections.open", [], token: Slack.AppToken)).Str("url")!;
        using var first = new ClientWebSocket();
        await first.ConnectAsync(new Uri(url), CancellationToken.None);
        using var second = new ClientWebSocket();

        await Assert.ThrowsAsync<WebSocketException>(() => second.ConnectAsync(new Uri(url), CancellationToken.None));
    }

    [Fact]
    public async Task Envelope_is_delivered_and_the_apps_ack_comes_back_with_its_payload()
    {
        using var app = await ConnectAsync();
        await ReceiveAsync(app);
        var connection = await Slack.WaitForSocketConnectionAsync();

        var sending = connection.SendSlashCommandAsync(new JsonObject { ["command"] = "/weekly-update", ["user_id"] = "U_ALICE" });
        var envelope = await ReceiveAsync(app);
        await SendAsync(app, new JsonObject
        {
            ["envelope_id"] = envelope["envelope_id"]!.GetValue<string>(),
            ["payload"] = new JsonObject { ["text"] = "Opening your update…" },
        });
        var ack = await sending;

        Assert.Equal("slash_commands", envelope["type"]!.GetValue<string>());
        Assert.True(envelope["accepts_response_payload"]!.GetValue<bool>());
        Assert.Equal("/weekly-update", envelope["payload"]!["command"]!.GetValue<string>());
        Assert.Equal(envelope["envelope_id"]!.GetValue<string>(), ack.EnvelopeId);
        Assert.Equal("Opening your update…", ack.Payload!["text"]!.GetValue<string>());
        Assert.Equal([ack.EnvelopeId], Slack.SocketModeAcks().Select(a => a.EnvelopeId));
    }

    [Fact]
    public async Task Event_redeliveries_carry_retry_attempt_and_reason()
    {
        using var app = await ConnectAsync();
        await ReceiveAsync(app);
        var connection = await Slack.WaitForSocketConnectionAsync();

        var sending = connection.SendEventAsync(new JsonObject { ["type"] = "event_callback", ["event_id"] = "Ev01" }, retryAttempt: 2, retryReason: "timeout");
        var envelope = await ReceiveAsync(app);
        await SendAsync(app, new JsonObject { ["envelope_id"] = envelope["envelope_id"]!.GetValue<string>() });
        var ack = await sending;

        Assert.Equal("events_api", envelope["type"]!.GetValue<string>());
        Assert.Equal(2, envelope["retry_attempt"]!.GetValue<int>());
        Assert.Equal("timeout", envelope["retry_reason"]!.GetValue<string>());
        Assert.False(envelope["accepts_response_payload"]!.GetValue<bool>());
        Assert.Null(ack.Payload);
    }

    [Fact]
    public async Task Missing_ack_times_out()
    {
        using var app = await ConnectAsync();
        await ReceiveAsync(app);
        var connection = await Slack.WaitForSocketConnectionAsync();

        await Assert.ThrowsAsync<TimeoutException>(() =>
            connection.SendInteractiveAsync(new JsonObject { ["type"] = "block_actions" }, timeout: TimeSpan.FromMilliseconds(100)));
    }

    [Theory]
    [InlineData("warning")]
    [InlineData("refresh_requested")]
    [InlineData("too_many_websockets")]
    public async Task Disconnect_tells_the_app_why_and_a_new_connection_is_number_two(string reason)
    {
        using var app = await ConnectAsync();
        await ReceiveAsync(app);
        var first = await Slack.WaitForSocketConnectionAsync();

        await first.DisconnectAsync(reason);
        var disconnect = await ReceiveAsync(app);
        using var reconnected = await ConnectAsync();
        var hello = await ReceiveAsync(reconnected);
        var second = await Slack.WaitForSocketConnectionAsync(2);
        await first.CloseAsync();

        Assert.Equal("disconnect", disconnect["type"]!.GetValue<string>());
        Assert.Equal(reason, disconnect["reason"]!.GetValue<string>());
        Assert.Equal(2, hello["num_connections"]!.GetValue<int>());
        Assert.Equal(2, second.Number);
        Assert.False(first.IsOpen);
        Assert.True(second.IsOpen);
    }

    [Fact]
    public async Task Simulator_over_socket_mode_sends_the_same_payloads_as_envelopes_and_reads_acks_as_responses()
    {
        using var app = await ConnectAsync();
        await ReceiveAsync(app);
        var simulator = SlackSimulator.OverSocketMode(Slack, await Slack.WaitForSocketConnectionAsync());

        var running = simulator.User("U_ALICE", "C_PAY").RunsCommandAsync("/weekly-update", "draft");
        var envelope = await ReceiveAsync(app);
        await SendAsync(app, new JsonObject
        {
            ["envelope_id"] = envelope["envelope_id"]!.GetValue<string>(),
            ["payload"] = new JsonObject { ["response_type"] = "ephemeral", ["text"] = "Got it" },
        });
        var response = await running;

        Assert.Equal("slash_commands", envelope["type"]!.GetValue<string>());
        var command = envelope["payload"]!;
        Assert.Equal("/weekly-update", command["command"]!.GetValue<string>());
        Assert.Equal("draft", command["text"]!.GetValue<string>());
        Assert.Equal("C_PAY", command["channel_id"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(command["trigger_id"]!.GetValue<string>()));
        Assert.Equal("Got it", response.Json!["text"]!.GetValue<string>());
        await Assert.ThrowsAsync<InvalidOperationException>(() => simulator.SendSslCheckAsync());
    }

    private async Task<ClientWebSocket> ConnectAsync()
    {
        var url = (await CallAsync("apps.connections.open", [], token: Slack.AppToken)).Str("url")!;
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(url), CancellationToken.None);
        return socket;
    }

    private static async Task<JsonObject> ReceiveAsync(ClientWebSocket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var buffer = new byte[64 * 1024];
        var result = await socket.ReceiveAsync(buffer, timeout.Token);
        Assert.True(result.EndOfMessage);
        return JsonNode.Parse(Encoding.UTF8.GetString(buffer, 0, result.Count))!.AsObject();
    }

    private static Task SendAsync(ClientWebSocket socket, JsonObject message) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
}
