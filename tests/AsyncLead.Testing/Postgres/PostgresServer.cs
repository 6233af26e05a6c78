using System.Diagnostics;
using Npgsql;

namespace AsyncLead.Testing.Postgres;

/// <summary>
/// The PostgreSQL server the tests use: <c>ASYNCLEAD_TEST_POSTGRES</c> (an admin connection string, set by test.sh),
/// or else the project-local cluster that <c>scripts/postgres.sh</c> starts, so a plain <c>dotnet test</c> works too.
/// </summary>
public static class PostgresServer
{
    public const string EnvironmentVariable = "ASYNCLEAD_TEST_POSTGRES";

    private static readonly Lazy<string> Admin = new(FindAdminConnectionString);

    public static string AdminConnectionString => Admin.Value;

    public static string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database, Pooling = true }.ConnectionString;

    public static async Task ExecuteAsync(string sql, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task DropDatabaseAsync(string database)
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
    }

    private static string FindAdminConnectionString()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return fromEnvironment;
        }

        var script = Path.Combine(RepositoryRoot.Path, "scripts", "postgres.sh");
        var start = new ProcessStartInfo("bash", [script, "up", "--fast", "--database", "postgres"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not run {script}");
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        if (process.ExitCode != 0 || output.Length == 0)
        {
            throw new InvalidOperationException($"{script} failed (exit {process.ExitCode}): {errors.Result}");
        }
        return output;
    }
}
