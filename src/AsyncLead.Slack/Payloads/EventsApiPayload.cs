namespace AsyncLead.Slack.Payloads;

/// <summary>The body of <c>POST /slack/events</c> (and of Socket Mode <c>events_api</c> envelopes), one subtype per <c>type</c>.</summary>
public abstract record EventsApiPayload
{
    public required string Type { get; init; }
}
