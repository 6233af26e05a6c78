using AsyncLead.Slack.BlockKit;
using AsyncLead.Slack.Mrkdwn;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>What a bot message says: the fallback text (notifications, screen readers) and its blocks.</summary>
public sealed record MessageContent(string Text, IReadOnlyList<Block> Blocks);
