using System.Security.Cryptography;
using System.Text;
using Npgsql;
using Xunit;

namespace AsyncLead.Testing.Postgres;

/// <summary>
/// A fresh, migrated database of its own for each test class, cloned from a template built once per schema. Each test
/// project names its schema (the app's, or only the job queue's) by what it migrates.
/// </summary>
/// <param name="prefix">The start of each clone's name, e.g. <c>asynclead_test</c>.</param>
/// <param name="migrationChecksums">Every migration the schema is built from: a changed one builds a new template.</param>
/// <param name="migrate">Builds the schema in the empty database whose connection string it is given.</param>
public abstract class MigratedDatabase(string prefix, IEnumerable<string> migrationChecksums, Func<string, Task> migrate) : IAsyncLifetime
{
    private readonly string schemaKey = Convert.ToHexStringLower(
        SHA256.HashData(Encoding.UTF8.GetBytes(prefix + "|" + string.Join('|', migrationChecksums))))[..16];

    public string Name { get; private set; } = "";

    public string ConnectionString => PostgresServer.ConnectionStringFor(Name);

    public NpgsqlDataSource DataSource { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var template = await TemplateDatabase.GetOrCreateAsync(schemaKey, migrate);
        Name = await TemplateDatabase.CloneAsync(template, prefix);
        DataSource = NpgsqlDataSource.Create(ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await PostgresServer.DropDatabaseAsync(Name);
    }
}
