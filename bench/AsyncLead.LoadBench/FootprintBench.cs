using System.Diagnostics;
using System.Globalization;
using AsyncLead.Testing;
using AsyncLead.Testing.Hosting;
using AsyncLead.Testing.Postgres;

namespace AsyncLead.LoadBench;

/// <summary>
/// The real binary as an operator runs it: time from process start to <c>/readyz</c> 200 (first start on an empty
/// database, then restarts on a migrated one), and resident memory after idling.
/// </summary>
public static class FootprintBench
{
    /// <summary>The Release build of the app, as `dotnet build src/AsyncLead -c Release` leaves it.</summary>
    public static string BuiltBinary => Path.Combine(RepositoryRoot.Path, "src", "AsyncLead", "bin", "Release", "net10.0", "AsyncLead.dll");

    /// <param name="binary">The AsyncLead.dll to run: the Release build by default, or a published one (as the Dockerfile publishes it).</param>
    public static async Task RunAsync(int restarts, TimeSpan idle, string? binary)
    {
        binary ??= BuiltBinary;
        if (!File.Exists(binary))
        {
            throw new InvalidOperationException($"{binary} is missing: run `dotnet build src/AsyncLead -c Release` (or publish it) first.");
        }

        var database = $"asynclead_bench_{Guid.NewGuid():N}";
        await PostgresServer.ExecuteAsync($"CREATE DATABASE \"{database}\"");
        try
        {
            var readyTimes = new List<double>();
            long idleRssKb = 0;
            for (var run = 0; run <= restarts; run++)
            {
                var (ready, rss) = await StartOnceAsync(binary, PostgresServer.ConnectionStringFor(database), measureIdle: run == restarts ? idle : null);
                readyTimes.Add(ready.TotalMilliseconds);
                idleRssKb = rss ?? idleRssKb;
            }

            var restartsSorted = readyTimes.Skip(1).Order().ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| first start (empty database, migrates) to /readyz | {readyTimes[0]:F0} ms |\n" +
                $"| restart to /readyz, median of {restartsSorted.Count} | {restartsSorted[restartsSorted.Count / 2]:F0} ms |\n" +
                $"| idle RSS after {idle.TotalSeconds:F0} s | {idleRssKb / 1024.0:F1} MB |"));
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(database);
        }
    }

    private static async Task<(TimeSpan Ready, long? IdleRssKb)> StartOnceAsync(string binary, string connectionString, TimeSpan? measureIdle)
    {
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Postgres"] = connectionString,
            ["Slack__SigningSecret"] = "bench-signing-secret",
            ["Slack__BotToken"] = "xoxb-bench-token",
            ["Slack__ApiBaseUrl"] = "http://127.0.0.1:9/api/",
        };
        var clock = Stopwatch.StartNew();
        await using var host = await AsyncLeadProcess.StartAsync(binary, environment, readyTimeout: TimeSpan.FromSeconds(60));
        var ready = clock.Elapsed;
        long? rss = null;
        if (measureIdle is { } idle)
        {
            await Task.Delay(idle);
            rss = ProcessStats.ResidentKb(host.ProcessId);
        }

        return (ready, rss);
    }

}
