namespace AsyncLead.Slack.Payloads;

public sealed record SelectedOption
{
    public required OptionText Text { get; init; }
    public required string Value { get; init; }
    public OptionText? Description { get; init; }
}
