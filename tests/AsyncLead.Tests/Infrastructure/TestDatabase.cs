using AsyncLead.Jobs.Schema;
using AsyncLead.Storage;
using AsyncLead.Testing.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace AsyncLead.Tests.Infrastructure;

/// <summary>A fresh database of its own for each test class, migrated as the app migrates (the job queue's tables too).</summary>
public sealed class TestDatabase() : MigratedDatabase(
    "asynclead_test",
    [.. JobSchema.Migrations.Select(m => $"jobs {m.Version}:{m.Checksum}"), .. DatabaseMigrator.Migrations.Select(m => $"{m.Version}:{m.Checksum}")],
    MigrateAsync)
{
    public static async Task MigrateAsync(string connectionString)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await new DatabaseMigrator(dataSource, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None);
    }
}
