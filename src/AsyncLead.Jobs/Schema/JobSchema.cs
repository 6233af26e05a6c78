using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AsyncLead.Jobs.Schema;

/// <summary>
/// The queue's own tables: the numbered <c>Schema/NNNN_name.sql</c> files embedded in this assembly, each applied in
/// its own transaction and journaled in <c>job_schema_migrations</c>, apart from the app's journal (as River's and
/// graphile-worker's are), so the queue's schema moves with the queue whatever app hosts it. A session-level advisory
/// lock serialises concurrent starts. The host calls <see cref="MigrateAsync"/> from its own migration step.
/// </summary>
public sealed partial class JobSchema(NpgsqlDataSource dataSource, ILogger logger)
{
    private const long MigrationLockKey = 0x4A6F_6273_4D69_6772;
    private const string ResourcePrefix = "job-schema/";

    public static IReadOnlyList<JobSchemaMigration> Migrations { get; } = LoadEmbedded();

    public static int LatestVersion => Migrations[^1].Version;

    /// <summary>Applies pending migrations; returns how many were applied.</summary>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@key)", new { key = MigrationLockKey }, cancellationToken: cancellationToken));
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                CREATE TABLE IF NOT EXISTS job_schema_migrations (
                    version    integer PRIMARY KEY,
                    name       text NOT NULL,
                    checksum   text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """, cancellationToken: cancellationToken));

            var applied = (await connection.QueryAsync<(int Version, string Checksum)>(new CommandDefinition(
                "SELECT version, checksum FROM job_schema_migrations", cancellationToken: cancellationToken)))
                .ToDictionary(row => row.Version, row => row.Checksum);

            var count = 0;
            foreach (var migration in Migrations)
            {
                if (applied.TryGetValue(migration.Version, out var checksum))
                {
                    if (checksum != migration.Checksum)
                    {
                        throw new InvalidOperationException(
                            $"Job queue migration {migration.FileName} was changed after it was applied. Add a new migration instead of editing an applied one.");
                    }
                    continue;
                }

                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: transaction, cancellationToken: cancellationToken));
                await connection.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO job_schema_migrations (version, name, checksum) VALUES (@Version, @Name, @Checksum)",
                    migration, transaction, cancellationToken: cancellationToken));
                await transaction.CommitAsync(cancellationToken);
                LogApplied(logger, migration.FileName);
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
            "SELECT to_regclass('job_schema_migrations') IS NOT NULL", cancellationToken: cancellationToken));
        return journalExists
            ? await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT coalesce(max(version), 0) FROM job_schema_migrations", cancellationToken: cancellationToken))
            : null;
    }

    private static List<JobSchemaMigration> LoadEmbedded()
    {
        var assembly = typeof(JobSchema).Assembly;
        var migrations = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Select(name => Load(assembly, name))
            .OrderBy(migration => migration.Version)
            .ToList();
        if (migrations.Select(m => m.Version).SequenceEqual(Enumerable.Range(1, migrations.Count)))
        {
            return migrations;
        }

        throw new InvalidOperationException(
            $"Job queue migrations must be numbered 1, 2, 3… without gaps or repeats; found {string.Join(", ", migrations.Select(m => m.FileName))}.");
    }

    private static JobSchemaMigration Load(Assembly assembly, string resourceName)
    {
        var fileName = resourceName[ResourcePrefix.Length..];
        var match = MigrationFileName().Match(fileName);
        if (!match.Success)
        {
            throw new InvalidOperationException($"Job queue migration file {fileName} must be named NNNN_description.sql.");
        }

        using var stream = assembly.GetManifestResourceStream(resourceName)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var sql = reader.ReadToEnd();
        var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql.ReplaceLineEndings("\n"))));
        return new JobSchemaMigration(int.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture), match.Groups["name"].Value, fileName, sql, checksum);
    }

    [GeneratedRegex(@"^(?<version>\d{4})_(?<name>[a-z0-9_]+)\.sql$")]
    private static partial Regex MigrationFileName();

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied job queue migration {Migration}")]
    private static partial void LogApplied(ILogger logger, string migration);
}

public sealed record JobSchemaMigration(int Version, string Name, string FileName, string Sql, string Checksum);
