namespace AsyncLead.Slack.Payloads;

/// <summary><c>shortcut</c> (global) or <c>message_action</c> (message shortcut); both are keyed by callback_id.</summary>
public abstract record ShortcutPayload : InteractionPayload
{
    public required string CallbackId { get; init; }
    public string? TriggerId { get; init; }
    public string? ActionTs { get; init; }
}
