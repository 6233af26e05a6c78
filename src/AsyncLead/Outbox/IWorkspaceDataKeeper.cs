using Npgsql;

namespace AsyncLead.Outbox;

/// <summary>
/// A store that keeps rows about workspaces. Purging a workspace asks each keeper for its own rows, in one transaction,
/// so every table's SQL stays with its one keeper and a new table is purged by the store that adds it.
/// </summary>
public interface IWorkspaceDataKeeper
{
    /// <summary>Counts, or with <paramref name="confirmed"/> deletes, the workspace's rows of each of its tables.</summary>
    Task<IReadOnlyList<TableRows>> PurgeWorkspaceAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string workspaceId, bool confirmed, CancellationToken ct);
}
