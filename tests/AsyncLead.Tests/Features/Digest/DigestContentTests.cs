using AsyncLead.Sandbox.Slack;
using AsyncLead.Tests.Infrastructure;
using AsyncLead.Tests.Web;
using AsyncLead.Web;
using static AsyncLead.Tests.Features.Digest.DigestWorld;
using static AsyncLead.Tests.Features.WeeklyUpdates.WeeklyWorld;

namespace AsyncLead.Tests.Features.Digest;

/// <summary>Lena (the lead, Berlin) reads her Monday digest of #team-payments instead of a stand-up.</summary>
public sealed class DigestContentTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static readonly DateTimeOffset FridayAfterDeadline = new(2025, 11, 21, 8, 0, 0, TimeSpan.Zero);

    private static string Section(FakeMessage digest, string heading) =>
        Assert.Single(digest.SectionTexts(), text => text.StartsWith(heading, StringComparison.Ordinal));

    private static async Task<FakeMessage> AlicePostsDocAsync(SlackScenario s, string title, params (string Field, object? Value)[] more)
    {
        var alice = s.Alice();
        Assert.True((await alice.RunsCommandAsync("/decision")).IsSuccess);
        var submitted = await alice.SubmitsViewAsync([("Title", title), ("Problem Statement", "We need to choose."), ("Reviewers", new[] { "U_BOB" }), .. more]);
        Assert.True(submitted.IsSuccess && submitted.Json is null, submitted.ToString());
        await s.RunJobsAsync();
        return s.Slack.Messages(Channel).Last(m => m.VisibleText.Contains(title, StringComparison.Ordinal));
    }

    [Fact]
    public async Task On_monday_at_nine_lena_gets_who_wrote_was_away_or_is_missing_the_figures_new_blockers_and_the_decisions_each_linked()
    {
        await using var s = (await DigestWorld.StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        var queue = await AlicePostsDocAsync(s, "Pick a queue");
        await s.RunUntilAsync(FridayAfterDeadline);
        await s.Alice().ClicksAsync(s.Slack.Messages(Channel).Single(m => m.Ts == queue.Ts), "decision_decide");
        await s.Alice().SubmitsViewAsync(("Chosen option", "Postgres"), ("Rationale", "One less moving part."));
        var redis = await AlicePostsDocAsync(s, "Drop Redis",
            ("Response deadline", new DateTimeOffset(2025, 11, 26, 12, 0, 0, TimeSpan.Zero)),
            ("Decision date", new DateTimeOffset(2025, 11, 27, 12, 0, 0, TimeSpan.Zero)));
        await s.RunUntilAsync(FirstPrompt.AddHours(2));
        await s.Alice().RunsCommandAsync(Command, "Done: payouts\nBlockers:\n- waiting on API keys from the bank\n- flaky CI");
        await s.RunUntilAsync(BobsPrompt);
        await s.User("U_BOB").ClicksAsync(Assert.Single(s.Nudges("U_BOB")), "weekly_skip");

        await s.RunUntilAsync(FirstClose.AddMinutes(-1));
        Assert.Empty(s.Digests("U_LENA"));
        await s.RunUntilAsync(FirstClose);

        var digest = Assert.Single(s.Digests("U_LENA"));
        Assert.Equal([FirstClose], s.DigestTimes("U_LENA"));
        Assert.Contains("Weekly digest for <#C_PAY>: Week of 17 Nov", digest.VisibleText, StringComparison.Ordinal);
        var alicesReply = Assert.Single(s.Slack.ThreadReplies(Channel, s.Root("Week of 17 Nov").Ts), r => r.VisibleText.Contains("payouts", StringComparison.Ordinal));
        var participation = Section(digest, "*Participation:*");
        Assert.StartsWith("*Participation:* 1/3 wrote · median 2 h from prompt to update · 3 h 45 min of meetings saved\n", participation, StringComparison.Ordinal);
        Assert.Contains($"✅ Wrote (1): <https://t_acme.slack.com{PermalinkPath(Channel, alicesReply)}|alice>", participation, StringComparison.Ordinal);
        Assert.Contains("🌴 Away (1): bob", participation, StringComparison.Ordinal);
        Assert.Contains("⏳ Missing (1): lena", participation, StringComparison.Ordinal);

        var blockers = Section(digest, "*🚧 New blockers");
        Assert.StartsWith("*🚧 New blockers (2)*\n• <", blockers, StringComparison.Ordinal);
        Assert.Contains($"{PermalinkPath(Channel, alicesReply)}|waiting on API keys from the bank> — alice, open 2 days", blockers, StringComparison.Ordinal);
        Assert.Contains($"{PermalinkPath(Channel, alicesReply)}|flaky CI> — alice, open 2 days", blockers, StringComparison.Ordinal);
        Assert.Equal("*🧱 Blockers open over a week:* none", Section(digest, "*🧱"));

        var due = Section(digest, "*🗳️ Decisions due this week");
        Assert.Contains($"{PermalinkPath(Channel, redis.Ts)}|DEC-2: Drop Redis> — responses due <!date^{new DateTimeOffset(2025, 11, 26, 12, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds()}^", due, StringComparison.Ordinal);
        Assert.DoesNotContain("Pick a queue", due, StringComparison.Ordinal);
        var decided = Section(digest, "*📌 Decided last week");
        Assert.Contains($"{PermalinkPath(Channel, queue.Ts)}|DEC-1: Pick a queue> — decided: Postgres", decided, StringComparison.Ordinal);

        var page = Assert.Single(s.PageLinksIn(digest.VisibleText));
        Assert.Equal(LinkCheck.Valid, page.Check);
        Assert.Equal(new LinkTarget(PageLinks.TeamWeekKind, SlackScenario.TeamId, "C_PAY/2025-11-17", "U_LENA"), page.Target.Opens());
        Assert.NotNull(digest.Metadata);
    }

    [Fact]
    public async Task The_next_digest_tells_what_changed_since_the_last_one_late_updates_resolved_and_aged_blockers()
    {
        await using var s = (await DigestWorld.StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        await s.RunUntilAsync(FirstPrompt.AddHours(2));
        await s.Alice().RunsCommandAsync(Command, "Done: payouts\nBlockers:\n- waiting on API keys\n- flaky CI");
        await s.RunUntilAsync(FirstClose.AddHours(2));
        Assert.Single(s.Digests("U_LENA"));

        // Tuesday: Lena writes her update for the closed week, and resolves the API keys on the week's summary.
        await s.Lena().ClicksAsync(s.Nudges("U_LENA")[0], "weekly_write");
        await s.Lena().SubmitsViewAsync(("Completed", "Reviews"));
        var summary = s.Slack.ThreadReplies(Channel, s.Root("Week of 17 Nov").Ts).Single(r => r.Text.StartsWith("Week of 17 Nov:", StringComparison.Ordinal));
        await s.Lena().ClicksAsync(summary, "weekly_resolve_blocker");
        await s.RunUntilAsync(FirstPrompt.AddDays(7).AddHours(1));
        // He left the closed week empty, so he is asked which week this is for: this one.
        await s.Bob().ClicksInAnswerAsync(await s.Bob().RunsCommandAsync(Command, "Done: refunds\nBlocked: no staging DB"), "weekly_file_this_week");
        await s.RunUntilAsync(FirstClose.AddDays(7));

        Assert.Equal([FirstClose, FirstClose.AddDays(7)], s.DigestTimes("U_LENA"));
        var digest = s.Digests("U_LENA")[1];
        Assert.Contains("Week of 24 Nov", digest.Text, StringComparison.Ordinal);
        var lenasLateReply = Assert.Single(s.Slack.ThreadReplies(Channel, s.Root("Week of 17 Nov").Ts), r => r.VisibleText.Contains("Reviews", StringComparison.Ordinal));
        var late = Section(digest, "*🕓 Late updates since the last digest");
        Assert.Contains($"{PermalinkPath(Channel, lenasLateReply)}|lena> — for the Week of 17 Nov, written <!date^", late, StringComparison.Ordinal);
        var resolved = Section(digest, "*✅ Blockers resolved since the last digest");
        Assert.StartsWith("*✅ Blockers resolved since the last digest (1)*", resolved, StringComparison.Ordinal);
        Assert.Contains("|waiting on API keys> — alice, resolved by lena", resolved, StringComparison.Ordinal);
        var aged = Section(digest, "*🧱 Blockers open over a week");
        Assert.StartsWith("*🧱 Blockers open over a week (1)*", aged, StringComparison.Ordinal);
        Assert.Contains("|flaky CI> — alice, open 9 days", aged, StringComparison.Ordinal);
        var fresh = Section(digest, "*🚧 New blockers");
        Assert.StartsWith("*🚧 New blockers (1)*", fresh, StringComparison.Ordinal);
        Assert.Contains("|no staging DB> — bob, open 2 days", fresh, StringComparison.Ordinal);
        Assert.DoesNotContain("flaky", fresh, StringComparison.Ordinal);
        Assert.Equal("*📌 Decided last week:* none", Section(digest, "*📌"));
    }
}
