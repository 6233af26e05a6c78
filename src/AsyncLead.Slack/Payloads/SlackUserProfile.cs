namespace AsyncLead.Slack.Payloads;

public sealed record SlackUserProfile
{
    public string? DisplayName { get; init; }

    public string? RealName { get; init; }
}
