using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using AsyncLead.Sandbox.Simulation;
using AsyncLead.Sandbox.Slack;
using AsyncLead.Testing.Postgres;
using AsyncLead.Tests.Infrastructure;
using Dapper;
using Npgsql;
using Xunit.Abstractions;

namespace AsyncLead.Tests.Reliability;

/// <summary>
/// PostgreSQL restarted (a real <c>pg_ctl stop</c> / <c>start</c> of a cluster of the test's own) while people submit
/// weekly updates, inline and through the form: whoever is refused is told so, whatever was accepted is posted, and
/// the host heals without a restart. The outage follows observed states (the host reports the server down; people
/// were refused both ways), not a timed window.
/// </summary>
[Collection(HostProcessCollection.Name)]
public sealed class DatabaseRestartTests(ITestOutputHelper output)
{
    private const string Team = "C_PAY";
    private const string Lead = "U_LENA";
    private const int Submissions = 50;
    private static readonly TimeSpan Between = TimeSpan.FromMilliseconds(100);
    // The server stops once this many have been sent, and the rest wait until it is down after a few more went out
    // while it was stopping (those may land on either side).
    private const int StopAfter = 10;
    private const int SentWhileStopping = 3;

    // Wednesday 19 Nov 2025, 10:00 UTC: the week's prompt and close are days away.
    private static readonly DateTimeOffset Wednesday = new(2025, 11, 19, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Postgres_restarting_under_load_refuses_clearly_loses_nothing_accepted_and_the_host_heals_itself()
    {
        await using var cluster = await PostgresCluster.CreateAsync();
        await cluster.CreateDatabaseAsync("asynclead");
        var clock = new RealRateClock(Wednesday);
        await using var slack = await FakeSlack.StartAsync(clock);
        slack.AddWorkspace(SlackScenario.TeamId, SlackScenario.BotToken, name: "Acme");
        var people = Enumerable.Range(1, Submissions).Select(i => string.Create(CultureInfo.InvariantCulture, $"U_W{i:D2}")).ToList();
        foreach (var person in people.Append(Lead))
        {
            slack.AddUser(person, person.ToLowerInvariant(), tz: "Europe/Berlin");
        }

        slack.AddChannel(Team, "team-payments", members: [Lead, .. people], botIsMember: true);
        await using var host = await AppHost.StartAsync(cluster.ConnectionStringFor("asynclead"), new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = SlackScenario.SigningSecret,
            ["Slack:BotToken"] = SlackScenario.BotToken,
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl,
            ["AsyncLead:PublicUrl"] = "https://asynclead.test",
            ["Jobs:Enabled"] = "true",
            ["Jobs:PollInterval"] = "00:00:00.200",
            // A job whose outcome could not be written during the outage is rescued once its lease runs out.
            ["Jobs:LeaseDuration"] = "00:00:05",
        }, clock);
        var simulator = new SlackSimulator(slack, host.Http, SlackScenario.SigningSecret, clock);
        SlackUser Person(string id) => simulator.User(id, Team);
        Assert.True((await Person(Lead).RunsCommandAsync("/weekly-update", "setup")).IsSuccess);
        Assert.True((await Person(Lead).SubmitsViewAsync()).IsSuccess);
        // Every fifth person writes in the form, opened before the restart; the others inline.
        var viaForm = people.Where((_, i) => i % 5 == 4).ToHashSet(StringComparer.Ordinal);
        foreach (var person in viaForm)
        {
            Assert.True((await Person(person).RunsCommandAsync("/weekly-update")).IsSuccess);
            Assert.NotNull(slack.OpenModalFor(person));
        }

        using var stopProbing = new CancellationTokenSource();
        var probes = new ConcurrentQueue<(TimeSpan At, HttpStatusCode Status)>();
        var readiness = ProbeReadinessAsync(host.Http, probes, stopProbing.Token);
        var attempts = new List<Task<Attempt>>();
        var serverDown = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task? restart = null;
        for (var i = 0; i < people.Count; i++)
        {
            if (i == StopAfter)
            {
                restart = RestartAsync(cluster, probes, attempts, serverDown);
            }

            if (i == StopAfter + SentWhileStopping)
            {
                // The rest go out once the server is really down (stopped, and the host says so): some are certainly refused.
                await serverDown.Task.WaitAsync(TimeSpan.FromSeconds(60));
            }

            lock (attempts)
            {
                attempts.Add(SubmitAsync(Person(people[i]), viaForm.Contains(people[i]), slack));
            }

            await Task.Delay(Between);
        }

        await restart!;
        var firstRound = await Task.WhenAll(attempts);
        await TeamOnHostProcesses.WaitUntilAsync(async () => (await host.Http.GetAsync("/readyz")).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(30), () => "/readyz did not turn green after PostgreSQL came back");
        await stopProbing.CancelAsync();
        await readiness;

        // Refused people try again once the database is back, as the message asked them to.
        var retries = await Task.WhenAll(firstRound.Where(a => !a.Accepted).Select(a => SubmitAsync(Person(a.Person), a.ViaForm, slack)));
        var clockAfter = Stopwatch.StartNew();
        await TeamOnHostProcesses.WaitUntilAsync(() => Task.FromResult(Replies(slack).Count >= Submissions), TimeSpan.FromSeconds(60),
            () => $"{Replies(slack).Count} of {Submissions} updates posted; missing: " + string.Join("; ", firstRound.Concat(retries)
                .Where(a => !Replies(slack).Any(r => r.VisibleText.Contains($"part {a.Person}.", StringComparison.Ordinal)))
                .Select(a => $"{a.Person} (form: {a.ViaForm}) got {a.Status} '{a.Body}'")));
        output.WriteLine($"{firstRound.Count(a => a.Accepted)} accepted and {firstRound.Count(a => !a.Accepted)} refused during the load " +
            $"({firstRound.Count(a => !a.Accepted && a.ViaForm)} of them forms); readiness probes: {Describe(probes)}; " +
            $"all {Submissions} posted {clockAfter.Elapsed.TotalSeconds:F1} s after the retries");

        Assert.All(firstRound.Concat(retries), a => Assert.True(a.Status != HttpStatusCode.InternalServerError, $"{a.Person} got a raw 500"));
        Assert.All(firstRound.Where(a => !a.Accepted), a => Assert.True(a.ToldWhy, $"{a.Person} was refused without a word: {a.Status} {a.Body}"));
        Assert.Contains(firstRound, a => !a.Accepted);
        Assert.Contains(firstRound, a => !a.Accepted && a.ViaForm);
        Assert.All(retries, a => Assert.True(a.Accepted, $"{a.Person}'s second try was refused: {a.Status} {a.Body}"));
        // /readyz went red during the restart and green again, with the same process. (A loaded machine may add a red
        // probe elsewhere: a readiness check that overran its own 2 s is red too, and rightly so.)
        var seen = probes.Select(p => p.Status).ToList();
        Assert.Equal(HttpStatusCode.OK, seen[0]);
        Assert.Contains(HttpStatusCode.ServiceUnavailable, seen);
        Assert.Equal(HttpStatusCode.OK, seen[^1]);
        // Nothing accepted is lost: every update is stored and its reply posted exactly once.
        await using var connection = new NpgsqlConnection(cluster.ConnectionStringFor("asynclead"));
        Assert.Equal(Submissions, await connection.ExecuteScalarAsync<long>("SELECT count(DISTINCT user_id) FROM weekly_updates"));
        Assert.Equal(people, Replies(slack).Select(r => people.Single(p => r.VisibleText.Contains($"part {p}.", StringComparison.Ordinal))).Order(StringComparer.Ordinal));
        Assert.Single(slack.Messages(Team), m => m.Text.StartsWith("📊", StringComparison.Ordinal));
    }

    private static async Task<Attempt> SubmitAsync(SlackUser person, bool viaForm, FakeSlack slack)
    {
        var text = $"shipped part {person.Id}.";
        if (viaForm)
        {
            var submitted = await person.SubmitsViewAsync(("Completed", text));
            var error = submitted.Json?["errors"]?.AsObject().Select(e => e.Value?.GetValue<string>()).FirstOrDefault();
            return new Attempt(person.Id, true, submitted.Status, submitted.Body,
                Accepted: submitted.IsSuccess && submitted.Json is null && slack.OpenModalFor(person.Id) is null,
                ToldWhy: submitted.Status == HttpStatusCode.OK && !string.IsNullOrWhiteSpace(error));
        }

        var sent = slack.Clock.GetUtcNow();
        var answer = await person.RunsCommandAsync("/weekly-update", $"Done: {text}");
        var ephemeral = answer.Json?["text"]?.GetValue<string>() ?? "";
        if (answer.IsSuccess && answer.Body.Length == 0)
        {
            // A loaded machine can push the handler past the ack budget: its answer then follows through the response_url.
            var late = await slack.WaitForResponseUrlPostAsync(p => p.UserId == person.Id && p.At >= sent, TimeSpan.FromSeconds(30));
            ephemeral = late.Text ?? "";
        }
        return new Attempt(person.Id, false, answer.Status, answer.Body,
            Accepted: answer.IsSuccess && ephemeral.StartsWith("✅ Saved", StringComparison.Ordinal),
            ToldWhy: (answer.Status == HttpStatusCode.OK && ephemeral.Length > 0) || answer.Status == HttpStatusCode.ServiceUnavailable);
    }

    /// <summary>
    /// Stops the server, waits until the host reports it down, and keeps it down until the host has refused at least one
    /// inline update and one form (people keep submitting meanwhile); then starts it. No window is timed: the outage lasts
    /// as long as the refusals take to happen, however loaded the machine.
    /// </summary>
    private static async Task RestartAsync(PostgresCluster cluster, ConcurrentQueue<(TimeSpan At, HttpStatusCode Status)> probes,
        List<Task<Attempt>> attempts, TaskCompletionSource serverDown)
    {
        await cluster.StopAsync();
        await TeamOnHostProcesses.WaitUntilAsync(() => Task.FromResult(probes.Any(p => p.Status == HttpStatusCode.ServiceUnavailable)),
            TimeSpan.FromSeconds(60), () => "/readyz stayed green with PostgreSQL stopped");
        serverDown.SetResult();
        await TeamOnHostProcesses.WaitUntilAsync(() =>
        {
            List<Attempt> answered;
            lock (attempts)
            {
                answered = [.. attempts.Where(a => a.IsCompletedSuccessfully).Select(a => a.Result)];
            }

            return Task.FromResult(answered.Any(a => !a.Accepted && a.ViaForm) && answered.Any(a => !a.Accepted && !a.ViaForm));
        }, TimeSpan.FromSeconds(120), () => "nobody was refused (inline and through the form) while PostgreSQL was down");
        await cluster.StartAsync();
    }

    private static async Task ProbeReadinessAsync(HttpClient http, ConcurrentQueue<(TimeSpan At, HttpStatusCode Status)> probes, CancellationToken stop)
    {
        var clock = Stopwatch.StartNew();
        while (!stop.IsCancellationRequested)
        {
            using var response = await http.GetAsync("/readyz", CancellationToken.None);
            probes.Enqueue((clock.Elapsed, response.StatusCode));
            await Task.Delay(TimeSpan.FromMilliseconds(50), CancellationToken.None);
        }
    }

    private static string Describe(IEnumerable<(TimeSpan At, HttpStatusCode Status)> probes)
    {
        var all = probes.ToList();
        return string.Join(" → ", all.Where((p, i) => i == 0 || all[i - 1].Status != p.Status)
            .Select(p => $"{(int)p.Status} at {p.At.TotalSeconds:F1} s"));
    }

    private static IReadOnlyList<FakeMessage> Replies(FakeSlack slack) =>
        slack.Messages(Team).Where(m => m.Text.StartsWith("📊", StringComparison.Ordinal)).Select(root => slack.ThreadReplies(Team, root.Ts))
            .FirstOrDefault() ?? [];

    private sealed record Attempt(string Person, bool ViaForm, HttpStatusCode Status, string Body, bool Accepted, bool ToldWhy);
}
