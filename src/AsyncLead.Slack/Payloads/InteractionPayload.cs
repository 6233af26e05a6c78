namespace AsyncLead.Slack.Payloads;

/// <summary>
/// The JSON in the <c>payload=</c> form field of <c>POST /slack/interactions</c>, one subtype per <c>type</c>.
/// A type this adapter does not know parses as <see cref="UnknownInteraction"/>.
/// </summary>
public abstract record InteractionPayload
{
    public required string Type { get; init; }

    /// <summary>Null for some org-wide installs; then <see cref="Enterprise"/> and <see cref="SlackUser.TeamId"/> identify the org.</summary>
    public SlackTeam? Team { get; init; }

    public required SlackUser User { get; init; }
    public SlackEnterprise? Enterprise { get; init; }
    public bool IsEnterpriseInstall { get; init; }
    public string? ApiAppId { get; init; }
}
