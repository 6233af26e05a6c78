using System.Diagnostics;
using AsyncLead.Sandbox.Simulation;
using AsyncLead.Sandbox.Slack;
using AsyncLead.Tests.Infrastructure;
using Dapper;
using Xunit.Abstractions;

namespace AsyncLead.Tests.Reliability;

/// <summary>
/// Slack answering about 30% of the app's Web API calls with 429 (Retry-After: 2) or 503, at random from a fixed
/// seed, while people write weekly updates and a decision doc is posted and reviewed. The host runs its job worker
/// in the background on real time, as in production.
/// </summary>
[Collection(HostProcessCollection.Name)]
public sealed class FlakySlackTests(TestDatabase database, ITestOutputHelper output) : IClassFixture<TestDatabase>
{
    private const int Seed = 20261121;
    private const int RetryAfterSeconds = 2;
    private const string Team = "C_PAY";
    private const string Architecture = "C_ARCH";
    private const string Lead = "U_LENA";
    private const string Author = "U_ALICE";
    private static readonly string[] Reviewers = ["U_BOB", "U_CAROL"];
    private static readonly string[] Writers = ["U_W01", "U_W02", "U_W03", "U_W04", "U_W05", "U_W06", "U_W07", "U_W08", "U_W09", "U_W10"];

    // Wednesday 19 Nov 2025, 10:00 UTC: the week's prompt (Friday), close (Monday) and the doc's deadline are days away.
    private static readonly DateTimeOffset Wednesday = new(2025, 11, 19, 10, 0, 0, TimeSpan.Zero);

    // Timer granularity: a wait of exactly Retry-After may be observed a millisecond short.
    private static readonly TimeSpan ClockTolerance = TimeSpan.FromMilliseconds(20);

    [Fact]
    public async Task With_30_percent_of_slack_calls_failing_every_update_and_doc_is_posted_once_in_order_and_retry_after_is_honoured()
    {
        var clock = new RealRateClock(Wednesday);
        await using var slack = await FakeSlack.StartAsync(clock);
        slack.AddWorkspace(SlackScenario.TeamId, SlackScenario.BotToken, name: "Acme");
        foreach (var person in Writers.Append(Lead).Append(Author).Concat(Reviewers))
        {
            slack.AddUser(person, person.ToLowerInvariant(), tz: "Europe/Berlin");
        }

        slack.AddChannel(Team, "team-payments", members: [Lead, .. Writers], botIsMember: true)
            .AddChannel(Architecture, "architecture", members: [Author, .. Reviewers], botIsMember: true);
        await using var host = await AppHost.StartAsync(database.ConnectionString, new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = SlackScenario.SigningSecret,
            ["Slack:BotToken"] = SlackScenario.BotToken,
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl,
            ["AsyncLead:PublicUrl"] = "https://asynclead.test",
            ["Jobs:Enabled"] = "true",
            ["Jobs:PollInterval"] = "00:00:00.200",
        }, clock);
        var simulator = new SlackSimulator(slack, host.Http, SlackScenario.SigningSecret, clock);
        SlackUser Person(string id, string channel) => simulator.User(id, channel);

        // Modals need a trigger_id that expires in 3 s, so they are opened while Slack is healthy.
        var setup = await Person(Lead, Team).RunsCommandAsync("/weekly-update", "setup");
        Assert.True(setup.IsSuccess, setup.ToString());
        Assert.True((await Person(Lead, Team).SubmitsViewAsync()).IsSuccess);
        var author = Person(Author, Architecture);
        Assert.True((await author.RunsCommandAsync("/decision")).IsSuccess);
        Assert.NotNull(slack.OpenModalFor(Author));

        slack.Faults.Randomly(Seed, rateLimitRate: 0.15, serverErrorRate: 0.15, retryAfterSeconds: RetryAfterSeconds);
        // Which call draws which fault depends on how the jobs interleave; the first two posts are limited for certain,
        // so the Retry-After check below always has retries to look at.
        slack.Faults.RateLimit("chat.postMessage", times: 2, retryAfterSeconds: RetryAfterSeconds);
        var clockAtFaults = Stopwatch.StartNew();
        var doc = await author.SubmitsViewAsync(
            ("Title", "Move the job queue to Postgres"),
            ("Problem Statement", "Jobs in Redis are lost on restart."),
            ("Options Considered", "1. Keep Redis\n2. Postgres with SKIP LOCKED"),
            ("Recommendation", "Option 2."),
            ("Reviewers", Reviewers));
        Assert.True(doc.IsSuccess && doc.Json is null, doc.ToString());
        foreach (var writer in Writers)
        {
            var ack = await Person(writer, Team).RunsCommandAsync("/weekly-update", $"Done: shipped part {writer}");
            Assert.True(ack.IsSuccess, ack.ToString());
        }

        // Writing again the same week asks to add or replace it first.
        var question = await Person(Writers[0], Team).RunsCommandAsync("/weekly-update", $"Done: shipped part {Writers[0]} and its docs");
        Assert.True(question.IsSuccess, question.ToString());
        var edit = await Person(Writers[0], Team).ClicksInAnswerAsync(question, "weekly_inline_replace");
        Assert.True(edit.IsSuccess, edit.ToString());
        await WaitForAsync(() => DocMessages(slack).Count > 0, "the decision doc was never posted", slack);
        foreach (var reviewer in Reviewers)
        {
            var click = await Person(reviewer, Architecture).ClicksAsync(DocMessages(slack).Single(), "decision_approve");
            Assert.True(click.IsSuccess, click.ToString());
        }

        await WaitForAsync(() => DocMessages(slack).Single().VisibleText.Contains("2/2 responded", StringComparison.Ordinal)
                && Replies(slack).Count == Writers.Length && Replies(slack)[0].VisibleText.Contains("and its docs", StringComparison.Ordinal)
                && Reviewers.All(r => slack.Ephemerals(Architecture, r).Count > 0),
            "the updates, the doc and the answers did not all reach Slack", slack);
        await WaitForAsync(async () => await UnfinishedSoonAsync() == 0, "jobs were still pending", slack);
        var calls = slack.Calls();
        output.WriteLine($"seed {Seed}: {calls.Count} calls, {calls.Count(c => c.StatusCode == 429)} answered 429, " +
            $"{calls.Count(c => c.StatusCode >= 500)} answered 5xx; everything posted {clockAtFaults.Elapsed.TotalSeconds:F1} s after the faults began");

        // Every update once, in the order it was written; the edit is in the first writer's one reply, not in another.
        Assert.Single(slack.Messages(Team), m => m.Text.StartsWith("📊", StringComparison.Ordinal));
        Assert.Equal(Writers, Replies(slack).Select(r => Writers.Single(w => r.VisibleText.Contains($"shipped part {w}", StringComparison.Ordinal))));
        Assert.Contains("and its docs", Replies(slack)[0].VisibleText, StringComparison.Ordinal);
        // The doc once, with both answers counted, and each reviewer told once.
        Assert.Single(DocMessages(slack));
        Assert.Contains("2/2 responded", DocMessages(slack).Single().VisibleText, StringComparison.Ordinal);
        Assert.All(Reviewers, r => Assert.Single(slack.Ephemerals(Architecture, r)));
        Assert.Empty(await DeadJobsAsync());
        // The faults really happened, both kinds.
        Assert.True(calls.Count(c => c.StatusCode == 429) >= 3, "fewer than 3 calls were rate limited");
        Assert.True(calls.Count(c => c.StatusCode >= 500) >= 3, "fewer than 3 calls got a server error");
        AssertRetryAfterHonoured(calls);
    }

    /// <summary>
    /// A post is identified by its arguments (its text and metadata make each one unique): after a 429, the next
    /// identical call (the retry, in place or by the rescheduled job) comes no sooner than Retry-After.
    /// </summary>
    private static void AssertRetryAfterHonoured(IReadOnlyList<SlackCall> calls)
    {
        var posts = calls.Where(c => c.Method is "chat.postMessage" or "chat.postEphemeral").ToList();
        var limited = posts.Where(c => c.StatusCode == 429).ToList();
        Assert.NotEmpty(limited);
        foreach (var refused in limited)
        {
            var body = refused.Args.ToJsonString();
            var retry = posts.FirstOrDefault(c => c.At > refused.At && c.Method == refused.Method && c.Args.ToJsonString() == body);
            Assert.True(retry is not null, $"a rate-limited {refused.Method} was never retried: {body}");
            Assert.True(retry.At - refused.At >= TimeSpan.FromSeconds(RetryAfterSeconds) - ClockTolerance,
                $"{refused.Method} was retried {(retry.At - refused.At).TotalMilliseconds:F0} ms after a 429 asking for {RetryAfterSeconds} s");
        }
    }

    private static List<FakeMessage> DocMessages(FakeSlack slack) =>
        [.. slack.Messages(Architecture).Where(m => m.VisibleText.Contains("Move the job queue to Postgres", StringComparison.Ordinal))];

    private static IReadOnlyList<FakeMessage> Replies(FakeSlack slack) =>
        slack.Messages(Team).Where(m => m.Text.StartsWith("📊", StringComparison.Ordinal)).Select(root => slack.ThreadReplies(Team, root.Ts))
            .FirstOrDefault() ?? [];

    private async Task<long> UnfinishedSoonAsync()
    {
        // Prompts, reminders, the week's close and the doc's deadline are days away; anything due sooner is a post or a retry.
        await using var connection = await database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM jobs WHERE state IN ('available', 'running') AND run_at < @soon", new { soon = Wednesday.AddHours(1) });
    }

    private async Task<IReadOnlyList<string>> DeadJobsAsync()
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<string>("SELECT kind || ': ' || coalesce(last_error, '') FROM jobs WHERE state = 'failed'")).AsList();
    }

    private static Task WaitForAsync(Func<bool> done, string failure, FakeSlack slack) =>
        WaitForAsync(() => Task.FromResult(done()), failure, slack);

    private static Task WaitForAsync(Func<Task<bool>> done, string failure, FakeSlack slack) =>
        TeamOnHostProcesses.WaitUntilAsync(done, TimeSpan.FromMinutes(2),
            () => $"{failure}. Last calls: {string.Join("; ", slack.Calls().TakeLast(15).Select(c => $"{c.Method} {c.StatusCode} {c.Error}"))}");
}
