using System.Globalization;
using AsyncLead.Outbox;
using Dapper;
using Npgsql;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>
/// Keeper of <c>planned_items</c>: what other rooms plan for a person's next weekly update. Planners write through
/// <see cref="AddAsync"/> in their own transaction; the form reads the open ones, and every saved update marks the
/// items it plans (Next Week) or starts (Completed, In Progress), matched by their text (<see cref="SameItem"/>).
/// </summary>
public sealed class PlannedItemStore(NpgsqlDataSource dataSource) : IWorkspaceDataKeeper
{
    private const string Columns =
        """
        id AS Id, user_id AS UserId, text AS Text, due_on AS DueOn, source_key AS SourceKey, source_label AS SourceLabel,
        planned_at AS PlannedAt, started_at AS StartedAt
        """;

    private const string InsertSql =
        """
        INSERT INTO planned_items (workspace_id, user_id, text, due_on, source_key, source_label, created_at)
        VALUES (@WorkspaceId, @UserId, @Text, @DueOn, @SourceKey, @SourceLabel, @Now)
        """;

    private const string OfSourcesSql = "SELECT " + Columns + " FROM planned_items WHERE workspace_id = @WorkspaceId AND source_key = ANY(@Keys) ORDER BY id";

    private const string NotStartedOfUserSql =
        "SELECT " + Columns + " FROM planned_items WHERE workspace_id = @WorkspaceId AND user_id = @UserId AND started_at IS NULL ORDER BY due_on NULLS LAST, id";

    private const string MarkSql =
        """
        UPDATE planned_items SET started_at = CASE WHEN id = ANY(@Started) THEN @Now ELSE started_at END,
                                 planned_at = CASE WHEN id = ANY(@Planned) THEN coalesce(planned_at, @Now) ELSE planned_at END
        WHERE id = ANY(@Started) OR id = ANY(@Planned)
        """;

    /// <summary>Adds items in the planner's transaction, so they exist exactly when what planned them does.</summary>
    public static async Task AddAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string workspaceId, IEnumerable<PlannedItem> items,
        DateTimeOffset now, CancellationToken ct)
    {
        foreach (var item in items)
        {
            await connection.ExecuteAsync(new CommandDefinition(InsertSql, new
            {
                WorkspaceId = workspaceId, item.UserId, item.Text, item.DueOn, item.SourceKey, item.SourceLabel, Now = now,
            }, transaction, cancellationToken: ct));
        }
    }

    /// <summary>The items planned under these keys, oldest first.</summary>
    public static async Task<IReadOnlyList<PlannedItem>> OfSourcesAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string workspaceId,
        IReadOnlyCollection<string> keys, CancellationToken ct) =>
        keys.Count == 0
            ? []
            : [.. await connection.QueryAsync<PlannedItem>(new CommandDefinition(OfSourcesSql, new { WorkspaceId = workspaceId, Keys = keys.ToArray() }, transaction,
                cancellationToken: ct))];

    public async Task<IReadOnlyList<PlannedItem>> OfSourcesAsync(string workspaceId, IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await OfSourcesAsync(connection, null, workspaceId, keys, ct);
    }

    /// <summary>
    /// The form's Next Week with the person's items no update has planned or started yet added, one line each, unless
    /// the text already holds them.
    /// </summary>
    internal static async Task<string> NextWeekWithPlannedAsync(NpgsqlConnection connection, string workspaceId, string userId, string nextWeek, CancellationToken ct)
    {
        var open = (await connection.QueryAsync<PlannedItem>(new CommandDefinition(NotStartedOfUserSql, new { WorkspaceId = workspaceId, UserId = userId },
                cancellationToken: ct)))
            .Where(item => item.PlannedAt is null && !SameItem.Holds(nextWeek, item.Text))
            .Select(Line)
            .ToList();
        return open.Count == 0 ? nextWeek : string.Join("\n", new[] { nextWeek.TrimEnd() }.Where(t => t.Length > 0).Concat(open));
    }

    /// <summary>Marks the person's items this update plans or starts, in the transaction that saves it.</summary>
    internal static async Task NoteUpdateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string workspaceId, string userId,
        WeeklyUpdateSections sections, DateTimeOffset now, CancellationToken ct)
    {
        var items = (await connection.QueryAsync<PlannedItem>(new CommandDefinition(NotStartedOfUserSql, new { WorkspaceId = workspaceId, UserId = userId },
            transaction, cancellationToken: ct))).ToList();
        if (items.Count == 0)
        {
            return;
        }

        var worked = sections.Completed + "\n" + sections.InProgress;
        var started = items.Where(i => SameItem.Holds(worked, i.Text)).Select(i => i.Id).ToArray();
        var planned = items.Where(i => !started.Contains(i.Id) && SameItem.Holds(sections.NextWeek, i.Text)).Select(i => i.Id).ToArray();
        if (started.Length + planned.Length > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(MarkSql, new { Started = started, Planned = planned, Now = now }, transaction, cancellationToken: ct));
        }
    }

    private static string Line(PlannedItem item) =>
        $"- {item.Text} ({item.SourceLabel}" + (item.DueOn is { } due ? $", due {due.ToString("ddd d MMM", CultureInfo.InvariantCulture)})" : ")");

    public async Task<IReadOnlyList<TableRows>> PurgeWorkspaceAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string workspaceId, bool confirmed, CancellationToken ct) =>
        [await TableRows.PurgeAsync(connection, transaction, "planned_items", workspaceId, confirmed, ct)];
}
