using AsyncLead.Slack.BlockKit;
using AsyncLead.Slack.Mrkdwn;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>One of the reply's blockers as stored, so it can carry its own Resolve button.</summary>
public sealed record ReplyBlocker(long Id, string Text, bool IsResolved);
