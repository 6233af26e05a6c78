using System.Text.Json;

namespace AsyncLead.Slack.Payloads;

/// <summary>
/// The JSON in the <c>payload=</c> form field of <c>POST /slack/interactions</c>, one subtype per <c>type</c>.
/// A type this adapter does not know parses as <see cref="UnknownInteraction"/>.
/// </summary>
public abstract record InteractionPayload
{
    public required string Type { get; init; }

    /// <summary>Null for some org-wide installs; then <see cref="Enterprise"/> and <see cref="SlackUser.TeamId"/> identify the org.</summary>
    public SlackTeam? Team { get; init; }

    public required SlackUser User { get; init; }
    public SlackEnterprise? Enterprise { get; init; }
    public bool IsEnterpriseInstall { get; init; }
    public string? ApiAppId { get; init; }
}

/// <summary><c>block_actions</c>: buttons, selects and other elements in messages, modals and the Home tab.</summary>
public sealed record BlockActionsPayload : InteractionPayload
{
    public string? TriggerId { get; init; }
    public ActionContainer? Container { get; init; }
    public SlackChannelRef? Channel { get; init; }

    /// <summary>The message the action happened in, as Slack sent it (message container only).</summary>
    public JsonElement? Message { get; init; }

    public SlackView? View { get; init; }
    public ViewState? State { get; init; }

    /// <summary>Present for actions in messages; lets the app reply or replace the message.</summary>
    public string? ResponseUrl { get; init; }

    public IReadOnlyList<BlockAction> Actions { get; init; } = [];
}

public sealed record BlockAction : ElementValue
{
    public required string ActionId { get; init; }
    public string? BlockId { get; init; }
    public string? ActionTs { get; init; }
}

/// <summary>Where a block action happened: <c>message</c> (channel + ts) or <c>view</c> (view id).</summary>
public sealed record ActionContainer
{
    public required string Type { get; init; }
    public string? MessageTs { get; init; }
    public string? ChannelId { get; init; }
    public bool IsEphemeral { get; init; }
    public string? ViewId { get; init; }
}

/// <summary><c>view_submission</c>: a modal's submit button. The ack may carry a <c>response_action</c>.</summary>
public sealed record ViewSubmissionPayload : InteractionPayload
{
    public string? TriggerId { get; init; }
    public required SlackView View { get; init; }
    public IReadOnlyList<ViewResponseUrl> ResponseUrls { get; init; } = [];
}

/// <summary>A response_url Slack issues for a conversation picked in a modal with <c>response_url_enabled</c>.</summary>
public sealed record ViewResponseUrl
{
    public string? BlockId { get; init; }
    public string? ActionId { get; init; }
    public string? ChannelId { get; init; }
    public required string ResponseUrl { get; init; }
}

/// <summary><c>view_closed</c>: sent only for views opened with <c>notify_on_close</c>.</summary>
public sealed record ViewClosedPayload : InteractionPayload
{
    public required SlackView View { get; init; }
    public bool IsCleared { get; init; }
}

/// <summary><c>shortcut</c> (global) or <c>message_action</c> (message shortcut); both are keyed by callback_id.</summary>
public abstract record ShortcutPayload : InteractionPayload
{
    public required string CallbackId { get; init; }
    public string? TriggerId { get; init; }
    public string? ActionTs { get; init; }
}

public sealed record GlobalShortcutPayload : ShortcutPayload;

public sealed record MessageShortcutPayload : ShortcutPayload
{
    public SlackChannelRef? Channel { get; init; }
    public JsonElement? Message { get; init; }
    public string? MessageTs { get; init; }
    public string? ResponseUrl { get; init; }
}

/// <summary><c>block_suggestion</c>: an external select asking for options while the user types.</summary>
public sealed record BlockSuggestionPayload : InteractionPayload
{
    public required string ActionId { get; init; }
    public string? BlockId { get; init; }
    public string? Value { get; init; }
    public ActionContainer? Container { get; init; }
    public SlackView? View { get; init; }
}

/// <summary>An interaction type this adapter does not model; acknowledged, never routed.</summary>
public sealed record UnknownInteraction : InteractionPayload;
