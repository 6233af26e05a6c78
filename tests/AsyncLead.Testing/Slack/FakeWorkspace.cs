namespace AsyncLead.Testing.Slack;

/// <summary>A workspace the app is installed in: its bot token acts in this workspace only.</summary>
public sealed record FakeWorkspace(string TeamId, string Name, string Domain, string BotToken, string BotUserId, string BotId);
