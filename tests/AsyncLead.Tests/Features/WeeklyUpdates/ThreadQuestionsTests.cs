using System.Text.Json.Nodes;
using AsyncLead.Sandbox.Slack;
using AsyncLead.Tests.Infrastructure;
using AsyncLead.Web;
using static AsyncLead.Tests.Features.WeeklyUpdates.WeeklyWorld;

namespace AsyncLead.Tests.Features.WeeklyUpdates;

/// <summary>Questions asked in the week's thread reach the writers they mention, in one DM, in their working time.</summary>
public sealed class ThreadQuestionsTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static DateTimeOffset Utc(int day, int hour, int minute = 0) => new(2025, 11, day, hour, minute, 0, TimeSpan.Zero);

    private static IReadOnlyList<FakeMessage> QuestionDms(SlackScenario s, string userId) =>
        [.. s.Slack.Messages(userId).Where(m => m.Text.StartsWith("💬", StringComparison.Ordinal))];

    private static DateTimeOffset SentAt(SlackScenario s, string userId, FakeMessage dm) =>
        s.Slack.Calls("chat.postMessage").Single(c => c.Ok && c.Arg("channel") == userId && c.Arg("text") == dm.Text).At;

    /// <summary>Alice and Bob have written; their replies are in the thread.</summary>
    private static async Task<(SlackScenario S, string RootTs)> WrittenAsync(TestDatabase database)
    {
        var s = (await StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        await s.RunUntilAsync(BobsPrompt);
        await s.Alice().RunsCommandAsync(Command, "Done: payouts\nBlocked: API keys from the bank");
        await s.Bob().RunsCommandAsync(Command, "Done: refunds");
        await s.RunJobsAsync();
        return (s, s.Root("Week of 17 Nov").Ts);
    }

    [Fact]
    public async Task Each_update_in_the_thread_mentions_its_author_so_a_question_can_be_addressed_to_them()
    {
        var (s, rootTs) = await WrittenAsync(database);
        await using var _ = s;

        var alices = Assert.Single(s.Slack.ThreadReplies(Channel, rootTs), r => r.VisibleText.Contains("payouts", StringComparison.Ordinal));

        Assert.Contains("<@U_ALICE>", alices.VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Questions_mentioning_a_writer_reach_them_in_one_dm_after_a_short_wait_and_a_writer_in_focus_time_gets_it_when_it_ends()
    {
        var (s, rootTs) = await WrittenAsync(database);
        await using var _ = s;
        // Alice (Berlin) is in a focus block until the end of her Friday: 15:00-17:00.
        Assert.Contains("Saved", await s.AnswerToAsync(s.Alice(), Command, "settings focus Fri 15:00-17:00"), StringComparison.Ordinal);

        await s.Lena().PostsAsync("<@U_ALICE> which bank is late with the keys?", rootTs);
        await s.AdvanceAsync(TimeSpan.FromMinutes(2));
        await s.Bob().PostsAsync("<@U_ALICE> <@U_BOB> can I help with the keys? Also <!channel> *look*", rootTs);
        await s.Lena().PostsAsync("<@U_BOB> are refunds in prod?", rootTs);
        // Not a question for anyone: Lena mentions nobody who wrote, and a message outside the thread is no reply.
        await s.Lena().PostsAsync("<@U_LENA> note to self", rootTs);
        await s.Lena().PostsAsync("<@U_ALICE> lunch?");

        await s.RunUntilAsync(Utc(21, 14, 30));
        // Bob (New York, 09:10 there) is told once the batch window has passed; Alice is in her focus block.
        var bobs = Assert.Single(QuestionDms(s, "U_BOB"));
        Assert.Equal(Utc(21, 14, 12), SentAt(s, "U_BOB", bobs));
        Assert.Contains("<@U_LENA>", bobs.VisibleText, StringComparison.Ordinal);
        Assert.Contains("are refunds in prod?", bobs.VisibleText, StringComparison.Ordinal);
        Assert.DoesNotContain("can I help", bobs.VisibleText, StringComparison.Ordinal);
        Assert.Empty(QuestionDms(s, "U_ALICE"));

        await s.RunUntilAsync(Utc(24, 12));
        // Monday 09:00 in Berlin: one DM with both questions, quoted as typed (shown, not run), each with its link.
        var alices = Assert.Single(QuestionDms(s, "U_ALICE"));
        Assert.Equal(Utc(24, 8), SentAt(s, "U_ALICE", alices));
        Assert.StartsWith("💬 2 questions", alices.Text, StringComparison.Ordinal);
        Assert.Contains("which bank is late with the keys?", alices.VisibleText, StringComparison.Ordinal);
        Assert.Contains("can I help with the keys?", alices.VisibleText, StringComparison.Ordinal);
        Assert.Contains("&lt;!channel&gt;", alices.VisibleText, StringComparison.Ordinal);
        Assert.DoesNotContain("<!channel>", alices.VisibleText, StringComparison.Ordinal);
        Assert.Contains("/archives/" + Channel + "/p", alices.VisibleText, StringComparison.Ordinal);
        Assert.Empty(s.Slack.Broadcasts());
    }

    [Fact]
    public async Task A_writers_own_reply_answers_their_questions_and_the_weeks_page_counts_questions_and_answers()
    {
        var (s, rootTs) = await WrittenAsync(database);
        await using var _ = s;
        await s.Lena().PostsAsync("<@U_ALICE> which bank?", rootTs);
        await s.Lena().PostsAsync("<@U_BOB> refunds in prod?", rootTs);
        // Alice answers within the batch window: there is nothing left to tell her.
        await s.AdvanceAsync(TimeSpan.FromMinutes(3));
        await s.Alice().PostsAsync("Northwind Bank, ticket open", rootTs);

        await s.RunUntilAsync(Utc(21, 15));

        Assert.Empty(QuestionDms(s, "U_ALICE"));
        Assert.Single(QuestionDms(s, "U_BOB"));
        var page = s.Host.Services.GetRequiredService<PageLinks>().TeamWeek(SlackScenario.TeamId, Channel, new DateOnly(2025, 11, 17), "U_LENA");
        using var response = await s.Host.Http.GetAsync(page!.PathAndQuery);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<dd id=\"questions\">2 asked, 1 answered</dd>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bot_posts_edits_and_replies_redelivered_by_slack_ask_nothing_twice()
    {
        var (s, rootTs) = await WrittenAsync(database);
        await using var _ = s;
        var question = s.Slack.AddMessage(Channel, "U_LENA", "<@U_ALICE> which bank?", rootTs);
        var callback = s.Simulator.EventCallback(Event(question));
        await s.Simulator.SendEventAsync(callback);
        await s.Simulator.SendEventAsync(callback, retryNum: 1);
        var edited = Event(question);
        edited["subtype"] = "message_changed";
        await s.Simulator.SendEventAsync(s.Simulator.EventCallback(edited));
        var fromBot = Event(s.Slack.AddMessage(Channel, "U_LENA", "<@U_ALICE> from a bot", rootTs));
        fromBot["bot_id"] = "B_OTHER";
        await s.Simulator.SendEventAsync(s.Simulator.EventCallback(fromBot));

        await s.RunUntilAsync(Utc(21, 15));

        var dm = Assert.Single(QuestionDms(s, "U_ALICE"));
        Assert.StartsWith("💬 Someone asked", dm.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("from a bot", dm.VisibleText, StringComparison.Ordinal);
    }

    private static JsonObject Event(FakeMessage message) => new()
    {
        ["type"] = "message",
        ["channel"] = message.Channel,
        ["channel_type"] = "channel",
        ["user"] = message.User,
        ["text"] = message.Text,
        ["ts"] = message.Ts,
        ["thread_ts"] = message.ThreadTs,
    };
}
