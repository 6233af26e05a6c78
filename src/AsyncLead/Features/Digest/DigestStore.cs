using AsyncLead.Jobs;
using AsyncLead.Outbox;
using AsyncLead.Features.Members;
using Dapper;
using Npgsql;

namespace AsyncLead.Features.Digest;

/// <summary>Digest preferences and sends: the keeper of digest_preferences and digest_sends.</summary>
public sealed class DigestStore(NpgsqlDataSource dataSource, JobQueue jobs) : IWorkspaceDataKeeper
{
    private const string UpsertPreferenceSql =
        """
        INSERT INTO digest_preferences (workspace_id, user_id, day, time, is_off, updated_at)
        VALUES (@workspaceId, @userId, @day, @time, @isOff, @now)
        ON CONFLICT (workspace_id, user_id) DO UPDATE SET
            day = EXCLUDED.day, time = EXCLUDED.time, is_off = EXCLUDED.is_off, updated_at = EXCLUDED.updated_at
        """;

    // The first attempt creates the row, with "since" = when the recipient's previous digest of this team went out.
    private const string ClaimSendSql =
        """
        WITH created AS (
            INSERT INTO digest_sends (team_channel_id, user_id, week_start, since, created_at)
            VALUES (@teamChannelId, @userId, @weekStart,
                    coalesce((SELECT max(sent_at) FROM digest_sends WHERE team_channel_id = @teamChannelId AND user_id = @userId), @defaultSince),
                    @now)
            ON CONFLICT (team_channel_id, user_id, week_start) DO NOTHING
            RETURNING id, since, dm_channel, message_ts
        )
        SELECT id AS Id, since AS Since, dm_channel AS DmChannel, message_ts AS MessageTs FROM created
        UNION ALL
        SELECT id, since, dm_channel, message_ts FROM digest_sends
        WHERE team_channel_id = @teamChannelId AND user_id = @userId AND week_start = @weekStart
        """;

    public async Task<DigestPreference> PreferenceAsync(string workspaceId, string userId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<(short Day, TimeSpan Time, bool IsOff)?>(new CommandDefinition(
            "SELECT day, time, is_off FROM digest_preferences WHERE workspace_id = @workspaceId AND user_id = @userId",
            new { workspaceId, userId }, cancellationToken: ct));
        return row is { } stored
            ? new DigestPreference(new WeeklyTime((DayOfWeek)(stored.Day % 7), TimeOnly.FromTimeSpan(stored.Time)), stored.IsOff)
            : DigestPreference.Default;
    }

    /// <summary>
    /// Saves a person's digest choice and, in the same transaction, asks for the digests of every team they receive
    /// (<paramref name="teamChannelIds"/>) to be planned again.
    /// </summary>
    public async Task SavePreferenceAsync(string workspaceId, string userId, DigestPreference preference, IReadOnlyList<long> teamChannelIds,
        DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(UpsertPreferenceSql, new
        {
            workspaceId, userId, now, isOff = preference.IsOff,
            day = (short)(preference.Time.Day == DayOfWeek.Sunday ? 7 : (int)preference.Time.Day),
            time = preference.Time.Time.ToTimeSpan(),
        }, transaction, cancellationToken: ct));
        foreach (var teamChannelId in teamChannelIds)
        {
            await jobs.EnqueueAsync(connection, transaction, DigestPlan.Request(workspaceId, teamChannelId), ct);
        }

        await transaction.CommitAsync(ct);
    }

    /// <summary>The send record of this recipient's digest for the week, created by the first attempt.</summary>
    public async Task<DigestSend> ClaimSendAsync(long teamChannelId, string userId, DateOnly weekStart, DateTimeOffset now, DateTimeOffset defaultSince,
        CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var row = await connection.QueryFirstAsync<SendRow>(new CommandDefinition(
            ClaimSendSql, new { teamChannelId, userId, weekStart, now, defaultSince }, cancellationToken: ct));
        return new DigestSend(row.Id, row.Since, row.DmChannel, row.MessageTs);
    }

    public async Task MarkSentAsync(long sendId, string dmChannel, string ts, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE digest_sends SET dm_channel = @dmChannel, message_ts = @ts, sent_at = @now WHERE id = @sendId AND message_ts IS NULL",
            new { sendId, dmChannel, ts, now }, cancellationToken: ct));
    }

    private sealed class SendRow
    {
        public long Id { get; init; }
        public DateTimeOffset Since { get; init; }
        public string? DmChannel { get; init; }
        public string? MessageTs { get; init; }
    }

    /// <summary>Digest sends go with their team channel (TeamStore).</summary>
    public async Task<IReadOnlyList<TableRows>> PurgeWorkspaceAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string workspaceId, bool confirmed, CancellationToken ct) =>
        [await TableRows.PurgeAsync(connection, transaction, "digest_preferences", workspaceId, confirmed, ct)];
}
