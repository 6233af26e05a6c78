namespace AsyncLead.Slack.Payloads;

/// <summary>The inner <c>event</c> of an event_callback, one subtype per event type AsyncLead uses.</summary>
public abstract record SlackEvent
{
    public required string Type { get; init; }
    public string? EventTs { get; init; }
}
