using AsyncLead.Slack.BlockKit;
using AsyncLead.Slack.Mrkdwn;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>A blocker as the summary shows it, names already resolved; <see cref="WeeksBlocked"/> when written unchanged weeks running (<see cref="WeekChanges"/>).</summary>
public sealed record SummaryBlocker(long Id, string Text, string AuthorName, Uri? Reply, DateTimeOffset OpenedAt, string? ResolvedByName, int WeeksBlocked = 0);
