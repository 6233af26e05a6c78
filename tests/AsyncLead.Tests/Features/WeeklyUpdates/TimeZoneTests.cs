using AsyncLead.Tests.Infrastructure;
using static AsyncLead.Tests.Features.WeeklyUpdates.WeeklyWorld;

namespace AsyncLead.Tests.Features.WeeklyUpdates;

public sealed class TimeZoneTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2025, month, day, hour, minute, 0, TimeSpan.Zero);

    private static IReadOnlyList<DateTimeOffset> RootTimes(SlackScenario s, string channel) =>
        [.. s.Slack.Calls("chat.postMessage").Where(c => c.Ok && c.Arg("channel") == channel && c.Arg("text")!.StartsWith("📊", StringComparison.Ordinal)).Select(c => c.At)];

    [Fact]
    public async Task Across_the_end_of_summer_time_the_prompt_stays_at_ten_oclock_in_berlin()
    {
        await using var s = (await StartAsync(database, Utc(10, 20, 8))).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());

        await s.RunUntilAsync(Utc(11, 1, 0));

        // Fri 24 Oct 10:00 CEST (UTC+2), then Fri 31 Oct 10:00 CET (UTC+1) after the clocks went back on 26 Oct.
        Assert.Equal([Utc(10, 24, 8), Utc(10, 31, 9)], RootTimes(s, Channel));
        Assert.Equal([Utc(10, 24, 8), Utc(10, 31, 9)], s.NudgeTimes("U_ALICE", "📝"));
        // Alice's first reminder is one working day after the prompt at the same local time: Mon 27 Oct 10:00 CET.
        Assert.Equal(Utc(10, 27, 9), s.NudgeTimes("U_ALICE", "⏰")[0]);
    }

    [Fact]
    public async Task Across_the_date_line_an_auckland_team_prompts_on_its_friday_and_honolulu_is_reminded_on_her_own_working_day()
    {
        await using var s = await StartAsync(database, Utc(11, 16, 0));
        s.Slack.AddUser("U_KIRI", "kiri", tz: "Pacific/Auckland")
            .AddUser("U_NOA", "noa", tz: "Pacific/Honolulu")
            .AddChannel("C_NZ", "team-kiwi", members: ["U_KIRI", "U_NOA"]);
        await s.SetsUpWeeklyUpdatesAsync(s.User("U_KIRI", "C_NZ"));

        await s.RunUntilAsync(Utc(11, 25, 0));

        // Fri 21 Nov 10:00 in Auckland (UTC+13) is Thu 20 Nov 11:00 in Honolulu (UTC-10).
        Assert.Equal([Utc(11, 20, 21)], RootTimes(s, "C_NZ"));
        Assert.Equal([Utc(11, 20, 21)], s.NudgeTimes("U_NOA", "📝"));
        // Her reminders follow her calendar: Fri 21 Nov 11:00 Honolulu (Saturday in Auckland), then Mon 24 Nov 09:00 Honolulu.
        Assert.Equal([Utc(11, 21, 21), Utc(11, 24, 19)], s.NudgeTimes("U_NOA", "⏰"));
    }

    [Fact]
    public async Task Across_the_date_line_the_teams_zone_decides_which_week_an_update_belongs_to()
    {
        await using var s = await StartAsync(database, Utc(11, 16, 0));
        s.Slack.AddUser("U_KIRI", "kiri", tz: "Pacific/Auckland")
            .AddUser("U_NOA", "noa", tz: "Pacific/Honolulu")
            .AddUser("U_IKA", "ika", tz: "Pacific/Honolulu")
            .AddChannel("C_NZ", "team-kiwi", members: ["U_KIRI", "U_NOA", "U_IKA"]);
        await s.SetsUpWeeklyUpdatesAsync(s.User("U_KIRI", "C_NZ"));
        await s.RunUntilAsync(Utc(11, 23, 19));

        // Sunday 23 Nov 09:00 in Honolulu is Monday 08:00 in Auckland: before the close, so last week's update.
        await s.User("U_NOA", "C_NZ").RunsCommandAsync(Command, "Done: onboarding flow");
        await s.RunUntilAsync(Utc(11, 24, 6));
        // Sunday 23 Nov 20:00 in Honolulu is Monday 19:00 in Auckland: the week closed, so it opens the new week.
        // Ika left the closed week empty, so she is asked which week this is for: this one.
        var ika = s.User("U_IKA", "C_NZ");
        await ika.ClicksInAnswerAsync(await ika.RunsCommandAsync(Command, "Done: billing export"), "weekly_file_this_week");
        await s.RunJobsAsync();

        var lastWeek = s.Root("Week of 17 Nov", "C_NZ");
        var thisWeek = s.Root("Week of 24 Nov", "C_NZ");
        Assert.Contains(s.Slack.ThreadReplies("C_NZ", lastWeek.Ts), r => r.VisibleText.Contains("onboarding flow", StringComparison.Ordinal));
        var newWeekReply = Assert.Single(s.Slack.ThreadReplies("C_NZ", thisWeek.Ts));
        Assert.Contains("billing export", newWeekReply.VisibleText, StringComparison.Ordinal);
        Assert.DoesNotContain("(late)", newWeekReply.VisibleText, StringComparison.Ordinal);
    }
}
