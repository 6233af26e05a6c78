using System.Diagnostics;
using AsyncLead.Storage;
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
        Assert.Equal(DatabaseMigrator.Migrations.Count, await migrator.MigrateAsync(CancellationToken.None));
        Assert.Equal(0, await migrator.MigrateAsync(CancellationToken.None));
        Assert.Equal(DatabaseMigrator.LatestVersion, await migrator.AppliedVersionAsync(CancellationToken.None));
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
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM pg_tables WHERE tablename = 'slack_event_receipts'"));
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
        Assert.Equal(Enumerable.Range(1, DatabaseMigrator.Migrations.Count), DatabaseMigrator.Migrations.Select(m => m.Version));
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
