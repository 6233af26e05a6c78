using System.Text.Json;

namespace AsyncLead.Slack.Payloads;

public sealed record MessageEvent : SlackEvent
{
    /// <summary>Null for a plain user message; e.g. <c>bot_message</c>, <c>message_changed</c>, <c>message_deleted</c>.</summary>
    public string? Subtype { get; init; }

    public string? Channel { get; init; }

    /// <summary><c>channel</c>, <c>group</c>, <c>im</c>, <c>mpim</c> or <c>app_home</c>.</summary>
    public string? ChannelType { get; init; }

    public string? User { get; init; }
    public string? Text { get; init; }
    public string? Ts { get; init; }
    public string? ThreadTs { get; init; }
    public string? BotId { get; init; }
    public string? Team { get; init; }
    public string? ClientMsgId { get; init; }
    public JsonElement? Blocks { get; init; }

    /// <summary>True for posts by any bot (app bots carry bot_id; classic bots the bot_message subtype), so replies don't loop.</summary>
    public bool IsFromBot => BotId is not null || Subtype == "bot_message";
}
