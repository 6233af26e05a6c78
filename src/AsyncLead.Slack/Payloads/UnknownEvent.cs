using System.Text.Json;

namespace AsyncLead.Slack.Payloads;

/// <summary>An event type without a model here; handlers registered for its type read <see cref="Raw"/>.</summary>
public sealed record UnknownEvent : SlackEvent
{
    public required JsonElement Raw { get; init; }
}
