using AsyncLead.Slack.BlockKit;

namespace AsyncLead.Slack.WebApi;

/// <summary><see cref="Text"/> is required: it is the notification and screen-reader fallback for <see cref="Blocks"/>.</summary>
public sealed record PostMessageRequest(string Channel, string Text)
{
    public IReadOnlyList<Block>? Blocks { get; init; }

    /// <summary>Posts as a reply in this thread.</summary>
    public string? ThreadTs { get; init; }

    public MessageMetadata? Metadata { get; init; }

    public bool? UnfurlLinks { get; init; }

    public bool? UnfurlMedia { get; init; }
}
