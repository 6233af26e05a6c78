using AsyncLead.Outbox;
using AsyncLead.Jobs;
using Npgsql;

namespace AsyncLead.Features.Install;

/// <summary>
/// <c>dotnet AsyncLead.dll purge-workspace T123 --yes</c>: deletes everything AsyncLead keeps about one workspace (after
/// an uninstall its data stays until an admin decides). Without <c>--yes</c> it only counts what would go.
/// </summary>
public sealed class WorkspacePurge(
    NpgsqlDataSource dataSource, IEnumerable<IWorkspaceDataKeeper> keepers, JobQueue jobs, InstallationTokenSource tokens)
{
    public const string CommandName = "purge-workspace";

    /// <returns>Rows per table deleted (or, with <paramref name="confirmed"/> false, that would be).</returns>
    public async Task<IReadOnlyList<TableRows>> PurgeAsync(string workspaceId, bool confirmed, CancellationToken ct)
    {
        var counts = new List<TableRows>();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        foreach (var keeper in keepers)
        {
            counts.AddRange(await keeper.PurgeWorkspaceAsync(connection, transaction, workspaceId, confirmed, ct));
        }

        if (confirmed)
        {
            counts.Add(new("jobs (cancelled)", await jobs.CancelWithinScopeAsync(connection, transaction, WorkspaceScope.For(workspaceId), ct)));
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
