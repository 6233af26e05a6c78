namespace AsyncLead.Slack.Payloads;

/// <summary>An Enterprise Grid organisation, as interactions and oauth.v2.access name it.</summary>
public sealed record SlackEnterprise
{
    public required string Id { get; init; }

    public string? Name { get; init; }
}
