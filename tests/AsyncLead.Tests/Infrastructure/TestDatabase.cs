using AsyncLead.Storage;
using AsyncLead.Testing.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace AsyncLead.Tests.Infrastructure;

/// <summary>A fresh, migrated database of its own for each test class (cloned from a migrated template).</summary>
public sealed class TestDatabase : IAsyncLifetime
{
    private static readonly string SchemaKey = Convert.ToHexStringLower(
        System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
            string.Join('|', DatabaseMigrator.Migrations.Select(m => $"{m.Version}:{m.Checksum}")))))[..16];

    public string Name { get; private set; } = "";

    public string ConnectionString => PostgresServer.ConnectionStringFor(Name);

    public NpgsqlDataSource DataSource { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var template = await TemplateDatabase.GetOrCreateAsync(SchemaKey, MigrateAsync);
        Name = await TemplateDatabase.CloneAsync(template, "asynclead_test");
        DataSource = NpgsqlDataSource.Create(ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await PostgresServer.DropDatabaseAsync(Name);
    }

    public static async Task MigrateAsync(string connectionString)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await new DatabaseMigrator(dataSource, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None);
    }
}

/// <summary>An empty database (no schema) for tests of the migrator itself.</summary>
public sealed class EmptyDatabase : IAsyncLifetime
{
    public string Name { get; } = $"asynclead_empty_{Guid.NewGuid():N}";

    public string ConnectionString => PostgresServer.ConnectionStringFor(Name);

    public Task InitializeAsync() => PostgresServer.ExecuteAsync($"CREATE DATABASE \"{Name}\"");

    public Task DisposeAsync() => PostgresServer.DropDatabaseAsync(Name);
}
