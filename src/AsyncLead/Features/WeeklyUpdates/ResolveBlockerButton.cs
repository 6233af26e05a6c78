using System.Globalization;
using AsyncLead.Outbox;
using AsyncLead.Jobs;
using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Payloads;
using Dapper;
using Npgsql;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>
/// "Resolve" on a week's summary or on the reply that lists the blocker: the blocker is resolved, and in the same
/// transaction the messages that show it (the clicked one, the blocker's latest reply and its week's summary) are
/// queued for an edit, and so are the Home tabs of its author and the team's lead. A click from a Home tab has no
/// message: only the blocker's own reply and summary are edited then.
/// </summary>
public sealed class ResolveBlockerButton(NpgsqlDataSource dataSource, JobQueue queue, TimeProvider clock) : IBlockActionHandler
{
    public string ActionId => WeekSummary.ResolveActionId;

    public async Task HandleAsync(BlockActionsPayload payload, BlockAction action, SlackContext context, CancellationToken ct)
    {
        if (!long.TryParse(action.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var blockerId)
            || context.TeamId is not { } workspaceId || context.UserId is not { } userId)
        {
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var resolved = await connection.QuerySingleOrDefaultAsync<(long TeamChannelId, long UpdateId, string AuthorId, string LeadId)?>(new CommandDefinition(
            """
            UPDATE blockers b SET resolved_at = coalesce(b.resolved_at, @now), resolved_by = coalesce(b.resolved_by, @userId)
            FROM team_channels t
            WHERE b.id = @blockerId AND t.id = b.team_channel_id AND t.workspace_id = @workspaceId
            RETURNING b.team_channel_id, b.last_update_id, b.user_id, t.lead_user_id
            """, new { blockerId, userId, workspaceId, now = clock.GetUtcNow() }, transaction, cancellationToken: ct));
        if (resolved is { } blocker)
        {
            var affected = await connection.QueryAsync<(long WeekId, long? UpdateId)>(new CommandDefinition(
                """
                SELECT u.week_id, u.id FROM weekly_updates u
                WHERE u.id = @UpdateId OR (u.message_ts = @clickedTs AND u.week_id IN (SELECT id FROM update_weeks WHERE team_channel_id = @TeamChannelId))
                UNION
                SELECT w.id, NULL FROM update_weeks w
                WHERE w.team_channel_id = @TeamChannelId AND w.summary_ts IS NOT NULL
                  AND (w.summary_ts = @clickedTs OR w.id = (SELECT week_id FROM weekly_updates WHERE id = @UpdateId))
                """, new { blocker.UpdateId, blocker.TeamChannelId, clickedTs = payload.Container?.MessageTs }, transaction, cancellationToken: ct));
            foreach (var (weekId, updateId) in affected)
            {
                var request = updateId is { } reply
                    ? WeeklyJobs.Thread(workspaceId, blocker.TeamChannelId, weekId, ThreadPostJob.What.Refresh, reply)
                    : WeeklyJobs.Thread(workspaceId, blocker.TeamChannelId, weekId, ThreadPostJob.What.Summary);
                await queue.EnqueueAsync(connection, transaction, request, ct);
            }

            await HomeRefresh.EnqueueAsync(queue, connection, transaction, workspaceId, [blocker.AuthorId, blocker.LeadId], ct);
        }

        await transaction.CommitAsync(ct);
    }
}
