using Dapper;
using Npgsql;

namespace AsyncLead.Storage;

/// <summary>
/// Empties every table of the migrated schema but the migration journals and the Data Protection key ring (the
/// running process keeps using its keys): the sandbox's fresh start. Nothing else may call it.
/// </summary>
public sealed class DatabaseWipe(NpgsqlDataSource dataSource)
{
    private static readonly string[] Kept = ["schema_migrations", "job_schema_migrations", "data_protection_keys"];

    public async Task WipeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var tables = (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT quote_ident(tablename) FROM pg_tables WHERE schemaname = current_schema() AND NOT (tablename = ANY(@Kept)) ORDER BY tablename",
            new { Kept }, cancellationToken: cancellationToken))).ToList();
        if (tables.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition($"TRUNCATE {string.Join(", ", tables)} RESTART IDENTITY CASCADE", cancellationToken: cancellationToken));
        }
    }
}
