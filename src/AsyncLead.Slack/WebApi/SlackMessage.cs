using AsyncLead.Slack.Payloads;
using System.Runtime.CompilerServices;

namespace AsyncLead.Slack.WebApi;

public sealed record SlackMessage(string Ts)
{
    public string? Type { get; init; }

    public string? Subtype { get; init; }

    public string? ThreadTs { get; init; }

    public string? User { get; init; }

    public string? BotId { get; init; }

    public string? AppId { get; init; }

    public string? Text { get; init; }

    public MessageMetadata? Metadata { get; init; }
}
