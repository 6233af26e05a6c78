using AsyncLead.Features.WeeklyUpdates;
using AsyncLead.Sandbox.Simulation;
using AsyncLead.Sandbox.Slack;
using AsyncLead.Tests.Features.WeeklyUpdates;
using AsyncLead.Tests.Infrastructure;
using AsyncLead.Web;
using Dapper;

namespace AsyncLead.Tests.Web;

/// <summary>
/// The payments team's first week with AsyncLead, lived through Slack once per test class and then read on the web:
/// Alice and Lena write on time, Dan writes after the close (late), Bob is away, Erin never writes; Alice's update
/// carries hostile text and two blockers, the first of which Lena resolves. Alice's DEC-1 is decided, Lena's DEC-2
/// closed with Bob's concern open, Dan's DEC-3 is open.
/// The clock ends on Monday 24 Nov 2025, 10:00 UTC.
/// </summary>
public sealed class PagesWorld : IAsyncLifetime
{
    public const string Channel = WeeklyWorld.Channel;
    public const string Lena = "U_LENA";
    public const string Alice = "U_ALICE";
    public const string Bob = "U_BOB";
    public const string Dan = "U_DAN";
    public const string Erin = "U_ERIN";

    public static readonly DateOnly Week = new(2025, 11, 17);

    /// <summary>What an attacker would try through an update: a script, an image's error handler, a javascript: link.</summary>
    public const string HostileMarkdown =
        "- Shipped **payouts** v2\n"
        + "- <script>document.title='pwned'</script>\n"
        + "- <img src=x onerror=\"document.body.setAttribute('data-pwned','img')\">\n"
        + "- [the runbook](javascript:document.body.setAttribute('data-pwned','link'))\n"
        + "- a very-long-unbroken-identifier-" + "abcdefghij" + "abcdefghij" + "abcdefghij" + "abcdefghij" + "abcdefghij" + "-that-must-wrap-on-a-phone";

    private readonly TestDatabase database = new();

    public SlackScenario Scenario { get; private set; } = null!;

    public AppHost Host => Scenario.Host;

    public PageLinks Links => Host.Services.GetRequiredService<PageLinks>();

    public SignedLinks SignedLinks => Host.Services.GetRequiredService<SignedLinks>();

    /// <summary>The doc ids of DEC-1..3, in order.</summary>
    public IReadOnlyList<long> DocIds { get; private set; } = [];

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        var s = Scenario = await SlackScenario.StartAsync(database);
        s.Slack.AddUser(Lena, "lena", tz: "Europe/Berlin")
            .AddUser(Alice, "alice", tz: "Europe/Berlin")
            .AddUser(Bob, "bob", tz: "America/New_York")
            .AddUser(Dan, "dan", tz: "Asia/Tokyo")
            .AddUser(Erin, "<b>erin</b>", tz: "Europe/London")
            .AddChannel(Channel, "team-payments", members: [Lena, Alice, Bob, Dan, Erin], botIsMember: true);

        Ok(await User(Bob).RunsCommandAsync(WeeklyWorld.Command, "away until 2025-11-30"));
        await s.SetsUpWeeklyUpdatesAsync(User(Lena));

        await PostDocAsync(Alice, "Move the job queue to Postgres", "Jobs in Redis are **lost** on restart.", [Lena, Bob]);
        await PostDocAsync(Lena, "Adopt 100% coverage_goal", "<script>document.title='pwned'</script> Coverage is *uneven*.", [Alice, Bob]);
        await ClicksAsync(Lena, "Move the job queue", "decision_approve");
        await ClicksAsync(Bob, "Adopt 100%", "decision_concern");
        Ok(await User(Bob).SubmitsViewAsync(("Your concern", "Tests for **generated** code are noise.")));
        await s.RunJobsAsync();

        // Thursday's deadline passes; on Friday the prompt goes out and Alice records her decision.
        await s.RunUntilAsync(WeeklyWorld.FirstPrompt.AddHours(1));
        await ClicksAsync(Alice, "Move the job queue", "decision_decide");
        Ok(await User(Alice).SubmitsViewAsync(("Chosen option", "Postgres with SKIP LOCKED"), ("Rationale", "One less moving part & it's *durable*.")));

        await WritesUpdateAsync(Alice, ("Completed", HostileMarkdown), ("Blockers", "- Waiting on the bank's API keys\n- Flaky CI on main"));
        await s.RunUntilAsync(WeeklyWorld.FirstPrompt.AddHours(3));
        var alicesReply = Assert.Single(s.Slack.ThreadReplies(Channel, Assert.Single(s.Roots(Channel)).Ts));
        Ok(await User(Lena).ClicksAsync(alicesReply, WeekSummary.ResolveActionId));
        await WritesUpdateAsync(Lena, ("Completed", "Reviewed the refunds design"), ("Next Week", "Plan Q1"));
        await PostDocAsync(Dan, "Split the monolith's billing module", "Billing deploys block everyone.", [Lena]);

        // After Monday's close Dan answers his prompt: late, but still this week's.
        await s.RunUntilAsync(WeeklyWorld.FirstClose.AddHours(2));
        Ok(await User(Dan).ClicksAsync(s.Nudges(Dan)[0], "weekly_write"));
        Ok(await User(Dan).SubmitsViewAsync(("Completed", "Billing spike")));
        await s.RunJobsAsync();

        await using var connection = await database.DataSource.OpenConnectionAsync();
        DocIds = [.. await connection.QueryAsync<long>("SELECT id FROM decisions ORDER BY number")];
        Assert.Equal(3, DocIds.Count);
    }

    public async Task DisposeAsync()
    {
        await Scenario.DisposeAsync();
        await database.DisposeAsync();
    }

    /// <summary>A fresh signed link's path (the host serves it at its loopback address).</summary>
    /// <summary>A link's path; this world has a public address, so every link is there.</summary>
    public static string PathOf(Uri? link) => (link ?? throw new Xunit.Sdk.XunitException("No link: pages are off.")).PathAndQuery;

    public string TeamWeek(string? viewer = null, string workspace = SlackScenario.TeamId, DateOnly? monday = null) =>
        PathOf(Links.TeamWeek(workspace, Channel, monday ?? Week, viewer));

    public string Decision(int number, string? viewer = null, string workspace = SlackScenario.TeamId) =>
        PathOf(Links.Decision(workspace, DocIds[number - 1], viewer));

    public string DecisionLog(string? viewer = null, string workspace = SlackScenario.TeamId) =>
        PathOf(Links.DecisionLog(workspace, viewer));

    public async Task<(System.Net.HttpStatusCode Status, string Html)> GetAsync(string path)
    {
        using var response = await Host.Http.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private SlackUser User(string id) => Scenario.User(id, Channel);

    private async Task PostDocAsync(string author, string title, string problem, string[] reviewers)
    {
        Ok(await User(author).RunsCommandAsync("/decision"));
        Ok(await User(author).SubmitsViewAsync(("Title", title), ("Problem Statement", problem),
            ("Options Considered", "1. Keep things\n2. Change them"), ("Recommendation", "Option 2."), ("Reviewers", reviewers)));
        await Scenario.RunJobsAsync();
    }

    private async Task ClicksAsync(string user, string docTitle, string actionId)
    {
        var doc = Scenario.Slack.Messages(Channel).Last(m => m.VisibleText.Contains(docTitle, StringComparison.Ordinal));
        Ok(await User(user).ClicksAsync(doc, actionId));
        await Scenario.RunJobsAsync();
    }

    private async Task WritesUpdateAsync(string user, params (string Field, object? Value)[] sections)
    {
        Ok(await User(user).RunsCommandAsync(WeeklyWorld.Command));
        Ok(await User(user).SubmitsViewAsync(sections));
        await Scenario.RunJobsAsync();
    }

    private static void Ok(SlackResponse response) => Assert.True(response.IsSuccess, response.ToString());
}
