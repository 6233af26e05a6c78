namespace AsyncLead.Slack.Payloads;

/// <summary>A channel, private channel or DM: the id and name an interaction carries, or the whole of conversations.info.</summary>
public sealed record SlackConversation
{
    public required string Id { get; init; }

    public string? Name { get; init; }

    public bool IsChannel { get; init; }

    public bool IsGroup { get; init; }

    public bool IsIm { get; init; }

    public bool IsPrivate { get; init; }

    public bool IsArchived { get; init; }

    /// <summary>Whether the bot is in the channel (it must be, to post there).</summary>
    public bool IsMember { get; init; }

    /// <summary>For a DM: the person on the other side.</summary>
    public string? User { get; init; }
}
