namespace AsyncLead.Slack.Payloads;

public sealed record TokensRevokedEvent : SlackEvent
{
    public RevokedTokens Tokens { get; init; } = new();
}
