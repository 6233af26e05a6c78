using AsyncLead.Slack.BlockKit;
using AsyncLead.Slack.Mrkdwn;

namespace AsyncLead.Features.Decisions;

/// <summary>A message to send: the notification text and its blocks.</summary>
public sealed record RenderedMessage(string Text, IReadOnlyList<Block> Blocks);
