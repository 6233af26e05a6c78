namespace AsyncLead.Slack.Payloads;

/// <summary>
/// An event about a channel as such: <c>channel_left</c> / <c>group_left</c> (the bot was removed),
/// <c>channel_archive</c>, <c>channel_unarchive</c> and their <c>group_</c> twins for private channels.
/// </summary>
public sealed record ChannelEvent : SlackEvent
{
    public required string Channel { get; init; }

    public string? User { get; init; }
}
