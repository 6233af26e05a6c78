using AsyncLead.Outbox;
using AsyncLead.Slack.Posting;
using AsyncLead.Slack.WebApi;
using Dapper;
using Npgsql;

namespace AsyncLead.Storage;

/// <summary>The keeper of slack_posts: the adapter's record of what the bot posted, each write its own committed statement.</summary>
public sealed class SlackPostLedger(NpgsqlDataSource dataSource, TimeProvider clock) : ISlackPostLedger, IWorkspaceDataKeeper
{
    /// <summary>
    /// A finished mark (the post and its ts) matters only while a job may run again for the same post: a retry comes
    /// within hours, and 30 days is far past any job's retries and waits. Unfinished marks stay: their outcome is unknown.
    /// </summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(30);

    // The outer SELECT reads the snapshot from before the INSERT: exactly one of the two branches answers. A small batch
    // of old finished marks goes with each new post, so the table stays about 30 days of posts without a timer of its
    // own; SKIP LOCKED keeps replicas from waiting on each other's batches.
    private const string BeginSql =
        """
        WITH pruned AS (
            DELETE FROM slack_posts
            WHERE (workspace_id, post_key) IN (
                SELECT workspace_id, post_key FROM slack_posts
                WHERE posted_at < @pruneBefore AND NOT (workspace_id = @workspaceId AND post_key = @key)
                ORDER BY posted_at
                LIMIT 100
                FOR UPDATE SKIP LOCKED)
        ),
        created AS (
            INSERT INTO slack_posts (workspace_id, post_key, started_at) VALUES (@workspaceId, @key, @startedAt)
            ON CONFLICT (workspace_id, post_key) DO NOTHING
            RETURNING started_at, channel, ts, true AS is_new
        )
        SELECT started_at AS StartedAt, channel AS Channel, ts AS Ts, is_new AS IsNew FROM created
        UNION ALL
        SELECT started_at, channel, ts, false FROM slack_posts WHERE workspace_id = @workspaceId AND post_key = @key
        """;

    public async Task<SlackPostRecord> BeginAsync(string workspaceId, string key, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleAsync<Row>(new CommandDefinition(BeginSql,
            new { workspaceId, key, startedAt, pruneBefore = clock.GetUtcNow() - KeptFor }, cancellationToken: cancellationToken));
        return new SlackPostRecord(row.StartedAt, row is { Channel: { } channel, Ts: { } ts } ? new PostedMessage(channel, ts) : null, row.IsNew);
    }

    public async Task RecordPostedAsync(string workspaceId, string key, PostedMessage posted, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE slack_posts SET channel = @channel, ts = @ts, posted_at = @now WHERE workspace_id = @workspaceId AND post_key = @key",
            new { workspaceId, key, channel = posted.Channel, ts = posted.Ts, now = clock.GetUtcNow() }, cancellationToken: cancellationToken));
    }

    public async Task ClearAsync(string workspaceId, string key, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM slack_posts WHERE workspace_id = @workspaceId AND post_key = @key AND ts IS NULL",
            new { workspaceId, key }, cancellationToken: cancellationToken));
    }

    // Properties, not a positional record: Dapper sets a DateTimeOffset property from timestamptz, not a constructor argument.
    private sealed class Row
    {
        public DateTimeOffset StartedAt { get; init; }

        public string? Channel { get; init; }

        public string? Ts { get; init; }

        public bool IsNew { get; init; }
    }

    public async Task<IReadOnlyList<TableRows>> PurgeWorkspaceAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string workspaceId, bool confirmed, CancellationToken ct) =>
        [await TableRows.PurgeAsync(connection, transaction, "slack_posts", workspaceId, confirmed, ct)];
}
