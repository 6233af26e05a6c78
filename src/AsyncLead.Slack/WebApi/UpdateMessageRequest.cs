using AsyncLead.Slack.BlockKit;

namespace AsyncLead.Slack.WebApi;

public sealed record UpdateMessageRequest(string Channel, string Ts, string Text)
{
    public IReadOnlyList<Block>? Blocks { get; init; }

    public MessageMetadata? Metadata { get; init; }
}
