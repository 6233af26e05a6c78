using System.Diagnostics;
using System.Globalization;
using AsyncLead.Sandbox.Slack;
using AsyncLead.Testing.Hosting;
using AsyncLead.Testing.Postgres;
using Dapper;
using Npgsql;

namespace AsyncLead.LoadBench;

/// <summary>
/// The real binary, its job worker on, saving inline updates (<c>/weekly-update Done: …; Next: …</c>) from people it
/// already knows, in 2,000 team channels of 20 whose weekly threads exist, each update posted in its week's thread
/// (Slack allows a channel about one message a second, so one busy channel would measure Slack's limit, not us) and
/// Home tabs refreshed: ack latency at 1 connection, saves/s
/// at 64, the host's CPU per saved update once every job has run, its Slack calls per update, its memory idle and at
/// peak. Then the signed-request floor: our <c>/weekly-update help</c> against a bare Bolt-JS app in the same run.
/// </summary>
public static class SavePathBench
{
    private const int Teams = 2_000;
    private const int Writers = 20;

    // Each channel has one more member who writes first, so every weekly thread exists before the measured saves.
    private const int PeoplePerTeam = Writers + 1;

    private static string TeamChannel(int team) => $"C_T{team:D4}";

    private static string Person(int team, int seat) => BenchHost.UserId(team * PeoplePerTeam + seat + 1);

    public static async Task RunAsync(TimeSpan measure, TimeSpan idle, IReadOnlyList<int> connectionCounts)
    {
        if (!File.Exists(FootprintBench.BuiltBinary))
        {
            throw new InvalidOperationException($"{FootprintBench.BuiltBinary} is missing: run `dotnet build src/AsyncLead -c Release` first.");
        }

        await using var slack = await StartSlackAsync();
        var database = await BenchHost.CreateDatabaseAsync();
        var connectionString = PostgresServer.ConnectionStringFor(database);
        try
        {
            await using var app = await AsyncLeadProcess.StartAsync(FootprintBench.BuiltBinary, new Dictionary<string, string>
            {
                ["ConnectionStrings__Postgres"] = connectionString,
                ["Slack__SigningSecret"] = BenchHost.SigningSecret,
                ["Slack__BotToken"] = "xoxb-bench-token",
                ["Slack__ApiBaseUrl"] = slack.ApiBaseUrl,
                ["AsyncLead__PublicUrl"] = "https://asynclead.bench",
            }, readyTimeout: TimeSpan.FromSeconds(60));
            await using var dataSource = NpgsqlDataSource.Create(connectionString);
            await SeedAsync(dataSource);

            await Task.Delay(idle);
            var idleRss = ProcessStats.ResidentKb(app.ProcessId);

            const string Text = "Done: shipped PAY-{0} settlement batching; Next: the ledger RFC";
            await LoadDriver.RunOnceAsync(app.BaseAddress, 16, Enumerable.Range(0, Teams).Select(team =>
                BenchRequests.Command(slack, Person(team, Writers), "/weekly-update", string.Format(CultureInfo.InvariantCulture, Text, team),
                    channel: TeamChannel(team))).ToList());
            await DrainedAsync(dataSource);
            var firstSaves = await dataSource.CreateConnection().ExecuteScalarAsync<long>("SELECT count(*) FROM weekly_updates");

            var nextWriter = -1;
            BenchRequest Save(int worker, long sequence)
            {
                var writer = Interlocked.Increment(ref nextWriter) % (Teams * Writers);
                var team = writer / Writers;
                return BenchRequests.Command(slack, Person(team, writer % Writers), "/weekly-update",
                    string.Format(CultureInfo.InvariantCulture, Text, sequence), channel: TeamChannel(team));
            }

            var cpuBefore = ProcessStats.CpuTime(app.ProcessId);
            var callsBefore = slack.Calls().Count;
            var rows = new List<string>();
            foreach (var connections in connectionCounts)
            {
                var result = await LoadDriver.RunAsync(app.BaseAddress, connections, TimeSpan.FromSeconds(1), measure, Save);
                rows.Add(Row($"inline update saved (worker on) | {connections}", result));
                Console.Error.WriteLine($"done: saves at {connections}");
            }

            var drain = Stopwatch.StartNew();
            await DrainedAsync(dataSource);
            var drained = drain.Elapsed;
            var cpu = ProcessStats.CpuTime(app.ProcessId) - cpuBefore;
            var saved = await dataSource.CreateConnection().ExecuteScalarAsync<long>("SELECT count(*) FROM weekly_updates") - firstSaves;
            var calls = slack.Calls().Count - callsBefore;
            var peakRss = ProcessStats.PeakResidentKb(app.ProcessId);

            await using var bolt = await BoltPeer.StartAsync(BenchHost.SigningSecret);
            BenchRequest Help(int worker, long sequence) => BenchRequests.Command(slack, BenchHost.UserId(1 + worker), "/weekly-update", "help", channel: TeamChannel(0));
            BenchRequest BoltHelp(int worker, long sequence) => BenchRequests.Command(slack, BenchHost.UserId(1 + worker), "/weekly-update", "help", "/slack/events", TeamChannel(0));
            foreach (var connections in connectionCounts)
            {
                var ours = await LoadDriver.RunAsync(app.BaseAddress, connections, TimeSpan.FromSeconds(1), measure, Help);
                var peer = await LoadDriver.RunAsync(bolt.BaseAddress, connections, TimeSpan.FromSeconds(1), measure, BoltHelp);
                rows.Add(Row($"/weekly-update help, AsyncLead | {connections}", ours,
                    string.Create(CultureInfo.InvariantCulture, $"{ours.RequestsPerSecond / peer.RequestsPerSecond:F2}x")));
                rows.Add(Row($"/weekly-update help, bare Bolt-JS 5.1.0 | {connections}", peer, "1.00x"));
                Console.Error.WriteLine($"done: help at {connections}");
            }

            Console.WriteLine("| what | connections | requests/s | p50 ms | p90 ms | p99 ms | failures | vs Bolt |\n|---|---|---|---|---|---|---|---|");
            rows.ForEach(Console.WriteLine);

            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
                | figure | measured |
                |---|---|
                | updates saved (acked, then posted and Home refreshed by the worker) | {saved:N0} |
                | jobs drained after the last ack | {drained.TotalSeconds:F1} s |
                | host CPU per saved update, posting and Home refresh included | {cpu.TotalMilliseconds / saved:F2} ms |
                | Slack calls per saved update | {(double)calls / saved:F2} |
                | idle RSS after {idle.TotalSeconds:F0} s (before the load) | {idleRss / 1024.0:F1} MB |
                | peak RSS (VmHWM) through the load | {peakRss / 1024.0:F1} MB |
                """));
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(database);
        }
    }

    private static string Row(string what, RunResult r, string versusBolt = "–") => string.Create(CultureInfo.InvariantCulture,
        $"| {what} | {r.RequestsPerSecond:F0} | {r.P50:F2} | {r.P90:F2} | {r.P99:F2} | {r.Failures} | {versusBolt} |");

    private static async Task<FakeSlack> StartSlackAsync()
    {
        var slack = await FakeSlack.StartAsync();
        slack.AddWorkspace(BenchHost.TeamId, "xoxb-bench-token", name: "Bench");
        for (var team = 0; team < Teams; team++)
        {
            var people = Enumerable.Range(0, PeoplePerTeam).Select(seat => Person(team, seat)).ToList();
            people.ForEach(person => slack.AddUser(person, person.ToLowerInvariant(), tz: "Europe/Berlin"));
            slack.AddChannel(TeamChannel(team), TeamChannel(team).ToLowerInvariant(), members: people, botIsMember: true);
        }
        return slack;
    }

    /// <summary>Teams whose channels, bot membership and people are known already: the steady state, nothing to learn.</summary>
    private static async Task SeedAsync(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(
            """
            CREATE TEMP TABLE bench_seats AS
                SELECT 'C_T' || lpad(t::text, 4, '0') AS channel, 'U' || lpad((t * @perTeam + s + 1)::text, 5, '0') AS person, s AS seat
                FROM generate_series(0, @teams - 1) t, generate_series(0, @perTeam - 1) s;
            INSERT INTO team_channels (workspace_id, channel_id, channel_name, time_zone, prompt_day, prompt_time, close_day, close_time,
                                       reminder_cadence, expect_everyone, lead_user_id, created_at, updated_at)
            SELECT @team, channel, lower(channel), 'Europe/Berlin', 5, '10:00', 1, '09:00', 'default', true, person, now(), now()
            FROM bench_seats WHERE seat = 0;
            INSERT INTO members (workspace_id, user_id, display_name, time_zone, time_zone_fetched_at)
            SELECT @team, person, 'person ' || person, 'Europe/Berlin', now() FROM bench_seats;
            INSERT INTO bot_channels (workspace_id, channel_id, is_member, learned_at) SELECT @team, channel, true, now() FROM bench_seats WHERE seat = 0;
            INSERT INTO slack_channels (workspace_id, channel_id, is_private, learned_at) SELECT @team, channel, false, now() FROM bench_seats WHERE seat = 0;
            INSERT INTO slack_channel_members (workspace_id, channel_id, user_id) SELECT @team, channel, person FROM bench_seats;
            ANALYZE;
            """, new { team = BenchHost.TeamId, teams = Teams, perTeam = PeoplePerTeam });
    }

    /// <summary>Until no job that is due is waiting or running (the week's prompt and close stay in the future).</summary>
    private static async Task DrainedAsync(NpgsqlDataSource dataSource)
    {
        var deadline = Stopwatch.StartNew();
        await using var connection = await dataSource.OpenConnectionAsync();
        while (await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM jobs WHERE state IN ('available', 'running') AND run_at <= now()") > 0)
        {
            if (deadline.Elapsed > TimeSpan.FromMinutes(5))
            {
                var left = await connection.QueryAsync<(string Kind, string State, long Count)>(
                    "SELECT kind, state, count(*) FROM jobs WHERE state IN ('available', 'running') AND run_at <= now() GROUP BY kind, state");
                throw new TimeoutException("jobs still due after 5 minutes: " + string.Join(", ", left.Select(j => $"{j.Kind} {j.State} {j.Count}")));
            }

            await Task.Delay(100);
        }
    }
}
