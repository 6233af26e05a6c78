using AsyncLead.Jobs.Schema;
using AsyncLead.Testing.Postgres;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace AsyncLead.Jobs.Tests;

public sealed class JobSchemaTests : IAsyncLifetime
{
    private readonly EmptyDatabase database = new();

    public Task InitializeAsync() => database.InitializeAsync();

    public Task DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task The_queue_creates_its_tables_in_an_empty_database_once_and_journals_them_apart()
    {
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        var schema = new JobSchema(dataSource, NullLogger.Instance);

        Assert.Null(await schema.AppliedVersionAsync(CancellationToken.None));
        Assert.Equal(JobSchema.Migrations.Count, await schema.MigrateAsync(CancellationToken.None));
        Assert.Equal(0, await schema.MigrateAsync(CancellationToken.None));
        Assert.Equal(JobSchema.LatestVersion, await schema.AppliedVersionAsync(CancellationToken.None));

        await using var connection = await dataSource.OpenConnectionAsync();
        Assert.Equal(["job_schema_migrations", "jobs"],
            await connection.QueryAsync<string>("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"));
    }

    [Fact]
    public async Task An_applied_queue_migration_that_was_edited_stops_the_migration_naming_it()
    {
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        var schema = new JobSchema(dataSource, NullLogger.Instance);
        await schema.MigrateAsync(CancellationToken.None);
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("UPDATE job_schema_migrations SET checksum = 'edited' WHERE version = 1");
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => schema.MigrateAsync(CancellationToken.None));
        Assert.Contains(JobSchema.Migrations[0].FileName, error.Message);
    }

    [Fact]
    public async Task Replicas_migrating_at_once_end_with_one_schema()
    {
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        var applied = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => new JobSchema(dataSource, NullLogger.Instance).MigrateAsync(CancellationToken.None)));

        Assert.Equal(JobSchema.Migrations.Count, applied.Sum());
    }
}
