namespace AsyncLead.Slack.Payloads;

/// <summary><c>member_joined_channel</c> or <c>member_left_channel</c>, for a channel the bot is in.</summary>
public sealed record ChannelMemberEvent : SlackEvent
{
    public required string User { get; init; }
    public required string Channel { get; init; }

    /// <summary><c>C</c> for a public channel, <c>G</c> for a private one.</summary>
    public string? ChannelType { get; init; }

    public string? Team { get; init; }
}
