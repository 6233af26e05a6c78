using System.Text.Json.Serialization;

namespace AsyncLead.Slack.Payloads;

/// <summary>The body of <c>POST /slack/events</c> (and of Socket Mode <c>events_api</c> envelopes), one subtype per <c>type</c>.</summary>
public abstract record EventsApiPayload
{
    public required string Type { get; init; }
}

/// <summary>Slack checking the Request URL; answered by echoing <see cref="Challenge"/>.</summary>
public sealed record UrlVerificationPayload : EventsApiPayload
{
    public required string Challenge { get; init; }
}

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

public sealed record EventAuthorization
{
    public string? EnterpriseId { get; init; }
    public string? TeamId { get; init; }
    public string? UserId { get; init; }
    public bool IsBot { get; init; }
    public bool IsEnterpriseInstall { get; init; }
}

/// <summary>An envelope type this adapter does not model (e.g. <c>app_rate_limited</c>); acknowledged, never routed.</summary>
public sealed record UnknownEventsApiPayload : EventsApiPayload;
