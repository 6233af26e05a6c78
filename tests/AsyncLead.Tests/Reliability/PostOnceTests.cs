using AsyncLead.Slack.Posting;
using AsyncLead.Slack.WebApi;
using AsyncLead.Tests.Infrastructure;
using Dapper;

namespace AsyncLead.Tests.Reliability;

/// <summary>
/// The one post-once mechanism (<see cref="SlackPoster"/> over the app's slack_posts ledger, real Postgres) against
/// FakeSlack: the steady path asks Slack nothing but the post, and only an attempt whose outcome is unknown makes the
/// next one look for its message.
/// </summary>
public sealed class PostOnceTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private const string Channel = "C_PAY";
    // Steady calls must never reach it, even on a loaded machine; a post whose answer FakeSlack holds always does.
    private static readonly TimeSpan ClientTimeout = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task The_steady_path_posts_once_and_a_repeated_attempt_asks_slack_nothing()
    {
        await using var s = await StartAsync();
        var (api, poster) = Parts(s);

        var first = await poster.PostOnceAsync(api, "week-root:1", new PostMessageRequest(Channel, "Week of 17 November"), CancellationToken.None);
        var callsAfterFirst = s.Slack.Calls().Count;
        var again = await poster.PostOnceAsync(api, "week-root:1", new PostMessageRequest(Channel, "Week of 17 November"), CancellationToken.None);

        Assert.Equal(first.Message, again.Message);
        Assert.True(again.Earlier);
        Assert.Single(s.Slack.Messages(Channel));
        Assert.Equal(callsAfterFirst, s.Slack.Calls().Count);
        // auth.test is the host's start learning which workspace Slack__BotToken belongs to.
        Assert.Equal(["auth.test", "chat.postMessage"], s.Slack.Calls().Select(c => c.Method));
        Assert.Equal("week-root:1", s.Slack.Calls("chat.postMessage").Single().Args["metadata"]!["event_payload"]![SlackPoster.KeyField]!.ToString());
    }

    [Fact]
    public async Task A_post_slack_answered_after_the_client_timeout_is_found_by_the_next_attempt_and_not_posted_again()
    {
        await using var s = await StartAsync();
        var (api, poster) = Parts(s);
        var dm = new PostMessageRequest("U_ALICE", "📝 Time for your weekly update");
        var reply = new PostMessageRequest(Channel, "Alice's update");
        var root = await poster.PostOnceAsync(api, "week-root:1", new PostMessageRequest(Channel, "Week of 17 November"), CancellationToken.None);
        reply = reply with { ThreadTs = root.Ts };
        s.Slack.Faults.HoldAnswers("chat.postMessage");

        await Assert.ThrowsAnyAsync<Exception>(() => poster.PostOnceAsync(api, "update:7", reply, CancellationToken.None));
        await Assert.ThrowsAnyAsync<Exception>(() => poster.PostOnceAsync(api, "nudge:1:U_ALICE", dm, CancellationToken.None));
        Assert.Equal(2, await PostingMarksAsync());
        s.Slack.Faults.Clear();
        var foundReply = await poster.PostOnceAsync(api, "update:7", reply, CancellationToken.None);
        var foundDm = await poster.PostOnceAsync(api, "nudge:1:U_ALICE", dm, CancellationToken.None);

        Assert.Equal(3, s.Slack.Calls("chat.postMessage").Count);
        Assert.Equal(foundReply.Ts, Assert.Single(s.Slack.ThreadReplies(Channel, root.Ts)).Ts);
        Assert.Equal(foundDm.Ts, Assert.Single(s.Slack.Messages("U_ALICE")).Ts);
        Assert.Single(s.Slack.Calls("conversations.replies"));
        Assert.Single(s.Slack.Calls("conversations.history"), c => c.Arg("channel")!.StartsWith('D'));
        Assert.Equal(0, await PostingMarksAsync());
    }

    [Fact]
    public async Task A_definite_refusal_clears_the_mark_so_the_next_attempt_posts_without_looking()
    {
        await using var s = await StartAsync();
        var (api, poster) = Parts(s);
        s.Slack.SetBotMembership(Channel, isMember: false);

        var refused = await Assert.ThrowsAsync<SlackApiException>(() =>
            poster.PostOnceAsync(api, "week-root:1", new PostMessageRequest(Channel, "Week of 17 November"), CancellationToken.None));
        Assert.True(refused.IsChannelGone());
        Assert.Equal(0, await PostingMarksAsync());
        s.Slack.SetBotMembership(Channel, isMember: true);
        s.Slack.Faults.RateLimit("chat.postMessage", times: 1, retryAfterSeconds: 30);
        await Assert.ThrowsAsync<SlackRateLimitedException>(() =>
            poster.PostOnceAsync(api, "week-root:1", new PostMessageRequest(Channel, "Week of 17 November"), CancellationToken.None));
        Assert.Equal(0, await PostingMarksAsync());
        await poster.PostOnceAsync(api, "week-root:1", new PostMessageRequest(Channel, "Week of 17 November"), CancellationToken.None);

        Assert.Single(s.Slack.Messages(Channel));
        Assert.Empty(s.Slack.Calls("conversations.history"));
    }

    [Fact]
    public async Task A_lookup_pages_fifteen_at_a_time_past_newer_messages_to_find_its_post()
    {
        await using var s = await StartAsync();
        var (api, poster) = Parts(s);
        s.Slack.Faults.HoldAnswers("chat.postMessage");
        await Assert.ThrowsAnyAsync<Exception>(() =>
            poster.PostOnceAsync(api, "week-root:1", new PostMessageRequest(Channel, "Week of 17 November"), CancellationToken.None));
        s.Slack.Faults.Clear();
        foreach (var i in Enumerable.Range(1, 40))
        {
            s.Slack.AddMessage(Channel, "U_ALICE", $"chatter {i}");
        }

        var found = await poster.PostOnceAsync(api, "week-root:1", new PostMessageRequest(Channel, "Week of 17 November"), CancellationToken.None);

        Assert.Equal("Week of 17 November", s.Slack.Messages(Channel).Single(m => m.Ts == found.Ts).Text);
        Assert.Single(s.Slack.Calls("chat.postMessage"));
        var pages = s.Slack.Calls("conversations.history");
        Assert.Equal(3, pages.Count);
        Assert.All(pages, page => Assert.Equal("15", page.Arg("limit")));
        Assert.All(pages.Skip(1), page => Assert.NotNull(page.Arg("cursor")));
    }

    [Fact]
    public async Task A_rate_limited_lookup_surfaces_for_the_job_to_come_back_and_keeps_the_mark()
    {
        await using var s = await StartAsync();
        var (api, poster) = Parts(s);
        s.Slack.Faults.HoldAnswers("chat.postMessage");
        await Assert.ThrowsAnyAsync<Exception>(() =>
            poster.PostOnceAsync(api, "week-root:1", new PostMessageRequest(Channel, "Week of 17 November"), CancellationToken.None));
        s.Slack.Faults.Clear();
        s.Slack.Faults.RateLimit("conversations.history", times: 1, retryAfterSeconds: 60);

        var limited = await Assert.ThrowsAsync<SlackRateLimitedException>(() =>
            poster.PostOnceAsync(api, "week-root:1", new PostMessageRequest(Channel, "Week of 17 November"), CancellationToken.None));
        Assert.Equal(TimeSpan.FromSeconds(60), limited.RetryAfter);
        Assert.Equal(1, await PostingMarksAsync());
        await poster.PostOnceAsync(api, "week-root:1", new PostMessageRequest(Channel, "Week of 17 November"), CancellationToken.None);

        Assert.Single(s.Slack.Messages(Channel));
        Assert.Single(s.Slack.Calls("chat.postMessage"));
    }

    [Fact]
    public async Task An_ephemeral_whose_outcome_is_unknown_is_not_sent_again()
    {
        await using var s = await StartAsync();
        var (api, poster) = Parts(s);
        var note = new EphemeralMessageRequest(Channel, "U_ALICE", "Saved; it will be posted when Slack recovers.");
        s.Slack.Faults.HoldAnswers("chat.postEphemeral");

        await Assert.ThrowsAnyAsync<Exception>(() => poster.PostEphemeralOnceAsync(api, "queued:7", note, CancellationToken.None));
        s.Slack.Faults.Clear();
        Assert.False(await poster.PostEphemeralOnceAsync(api, "queued:7", note, CancellationToken.None));
        Assert.True(await poster.PostEphemeralOnceAsync(api, "queued:8", note, CancellationToken.None));

        Assert.Equal(2, s.Slack.Ephemerals(Channel, "U_ALICE").Count);
        Assert.Equal(2, s.Slack.Calls("chat.postEphemeral").Count);
    }

    [Fact]
    public async Task An_ephemeral_slack_answered_with_a_server_error_is_sent_again()
    {
        await using var s = await StartAsync();
        var (api, poster) = Parts(s);
        var note = new EphemeralMessageRequest(Channel, "U_ALICE", "You approved DEC-1.");
        s.Slack.Faults.ServerError("chat.postEphemeral", times: 1, statusCode: 503);

        await Assert.ThrowsAsync<HttpRequestException>(() => poster.PostEphemeralOnceAsync(api, "notice:9", note, CancellationToken.None));
        Assert.True(await poster.PostEphemeralOnceAsync(api, "notice:9", note, CancellationToken.None));

        Assert.Single(s.Slack.Ephemerals(Channel, "U_ALICE"));
    }

    [Fact]
    public async Task Finished_marks_are_pruned_after_thirty_days_with_the_next_post_and_unfinished_ones_are_kept()
    {
        await using var s = await StartAsync();
        var (api, poster) = Parts(s);
        var ledger = s.Host.Services.GetRequiredService<ISlackPostLedger>();
        await poster.PostOnceAsync(api, "week-root:1", new PostMessageRequest(Channel, "Week of 17 November"), CancellationToken.None);
        // A post whose outcome nobody learned: its mark stays, however old, for the next attempt to look for its message.
        await ledger.BeginAsync(SlackScenario.TeamId, "week-root:2", s.Clock.GetUtcNow(), CancellationToken.None);

        s.Clock.Advance(TimeSpan.FromDays(29));
        await poster.PostOnceAsync(api, "week-root:3", new PostMessageRequest(Channel, "Week of 15 December"), CancellationToken.None);
        Assert.Equal(["week-root:1", "week-root:2", "week-root:3"], await MarksAsync());

        s.Clock.Advance(TimeSpan.FromDays(2));
        await poster.PostOnceAsync(api, "week-root:4", new PostMessageRequest(Channel, "Week of 22 December"), CancellationToken.None);
        Assert.Equal(["week-root:2", "week-root:3", "week-root:4"], await MarksAsync());
    }

    private async Task<IReadOnlyList<string>> MarksAsync()
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        return [.. await connection.QueryAsync<string>("SELECT post_key FROM slack_posts ORDER BY post_key")];
    }

    private async Task<SlackScenario> StartAsync()
    {
        // One database serves the class's tests; each starts with no posts recorded.
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("DELETE FROM slack_posts");
        }

        var s = await SlackScenario.StartAsync(database, services: services =>
            services.Configure<SlackWebApiOptions>(options => options.AttemptTimeout = ClientTimeout));
        s.Slack.AddUser("U_ALICE", "alice", tz: "Europe/Berlin").AddChannel(Channel, "team-payments", members: ["U_ALICE"]);
        return s;
    }

    private static (ISlackApi Api, SlackPoster Poster) Parts(SlackScenario s) =>
        (s.Host.Services.GetRequiredService<ISlackClient>().ForWorkspace(SlackScenario.TeamId), s.Host.Services.GetRequiredService<SlackPoster>());

    private async Task<long> PostingMarksAsync()
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM slack_posts WHERE ts IS NULL");
    }
}
