namespace AsyncLead.Slack.Payloads;

public sealed record UserChangeEvent : SlackEvent
{
    public required SlackUser User { get; init; }
}
