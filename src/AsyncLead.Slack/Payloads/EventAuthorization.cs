namespace AsyncLead.Slack.Payloads;

public sealed record EventAuthorization
{
    public string? EnterpriseId { get; init; }
    public string? TeamId { get; init; }
    public string? UserId { get; init; }
    public bool IsBot { get; init; }
    public bool IsEnterpriseInstall { get; init; }
}
