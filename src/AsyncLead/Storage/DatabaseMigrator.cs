using AsyncLead.Jobs.Schema;
using Npgsql;

namespace AsyncLead.Storage;

/// <summary>
/// The app's tables: the <c>Storage/Migrations/NNNN_name.sql</c> files embedded in this assembly, journaled in
/// <c>schema_migrations</c> (the runner is the queue's <see cref="EmbeddedMigrations"/>). The job queue's tables are
/// the queue's own (<see cref="JobSchema"/>, its own journal); they are migrated first, as the app's tables were created
/// after them before the queue owned them.
/// </summary>
public sealed partial class DatabaseMigrator(NpgsqlDataSource dataSource, ILogger<DatabaseMigrator> logger)
{
    /// <summary>
    /// 2 was 0002_jobs.sql, now the job queue's own first migration (which adopts the table it created); databases
    /// migrated before the move have it in their journal.
    /// </summary>
    private static readonly EmbeddedMigrations Set = new(
        typeof(DatabaseMigrator).Assembly, "migrations/", "schema_migrations", lockKey: 0x4173_796E_634C_6561, "Migration", retiredVersions: [2]);

    public static IReadOnlyList<int> RetiredVersions => Set.RetiredVersions;

    public static IReadOnlyList<EmbeddedMigration> Migrations => Set.All;

    public static int LatestVersion => Set.LatestVersion;

    public JobSchema Jobs { get; } = new(dataSource, logger);

    /// <summary>Applies pending migrations, the job queue's first; returns how many were applied.</summary>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken) =>
        await Jobs.MigrateAsync(cancellationToken) + await Set.MigrateAsync(dataSource, migration => LogApplied(migration.FileName), cancellationToken);

    /// <summary>The highest applied version, or null when the journal doesn't exist yet.</summary>
    public Task<int?> AppliedVersionAsync(CancellationToken cancellationToken) => Set.AppliedVersionAsync(dataSource, cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migration {Migration}")]
    private partial void LogApplied(string migration);
}
