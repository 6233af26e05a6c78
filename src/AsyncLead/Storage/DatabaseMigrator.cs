using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using AsyncLead.Jobs.Schema;
using Dapper;
using Npgsql;

namespace AsyncLead.Storage;

/// <summary>
/// Applies the numbered <c>Storage/Migrations/NNNN_name.sql</c> files embedded in this assembly, each in its own
/// transaction, journaled in <c>schema_migrations</c>. A session-level advisory lock serialises concurrent starts,
/// so several replicas booting against one empty database end with one schema. The job queue's tables are the
/// queue's own (<see cref="JobSchema"/>, its own journal); they are migrated first, as the app's tables were created
/// after them before the queue owned them.
/// </summary>
public sealed partial class DatabaseMigrator(NpgsqlDataSource dataSource, ILogger<DatabaseMigrator> logger)
{
    // Arbitrary but fixed: every AsyncLead process contends for this one key.
    private const long MigrationLockKey = 0x4173_796E_634C_6561;

    /// <summary>
    /// Versions that once held a migration since moved elsewhere; databases migrated before the move have them in their
    /// journal, so a new migration with one of these numbers would silently never run there. 2 was 0002_jobs.sql, now the
    /// job queue's own first migration (which adopts the table it created).
    /// </summary>
    public static IReadOnlyList<int> RetiredVersions { get; } = [2];

    public static IReadOnlyList<Migration> Migrations { get; } = LoadEmbedded();

    public static int LatestVersion => Migrations.Count == 0 ? 0 : Migrations[^1].Version;

    public JobSchema Jobs { get; } = new(dataSource, logger);

    /// <summary>Applies pending migrations, the job queue's first; returns how many were applied.</summary>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        var count = await Jobs.MigrateAsync(cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@key)", new { key = MigrationLockKey }, cancellationToken: cancellationToken));
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version    integer PRIMARY KEY,
                    name       text NOT NULL,
                    checksum   text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """, cancellationToken: cancellationToken));

            var applied = (await connection.QueryAsync<(int Version, string Checksum)>(new CommandDefinition(
                "SELECT version, checksum FROM schema_migrations", cancellationToken: cancellationToken)))
                .ToDictionary(row => row.Version, row => row.Checksum);

            foreach (var migration in Migrations)
            {
                if (applied.TryGetValue(migration.Version, out var checksum))
                {
                    if (checksum != migration.Checksum)
                    {
                        throw new InvalidOperationException(
                            $"Migration {migration.FileName} was changed after it was applied. Add a new migration instead of editing an applied one.");
                    }
                    continue;
                }

                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: transaction, cancellationToken: cancellationToken));
                await connection.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO schema_migrations (version, name, checksum) VALUES (@Version, @Name, @Checksum)",
                    migration, transaction, cancellationToken: cancellationToken));
                await transaction.CommitAsync(cancellationToken);
                LogApplied(migration.FileName);
                count++;
            }

            return count;
        }
        finally
        {
            await connection.ExecuteAsync("SELECT pg_advisory_unlock(@key)", new { key = MigrationLockKey });
        }
    }

    /// <summary>The highest applied version, or null when the journal doesn't exist yet.</summary>
    public async Task<int?> AppliedVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var journalExists = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT to_regclass('schema_migrations') IS NOT NULL", cancellationToken: cancellationToken));
        return journalExists
            ? await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT coalesce(max(version), 0) FROM schema_migrations", cancellationToken: cancellationToken))
            : null;
    }

    private static List<Migration> LoadEmbedded()
    {
        var assembly = typeof(DatabaseMigrator).Assembly;
        var migrations = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith("migrations/", StringComparison.Ordinal))
            .Select(name => Load(assembly, name))
            .OrderBy(migration => migration.Version)
            .ToList();

        var duplicate = migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two migrations share version {duplicate.Key}: {string.Join(", ", duplicate.Select(m => m.FileName))}.");
        }
        if (migrations.FirstOrDefault(m => RetiredVersions.Contains(m.Version)) is { } retired)
        {
            throw new InvalidOperationException($"Migration {retired.FileName} takes retired version {retired.Version}; give it the next free number.");
        }
        return migrations;
    }

    private static Migration Load(Assembly assembly, string resourceName)
    {
        var fileName = resourceName["migrations/".Length..];
        var match = MigrationFileName().Match(fileName);
        if (!match.Success)
        {
            throw new InvalidOperationException($"Migration file {fileName} must be named NNNN_description.sql.");
        }

        using var stream = assembly.GetManifestResourceStream(resourceName)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var sql = reader.ReadToEnd();
        var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql.ReplaceLineEndings("\n"))));
        return new Migration(int.Parse(match.Groups["version"].Value, System.Globalization.CultureInfo.InvariantCulture), match.Groups["name"].Value, fileName, sql, checksum);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<version>\d{4})_(?<name>[a-z0-9_]+)\.sql$", System.Text.RegularExpressions.RegexOptions.NonBacktracking)]
    private static partial System.Text.RegularExpressions.Regex MigrationFileName();

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migration {Migration}")]
    private partial void LogApplied(string migration);
}

public sealed record Migration(int Version, string Name, string FileName, string Sql, string Checksum);
