using AsyncLead.Outbox;
using Dapper;
using Npgsql;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>
/// Keeper of <c>inline_drafts</c>: inline updates that wait for a button (the preview of text with no label, the
/// add-or-replace question). The text waits here rather than in the buttons, whose values Slack caps at 2,000
/// characters; a button carries only the draft's id, and settling a draft happens once, under a row lock, in the
/// transaction that saves the update, so a double or late click changes nothing twice.
/// </summary>
public sealed class InlineDrafts(NpgsqlDataSource dataSource, TimeProvider clock) : IWorkspaceDataKeeper
{
    /// <summary>Long past any click that still makes sense (an ephemeral message is gone once Slack reloads).</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(2);

    private const string Columns =
        "id AS Id, team_channel_id AS TeamChannelId, user_id AS UserId, week_start AS WeekStart, text AS Text, decision AS Decision";

    // Old drafts go a few at a time with each new one, so the table stays small without a timer of its own.
    private const string AddSql =
        """
        WITH pruned AS (
            DELETE FROM inline_drafts WHERE id IN (
                SELECT id FROM inline_drafts WHERE created_at < @pruneBefore ORDER BY created_at LIMIT 100 FOR UPDATE SKIP LOCKED)
        )
        INSERT INTO inline_drafts (workspace_id, team_channel_id, user_id, week_start, text, created_at)
        VALUES (@workspaceId, @teamChannelId, @userId, @weekStart, @text, @now)
        RETURNING id
        """;

    public async Task<long> AddAsync(TeamChannel team, string userId, DateOnly weekStart, string text, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(AddSql, new
        {
            workspaceId = team.WorkspaceId, teamChannelId = team.Id, userId, weekStart, text, now, pruneBefore = now - KeptFor,
        }, cancellationToken: ct));
    }

    /// <summary>The person's own draft in the workspace; null when it is unknown, someone else's, or pruned.</summary>
    public async Task<InlineDraft?> FindAsync(string workspaceId, long draftId, string userId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<InlineDraft>(new CommandDefinition(
            $"SELECT {Columns} FROM inline_drafts WHERE id = @draftId AND workspace_id = @workspaceId AND user_id = @userId",
            new { draftId, workspaceId, userId }, cancellationToken: ct));
    }

    /// <summary>As <see cref="FindAsync"/>, locked until the transaction ends: the one click that settles it waits for no other.</summary>
    public static Task<InlineDraft?> LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string workspaceId, long draftId, string userId,
        CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<InlineDraft>(new CommandDefinition(
            $"SELECT {Columns} FROM inline_drafts WHERE id = @draftId AND workspace_id = @workspaceId AND user_id = @userId FOR UPDATE",
            new { draftId, workspaceId, userId }, transaction, cancellationToken: ct));

    public static Task DecideAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long draftId, string decision, DateTimeOffset now,
        CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE inline_drafts SET decided_at = @now, decision = @decision WHERE id = @draftId AND decided_at IS NULL",
            new { draftId, decision, now }, transaction, cancellationToken: ct));

    public async Task<IReadOnlyList<TableRows>> PurgeWorkspaceAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string workspaceId, bool confirmed, CancellationToken ct) =>
        [await TableRows.PurgeAsync(connection, transaction, "inline_drafts", workspaceId, confirmed, ct)];
}
