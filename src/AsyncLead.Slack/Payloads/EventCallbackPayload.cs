using System.Text.Json.Serialization;

namespace AsyncLead.Slack.Payloads;

/// <summary>An event delivery. Slack retries it with the same <see cref="EventId"/>, so handlers act once per id.</summary>
public sealed record EventCallbackPayload : EventsApiPayload
{
    public required string EventId { get; init; }

    /// <summary>Unix seconds.</summary>
    public long EventTime { get; init; }

    public string? TeamId { get; init; }
    public string? EnterpriseId { get; init; }
    public string? ContextTeamId { get; init; }
    public string? ContextEnterpriseId { get; init; }
    public string? ApiAppId { get; init; }
    public bool IsExtSharedChannel { get; init; }
    public string? EventContext { get; init; }

    /// <summary>Who the event was delivered for; the bot's own <see cref="EventAuthorization.UserId"/> helps ignore its own messages.</summary>
    public IReadOnlyList<EventAuthorization> Authorizations { get; init; } = [];

    [JsonConverter(typeof(SlackEventConverter))]
    public required SlackEvent Event { get; init; }
}
