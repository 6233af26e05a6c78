namespace AsyncLead.Slack.Payloads;

public sealed record SlackUserProfile
{
    public string? DisplayName { get; init; }

    public string? RealName { get; init; }

    /// <summary>The custom status ("Out of office", "Vacationing"…), empty when none.</summary>
    public string? StatusText { get; init; }

    public string? StatusEmoji { get; init; }

    /// <summary>When the status clears itself, in Unix seconds; 0 when it doesn't.</summary>
    public long? StatusExpiration { get; init; }
}
