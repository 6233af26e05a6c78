using AsyncLead.Outbox;
using AsyncLead.Slack.Dispatch;
using Dapper;
using Npgsql;

namespace AsyncLead.Storage;

/// <summary>
/// Keeper of <c>slack_event_receipts</c>. Each delivery claims its event_id; the first claim wins across every
/// replica, the receipt becomes handled only once the handler succeeded, and a failed handler releases its claim so
/// that Slack's redelivery (same event_id) acts. Receipts are pruned once Slack can no longer redeliver them.
/// </summary>
public sealed class SlackEventReceipts(NpgsqlDataSource dataSource, TimeProvider clock) : ISlackEventReceipts, IWorkspaceDataKeeper
{
    /// <summary>A claim this old is taken for a process that died mid-handler: far longer than any handler runs,
    /// shorter than Slack's first retry after a timeout (about a minute).</summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromSeconds(30);

    /// <summary>Slack retries an event for about an hour at most (immediately, after ~1 min, after ~5 min); receipts are
    /// kept well past that, and pruned after.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromHours(6);

    // A small batch of expired receipts goes with each new one, so the table stays about the size of six hours of
    // events without a timer of its own; SKIP LOCKED keeps replicas from waiting on each other's batches.
    private const string ClaimSql =
        """
        WITH pruned AS (
            DELETE FROM slack_event_receipts
            WHERE event_id IN (
                SELECT event_id FROM slack_event_receipts
                WHERE received_at < @pruneBefore AND event_id <> @eventId
                ORDER BY received_at
                LIMIT 100
                FOR UPDATE SKIP LOCKED)
        )
        INSERT INTO slack_event_receipts AS r (event_id, team_id, received_at, claimed_at)
        VALUES (@eventId, @teamId, @now, @now)
        ON CONFLICT (event_id) DO UPDATE SET claimed_at = @now
            WHERE r.handled_at IS NULL AND (r.claimed_at IS NULL OR r.claimed_at < @leaseStart)
        RETURNING true
        """;

    public async ValueTask<EventClaim> ClaimAsync(string eventId, string teamId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var claimed = await connection.ExecuteScalarAsync<bool?>(new CommandDefinition(ClaimSql,
            new { eventId, teamId, now, leaseStart = now - ClaimLease, pruneBefore = now - KeptFor }, cancellationToken: ct));
        if (claimed == true)
        {
            return EventClaim.Claimed;
        }

        var handled = await connection.ExecuteScalarAsync<bool?>(new CommandDefinition(
            "SELECT handled_at IS NOT NULL FROM slack_event_receipts WHERE event_id = @eventId", new { eventId }, cancellationToken: ct));
        return handled == true ? EventClaim.AlreadyHandled : EventClaim.InProgress;
    }

    public async ValueTask CompleteAsync(string eventId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE slack_event_receipts SET handled_at = @now, claimed_at = NULL WHERE event_id = @eventId",
            new { eventId, now = clock.GetUtcNow() }, cancellationToken: ct));
    }

    public async ValueTask ReleaseAsync(string eventId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE slack_event_receipts SET claimed_at = NULL WHERE event_id = @eventId AND handled_at IS NULL",
            new { eventId }, cancellationToken: ct));
    }

    /// <summary>A receipt names its workspace as Slack does, team_id.</summary>
    public async Task<IReadOnlyList<TableRows>> PurgeWorkspaceAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string workspaceId, bool confirmed, CancellationToken ct) =>
        [await TableRows.PurgeAsync(connection, transaction, "slack_event_receipts", workspaceId, confirmed, ct, workspaceColumn: "team_id")];
}
