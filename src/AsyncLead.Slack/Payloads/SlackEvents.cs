using System.Text.Json;

namespace AsyncLead.Slack.Payloads;

/// <summary>The inner <c>event</c> of an event_callback, one subtype per event type AsyncLead uses.</summary>
public abstract record SlackEvent
{
    public required string Type { get; init; }
    public string? EventTs { get; init; }
}

public sealed record AppHomeOpenedEvent : SlackEvent
{
    public required string User { get; init; }
    public string? Channel { get; init; }

    /// <summary><c>home</c> or <c>messages</c>.</summary>
    public string? Tab { get; init; }

    /// <summary>The Home view last published, if any; its hash guards views.publish.</summary>
    public SlackView? View { get; init; }
}

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

public sealed record AppUninstalledEvent : SlackEvent;

public sealed record TokensRevokedEvent : SlackEvent
{
    public RevokedTokens Tokens { get; init; } = new();
}

/// <summary>User ids whose tokens were revoked (not the tokens themselves).</summary>
public sealed record RevokedTokens
{
    public IReadOnlyList<string> Oauth { get; init; } = [];
    public IReadOnlyList<string> Bot { get; init; } = [];
}

public sealed record UserChangeEvent : SlackEvent
{
    public required ChangedUser User { get; init; }
}

/// <summary>The part of a Slack user object AsyncLead keeps: identity, deletion and time zone.</summary>
public sealed record ChangedUser
{
    public required string Id { get; init; }
    public string? TeamId { get; init; }
    public string? Name { get; init; }
    public string? RealName { get; init; }

    /// <summary>IANA time zone, e.g. <c>Europe/Amsterdam</c>.</summary>
    public string? Tz { get; init; }

    public string? TzLabel { get; init; }

    /// <summary>Seconds east of UTC at the time Slack sent it.</summary>
    public int? TzOffset { get; init; }

    public bool Deleted { get; init; }
    public bool IsBot { get; init; }

    /// <summary>Carries the custom status, which says when someone is out of office.</summary>
    public WebApi.SlackUserProfile? Profile { get; init; }
}

/// <summary><c>member_joined_channel</c> or <c>member_left_channel</c>, for a channel the bot is in.</summary>
public sealed record ChannelMemberEvent : SlackEvent
{
    public required string User { get; init; }
    public required string Channel { get; init; }

    /// <summary><c>C</c> for a public channel, <c>G</c> for a private one.</summary>
    public string? ChannelType { get; init; }

    public string? Team { get; init; }
}

/// <summary>
/// An event about a channel as such: <c>channel_left</c> / <c>group_left</c> (the bot was removed),
/// <c>channel_archive</c>, <c>channel_unarchive</c> and their <c>group_</c> twins for private channels.
/// </summary>
public sealed record ChannelEvent : SlackEvent
{
    public required string Channel { get; init; }

    public string? User { get; init; }
}

/// <summary>An event type without a model here; handlers registered for its type read <see cref="Raw"/>.</summary>
public sealed record UnknownEvent : SlackEvent
{
    public required JsonElement Raw { get; init; }
}
