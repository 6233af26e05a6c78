using System.Diagnostics;
using System.Globalization;
using AsyncLead.Jobs;
using AsyncLead.Sandbox.Simulation;
using AsyncLead.Sandbox.Slack;
using AsyncLead.Testing.Hosting;
using AsyncLead.Tests.Infrastructure;
using Dapper;

namespace AsyncLead.Tests.Reliability;

/// <summary>
/// A team of <c>people</c> in #team-big on a FakeSlack running on the real clock, and AsyncLead host processes
/// (<c>dotnet AsyncLead.dll</c>, Jobs enabled) on one database: what "several replicas" means in production.
/// </summary>
internal sealed class TeamOnHostProcesses : IAsyncDisposable
{
    public const string Channel = "C_BIG";
    public const string Command = "/weekly-update";
    public const string Lead = "U00001";

    private readonly TestDatabase _database;
    private readonly List<AsyncLeadProcess> _hosts = [];

    private TeamOnHostProcesses(TestDatabase database, FakeSlack slack, IReadOnlyList<string> people)
    {
        _database = database;
        Slack = slack;
        People = people;
    }

    public FakeSlack Slack { get; }

    public IReadOnlyList<string> People { get; }

    public static async Task<TeamOnHostProcesses> StartAsync(TestDatabase database, int people)
    {
        var slack = await FakeSlack.StartAsync();
        slack.AddWorkspace(SlackScenario.TeamId, SlackScenario.BotToken, name: "Acme");
        var ids = Enumerable.Range(1, people).Select(i => string.Create(CultureInfo.InvariantCulture, $"U{i:D5}")).ToList();
        foreach (var id in ids)
        {
            slack.AddUser(id, id.ToLowerInvariant(), tz: "Europe/Berlin");
        }

        slack.AddChannel(Channel, "team-big", members: ids, botIsMember: true);
        return new TeamOnHostProcesses(database, slack, ids);
    }

    /// <summary>Starts <paramref name="count"/> host processes at once, each running jobs, and waits until all are ready.</summary>
    public async Task<IReadOnlyList<AsyncLeadProcess>> StartHostsAsync(int count, TimeSpan? leaseDuration = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Postgres"] = _database.ConnectionString,
            ["Slack__SigningSecret"] = SlackScenario.SigningSecret,
            ["Slack__BotToken"] = SlackScenario.BotToken,
            ["Slack__ApiBaseUrl"] = Slack.ApiBaseUrl,
            ["AsyncLead__PublicUrl"] = "https://asynclead.test",
            ["Jobs__Enabled"] = "true",
            ["Jobs__PollInterval"] = "00:00:00.250",
            ["Jobs__LeaseDuration"] = (leaseDuration ?? TimeSpan.FromMinutes(2)).ToString("c", CultureInfo.InvariantCulture),
            // Thousands of jobs would otherwise mean thousands of console lines on a 2-core machine.
            ["Logging__LogLevel__Default"] = "Warning",
        };
        var started = await AsyncLeadProcess.StartAllAsync(AsyncLeadProcess.BinaryBesideTests,
            [.. Enumerable.Repeat(environment, count)], TimeSpan.FromSeconds(90));
        _hosts.AddRange(started);
        return started;
    }

    /// <summary>People acting in Slack, their requests going to <paramref name="host"/>.</summary>
    public SlackUser Person(AsyncLeadProcess host, string userId) =>
        new SlackSimulator(Slack, host.Http, SlackScenario.SigningSecret, TimeProvider.System).User(userId, Channel);

    /// <summary>
    /// The lead runs <c>/weekly-update setup</c> and saves the modal as it opens (everyone in the channel is expected).
    /// A process that just started is cold, and on a loaded 2-core machine it can miss the 3-second trigger window
    /// (Slack answers <c>expired_trigger_id</c>); the lead then runs the command again, as a person would.
    /// </summary>
    public async Task LeadSetsUpWeeklyUpdatesAsync(AsyncLeadProcess host)
    {
        var lead = Person(host, Lead);
        for (var attempt = 1; Slack.OpenModalFor(Lead) is null; attempt++)
        {
            var tries = Slack.Calls("views.open").Count;
            var opened = await lead.RunsCommandAsync(Command, "setup");
            Assert.True(opened.IsSuccess, opened.ToString());
            // The dispatcher acks at 2.5 s and lets a slow handler finish: wait for its views.open, whatever Slack answers.
            await WaitUntilAsync(() => Task.FromResult(Slack.Calls("views.open").Count > tries), TimeSpan.FromSeconds(30),
                () => $"setup attempt {attempt} opened no modal.\n{HostOutput()}");
            Assert.True(attempt < 3 || Slack.OpenModalFor(Lead) is not null,
                $"three setup commands missed the trigger window: {string.Join("; ", Slack.Calls("views.open").Select(c => c.Error))}");
        }

        // A handler that failed answers errors and keeps the modal open ("please submit again"): the lead does. One past
        // the ack budget is acked empty and commits after: what setup saved is only known once its prompt job exists.
        for (var attempt = 1; ; attempt++)
        {
            var saved = await lead.SubmitsViewAsync();
            Assert.True(saved.IsSuccess, saved.ToString());
            if (saved.Json is null)
            {
                break;
            }

            Assert.True(attempt < 3, $"setup was refused three times: {saved.Body}\n{HostOutput()}");
        }

        await WaitUntilAsync(async () => await PromptJobsAsync() == 1, TimeSpan.FromSeconds(60),
            () => $"setup scheduled no weekly prompt.\n{HostOutput()}");
    }

    private async Task<long> PromptJobsAsync()
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM jobs WHERE kind = 'weekly.prompt' AND state = 'available'");
    }

    /// <summary>
    /// The week's prompt time arrives: the team's prompt day and time become this minute of this week (in the team's
    /// zone), the prompt job setup scheduled becomes this week's and due now, and the workers are told.
    /// </summary>
    public async Task PromptTimeArrivesAsync()
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync();
        // The processes run on the wall clock, and a prompt DM waits for its person's working hours: these people work
        // round the clock, so their prompts go out now whenever the test runs.
        var roundTheClock = "[" + string.Join(',', Enumerable.Range(0, 7).Select(day =>
            string.Create(CultureInfo.InvariantCulture, $$"""{"day":{{day}},"start":"00:00:00","end":"23:59:00"}"""))) + "]";
        await connection.ExecuteAsync(
            """
            INSERT INTO members (workspace_id, user_id, working_hours) SELECT @workspaceId, unnest(@people), @roundTheClock::jsonb
            ON CONFLICT (workspace_id, user_id) DO UPDATE SET working_hours = EXCLUDED.working_hours
            """, new { workspaceId = SlackScenario.TeamId, people = People.ToArray(), roundTheClock });
        // The prompt places each DM from the week's prompt time, so that time (not only the job's run_at) must be now:
        // a prompt job merely run early would rightly hold its DMs until the prompt time setup chose.
        await connection.ExecuteAsync(
            """
            UPDATE team_channels SET prompt_day = extract(isodow FROM now() AT TIME ZONE time_zone),
                                     prompt_time = date_trunc('minute', now() AT TIME ZONE time_zone)::time
            WHERE workspace_id = @workspaceId AND channel_id = @channel
            """, new { workspaceId = SlackScenario.TeamId, channel = Channel });
        var due = await connection.ExecuteAsync(
            $$"""
            UPDATE jobs SET run_at = now(), payload = jsonb_set(payload, '{weekStart}', to_jsonb(
                (SELECT date_trunc('week', now() AT TIME ZONE t.time_zone)::date::text FROM team_channels t
                 WHERE t.workspace_id = @workspaceId AND t.channel_id = @channel)))
            WHERE kind = 'weekly.prompt' AND state = 'available';
            SELECT pg_notify('{{JobQueue.NotificationChannel}}', '')
            """, new { workspaceId = SlackScenario.TeamId, channel = Channel });
        Assert.True(due == 1, $"expected the one weekly prompt that setup schedules, found {due}");
    }

    /// <summary>Jobs not finished yet (available or running), and which workers hold running ones, by kind.</summary>
    public async Task<(long Unfinished, IReadOnlyList<string> Holders)> UnfinishedAsync(string kind)
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync();
        var unfinished = await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM jobs WHERE kind = @kind AND state IN ('available', 'running') AND run_at <= now()", new { kind });
        var holders = (await connection.QueryAsync<string>(
            "SELECT DISTINCT locked_by FROM jobs WHERE kind = @kind AND state = 'running'", new { kind })).AsList();
        return (unfinished, holders);
    }

    /// <summary>Jobs that failed for good, with their last error: none may exist after a run that should have healed.</summary>
    public async Task<IReadOnlyList<string>> DeadJobsAsync()
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<string>("SELECT kind || ': ' || coalesce(last_error, '') FROM jobs WHERE state = 'failed'")).AsList();
    }

    /// <summary>The prompts (📝) each person got in their DM with AsyncLead.</summary>
    public IReadOnlyDictionary<string, int> PromptsPerPerson() =>
        People.ToDictionary(person => person, person => Slack.Messages(person).Count(m => m.Text.StartsWith("📝", StringComparison.Ordinal)));

    /// <summary>Polls <paramref name="done"/> until it holds; fails with <paramref name="describe"/> after <paramref name="timeout"/>.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> done, TimeSpan timeout, Func<string> describe)
    {
        var clock = Stopwatch.StartNew();
        while (!await done())
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"Not done within {timeout.TotalSeconds} s: {describe()}");
            }

            await Task.Delay(100);
        }
    }

    public string HostOutput() => string.Join("\n---\n", _hosts.Select(h => $"pid {h.ProcessId}:\n{h.RecentOutput()}"));

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        await Slack.DisposeAsync();
    }
}
