using System.Text.Json.Nodes;
using AsyncLead.Jobs;
using AsyncLead.Sandbox.Simulation;
using AsyncLead.Sandbox.Slack;
using AsyncLead.Testing;

namespace AsyncLead.Tests.Infrastructure;

/// <summary>
/// One workspace's world for an end-to-end test: a FakeSlack, the real AsyncLead host pointed at it, a simulator
/// that signs requests as Slack does, and one controlled clock shared by all three.
/// </summary>
public sealed class SlackScenario : IAsyncDisposable
{
    public const string TeamId = "T_ACME";
    public const string BotToken = "xoxb-acme-test-token";
    public const string SigningSecret = "test-signing-secret-0123456789abcdef";

    private SlackScenario(FakeSlack slack, AppHost host, ManualClock clock)
    {
        Slack = slack;
        Host = host;
        Clock = clock;
        Simulator = new SlackSimulator(slack, host.Http, SigningSecret, clock);
    }

    public FakeSlack Slack { get; }

    public AppHost Host { get; }

    public ManualClock Clock { get; }

    public SlackSimulator Simulator { get; }

    /// <summary>
    /// Starts at <paramref name="now"/> (default Monday 17 Nov 2025, 08:00 UTC) with one workspace and no people; its bot
    /// token has <paramref name="scopes"/> (default <see cref="FakeSlack.DefaultScopes"/>).
    /// </summary>
    public static async Task<SlackScenario> StartAsync(TestDatabase database, DateTimeOffset? now = null,
        Action<IServiceCollection>? services = null, IDictionary<string, string?>? settings = null, IEnumerable<string>? scopes = null)
    {
        var clock = new ManualClock(now ?? new DateTimeOffset(2025, 11, 17, 8, 0, 0, TimeSpan.Zero));
        var slack = await FakeSlack.StartAsync(clock);
        slack.AddWorkspace(TeamId, BotToken, name: "Acme", scopes: scopes);

        var all = new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = SigningSecret,
            ["Slack:BotToken"] = BotToken,
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl,
            ["AsyncLead:PublicUrl"] = "https://asynclead.test",
            // Jobs run when the test says so (RunJobsAsync), on the scenario's clock.
            ["Jobs:Enabled"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }
        var host = await AppHost.StartAsync(database.ConnectionString, all, clock, services);
        return new SlackScenario(slack, host, clock);
    }

    public SlackUser User(string userId, string? channelId = null) => Simulator.User(userId, channelId);

    /// <summary>Runs every job due at the clock's now, and the jobs those enqueue, until none is due; returns how many ran.</summary>
    public async Task<int> RunJobsAsync()
    {
        var worker = Host.Services.GetRequiredService<JobWorker>();
        var total = 0;
        for (var ran = await worker.RunDueJobsAsync(CancellationToken.None); ran > 0; ran = await worker.RunDueJobsAsync(CancellationToken.None))
        {
            total += ran;
        }
        return total;
    }

    /// <summary>Moves the clock forward and runs whatever became due.</summary>
    public async Task<int> AdvanceAsync(TimeSpan by)
    {
        Clock.Advance(by);
        return await RunJobsAsync();
    }

    /// <summary>
    /// What a command told <paramref name="user"/>: the ack's text, or else what followed the ack through the
    /// response_url (answers that wait on Slack come that way); null when neither said anything.
    /// </summary>
    public async Task<string?> AnswerToAsync(SlackUser user, string command, string text = "")
    {
        var before = Slack.ResponseUrlPosts().Count;
        var ack = await user.RunsCommandAsync(command, text);
        Assert.True(ack.IsSuccess, ack.ToString());
        if (ack.Json?["text"]?.GetValue<string>() is { } answer)
        {
            return answer;
        }

        var followed = Slack.ResponseUrlPosts().Skip(before).Where(p => p.UserId == user.Id).ToList();
        Assert.True(followed.Count <= 1, $"{followed.Count} response_url posts after one command");
        Assert.All(followed, p => Assert.Equal("ephemeral", p.Body["response_type"]?.GetValue<string>()));
        return followed.SingleOrDefault()?.Body["text"]?.GetValue<string>();
    }

    /// <summary>Someone removes the bot from a channel: Slack says so with <c>channel_left</c>.</summary>
    public async Task RemovesBotAsync(string channelId)
    {
        Slack.SetBotMembership(channelId, isMember: false);
        var sent = await Simulator.SendEventAsync(Simulator.EventCallback(new JsonObject { ["type"] = "channel_left", ["channel"] = channelId, ["actor_id"] = "U_SOMEONE" }));
        Assert.True(sent.IsSuccess, sent.ToString());
    }

    /// <summary>Someone invites the bot to a channel: Slack says so with <c>member_joined_channel</c> for the bot user.</summary>
    public async Task InvitesBotAsync(string channelId)
    {
        Slack.SetBotMembership(channelId, isMember: true);
        var sent = await Simulator.SendEventAsync(Simulator.EventCallback(new JsonObject
        {
            ["type"] = "member_joined_channel", ["user"] = Slack.Workspace(TeamId).BotUserId, ["channel"] = channelId,
            ["channel_type"] = "C", ["team"] = TeamId, ["inviter"] = "U_SOMEONE",
        }));
        Assert.True(sent.IsSuccess, sent.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Slack.DisposeAsync();
    }
}
