using System.Text.Json.Nodes;

namespace AsyncLead.Sandbox.Simulation;

/// <summary>How Slack's requests reach the bot: signed HTTP posts, or envelopes on a Socket Mode connection.</summary>
internal interface IBotTransport
{
    Task<SlackResponse> SendCommandAsync(IReadOnlyList<(string Name, string Value)> fields);

    Task<SlackResponse> SendInteractionAsync(JsonObject payload);

    Task<SlackResponse> SendEventAsync(JsonObject eventCallback, int retryNum, string retryReason);
}
