using System.Text.Json;

namespace AsyncLead.Slack.Payloads;

public sealed record MessageShortcutPayload : ShortcutPayload
{
    public SlackConversation? Channel { get; init; }
    public JsonElement? Message { get; init; }
    public string? MessageTs { get; init; }
    public string? ResponseUrl { get; init; }
}
