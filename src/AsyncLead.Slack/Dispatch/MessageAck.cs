using System.Text.Json;
using AsyncLead.Slack.BlockKit;

namespace AsyncLead.Slack.Dispatch;

/// <summary>A slash command response: <c>{"response_type","text","blocks"}</c>. Also what a late result posts to the response_url.</summary>
public sealed record MessageAck(string ResponseType, string Text, JsonElement? Blocks) : SlackAck
{
    public const string EphemeralType = "ephemeral";
    public const string InChannelType = "in_channel";
}
