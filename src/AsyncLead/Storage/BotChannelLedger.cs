using AsyncLead.Outbox;
using AsyncLead.Slack.Posting;
using Dapper;
using Npgsql;

namespace AsyncLead.Storage;

/// <summary>The keeper of bot_channels: the adapter's record of which channels the bot is in, each write its own statement.</summary>
public sealed class BotChannelLedger(NpgsqlDataSource dataSource, TimeProvider clock) : IBotChannelStore, IWorkspaceDataKeeper
{
    public async Task<bool?> FindAsync(string workspaceId, string channelId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<bool?>(new CommandDefinition(
            "SELECT is_member FROM bot_channels WHERE workspace_id = @workspaceId AND channel_id = @channelId",
            new { workspaceId, channelId }, cancellationToken: ct));
    }

    public async Task RecordAsync(string workspaceId, string channelId, bool isMember, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO bot_channels (workspace_id, channel_id, is_member, learned_at) VALUES (@workspaceId, @channelId, @isMember, @now)
            ON CONFLICT (workspace_id, channel_id) DO UPDATE SET is_member = EXCLUDED.is_member, learned_at = EXCLUDED.learned_at
            """,
            new { workspaceId, channelId, isMember, now = clock.GetUtcNow() }, cancellationToken: ct));
    }

    public async Task ForgetAsync(string workspaceId, string channelId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM bot_channels WHERE workspace_id = @workspaceId AND channel_id = @channelId",
            new { workspaceId, channelId }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<TableRows>> PurgeWorkspaceAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string workspaceId, bool confirmed, CancellationToken ct) =>
        [await TableRows.PurgeAsync(connection, transaction, "bot_channels", workspaceId, confirmed, ct)];
}
