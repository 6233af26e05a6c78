using System.Diagnostics;
using AsyncLead.Jobs;
using AsyncLead.Jobs.Schema;
using AsyncLead.Storage;
using AsyncLead.Testing;
using AsyncLead.Testing.Postgres;
using AsyncLead.Tests.Infrastructure;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace AsyncLead.Tests.Foundation;

public sealed class MigrationTests
{
    [Fact]
    public async Task A_first_start_applies_every_migration_and_a_second_start_applies_nothing()
    {
        await using var database = await Fresh();
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        var migrator = new DatabaseMigrator(dataSource, NullLogger<DatabaseMigrator>.Instance);

        Assert.Null(await migrator.AppliedVersionAsync(CancellationToken.None));
        Assert.Equal(DatabaseMigrator.Migrations.Count + JobSchema.Migrations.Count, await migrator.MigrateAsync(CancellationToken.None));
        Assert.Equal(0, await migrator.MigrateAsync(CancellationToken.None));
        Assert.Equal(DatabaseMigrator.LatestVersion, await migrator.AppliedVersionAsync(CancellationToken.None));
        Assert.Equal(JobSchema.LatestVersion, await migrator.Jobs.AppliedVersionAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Three_processes_starting_at_once_against_an_empty_database_end_with_one_schema()
    {
        await using var database = await Fresh();
        var host = Path.Combine(AppContext.BaseDirectory, "AsyncLead.dll");

        var processes = Enumerable.Range(0, 3).Select(_ =>
        {
            var start = new ProcessStartInfo("dotnet", [host, "migrate"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                Environment = { ["ConnectionStrings__Postgres"] = database.ConnectionString, ["DOTNET_ENVIRONMENT"] = "Production" },
            };
            return Process.Start(start)!;
        }).ToList();

        foreach (var process in processes)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"migrate exited {process.ExitCode}: {stdout} {await stderr}");
        }

        await using var connection = new NpgsqlConnection(database.ConnectionString);
        var journal = (await connection.QueryAsync<int>("SELECT version FROM schema_migrations ORDER BY version")).ToList();
        Assert.Equal(DatabaseMigrator.Migrations.Select(m => m.Version), journal);
        Assert.Equal(JobSchema.Migrations.Select(m => m.Version),
            await connection.QueryAsync<int>("SELECT version FROM job_schema_migrations ORDER BY version"));
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM pg_tables WHERE tablename = 'slack_event_receipts'"));
    }

    [Fact]
    public async Task A_database_migrated_before_the_queue_owned_its_schema_keeps_its_jobs_and_their_keys()
    {
        // The previous build: the app's migrations with 0002_jobs.sql among them, one journal, rows in the jobs table.
        await using var database = await Fresh();
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        var previousJobs = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "tests/AsyncLead.Tests/Foundation/PreviousBuild/0002_jobs.sql"));
        var previous = DatabaseMigrator.Migrations
            .Append(new EmbeddedMigration(2, "jobs", "0002_jobs.sql", previousJobs, "checksum of the previous build's 0002_jobs.sql"))
            .OrderBy(m => m.Version);
        var monday = new DateTimeOffset(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync(
                "CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())");
            foreach (var migration in previous)
            {
                await connection.ExecuteAsync(migration.Sql);
                await connection.ExecuteAsync("INSERT INTO schema_migrations (version, name, checksum) VALUES (@Version, @Name, @Checksum)", migration);
            }

            await connection.ExecuteAsync(
                """
                INSERT INTO jobs (kind, payload, state, run_at, max_attempts, job_key, scope, created_at)
                VALUES ('test.old', '{"n": 1}', 'available', @monday, 20, 'kept-key', 'workspace:T1', @monday);
                INSERT INTO jobs (kind, payload, state, run_at, max_attempts, created_at, finished_at)
                VALUES ('test.old', '{"n": 2}', 'completed', @monday, 20, @monday, @monday);
                """, new { monday });
        }

        var migrator = new DatabaseMigrator(dataSource, NullLogger<DatabaseMigrator>.Instance);
        Assert.Equal(JobSchema.Migrations.Count, await migrator.MigrateAsync(CancellationToken.None));
        Assert.Equal(JobSchema.LatestVersion, await migrator.Jobs.AppliedVersionAsync(CancellationToken.None));
        Assert.True((await new DatabaseReadiness(migrator).CheckAsync(TimeSpan.FromSeconds(10), CancellationToken.None)).IsReady);

        // The pending job still holds its key and runs; the finished one is still there.
        var queue = new JobQueue(dataSource, new ManualClock(monday));
        Assert.Null(await queue.EnqueueAsync(new JobRequest("test.old") { JobKey = "kept-key" }, CancellationToken.None));
        Assert.Equal(monday, await queue.NextRunAtAsync(["kept-key"], CancellationToken.None));
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            Assert.Equal(["available", "completed"], await connection.QueryAsync<string>("SELECT state FROM jobs ORDER BY id"));
            Assert.Equal(1, await queue.CancelWithinScopeAsync(connection, null, "workspace:T1", CancellationToken.None));
        }
    }

    [Fact]
    public async Task An_applied_migration_that_was_edited_stops_start_up_with_a_message_naming_it()
    {
        await using var database = await Fresh();
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        var migrator = new DatabaseMigrator(dataSource, NullLogger<DatabaseMigrator>.Instance);
        await migrator.MigrateAsync(CancellationToken.None);
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1");
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => migrator.MigrateAsync(CancellationToken.None));
        Assert.Contains(DatabaseMigrator.Migrations[0].FileName, error.Message);
    }

    [Fact]
    public void Embedded_migrations_are_numbered_without_gaps()
    {
        Assert.NotEmpty(DatabaseMigrator.Migrations);
        Assert.Equal(
            Enumerable.Range(1, DatabaseMigrator.Migrations.Count + DatabaseMigrator.RetiredVersions.Count).Except(DatabaseMigrator.RetiredVersions),
            DatabaseMigrator.Migrations.Select(m => m.Version));
    }

    private static async Task<Disposable> Fresh()
    {
        var database = new EmptyDatabase();
        await database.InitializeAsync();
        return new Disposable(database);
    }

    private sealed class Disposable(EmptyDatabase database) : IAsyncDisposable
    {
        public string ConnectionString => database.ConnectionString;

        public async ValueTask DisposeAsync() => await database.DisposeAsync();
    }
}
