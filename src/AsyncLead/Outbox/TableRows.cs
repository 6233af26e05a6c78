using Dapper;
using Npgsql;

namespace AsyncLead.Outbox;

/// <summary>How many of a workspace's rows one table holds (or held, once purged).</summary>
public sealed record TableRows(string Table, int Rows)
{
    /// <summary>
    /// A keeper's purge of one of its own tables by its workspace column. Rows of tables hanging off it go with it by
    /// ON DELETE CASCADE, so a keeper names its parents only.
    /// </summary>
    public static async Task<TableRows> PurgeAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string table, string workspaceId, bool confirmed, CancellationToken ct,
        string workspaceColumn = "workspace_id")
    {
        var sql = confirmed
            ? $"DELETE FROM {table} WHERE {workspaceColumn} = @workspaceId"
            : $"SELECT count(*)::int FROM {table} WHERE {workspaceColumn} = @workspaceId";
        var command = new CommandDefinition(sql, new { workspaceId }, transaction, cancellationToken: ct);
        return new(table, confirmed ? await connection.ExecuteAsync(command) : await connection.ExecuteScalarAsync<int>(command));
    }
}
