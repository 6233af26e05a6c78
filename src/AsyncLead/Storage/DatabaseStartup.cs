using System.Diagnostics;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AsyncLead.Storage;

public static partial class DatabaseStartup
{
    /// <summary>Applies migrations, waiting (up to the configured timeout) for PostgreSQL to come up first.</summary>
    public static async Task MigrateDatabaseAsync(this IHost host, CancellationToken cancellationToken)
    {
        var migrator = host.Services.GetRequiredService<DatabaseMigrator>();
        var options = host.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseStartup));
        var waited = Stopwatch.StartNew();

        while (true)
        {
            try
            {
                var applied = await migrator.MigrateAsync(cancellationToken);
                LogMigrated(logger, applied, DatabaseMigrator.LatestVersion);
                return;
            }
            catch (NpgsqlException ex) when (ex.IsTransient && waited.Elapsed < options.StartupTimeout)
            {
                LogWaiting(logger, Describe(options), ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
            catch (NpgsqlException ex)
            {
                throw new StartupException(
                    $"  - Can't prepare the database at {Describe(options)}: {ex.Message}{Environment.NewLine}" +
                    "    Check ConnectionStrings__Postgres and that PostgreSQL is running (./run.sh starts a local one for you).", ex);
            }
        }
    }

    private static string Describe(DatabaseOptions options)
    {
        var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        return $"{builder.Host}:{builder.Port}/{builder.Database}";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database ready: applied {Applied} migration(s), schema version {Version}")]
    private static partial void LogMigrated(ILogger logger, int applied, int version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Waiting for PostgreSQL at {Database}: {Reason}")]
    private static partial void LogWaiting(ILogger logger, string database, string reason);
}
