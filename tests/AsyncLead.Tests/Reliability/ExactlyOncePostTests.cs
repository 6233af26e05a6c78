using AsyncLead.Sandbox.Simulation;
using AsyncLead.Sandbox.Slack;
using AsyncLead.Slack.Posting;
using AsyncLead.Slack.WebApi;
using AsyncLead.Tests.Features.Decisions;
using AsyncLead.Tests.Features.Digest;
using AsyncLead.Tests.Features.WeeklyUpdates;
using AsyncLead.Testing;
using AsyncLead.Tests.Infrastructure;
using Dapper;

namespace AsyncLead.Tests.Reliability;

/// <summary>
/// Every kind of message the bot posts, when Slack posts it but answers after our client's timeout, and when the host
/// shuts down while a post is in flight: each appears exactly once. Slack's answers are held (FakeSlack's HoldAnswers),
/// not slowed, so no timing window decides the outcome.
/// </summary>
public sealed class ExactlyOncePostTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    // Only held answers reach it: steady calls answer at once, even on a loaded machine.
    private static readonly TimeSpan ClientTimeout = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task Weekly_roots_replies_summaries_prompts_and_digests_slack_answers_too_late_are_each_posted_once()
    {
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("TRUNCATE jobs, team_channels, members, slack_posts, digest_preferences RESTART IDENTITY CASCADE");
        }

        await using var s = (await SlackScenario.StartAsync(database, services: ShortClientTimeout)).WithPaymentsTeam();
        var held = HoldFirstAttemptOfEveryPost(s.Slack);
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        await s.RunUntilAsync(WeeklyWorld.FirstPrompt.AddMinutes(1));
        Assert.True((await s.Alice().RunsCommandAsync(WeeklyWorld.Command, "Done: shipped payouts")).IsSuccess);
        await s.RunUntilAsync(WeeklyWorld.FirstClose.AddHours(1));

        var root = Assert.Single(s.Roots());
        var thread = s.Slack.ThreadReplies(WeeklyWorld.Channel, root.Ts);
        Assert.Single(thread, m => m.VisibleText.Contains("shipped payouts", StringComparison.Ordinal));
        Assert.Single(thread, m => m.Metadata?["event_type"]?.ToString() == "asynclead_week_summary");
        Assert.Single(s.Nudges("U_ALICE"));
        Assert.Single(s.Digests("U_LENA"));
        AssertEachPostOnce(s.Slack, held, "week-root:", "update:", "week-summary:", "nudge:", "digest:");
    }

    [Fact]
    public async Task Decision_docs_reminders_thread_notes_and_notices_slack_answers_too_late_are_each_posted_once()
    {
        var monday = new DateTimeOffset(2025, 11, 17, 8, 0, 0, TimeSpan.Zero);
        await using var team = await DecisionTeam.StartAsync(database, monday, ShortClientTimeout);
        var held = HoldFirstAttemptOfEveryPost(team.Slack);
        await team.AlicePostsDocAsync();
        await team.Scenario.RunUntilAsync(monday.AddMinutes(30));
        await team.ClicksAndJobsRunAsync(team.BobUser, "decision_approve");
        await team.Scenario.RunUntilAsync(monday.AddDays(10));

        Assert.Single(team.Slack.Messages(DecisionTeam.Channel), m => m.VisibleText.Contains("Move the job queue to Postgres", StringComparison.Ordinal));
        var outcome = team.Thread().Select(m => m.Metadata?["event_payload"]?["key"]?.ToString()).ToList();
        Assert.Equal(outcome.Distinct(), outcome);
        Assert.NotEmpty(team.Slack.Messages(DecisionTeam.Carol));
        AssertEachPostOnce(team.Slack, held, "decision:", "decision-reminder:", "notice:");
    }

    [Fact]
    public async Task A_host_shut_down_while_slack_holds_its_post_leaves_the_next_host_to_find_it_and_post_nothing_twice()
    {
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("TRUNCATE decisions, decision_counters, jobs, members, slack_posts CASCADE");
        }

        var clock = new ManualClock(new DateTimeOffset(2025, 11, 17, 8, 0, 0, TimeSpan.Zero));
        await using var slack = await FakeSlack.StartAsync(clock);
        slack.AddWorkspace(SlackScenario.TeamId, SlackScenario.BotToken, name: "Acme")
            .AddUser(DecisionTeam.Alice, "alice", tz: "Europe/Berlin")
            .AddUser(DecisionTeam.Bob, "bob", tz: "America/New_York")
            .AddUser(DecisionTeam.Carol, "carol", tz: "Asia/Kolkata")
            .AddChannel(DecisionTeam.Channel, "architecture", members: [DecisionTeam.Alice, DecisionTeam.Bob, DecisionTeam.Carol], botIsMember: true);
        var settings = new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = SlackScenario.SigningSecret,
            ["Slack:BotToken"] = SlackScenario.BotToken,
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl,
            ["AsyncLead:PublicUrl"] = "https://asynclead.test",
            ["Jobs:Enabled"] = "true",
            ["Jobs:PollInterval"] = "00:00:00.100",
        };
        // Long enough that only the shutdown ends the held call.
        slack.Faults.HoldAnswers("chat.postMessage", call => call.Arg("channel") == DecisionTeam.Channel);
        var first = await AppHost.StartAsync(database.ConnectionString, settings, clock);
        var alice = new SlackSimulator(slack, first.Http, SlackScenario.SigningSecret, clock).User(DecisionTeam.Alice, DecisionTeam.Channel);
        Assert.True((await alice.RunsCommandAsync("/decision")).IsSuccess);
        var submitted = await alice.SubmitsViewAsync(
            ("Title", "Move the job queue to Postgres"),
            ("Problem Statement", "Jobs in Redis are lost on restart."),
            ("Options Considered", "1. Keep Redis\n2. Postgres"),
            ("Recommendation", "Option 2."),
            ("Reviewers", new[] { DecisionTeam.Bob, DecisionTeam.Carol }));
        Assert.True(submitted.IsSuccess, submitted.ToString());
        await TeamOnHostProcesses.WaitUntilAsync(() => Task.FromResult(slack.Faults.HeldAnswers.Count == 1), TimeSpan.FromSeconds(30),
            () => "the doc's post never reached Slack");

        await first.DisposeAsync();
        Assert.Single(slack.Messages(DecisionTeam.Channel));
        Assert.Equal(1, await DocPostingMarksAsync());
        slack.Faults.Clear();
        await using var second = await AppHost.StartAsync(database.ConnectionString, settings, clock);
        await TeamOnHostProcesses.WaitUntilAsync(async () => await DocTsAsync() is not null, TimeSpan.FromSeconds(30),
            () => "the next host never recorded the doc's message");

        var doc = Assert.Single(slack.Messages(DecisionTeam.Channel));
        Assert.Equal(doc.Ts, await DocTsAsync());
        Assert.Single(slack.Calls("chat.postMessage"), c => c.Arg("channel") == DecisionTeam.Channel);
        Assert.Single(slack.Calls("conversations.history"));
    }

    private static void ShortClientTimeout(IServiceCollection services) =>
        services.Configure<SlackWebApiOptions>(options => options.AttemptTimeout = ClientTimeout);

    /// <summary>The first chat.postMessage of every key posts but is never answered; the keys held, for the assertions.</summary>
    private static HashSet<string> HoldFirstAttemptOfEveryPost(FakeSlack slack)
    {
        // FakeSlack asks under its lock, one call at a time.
        var held = new HashSet<string>(StringComparer.Ordinal);
        slack.Faults.HoldAnswers("chat.postMessage", call => held.Add(KeyOf(call) ?? ""));
        return held;
    }

    /// <summary>
    /// Every post carried a key and no key was posted twice (a retry that posted without looking would be a second post of
    /// its key); every kind named was among the posts Slack answered too late.
    /// </summary>
    private static void AssertEachPostOnce(FakeSlack slack, HashSet<string> held, params string[] kinds)
    {
        var posts = slack.Calls("chat.postMessage").Where(c => c.StatusCode == 200).ToList();
        Assert.All(posts, c => Assert.NotNull(KeyOf(c)));
        var keys = posts.Select(c => KeyOf(c)!).ToList();
        Assert.Equal(keys.Distinct(StringComparer.Ordinal), keys);
        Assert.All(kinds, kind => Assert.Contains(held, key => key.StartsWith(kind, StringComparison.Ordinal)));
    }

    private static string? KeyOf(SlackCall call) => call.Args["metadata"]?["event_payload"]?[SlackPoster.KeyField]?.ToString();

    private async Task<long> DocPostingMarksAsync()
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM slack_posts WHERE ts IS NULL AND post_key ~ '^decision:[0-9]+$'");
    }

    private async Task<string?> DocTsAsync()
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<string?>("SELECT message_ts FROM decisions");
    }
}
