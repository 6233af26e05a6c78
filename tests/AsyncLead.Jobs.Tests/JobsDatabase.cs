using AsyncLead.Jobs.Schema;
using AsyncLead.Testing.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace AsyncLead.Jobs.Tests;

/// <summary>A fresh database of its own for each test class holding only the job queue's tables, as the queue migrates them.</summary>
public sealed class JobsDatabase() : MigratedDatabase("asynclead_jobs_test", JobSchema.Migrations.Select(m => $"{m.Version}:{m.Checksum}"), MigrateAsync)
{
    public static async Task MigrateAsync(string connectionString)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await new JobSchema(dataSource, NullLogger.Instance).MigrateAsync(CancellationToken.None);
    }
}
