namespace AsyncLead.Slack.Payloads;

/// <summary><c>block_suggestion</c>: an external select asking for options while the user types.</summary>
public sealed record BlockSuggestionPayload : InteractionPayload
{
    public required string ActionId { get; init; }
    public string? BlockId { get; init; }
    public string? Value { get; init; }
    public ActionContainer? Container { get; init; }
    public SlackView? View { get; init; }
}
