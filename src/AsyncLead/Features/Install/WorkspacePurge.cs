using AsyncLead.Outbox;
using AsyncLead.Jobs;
using Dapper;
using Npgsql;

namespace AsyncLead.Features.Install;

/// <summary>
/// <c>dotnet AsyncLead.dll purge-workspace T123 --yes</c>: deletes everything AsyncLead keeps about one workspace (after
/// an uninstall its data stays until an admin decides). Without <c>--yes</c> it only counts what would go.
/// </summary>
public sealed class WorkspacePurge(NpgsqlDataSource dataSource, JobQueue jobs, InstallationTokenSource tokens)
{
    public const string CommandName = "purge-workspace";

    /// <summary>
    /// Every table with a workspace column, children before parents. Rows of tables hanging off these (expected members,
    /// weeks, updates, blockers, digest sends) go with them by ON DELETE CASCADE. A test checks this list against the schema.
    /// </summary>
    public static readonly IReadOnlyList<(string Table, string Column)> Tables =
    [
        ("member_away", "workspace_id"),
        ("members", "workspace_id"),
        ("team_channels", "workspace_id"),
        ("decisions", "workspace_id"),
        ("decision_counters", "workspace_id"),
        ("digest_preferences", "workspace_id"),
        ("installations", "workspace_id"),
        ("slack_posts", "workspace_id"),
        ("bot_channels", "workspace_id"),
        ("workspace_removals", "workspace_id"),
        ("slack_channel_members", "workspace_id"),
        ("slack_channels", "workspace_id"),
        ("slack_event_receipts", "team_id"),
    ];

    /// <returns>Rows per table deleted (or, with <paramref name="confirmed"/> false, that would be).</returns>
    public async Task<IReadOnlyList<(string Table, int Rows)>> PurgeAsync(string workspaceId, bool confirmed, CancellationToken ct)
    {
        var counts = new List<(string, int)>();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        foreach (var (table, column) in Tables)
        {
            var sql = confirmed
                ? $"DELETE FROM {table} WHERE {column} = @workspaceId"
                : $"SELECT count(*)::int FROM {table} WHERE {column} = @workspaceId";
            var command = new CommandDefinition(sql, new { workspaceId }, transaction, cancellationToken: ct);
            counts.Add((table, confirmed ? await connection.ExecuteAsync(command) : await connection.ExecuteScalarAsync<int>(command)));
        }

        if (confirmed)
        {
            counts.Add(("jobs (cancelled)", await jobs.CancelWithinScopeAsync(connection, transaction, WorkspaceScope.For(workspaceId), ct)));
            await transaction.CommitAsync(ct);
            tokens.Forget(workspaceId);
        }

        return counts;
    }

    /// <summary>The command line: <c>purge-workspace T123 [--yes]</c>. Returns the process exit code.</summary>
    public async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken ct)
    {
        if (args is not [CommandName, var workspaceId, .. var rest] || workspaceId.StartsWith('-') || rest.Any(arg => arg != "--yes"))
        {
            await output.WriteLineAsync($"Usage: dotnet AsyncLead.dll {CommandName} <workspace id, e.g. T0123ABCD> [--yes]");
            return 2;
        }

        var confirmed = rest.Contains("--yes");
        var counts = await PurgeAsync(workspaceId, confirmed, ct);
        foreach (var (table, rows) in counts)
        {
            await output.WriteLineAsync($"  {table}: {rows}");
        }

        await output.WriteLineAsync(confirmed
            ? $"Workspace {workspaceId} purged."
            : $"Nothing deleted. Run again with --yes to delete workspace {workspaceId}'s rows counted above.");
        return 0;
    }
}
