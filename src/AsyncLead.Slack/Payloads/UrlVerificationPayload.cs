namespace AsyncLead.Slack.Payloads;

/// <summary>Slack checking the Request URL; answered by echoing <see cref="Challenge"/>.</summary>
public sealed record UrlVerificationPayload : EventsApiPayload
{
    public required string Challenge { get; init; }
}
