using System.Net;
using System.Text.Json.Nodes;
using AsyncLead.Sandbox.Slack.SocketMode;

namespace AsyncLead.Sandbox.Simulation;

/// <summary>Slack's Socket Mode delivery: the same payloads as JSON envelopes; the ack's payload is the bot's answer.</summary>
internal sealed class SocketModeBotTransport(SocketModeConnection connection) : IBotTransport
{
    public async Task<SlackResponse> SendCommandAsync(IReadOnlyList<(string Name, string Value)> fields)
    {
        var command = new JsonObject();
        foreach (var (name, value) in fields)
        {
            command[name] = value;
        }

        return ToResponse(await connection.SendSlashCommandAsync(command));
    }

    public async Task<SlackResponse> SendInteractionAsync(JsonObject payload) =>
        ToResponse(await connection.SendInteractiveAsync(payload));

    public async Task<SlackResponse> SendEventAsync(JsonObject eventCallback, int retryNum, string retryReason) =>
        ToResponse(await connection.SendEventAsync(eventCallback, retryNum, retryNum > 0 ? retryReason : ""));

    /// <summary>An ack reads like an HTTP 200 whose body is the ack's payload (empty when there is none).</summary>
    private static SlackResponse ToResponse(SocketModeAck ack) => new(
        HttpStatusCode.OK,
        ack.Payload is null ? null : "application/json",
        new Dictionary<string, string>(),
        ack.Payload?.ToJsonString() ?? "");
}
