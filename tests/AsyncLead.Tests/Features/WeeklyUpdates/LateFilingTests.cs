using AsyncLead.Sandbox.Slack;
using AsyncLead.Tests.Infrastructure;
using static AsyncLead.Tests.Features.WeeklyUpdates.WeeklyWorld;

namespace AsyncLead.Tests.Features.WeeklyUpdates;

/// <summary>Someone who forgot last week's update is offered, on their next /weekly-update, to file it late for that week.</summary>
public sealed class LateFilingTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private const string Late = "weekly_file_late";
    private const string ThisWeek = "weekly_file_this_week";

    /// <summary>Monday 24 Nov 2025, 10:00 in Berlin: an hour after the week of 17 Nov closed.</summary>
    private static readonly DateTimeOffset AfterClose = FirstClose.AddHours(1);

    private static FakeMessage Summary(SlackScenario s, string week) =>
        Assert.Single(s.Slack.ThreadReplies(Channel, s.Root(week).Ts), r => r.Text.StartsWith(week + ":", StringComparison.Ordinal));

    private static int SummaryPosts(SlackScenario s) =>
        s.Slack.Calls("chat.postMessage").Count(c => c.Ok && c.Arg("text") is { } text && text.StartsWith("Week of", StringComparison.Ordinal));

    [Fact]
    public async Task After_the_close_the_form_offers_last_week_and_filing_it_posts_it_late_and_edits_the_summary_from_missing_to_late()
    {
        await using var s = (await StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        await s.RunUntilAsync(AfterClose);
        Assert.Contains("*Missing (3):*", Summary(s, "Week of 17 Nov").VisibleText, StringComparison.Ordinal);

        var answer = await s.Alice().RunsCommandAsync(Command);

        Assert.StartsWith("You didn't write an update for the *Week of 17 Nov* in <#C_PAY>", EphemeralTextFor(answer), StringComparison.Ordinal);
        Assert.Contains("File it for last week (marked late)", answer.Body, StringComparison.Ordinal);
        Assert.Contains("This week (Week of 24 Nov)", answer.Body, StringComparison.Ordinal);
        Assert.Null(s.Slack.OpenModalFor("U_ALICE"));

        Assert.True((await s.Alice().ClicksInAnswerAsync(answer, Late)).IsSuccess);
        Assert.Contains("Week of 17 Nov in ", s.Slack.OpenModalFor("U_ALICE")!.Blocks.ToJsonString(), StringComparison.Ordinal);
        await s.Alice().SubmitsViewAsync(("Completed", "Payouts, finally"), ("Blockers", "bank keys"));
        await s.RunJobsAsync();

        var late = Assert.Single(s.Slack.ThreadReplies(Channel, s.Root("Week of 17 Nov").Ts), r => r.VisibleText.Contains("Payouts, finally", StringComparison.Ordinal));
        Assert.Contains("(late)", late.VisibleText, StringComparison.Ordinal);
        var summary = Summary(s, "Week of 17 Nov");
        Assert.True(summary.Edited);
        Assert.Contains("*Wrote (0):* —\n*Late (1):* alice\n*Away (0):* —\n*Missing (2):*", summary.VisibleText, StringComparison.Ordinal);
        Assert.Contains("🚧 bank keys — alice", summary.VisibleText, StringComparison.Ordinal);
        Assert.StartsWith("Week of 17 Nov: 0 wrote, 1 late, 0 away, 2 missing", summary.Text, StringComparison.Ordinal);
        Assert.Equal(1, SummaryPosts(s));
        Assert.DoesNotContain(s.Roots(), r => r.Text.Contains("Week of 24 Nov", StringComparison.Ordinal));

        // Written now, nothing more to offer: the next command opens this week's form at once.
        await s.Alice().RunsCommandAsync(Command);
        Assert.Contains("Week of 24 Nov in ", s.Slack.OpenModalFor("U_ALICE")!.Blocks.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_inline_update_waits_for_the_choice_and_is_filed_once_for_last_week_marked_late()
    {
        await using var s = (await StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        await s.RunUntilAsync(AfterClose);

        var answer = await s.Alice().RunsCommandAsync(Command, "Done: payouts <!channel>\nNext: refunds");
        await s.RunJobsAsync();

        Assert.Contains("Which week is this update for?", EphemeralTextFor(answer), StringComparison.Ordinal);
        Assert.Single(s.Slack.ThreadReplies(Channel, s.Root("Week of 17 Nov").Ts));

        await s.Alice().ClicksInAnswerAsync(answer, Late);
        await s.RunJobsAsync();
        await s.Alice().ClicksInAnswerAsync(answer, Late);
        await s.RunJobsAsync();

        var replies = s.Slack.ThreadReplies(Channel, s.Root("Week of 17 Nov").Ts);
        var reply = Assert.Single(replies, r => r.VisibleText.Contains("payouts", StringComparison.Ordinal));
        Assert.Contains("(late)", reply.VisibleText, StringComparison.Ordinal);
        Assert.DoesNotContain("<!channel>", reply.VisibleText, StringComparison.Ordinal);
        Assert.Equal(2, replies.Count);
        Assert.Contains("*Late (1):* alice", Summary(s, "Week of 17 Nov").VisibleText, StringComparison.Ordinal);
        Assert.Equal(1, SummaryPosts(s));
        // Each answer replaces the offer it was clicked on, so its buttons go.
        var answers = s.Slack.ResponseUrlPosts().Where(p => p.UserId == "U_ALICE").ToList();
        Assert.All(answers, answer => Assert.True(answer.Body["replace_original"]?.GetValue<bool>()));
        Assert.Equal(
            ["✅ Saved: I'm posting it as your reply in the Week of 17 Nov thread in <#C_PAY> (marked late, as that week has closed).",
             "Already posted: this is in your update."],
            answers.Select(a => a.Text));
    }

    [Fact]
    public async Task Choosing_this_week_files_it_for_this_week_and_leaves_last_weeks_summary_alone()
    {
        await using var s = (await StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        await s.RunUntilAsync(AfterClose);

        // No label: choosing its week says it is an update, so it goes under Completed.
        var answer = await s.Alice().RunsCommandAsync(Command, "shipped refunds");
        await s.Alice().ClicksInAnswerAsync(answer, ThisWeek);
        await s.RunJobsAsync();

        var reply = Assert.Single(s.Slack.ThreadReplies(Channel, s.Root("Week of 24 Nov").Ts));
        Assert.Contains("*Completed*\nshipped refunds", reply.VisibleText, StringComparison.Ordinal);
        Assert.DoesNotContain("(late)", reply.VisibleText, StringComparison.Ordinal);
        Assert.False(Summary(s, "Week of 17 Nov").Edited);
        Assert.Contains("*Missing (3):*", Summary(s, "Week of 17 Nov").VisibleText, StringComparison.Ordinal);

        // The form's "This week" opens this week's form.
        var form = await s.Alice().RunsCommandAsync(Command);
        Assert.Null(EphemeralTextFor(form));
        Assert.Contains("Week of 24 Nov in ", s.Slack.OpenModalFor("U_ALICE")!.Blocks.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nobody_who_wrote_or_skipped_last_week_is_asked_and_only_the_most_recent_closed_week_is_offered()
    {
        await using var s = (await StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        await s.RunUntilAsync(BobsPrompt);
        await s.Lena().RunsCommandAsync(Command, "Done: planning");
        await s.User("U_BOB").ClicksAsync(Assert.Single(s.Nudges("U_BOB")), "weekly_skip");
        await s.RunUntilAsync(AfterClose);

        Assert.Contains("Saved", EphemeralTextFor(await s.Lena().RunsCommandAsync(Command, "Done: hiring")), StringComparison.Ordinal);
        Assert.Contains("Saved", EphemeralTextFor(await s.Bob().RunsCommandAsync(Command, "Done: docs")), StringComparison.Ordinal);

        // A week later the week of 17 Nov is no longer offered: the week of 24 Nov, which Alice left empty too, is.
        await s.RunUntilAsync(AfterClose.AddDays(7));
        var answer = await s.Alice().RunsCommandAsync(Command, "Done: payouts");
        Assert.StartsWith("You didn't write an update for the *Week of 24 Nov*", EphemeralTextFor(answer), StringComparison.Ordinal);
        Assert.Contains("This week (Week of 1 Dec)", answer.Body, StringComparison.Ordinal);
    }
}
