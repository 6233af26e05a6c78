namespace AsyncLead.Sandbox.Slack.State;

internal sealed class OAuthCodeRecord
{
    public required string Code { get; init; }
    public required string TeamId { get; init; }
    public required string UserId { get; init; }
    public string? RedirectUri { get; init; }
    public string? EnterpriseId { get; init; }
    public bool Used { get; set; }
}
