using AsyncLead.Slack.Dispatch;
using Dapper;
using Npgsql;

namespace AsyncLead.Storage;

/// <summary>
/// Slack redelivers an event it thinks we missed (same <c>event_id</c>); the first insert of an id wins, across
/// every replica, so a retried event acts once.
/// </summary>
public sealed class SlackEventReceipts(NpgsqlDataSource dataSource, TimeProvider clock) : ISlackEventDeduplicator
{
    public async ValueTask<bool> IsFirstDeliveryAsync(string eventId, string teamId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO slack_event_receipts (event_id, team_id, received_at)
            VALUES (@eventId, @teamId, @now)
            ON CONFLICT (event_id) DO NOTHING
            """,
            new { eventId, teamId, now = clock.GetUtcNow() }, cancellationToken: ct));
        return inserted == 1;
    }
}
