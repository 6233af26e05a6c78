namespace AsyncLead.Slack.Payloads;

/// <summary>A response_url Slack issues for a conversation picked in a modal with <c>response_url_enabled</c>.</summary>
public sealed record ViewResponseUrl
{
    public string? BlockId { get; init; }
    public string? ActionId { get; init; }
    public string? ChannelId { get; init; }
    public required string ResponseUrl { get; init; }
}
