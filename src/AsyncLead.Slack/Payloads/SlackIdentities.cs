namespace AsyncLead.Slack.Payloads;

/// <summary>The workspace an interaction came from. Null on the payload for some org-wide (Enterprise Grid) installs.</summary>
public sealed record SlackTeam
{
    public required string Id { get; init; }
    public string? Domain { get; init; }
    public string? EnterpriseId { get; init; }
    public string? EnterpriseName { get; init; }
}

public sealed record SlackUser
{
    public required string Id { get; init; }
    public string? Username { get; init; }
    public string? Name { get; init; }
    public string? TeamId { get; init; }
}

public sealed record SlackEnterprise
{
    public required string Id { get; init; }
    public string? Name { get; init; }
}

public sealed record SlackChannelRef
{
    public required string Id { get; init; }
    public string? Name { get; init; }
}
