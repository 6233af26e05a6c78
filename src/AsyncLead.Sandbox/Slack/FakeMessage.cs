using System.Text.Json.Nodes;

namespace AsyncLead.Sandbox.Slack;

/// <summary>A message as it stands in FakeSlack now (after any chat.update).</summary>
public sealed record FakeMessage(
    string Channel,
    string Ts,
    string? ThreadTs,
    string? User,
    string? BotId,
    string Text,
    JsonArray Blocks,
    JsonObject? Metadata,
    bool Edited)
{
    public bool IsThreadReply => ThreadTs is not null && ThreadTs != Ts;

    /// <summary>An ephemeral message's one reader (null for a message everyone in the conversation sees).</summary>
    public string? VisibleTo { get; init; }

    /// <summary>The fallback text plus every text in the blocks, one per line: what a reader sees, for assertions.</summary>
    public string VisibleText => string.Join('\n', new[] { Text }.Concat(JsonText.AllTexts(Blocks)));
}
