using System.Diagnostics;
using System.Globalization;
using AsyncLead.Jobs;
using AsyncLead.Sandbox.Slack;
using AsyncLead.Storage;
using AsyncLead.Testing.Postgres;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace AsyncLead.LoadBench;

/// <summary>
/// The scheduler: a jobs table holding <c>filler</c> rows (most finished or in the future) and <c>due</c> reminders
/// becoming due at once, drained by 1 or 3 worker processes against FakeSlack. Also the same kind of work against a
/// FakeSlack that allows 1 message per second per channel, to see how close the total stays to Slack's limit.
/// </summary>
public static class SchedulerBench
{
    private const int People = 1000;

    public static async Task RunAsync(int due, int filler, IReadOnlyList<int> processCounts)
    {
        Console.WriteLine("| workers | due reminders | other rows | drained in | reminders/s | posted exactly once |\n|---|---|---|---|---|---|");
        foreach (var processes in processCounts)
        {
            await using var slack = await BenchHost.StartSlackAsync(People);
            var (elapsed, exactlyOnce) = await DrainAsync(slack, processes, filler, Enumerable.Range(0, due)
                .Select(i => new BenchReminder(BenchHost.UserId(1 + i % People), i)).ToList(), queuePerTarget: false);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {processes} | {due:N0} | {filler - due:N0} | {elapsed.TotalSeconds:F1} s | {due / elapsed.TotalSeconds:F0} | {exactlyOnce} |"));
        }
    }

    public static async Task RunRateLimitedAsync(int channels, int perChannel)
    {
        await using var slack = await BenchHost.StartSlackAsync(People);
        var channelIds = Enumerable.Range(1, channels).Select(i => $"C_RATE{i:D3}").ToList();
        foreach (var channel in channelIds)
        {
            slack.AddChannel(channel, channel.ToLowerInvariant(), members: [BenchHost.UserId(1)], botIsMember: true);
        }
        slack.Faults.OneMessagePerSecondPerChannel = true;

        var reminders = Enumerable.Range(0, channels * perChannel).Select(i => new BenchReminder(channelIds[i % channels], i)).ToList();
        var (elapsed, exactlyOnce) = await DrainAsync(slack, processes: 1, filler: 0, reminders, queuePerTarget: true);
        var floor = TimeSpan.FromSeconds(perChannel - 1);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| 1 msg/s/channel: {channels} channels × {perChannel} posts | {elapsed.TotalSeconds:F1} s | Slack's floor {floor.TotalSeconds:F0} s | {elapsed / floor:F2}x | exactly once: {exactlyOnce} | 429s answered: {slack.Calls("chat.postMessage").Count(c => c.StatusCode == 429)} |"));
    }

    private static async Task<(TimeSpan Elapsed, bool ExactlyOnce)> DrainAsync(FakeSlack slack, int processes, int filler,
        IReadOnlyList<BenchReminder> reminders, bool queuePerTarget)
    {
        var database = await BenchHost.CreateDatabaseAsync();
        var connectionString = PostgresServer.ConnectionStringFor(database);
        var workers = new List<Process>();
        try
        {
            await using var dataSource = NpgsqlDataSource.Create(connectionString);
            await new DatabaseMigrator(dataSource, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None);
            await using var connection = await dataSource.OpenConnectionAsync();
            await FillAsync(connection, filler - reminders.Count);

            for (var i = 0; i < processes; i++)
            {
                workers.Add(await StartWorkerAsync(connectionString, slack.ApiBaseUrl));
            }

            var clock = Stopwatch.StartNew();
            await EnqueueDueAsync(connection, reminders, queuePerTarget);
            // Watch FakeSlack (in this process) until every reminder is posted, then the database until every job is
            // recorded: polling a count over the whole table meanwhile would take CPU from the workers being measured.
            while (slack.Calls("chat.postMessage").Count(c => c.Ok) < reminders.Count
                || await connection.ExecuteScalarAsync<long>(
                    "SELECT count(*) FROM jobs WHERE kind = @kind AND state <> 'completed'", new { kind = BenchReminderHandler.JobKind }) > 0)
            {
                if (clock.Elapsed > TimeSpan.FromMinutes(10))
                {
                    throw new TimeoutException("reminders were not drained within 10 minutes");
                }
                await Task.Delay(50);
            }
            var elapsed = clock.Elapsed;

            var posted = slack.Calls("chat.postMessage").Where(c => c.Ok).Select(c => c.Arg("text")).ToList();
            return (elapsed, posted.Count == reminders.Count && posted.Distinct().Count() == reminders.Count);
        }
        finally
        {
            foreach (var worker in workers)
            {
                worker.Kill(entireProcessTree: true);
                await worker.WaitForExitAsync();
                worker.Dispose();
            }
            await PostgresServer.DropDatabaseAsync(database);
        }
    }

    /// <summary>Rows the claim must skip: finished (90%) or due tomorrow (10%).</summary>
    private static async Task FillAsync(NpgsqlConnection connection, int rows)
    {
        if (rows <= 0)
        {
            return;
        }

        var now = DateTimeOffset.UtcNow;
        await connection.ExecuteAsync(
            """
            INSERT INTO jobs (kind, payload, state, run_at, attempts, max_attempts, created_at, finished_at)
            SELECT 'bench.filler', '{}'::jsonb,
                   CASE WHEN n % 10 = 0 THEN 'available' ELSE 'completed' END,
                   CASE WHEN n % 10 = 0 THEN @now + interval '1 day' ELSE @now - interval '1 hour' END,
                   CASE WHEN n % 10 = 0 THEN 0 ELSE 1 END, 20, @now - interval '2 hours',
                   CASE WHEN n % 10 = 0 THEN NULL ELSE @now - interval '1 hour' END
            FROM generate_series(1, @rows) AS n;
            ANALYZE jobs;
            """, new { rows, now }, commandTimeout: 600);
    }

    private static async Task EnqueueDueAsync(NpgsqlConnection connection, IReadOnlyList<BenchReminder> reminders, bool queuePerTarget)
    {
        await connection.ExecuteAsync(
            $"""
            INSERT INTO jobs (kind, payload, state, run_at, max_attempts, created_at, queue_name)
            SELECT @kind, jsonb_build_object('target', target, 'sequence', sequence), 'available', @now, 20, @now,
                   CASE WHEN @queuePerTarget THEN 'post:' || target END
            FROM unnest(@targets, @sequences) AS r(target, sequence) ORDER BY sequence;
            SELECT pg_notify('{JobQueue.NotificationChannel}', '');
            """,
            new
            {
                kind = BenchReminderHandler.JobKind,
                now = DateTimeOffset.UtcNow,
                queuePerTarget,
                targets = reminders.Select(r => r.Target).ToArray(),
                sequences = reminders.Select(r => r.Sequence).ToArray(),
            }, commandTimeout: 600);
    }

    private static async Task<Process> StartWorkerAsync(string connectionString, string slackApiBaseUrl)
    {
        var start = new ProcessStartInfo("dotnet", [typeof(SchedulerBench).Assembly.Location, "worker", "--connection", connectionString, "--slack", slackApiBaseUrl])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine($"worker: {e.Data}"); } };
        process.BeginErrorReadLine();
        var line = await process.StandardOutput.ReadLineAsync();
        if (line != "ready")
        {
            throw new InvalidOperationException($"worker did not start: {line}");
        }
        return process;
    }

    /// <summary>The worker process: the real host with the queue running and the bench reminder handler.</summary>
    public static async Task RunWorkerAsync(string connectionString, string slackApiBaseUrl)
    {
        await using var app = await BenchHost.StartAppAsync(connectionString, slackApiBaseUrl, jobsEnabled: true,
            services => services.AddJobHandler<BenchReminderHandler>());
        Console.WriteLine("ready");
        await app.WaitForShutdownAsync();
    }
}
