using Npgsql;

namespace AsyncLead.Testing.Postgres;

/// <summary>
/// A migrated database to clone test databases from. Built once per schema (the key changes when migrations do),
/// under an advisory lock so parallel test processes build it once, and published by rename only when complete.
/// </summary>
public static class TemplateDatabase
{
    private const long BuildLockKey = 0x7465_7374_746D_706C;
    private static readonly SemaphoreSlim LocalGate = new(1, 1);
    private static readonly Dictionary<string, string> Ready = [];

    public static async Task<string> GetOrCreateAsync(string schemaKey, Func<string, Task> migrate)
    {
        var name = $"asynclead_tpl_{schemaKey}";
        await LocalGate.WaitAsync();
        try
        {
            if (Ready.TryGetValue(schemaKey, out var known))
            {
                return known;
            }

            await using var admin = new NpgsqlConnection(PostgresServer.AdminConnectionString);
            await admin.OpenAsync();
            await Execute(admin, $"SELECT pg_advisory_lock({BuildLockKey})");
            try
            {
                if (!await Exists(admin, name))
                {
                    var building = name + "_building";
                    await Execute(admin, $"DROP DATABASE IF EXISTS \"{building}\" WITH (FORCE)");
                    await Execute(admin, $"CREATE DATABASE \"{building}\"");
                    await migrate(PostgresServer.ConnectionStringFor(building));
                    NpgsqlConnection.ClearAllPools();
                    await Execute(admin, $"ALTER DATABASE \"{building}\" RENAME TO \"{name}\"");
                }
            }
            finally
            {
                await Execute(admin, $"SELECT pg_advisory_unlock({BuildLockKey})");
            }

            Ready[schemaKey] = name;
            return name;
        }
        finally
        {
            LocalGate.Release();
        }
    }

    /// <summary>Creates a fresh database cloned from the template and returns its name.</summary>
    public static async Task<string> CloneAsync(string template, string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(63, prefix.Length + 33)];
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await PostgresServer.ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
                return name;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 20)
            {
                // Another clone of the same template is in flight; PostgreSQL allows one copy at a time.
                await Task.Delay(50 * attempt);
            }
        }
    }

    private static async Task<bool> Exists(NpgsqlConnection admin, string name)
    {
        await using var command = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", admin);
        command.Parameters.AddWithValue("name", name);
        return await command.ExecuteScalarAsync() is not null;
    }

    private static async Task Execute(NpgsqlConnection admin, string sql)
    {
        await using var command = new NpgsqlCommand(sql, admin);
        await command.ExecuteNonQueryAsync();
    }
}
