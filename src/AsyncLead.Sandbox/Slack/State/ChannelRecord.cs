namespace AsyncLead.Sandbox.Slack.State;

internal sealed class ChannelRecord
{
    public required string Id { get; init; }
    public required string TeamId { get; init; }
    public required string Name { get; init; }
    public bool IsPrivate { get; init; }

    /// <summary>Set for the app's direct-message channel with one person (a <c>D…</c> id).</summary>
    public string? ImUserId { get; init; }

    public bool IsMpim { get; init; }
    public bool IsArchived { get; set; }
    public bool BotIsMember { get; set; }
    public HashSet<string> Members { get; } = new(StringComparer.Ordinal);
    public List<MessageRecord> Messages { get; } = [];
    public DateTimeOffset? LastBotPostAt { get; set; }
    public required long Created { get; init; }

    public bool IsIm => ImUserId is not null;

    /// <summary>Bots read and write only where they are members; their own DMs always count.</summary>
    public bool BotCanAccess => BotIsMember || IsIm;

    public MessageRecord? Find(string ts) => Messages.Find(m => m.Ts == ts && !m.Deleted);
}
