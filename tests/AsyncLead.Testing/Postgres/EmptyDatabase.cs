using System.Security.Cryptography;
using Xunit;

namespace AsyncLead.Testing.Postgres;

/// <summary>An empty database (no schema) for tests of a migrator itself.</summary>
public sealed class EmptyDatabase : IAsyncLifetime
{
    public string Name { get; } = $"asynclead_empty_{Guid.NewGuid():N}";

    public string ConnectionString => PostgresServer.ConnectionStringFor(Name);

    public Task InitializeAsync() => PostgresServer.ExecuteAsync($"CREATE DATABASE \"{Name}\"");

    public Task DisposeAsync() => PostgresServer.DropDatabaseAsync(Name);
}
