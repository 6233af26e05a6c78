using System.Text.Json.Nodes;
using AsyncLead.Sandbox.Slack;
using AsyncLead.Slack.Payloads;
using AsyncLead.Slack.Receivers;
using AsyncLead.Slack.SocketMode;
using AsyncLead.Slack.Tests.Dispatch;
using AsyncLead.Slack.Tests.Fixtures;
using AsyncLead.Slack.Tests.WebApi;
using AsyncLead.Slack.WebApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AsyncLead.Slack.Tests.SocketMode;

/// <summary>The Socket Mode client against FakeSlack's Socket Mode: connections come from the Web API client's apps.connections.open.</summary>
public sealed class SocketModeClientTests : IAsyncLifetime
{
    private FakeSlack _slack = null!;

    public async Task InitializeAsync() => _slack = await FakeSlack.StartAsync();

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    private async Task<IHost> StartAppAsync(bool withAppToken = true)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["Slack:AppToken"] = withAppToken ? _slack.AppToken : null;
        builder.Configuration["Slack:ApiBaseUrl"] = _slack.ApiBaseUrl;
        builder.Services.AddSlackReceivers();
        builder.Services.AddSingleton<ISlackTokenSource>(new WorkspaceTokens());
        builder.Services.AddSlackWebApi(options =>
        {
            options.MaxRetries = 1;
            options.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
        });
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

    private static JsonObject PayloadOf(string envelopeFixture) => (JsonObject)JsonNode.Parse(Fixture.Text(envelopeFixture))!["payload"]!.DeepClone();

    private static JsonObject Payload(string fixture) => (JsonObject)JsonNode.Parse(Fixture.Text(fixture))!;

    [Fact]
    public async Task Acks_a_slash_command_with_its_response_survives_a_refresh_and_loses_nothing()
    {
        using var app = await StartAppAsync();
        var calls = app.Services.GetRequiredService<HandlerCalls>();
        var command = PayloadOf("socket_slash_commands.json");

        var first = await _slack.WaitForSocketConnectionAsync(1);
        var ack = await first.SendSlashCommandAsync(command);
        Assert.Equal("ephemeral", ack.Payload?["response_type"]?.GetValue<string>());
        Assert.Equal("Saved: from the socket", ack.Payload?["text"]?.GetValue<string>());

        // An envelope already on the wire when Slack asks for a refresh must still be acked on the old connection.
        var beforeRefresh = first.SendSlashCommandAsync(command);
        await first.DisconnectAsync("refresh_requested");
        Assert.Equal(1, (await beforeRefresh).ConnectionNumber);

        var second = await _slack.WaitForSocketConnectionAsync(2);
        await first.Closed.WaitAsync(TimeSpan.FromSeconds(10));
        var afterRefresh = await second.SendSlashCommandAsync(command);

        Assert.Equal(2, afterRefresh.ConnectionNumber);
        Assert.Equal(3, calls.To("/weekly-update").Count);
        Assert.Equal(3, _slack.SocketModeAcks().Count);
        var opens = _slack.Calls("apps.connections.open");
        Assert.Equal(2, opens.Count);
        Assert.All(opens, open => Assert.Equal(_slack.AppToken, open.Token));
        await app.StopAsync();
    }

    [Fact]
    public async Task Events_api_retry_fields_reach_the_handler_like_http_retry_headers_and_the_ack_has_no_payload()
    {
        using var app = await StartAppAsync();
        var calls = app.Services.GetRequiredService<HandlerCalls>();
        var connection = await _slack.WaitForSocketConnectionAsync();

        var ack = await connection.SendEventAsync(PayloadOf("socket_events_api_retry.json"), retryAttempt: 1, retryReason: "timeout");

        Assert.Null(ack.Payload);
        Assert.Equal([ack.EnvelopeId], ack.Raw.Select(property => property.Value!.GetValue<string>()));
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
        var connection = await _slack.WaitForSocketConnectionAsync();

        var ack = await connection.SendInteractiveAsync(Payload("view_submission.json"));

        Assert.Equal("errors", ack.Payload?["response_action"]?.GetValue<string>());
        await app.StopAsync();
    }

    [Fact]
    public async Task Interactive_shortcut_is_acked_without_payload_and_reaches_its_handler()
    {
        using var app = await StartAppAsync();
        var calls = app.Services.GetRequiredService<HandlerCalls>();
        var connection = await _slack.WaitForSocketConnectionAsync();

        var ack = await connection.SendInteractiveAsync(Payload("shortcut_global.json"));

        Assert.Null(ack.Payload);
        Assert.Single(calls.To("shortcut decision.new"));
        await app.StopAsync();
    }

    [Fact]
    public async Task Malformed_or_unknown_envelopes_are_still_acked_and_reach_no_handler()
    {
        using var app = await StartAppAsync();
        var connection = await _slack.WaitForSocketConnectionAsync();

        var malformed = await connection.SendEnvelopeAsync("slash_commands", new JsonObject { ["text"] = "no command" }, acceptsResponsePayload: true);
        var unknown = await connection.SendEnvelopeAsync("brand_new_type", [], acceptsResponsePayload: false);

        Assert.Null(malformed.Payload);
        Assert.Null(unknown.Payload);
        Assert.Empty(app.Services.GetRequiredService<HandlerCalls>().All);
        await app.StopAsync();
    }

    [Fact]
    public async Task Reconnects_when_slack_drops_the_connection_without_warning()
    {
        using var app = await StartAppAsync();
        var first = await _slack.WaitForSocketConnectionAsync(1);

        await first.CloseAsync();
        var second = await _slack.WaitForSocketConnectionAsync(2);
        var ack = await second.SendSlashCommandAsync(PayloadOf("socket_slash_commands.json"));

        Assert.Equal(2, ack.ConnectionNumber);
        await app.StopAsync();
    }

    [Fact]
    public async Task Backs_off_and_retries_when_apps_connections_open_keeps_failing()
    {
        // MaxRetries = 1: each open tries twice, so four 500s fail two opens; the client backs off and the third open connects.
        _slack.Faults.ServerError("apps.connections.open", times: 4);
        using var app = await StartAppAsync();

        var connection = await _slack.WaitForSocketConnectionAsync();
        var ack = await connection.SendSlashCommandAsync(PayloadOf("socket_slash_commands.json"));

        Assert.Equal(1, ack.ConnectionNumber);
        Assert.Equal(5, _slack.Calls("apps.connections.open").Count);
        Assert.Equal(1, _slack.Calls("apps.connections.open").Count(call => call.Ok));
        await app.StopAsync();
    }

    [Fact]
    public async Task Stopping_the_app_closes_the_connection()
    {
        using var app = await StartAppAsync();
        var connection = await _slack.WaitForSocketConnectionAsync();
        await connection.SendSlashCommandAsync(PayloadOf("socket_slash_commands.json"));

        await app.StopAsync().WaitAsync(TimeSpan.FromSeconds(15));

        await connection.Closed.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(connection.IsOpen);
    }

    [Fact]
    public async Task Stays_idle_without_an_app_token()
    {
        using var app = await StartAppAsync(withAppToken: false);

        var client = app.Services.GetServices<IHostedService>().OfType<SocketModeClient>().Single();

        // With a token the client loops until stopped; without one it has nothing to do and finishes at once.
        await (client.ExecuteTask ?? Task.CompletedTask).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(client.ExecuteTask?.IsCompletedSuccessfully);
        Assert.Empty(_slack.Calls("apps.connections.open"));
        await app.StopAsync();
    }
}
