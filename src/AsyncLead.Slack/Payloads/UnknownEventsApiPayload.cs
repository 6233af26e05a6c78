namespace AsyncLead.Slack.Payloads;

/// <summary>An envelope type this adapter does not model (e.g. <c>app_rate_limited</c>); acknowledged, never routed.</summary>
public sealed record UnknownEventsApiPayload : EventsApiPayload;
