using AsyncLead.Slack.BlockKit;

namespace AsyncLead.Slack.WebApi;

/// <summary>A message only <see cref="User"/> sees, in <see cref="Channel"/>.</summary>
public sealed record EphemeralMessageRequest(string Channel, string User, string Text)
{
    public IReadOnlyList<Block>? Blocks { get; init; }

    public string? ThreadTs { get; init; }
}
