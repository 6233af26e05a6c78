using System.Diagnostics;
using System.Globalization;
using AsyncLead.Testing.Hosting;
using AsyncLead.Testing.Network;
using Npgsql;

namespace AsyncLead.Testing.Postgres;

/// <summary>
/// A throw-away PostgreSQL cluster of a test's own (initdb into a temp folder, its own loopback port, trust auth), so
/// the test can stop and start a real server without disturbing the shared one every other test uses.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    private const string User = "asynclead";

    private readonly string _binaries;
    private readonly string _dataDirectory;
    private int? _postmaster;

    private readonly ProcessOwner _owner;

    private PostgresCluster(string binaries, string dataDirectory, int port, ProcessOwner owner)
    {
        _binaries = binaries;
        _owner = owner;
        _dataDirectory = dataDirectory;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Creates the cluster (about 2 s) and starts it; its server dies with <paramref name="owner"/> (the test process by default).</summary>
    public static async Task<PostgresCluster> CreateAsync(ProcessOwner? owner = null)
    {
        var binaries = FindBinaries();
        // initdb creates the folder itself, as the cluster's owner.
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"asynclead-pg-{Guid.NewGuid():N}");
        var cluster = new PostgresCluster(binaries, dataDirectory, LoopbackPort.Free(), owner ?? ProcessOwner.TestProcess);
        await cluster.RunAsync("initdb", ["-D", dataDirectory, "-U", User, "-E", "UTF8", "--no-locale", "--auth=trust", "--no-sync"]);
        await cluster.StartAsync();
        return cluster;
    }

    public string ConnectionStringFor(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = User,
        Database = database,
        // A stopped server refuses at once; a short connect timeout keeps a hung one from stalling a request for 15 s.
        Timeout = 3,
    }.ConnectionString;

    public async Task CreateDatabaseAsync(string database)
    {
        await using var connection = new NpgsqlConnection(ConnectionStringFor("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Starts the server and waits until it accepts connections.</summary>
    public async Task StartAsync()
    {
        await RunAsync("pg_ctl",
        [
            "-D", _dataDirectory, "-l", Path.Combine(_dataDirectory, "server.log"), "-w", "-t", "60",
            "-o", string.Create(CultureInfo.InvariantCulture,
                $"-c listen_addresses=127.0.0.1 -p {Port} -c unix_socket_directories={_dataDirectory} -c fsync=off -c max_connections=100"),
            "start",
        ]);
        // pg_ctl leaves the server running on its own (a daemon, not our child): it dies with us only if we own it.
        _postmaster = PostmasterPid();
        if (_postmaster is { } pid)
        {
            _owner.Own(pid);
        }
    }

    /// <summary>A clean, fast shutdown as an operator's restart does: open sessions are ended, new ones refused.</summary>
    public Task StopAsync() => StopAsync("fast");

    /// <summary>The running server's process id (its first line of <c>postmaster.pid</c>), or null when it is stopped.</summary>
    public int? PostmasterPid()
    {
        var file = Path.Combine(_dataDirectory, "postmaster.pid");
        return File.Exists(file) && int.TryParse(File.ReadLines(file).FirstOrDefault(), CultureInfo.InvariantCulture, out var pid) ? pid : null;
    }

    private async Task StopAsync(string mode)
    {
        await RunAsync("pg_ctl", ["-D", _dataDirectory, "-m", mode, "-w", "stop"]);
        if (_postmaster is { } pid)
        {
            _owner.Release(pid);
            _postmaster = null;
        }
    }

    private async Task RunAsync(string program, IReadOnlyList<string> arguments)
    {
        var path = Path.Combine(_binaries, program);
        // PostgreSQL refuses to run as root; as root the cluster belongs to the postgres user, as scripts/postgres.sh does it.
        var start = Environment.UserName == "root"
            ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", path, .. arguments])
            : new ProcessStartInfo(path, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not run {path}");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed (exit {process.ExitCode}): {await output}{await errors}");
        }
    }

    private static string FindBinaries()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .FirstOrDefault(directory => File.Exists(Path.Combine(directory, "pg_ctl")) && File.Exists(Path.Combine(directory, "initdb")));
        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(version => Path.Combine(version, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "pg_ctl")))
                .OrderBy(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var major) ? major : 0)
                .LastOrDefault()
            : null;
        return onPath ?? installed
            ?? throw new InvalidOperationException("PostgreSQL's initdb and pg_ctl were not found (run scripts/postgres.sh up once to install them).");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync("immediate");
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        Directory.Delete(_dataDirectory, recursive: true);
    }
}
