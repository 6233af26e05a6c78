namespace AsyncLead.Slack.Payloads;

public sealed record OptionText
{
    public required string Type { get; init; }
    public required string Text { get; init; }
    public bool? Emoji { get; init; }
}
