namespace AsyncLead.Sandbox.Slack.State;

internal sealed class UserRecord
{
    public required string Id { get; init; }
    public required string TeamId { get; init; }
    public required string Name { get; init; }
    public required string RealName { get; init; }
    public required string TimeZone { get; init; }
    public bool IsBot { get; init; }
    public bool Deleted { get; init; }
    public bool IsAdmin { get; init; }

    /// <summary>The custom status; empty when none.</summary>
    public string StatusText { get; set; } = "";
    public string StatusEmoji { get; set; } = "";
    public DateTimeOffset? StatusExpiration { get; set; }

    /// <summary>Their do-not-disturb window (the next, or the current one); null when their DND schedule is off.</summary>
    public (DateTimeOffset Start, DateTimeOffset End)? Dnd { get; set; }
}
