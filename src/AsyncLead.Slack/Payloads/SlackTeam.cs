namespace AsyncLead.Slack.Payloads;

/// <summary>A workspace, as interactions and oauth.v2.access name it. Null on the payload for some org-wide (Enterprise Grid) installs.</summary>
public sealed record SlackTeam
{
    public required string Id { get; init; }

    public string? Name { get; init; }

    public string? Domain { get; init; }

    public string? EnterpriseId { get; init; }

    public string? EnterpriseName { get; init; }
}
