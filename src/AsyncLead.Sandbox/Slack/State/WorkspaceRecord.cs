namespace AsyncLead.Sandbox.Slack.State;

internal sealed class WorkspaceRecord
{
    public required string TeamId { get; init; }
    public required string Name { get; init; }
    public required string Domain { get; init; }
    public required string BotToken { get; init; }
    public required string BotUserId { get; init; }
    public required string BotId { get; init; }
    public string? EnterpriseId { get; init; }
    public bool TokenRevoked { get; set; }

    /// <summary>The bot scopes the install granted (Slack names them in every answer's <c>X-OAuth-Scopes</c>).</summary>
    public required IReadOnlyList<string> Scopes { get; set; }

    public FakeWorkspace ToSnapshot() => new(TeamId, Name, Domain, BotToken, BotUserId, BotId, EnterpriseId);
}
