using System.Text.Json;
using AsyncLead.Slack.Payloads;
using AsyncLead.Slack.Receivers;
using AsyncLead.Slack.SocketMode;
using AsyncLead.Slack.Tests.Dispatch;
using AsyncLead.Slack.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AsyncLead.Slack.Tests.SocketMode;

public sealed class SocketModeClientTests : IAsyncLifetime
{
    private const string AppToken = "xapp-1-A0AL5APP1-7900-loopbacktoken";

    private LoopbackSocketModeServer _slack = null!;

    public async Task InitializeAsync() => _slack = await LoopbackSocketModeServer.StartAsync();

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    private async Task<IHost> StartAppAsync(string? appToken = AppToken)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["Slack:AppToken"] = appToken;
        builder.Configuration["Slack:ApiBaseUrl"] = _slack.ApiBaseUrl.ToString();
        builder.Services.AddSlackReceivers();
        builder.Services.Configure<SocketModeOptions>(options =>
        {
            options.InitialBackoff = TimeSpan.FromMilliseconds(50);
            options.MaxBackoff = TimeSpan.FromMilliseconds(200);
        });
        builder.Services.AddSingleton<HandlerCalls>();
        SlackTestServices.AddAllHandlers(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static string Envelope(string envelopeId, string type, string payloadJson, bool acceptsResponsePayload) =>
        $$"""{"envelope_id":"{{envelopeId}}","payload":{{payloadJson}},"type":"{{type}}","accepts_response_payload":{{(acceptsResponsePayload ? "true" : "false")}}}""";

    private static string WithEnvelopeId(string fixture, string envelopeId)
    {
        var envelope = JsonDocument.Parse(Fixture.Text(fixture)).RootElement;
        return Envelope(envelopeId, envelope.GetProperty("type").GetString()!, envelope.GetProperty("payload").GetRawText(), true);
    }

    [Fact]
    public async Task Acks_a_slash_command_with_its_response_survives_a_refresh_and_loses_nothing()
    {
        using var app = await StartAppAsync();
        var calls = app.Services.GetRequiredService<HandlerCalls>();

        var first = await _slack.NextConnectionAsync();
        await first.SendHelloAsync();
        await first.SendAsync(Fixture.Text("socket_slash_commands.json"));
        var ack = await first.ReceiveAckAsync();
        Assert.Equal("1d3c79ab-0ffb-41f3-a080-d19e85f53649", ack.GetProperty("envelope_id").GetString());
        Assert.Equal("ephemeral", ack.GetProperty("payload").GetProperty("response_type").GetString());
        Assert.Equal("Saved: from the socket", ack.GetProperty("payload").GetProperty("text").GetString());

        // An envelope already on the wire when Slack asks for a refresh must still be acked on the old connection.
        await first.SendAsync(WithEnvelopeId("socket_slash_commands.json", "envelope-before-refresh"));
        await first.SendDisconnectAsync("refresh_requested");
        Assert.Equal("envelope-before-refresh", (await first.ReceiveAckAsync()).GetProperty("envelope_id").GetString());

        var second = await _slack.NextConnectionAsync();
        Assert.False(first.ClosedByClient.IsCompleted, "the old connection was dropped before the new one was up");
        await second.SendHelloAsync();
        await first.ClosedByClient.WaitAsync(TimeSpan.FromSeconds(10));

        await second.SendAsync(WithEnvelopeId("socket_slash_commands.json", "envelope-after-refresh"));
        Assert.Equal("envelope-after-refresh", (await second.ReceiveAckAsync()).GetProperty("envelope_id").GetString());

        Assert.Equal(3, calls.To("/weekly-update").Count);
        Assert.Equal(2, _slack.OpenCalls.Count);
        Assert.All(_slack.OpenCalls, authorization => Assert.Equal($"Bearer {AppToken}", authorization));
        await app.StopAsync();
    }

    [Fact]
    public async Task Events_api_retry_fields_reach_the_handler_like_http_retry_headers_and_the_ack_has_no_payload()
    {
        using var app = await StartAppAsync();
        var calls = app.Services.GetRequiredService<HandlerCalls>();
        var connection = await _slack.NextConnectionAsync();
        await connection.SendHelloAsync();

        await connection.SendAsync(Fixture.Text("socket_events_api_retry.json"));
        var ack = await connection.ReceiveAckAsync();

        Assert.Equal("""{"envelope_id":"cda4159a-72a5-4744-aba3-4d66eb52682b"}""", ack.GetRawText());
        var call = Assert.Single(calls.To("event message"));
        Assert.Equal(1, call.Context.RetryNum);
        Assert.Equal("timeout", call.Context.RetryReason);
        Assert.Equal("1718000000.000100", Assert.IsType<MessageEvent>(call.Payload).ThreadTs);
        await app.StopAsync();
    }

    [Fact]
    public async Task Interactive_view_submission_is_acked_with_its_response_action()
    {
        using var app = await StartAppAsync();
        var connection = await _slack.NextConnectionAsync();
        await connection.SendHelloAsync();

        await connection.SendAsync(Envelope("57d6a792-4d35", "interactive", Fixture.Text("view_submission.json"), acceptsResponsePayload: true));
        var ack = await connection.ReceiveAckAsync();

        Assert.Equal("57d6a792-4d35", ack.GetProperty("envelope_id").GetString());
        Assert.Equal("errors", ack.GetProperty("payload").GetProperty("response_action").GetString());
        await app.StopAsync();
    }

    [Fact]
    public async Task Interactive_shortcut_is_acked_without_payload_and_reaches_its_handler()
    {
        using var app = await StartAppAsync();
        var calls = app.Services.GetRequiredService<HandlerCalls>();
        var connection = await _slack.NextConnectionAsync();
        await connection.SendHelloAsync();

        await connection.SendAsync(Envelope("shortcut-envelope", "interactive", Fixture.Text("shortcut_global.json"), acceptsResponsePayload: false));
        var ack = await connection.ReceiveAckAsync();

        Assert.Equal("""{"envelope_id":"shortcut-envelope"}""", ack.GetRawText());
        Assert.Single(calls.To("shortcut decision.new"));
        await app.StopAsync();
    }

    [Fact]
    public async Task Garbage_frames_are_ignored_and_malformed_or_unknown_envelopes_still_acked()
    {
        using var app = await StartAppAsync();
        var connection = await _slack.NextConnectionAsync();
        await connection.SendHelloAsync();

        await connection.SendAsync("this frame is not JSON");
        await connection.SendAsync(Envelope("bad-command", "slash_commands", """{"text":"no command"}""", acceptsResponsePayload: true));
        await connection.SendAsync(Envelope("new-kind", "brand_new_type", "{}", acceptsResponsePayload: false));

        var acked = new[] { await connection.ReceiveAckAsync(), await connection.ReceiveAckAsync() }
            .Select(ack => ack.GetRawText()).Order();
        Assert.Equal(["""{"envelope_id":"bad-command"}""", """{"envelope_id":"new-kind"}"""], acked);
        Assert.Empty(app.Services.GetRequiredService<HandlerCalls>().All);
        await app.StopAsync();
    }

    [Fact]
    public async Task Reconnects_when_slack_drops_the_connection_without_warning()
    {
        using var app = await StartAppAsync();
        var first = await _slack.NextConnectionAsync();
        await first.SendHelloAsync();

        await first.CloseAsync();
        var second = await _slack.NextConnectionAsync();
        await second.SendHelloAsync();
        await second.SendAsync(WithEnvelopeId("socket_slash_commands.json", "after-drop"));

        Assert.Equal("after-drop", (await second.ReceiveAckAsync()).GetProperty("envelope_id").GetString());
        await app.StopAsync();
    }

    [Fact]
    public async Task Backs_off_and_retries_when_apps_connections_open_fails()
    {
        _slack.RefuseNextOpens(2);
        using var app = await StartAppAsync();

        var connection = await _slack.NextConnectionAsync();
        await connection.SendHelloAsync();
        await connection.SendAsync(WithEnvelopeId("socket_slash_commands.json", "after-refusals"));

        Assert.Equal("after-refusals", (await connection.ReceiveAckAsync()).GetProperty("envelope_id").GetString());
        Assert.Equal(3, _slack.OpenCalls.Count);
        await app.StopAsync();
    }

    [Fact]
    public async Task Stopping_the_app_closes_the_connection()
    {
        using var app = await StartAppAsync();
        var connection = await _slack.NextConnectionAsync();
        await connection.SendHelloAsync();
        await connection.SendAsync(WithEnvelopeId("socket_slash_commands.json", "before-stop"));
        await connection.ReceiveAckAsync();

        await app.StopAsync().WaitAsync(TimeSpan.FromSeconds(15));

        Assert.True(connection.ClosedByClient.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Stays_idle_without_an_app_token()
    {
        using var app = await StartAppAsync(appToken: null);

        var client = app.Services.GetServices<IHostedService>().OfType<SocketModeClient>().Single();

        // With a token the client loops until stopped; without one it has nothing to do and finishes at once.
        await (client.ExecuteTask ?? Task.CompletedTask).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(client.ExecuteTask?.IsCompletedSuccessfully);
        Assert.Empty(_slack.OpenCalls);
        await app.StopAsync();
    }
}
