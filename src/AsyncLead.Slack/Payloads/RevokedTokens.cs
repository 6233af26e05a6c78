namespace AsyncLead.Slack.Payloads;

/// <summary>User ids whose tokens were revoked (not the tokens themselves).</summary>
public sealed record RevokedTokens
{
    public IReadOnlyList<string> Oauth { get; init; } = [];
    public IReadOnlyList<string> Bot { get; init; } = [];
}
