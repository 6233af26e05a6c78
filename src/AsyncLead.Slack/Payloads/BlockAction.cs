namespace AsyncLead.Slack.Payloads;

public sealed record BlockAction : ElementValue
{
    public required string ActionId { get; init; }
    public string? BlockId { get; init; }
    public string? ActionTs { get; init; }
}
