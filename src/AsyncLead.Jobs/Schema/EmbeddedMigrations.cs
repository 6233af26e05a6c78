using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Dapper;
using Npgsql;

namespace AsyncLead.Jobs.Schema;

/// <summary>
/// A set of numbered <c>NNNN_name.sql</c> files embedded in an assembly under one resource prefix, applied in order,
/// each in its own transaction, and journaled in their own table. A session-level advisory lock serialises concurrent
/// starts, so several replicas booting against one empty database end with one schema. The queue's schema and the
/// app's each are one such set, with their own journals (as River's and graphile-worker's are).
/// </summary>
public sealed partial class EmbeddedMigrations
{
    private readonly string resourcePrefix;
    private readonly string journalTable;
    private readonly long lockKey;
    private readonly string describedAs;

    /// <param name="describedAs">How errors name one file, e.g. "Job queue migration".</param>
    /// <param name="retiredVersions">Numbers that once held a migration since moved elsewhere: databases migrated before
    /// the move have them in their journal, so a new file with one of them would silently never run there.</param>
    public EmbeddedMigrations(Assembly assembly, string resourcePrefix, string journalTable, long lockKey, string describedAs, IReadOnlyList<int>? retiredVersions = null)
    {
        if (!JournalTableName().IsMatch(journalTable))
        {
            throw new ArgumentException($"{journalTable} is not a plain table name.", nameof(journalTable));
        }

        this.resourcePrefix = resourcePrefix;
        this.journalTable = journalTable;
        this.lockKey = lockKey;
        this.describedAs = describedAs;
        RetiredVersions = retiredVersions ?? [];
        All = Load(assembly);
    }

    public IReadOnlyList<EmbeddedMigration> All { get; }

    public IReadOnlyList<int> RetiredVersions { get; }

    public int LatestVersion => All.Count == 0 ? 0 : All[^1].Version;

    /// <summary>Applies pending migrations; returns how many were applied.</summary>
    public async Task<int> MigrateAsync(NpgsqlDataSource dataSource, Action<EmbeddedMigration> applied, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@lockKey)", new { lockKey }, cancellationToken: cancellationToken));
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                $"""
                CREATE TABLE IF NOT EXISTS {journalTable} (
                    version    integer PRIMARY KEY,
                    name       text NOT NULL,
                    checksum   text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """, cancellationToken: cancellationToken));

            var journal = (await connection.QueryAsync<(int Version, string Checksum)>(new CommandDefinition(
                $"SELECT version, checksum FROM {journalTable}", cancellationToken: cancellationToken)))
                .ToDictionary(row => row.Version, row => row.Checksum);

            var count = 0;
            foreach (var migration in All)
            {
                if (journal.TryGetValue(migration.Version, out var checksum))
                {
                    if (checksum != migration.Checksum)
                    {
                        throw new InvalidOperationException(
                            $"{describedAs} {migration.FileName} was changed after it was applied. Add a new migration instead of editing an applied one.");
                    }
                    continue;
                }

                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: transaction, cancellationToken: cancellationToken));
                await connection.ExecuteAsync(new CommandDefinition(
                    $"INSERT INTO {journalTable} (version, name, checksum) VALUES (@Version, @Name, @Checksum)",
                    migration, transaction, cancellationToken: cancellationToken));
                await transaction.CommitAsync(cancellationToken);
                applied(migration);
                count++;
            }

            return count;
        }
        finally
        {
            await connection.ExecuteAsync("SELECT pg_advisory_unlock(@lockKey)", new { lockKey });
        }
    }

    /// <summary>The highest applied version, or null when the journal doesn't exist yet.</summary>
    public async Task<int?> AppliedVersionAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var journalExists = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT to_regclass(@journalTable) IS NOT NULL", new { journalTable }, cancellationToken: cancellationToken));
        return journalExists
            ? await connection.ExecuteScalarAsync<int>(new CommandDefinition($"SELECT coalesce(max(version), 0) FROM {journalTable}", cancellationToken: cancellationToken))
            : null;
    }

    private List<EmbeddedMigration> Load(Assembly assembly)
    {
        var migrations = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(resourcePrefix, StringComparison.Ordinal))
            .Select(name => Load(assembly, name))
            .OrderBy(migration => migration.Version)
            .ToList();

        if (migrations.FirstOrDefault(m => RetiredVersions.Contains(m.Version)) is { } retired)
        {
            throw new InvalidOperationException($"{describedAs} {retired.FileName} takes retired version {retired.Version}; give it the next free number.");
        }

        var expected = Enumerable.Range(1, migrations.Count + RetiredVersions.Count).Except(RetiredVersions);
        if (!migrations.Select(m => m.Version).SequenceEqual(expected))
        {
            throw new InvalidOperationException(
                $"{describedAs}s must be numbered 1, 2, 3… without gaps or repeats; found {string.Join(", ", migrations.Select(m => m.FileName))}.");
        }

        return migrations;
    }

    private EmbeddedMigration Load(Assembly assembly, string resourceName)
    {
        var fileName = resourceName[resourcePrefix.Length..];
        var match = MigrationFileName().Match(fileName);
        if (!match.Success)
        {
            throw new InvalidOperationException($"{describedAs} file {fileName} must be named NNNN_description.sql.");
        }

        using var stream = assembly.GetManifestResourceStream(resourceName)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var sql = reader.ReadToEnd();
        var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql.ReplaceLineEndings("\n"))));
        return new EmbeddedMigration(int.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture), match.Groups["name"].Value, fileName, sql, checksum);
    }

    [GeneratedRegex(@"^(?<version>\d{4})_(?<name>[a-z0-9_]+)\.sql$")]
    private static partial Regex MigrationFileName();

    [GeneratedRegex("^[a-z_][a-z0-9_]*$")]
    private static partial Regex JournalTableName();
}
