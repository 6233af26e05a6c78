namespace AsyncLead.Sandbox.Slack;

/// <summary>A workspace the app is installed in: its bot token acts in this workspace only.</summary>
/// <param name="EnterpriseId">Set when the app is installed org-wide in this workspace's Enterprise Grid organisation.</param>
public sealed record FakeWorkspace(string TeamId, string Name, string Domain, string BotToken, string BotUserId, string BotId, string? EnterpriseId = null);
