using System.Text.Json;

namespace AsyncLead.Slack.Payloads;

/// <summary><c>block_actions</c>: buttons, selects and other elements in messages, modals and the Home tab.</summary>
public sealed record BlockActionsPayload : InteractionPayload
{
    public string? TriggerId { get; init; }
    public ActionContainer? Container { get; init; }
    public SlackConversation? Channel { get; init; }

    /// <summary>The message the action happened in, as Slack sent it (message container only).</summary>
    public JsonElement? Message { get; init; }

    public SlackView? View { get; init; }
    public ViewState? State { get; init; }

    /// <summary>Present for actions in messages; lets the app reply or replace the message.</summary>
    public string? ResponseUrl { get; init; }

    public IReadOnlyList<BlockAction> Actions { get; init; } = [];
}
