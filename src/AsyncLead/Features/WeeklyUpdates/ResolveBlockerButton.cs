using System.Globalization;
using AsyncLead.Jobs;
using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Payloads;
using Dapper;
using Npgsql;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>"Resolve" on a week's summary: the blocker is resolved and the summary is edited to show it.</summary>
public sealed class ResolveBlockerButton(NpgsqlDataSource dataSource, JobQueue queue, TimeProvider clock) : IBlockActionHandler
{
    public string ActionId => WeekSummary.ResolveActionId;

    public async Task HandleAsync(BlockActionsPayload payload, BlockAction action, SlackContext context, CancellationToken ct)
    {
        if (!long.TryParse(action.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var blockerId)
            || context.TeamId is not { } workspaceId || context.UserId is not { } userId || payload.Container?.MessageTs is not { } summaryTs)
        {
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var week = await connection.QuerySingleOrDefaultAsync<(long WeekId, long TeamChannelId)?>(new CommandDefinition(
            """
            UPDATE blockers b SET resolved_at = coalesce(b.resolved_at, @now), resolved_by = coalesce(b.resolved_by, @userId)
            FROM team_channels t, update_weeks w
            WHERE b.id = @blockerId AND t.id = b.team_channel_id AND t.workspace_id = @workspaceId
              AND w.team_channel_id = t.id AND w.summary_ts = @summaryTs
            RETURNING w.id, t.id
            """, new { blockerId, userId, workspaceId, summaryTs, now = clock.GetUtcNow() }, transaction, cancellationToken: ct));
        if (week is { } found)
        {
            await queue.EnqueueAsync(connection, transaction, WeeklyJobs.Thread(found.TeamChannelId, found.WeekId, ThreadPostJob.What.Summary), ct);
        }

        await transaction.CommitAsync(ct);
    }
}
