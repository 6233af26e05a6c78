using AsyncLead.Tests.Infrastructure;
using Dapper;
using AsyncLead.Sandbox.Simulation;
using AsyncLead.Sandbox.Slack;

namespace AsyncLead.Tests.Features.Decisions;

/// <summary>
/// The architecture team for decision stories: Alice (Berlin) writes docs in #architecture; Bob (New York) and
/// Carol (Kolkata) review; Dave (London) is in the channel but reviews nothing.
/// </summary>
internal sealed class DecisionTeam : IAsyncDisposable
{
    public const string Channel = "C_ARCH";
    public const string Alice = "U_ALICE";
    public const string Bob = "U_BOB";
    public const string Carol = "U_CAROL";
    public const string Dave = "U_DAVE";

    private DecisionTeam(SlackScenario scenario)
    {
        Scenario = scenario;
        scenario.Slack
            .AddUser(Alice, "alice", tz: "Europe/Berlin")
            .AddUser(Bob, "bob", tz: "America/New_York")
            .AddUser(Carol, "carol", tz: "Asia/Kolkata")
            .AddUser(Dave, "dave", tz: "Europe/London")
            .AddChannel(Channel, "architecture", members: [Alice, Bob, Carol, Dave], botIsMember: true);
        AliceUser = scenario.User(Alice, Channel);
        BobUser = scenario.User(Bob, Channel);
        CarolUser = scenario.User(Carol, Channel);
        DaveUser = scenario.User(Dave, Channel);
    }

    public SlackScenario Scenario { get; }

    public FakeSlack Slack => Scenario.Slack;

    public SlackUser AliceUser { get; }

    public SlackUser BobUser { get; }

    public SlackUser CarolUser { get; }

    public SlackUser DaveUser { get; }

    /// <summary>
    /// A scenario on a database with no docs and no jobs left by earlier tests of the class, so short ids start at
    /// DEC-1 and no earlier deadline fires on this test's clock.
    /// </summary>
    public static async Task<DecisionTeam> StartAsync(TestDatabase database, DateTimeOffset now, Action<IServiceCollection>? services = null)
    {
        await using (var connection = database.DataSource.CreateConnection())
        {
            await connection.ExecuteAsync("TRUNCATE decisions, decision_counters, jobs, members, slack_channels, slack_posts, bot_channels CASCADE");
        }

        return new DecisionTeam(await SlackScenario.StartAsync(database, now, services));
    }

    public ValueTask DisposeAsync() => Scenario.DisposeAsync();

    /// <summary>Alice writes a doc for Bob and Carol with the default deadline, and the bot posts it.</summary>
    public async Task<FakeMessage> AlicePostsDocAsync(string title = "Move the job queue to Postgres", params (string Field, object? Value)[] more)
    {
        var command = await AliceUser.RunsCommandAsync("/decision");
        Assert.True(command.IsSuccess, command.ToString());
        var fields = new List<(string, object?)>
        {
            ("Title", title),
            ("Problem Statement", "Jobs in Redis are **lost** on restart."),
            ("Options Considered", "1. Keep Redis\n2. Postgres with `SKIP LOCKED`"),
            ("Recommendation", "Option 2."),
            ("Reviewers", new[] { Bob, Carol }),
        };
        // A field given in more replaces its default.
        fields.RemoveAll(f => more.Any(m => m.Field == f.Item1));
        fields.AddRange(more);
        var submitted = await AliceUser.SubmitsViewAsync([.. fields]);
        Assert.True(submitted.IsSuccess && submitted.Json is null, submitted.ToString());
        await Scenario.RunJobsAsync();
        return Doc();
    }

    /// <summary>The doc message as it stands now in #architecture.</summary>
    public FakeMessage Doc(string? title = null) =>
        Slack.Messages(Channel).Last(m => title is null || m.VisibleText.Contains(title, StringComparison.Ordinal));

    public IReadOnlyList<FakeMessage> Thread() => Slack.ThreadReplies(Channel, Doc().Ts);

    public IReadOnlyList<string> EphemeralsFor(string userId) =>
        [.. Slack.Ephemerals(Channel, userId).Select(m => m.Text)];

    public async Task ClicksAndJobsRunAsync(SlackUser user, string actionId)
    {
        var response = await user.ClicksAsync(Doc(), actionId);
        Assert.True(response.IsSuccess, response.ToString());
        await Scenario.RunJobsAsync();
    }
}
