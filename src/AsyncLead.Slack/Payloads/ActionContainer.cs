namespace AsyncLead.Slack.Payloads;

/// <summary>Where a block action happened: <c>message</c> (channel + ts) or <c>view</c> (view id).</summary>
public sealed record ActionContainer
{
    public required string Type { get; init; }
    public string? MessageTs { get; init; }
    public string? ChannelId { get; init; }
    public bool IsEphemeral { get; init; }
    public string? ViewId { get; init; }
}
