using System.Text.Json;
using AsyncLead.Slack.BlockKit;

namespace AsyncLead.Slack.Dispatch;

/// <summary>A slash command response: <c>{"response_type","text","blocks"}</c>. Also what a late result posts to the response_url.</summary>
public sealed record MessageAck(string ResponseType, string Text, JsonElement? Blocks) : SlackAck
{
    public const string EphemeralType = "ephemeral";
    public const string InChannelType = "in_channel";

    /// <summary>Through a click's response_url: this message takes the place of the one clicked (see <see cref="SlackAck.ReplaceClicked"/>).</summary>
    public bool? ReplaceOriginal { get; init; }

    /// <summary>Through a click's response_url: the message clicked goes away (see <see cref="SlackAck.DeleteClicked"/>).</summary>
    public bool? DeleteOriginal { get; init; }
}
