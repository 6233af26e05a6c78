using Microsoft.Extensions.Logging;
using Npgsql;

namespace AsyncLead.Jobs.Schema;

/// <summary>
/// The queue's own tables: the <c>Schema/NNNN_name.sql</c> files embedded in this assembly, journaled in
/// <c>job_schema_migrations</c>, apart from the app's journal, so the queue's schema moves with the queue whatever app
/// hosts it. The host calls <see cref="MigrateAsync"/> from its own migration step.
/// </summary>
public sealed partial class JobSchema(NpgsqlDataSource dataSource, ILogger logger)
{
    public static EmbeddedMigrations Set { get; } = new(
        typeof(JobSchema).Assembly, "job-schema/", "job_schema_migrations", lockKey: 0x4A6F_6273_4D69_6772, "Job queue migration");

    public static IReadOnlyList<EmbeddedMigration> Migrations => Set.All;

    public static int LatestVersion => Set.LatestVersion;

    /// <summary>Applies pending migrations; returns how many were applied.</summary>
    public Task<int> MigrateAsync(CancellationToken cancellationToken) =>
        Set.MigrateAsync(dataSource, migration => LogApplied(logger, migration.FileName), cancellationToken);

    /// <summary>The highest applied version, or null when the journal doesn't exist yet.</summary>
    public Task<int?> AppliedVersionAsync(CancellationToken cancellationToken) => Set.AppliedVersionAsync(dataSource, cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied job queue migration {Migration}")]
    private static partial void LogApplied(ILogger logger, string migration);
}
