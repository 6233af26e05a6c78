using AsyncLead.Tests.Infrastructure;
using static AsyncLead.Tests.Features.WeeklyUpdates.WeeklyWorld;

namespace AsyncLead.Tests.Features.WeeklyUpdates;

/// <summary>The weekly prompt DM, like its reminders, reaches each person in their own working time.</summary>
public sealed class PromptTimingTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2025, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_prompt_waits_for_each_persons_working_hours_and_the_end_of_their_focus_block_in_their_own_zone()
    {
        await using var s = (await StartAsync(database)).WithPaymentsTeam();
        Assert.Contains("Saved", await s.AnswerToAsync(s.Alice(), Command, "settings focus Fri 09:00-11:30"), StringComparison.Ordinal);
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());

        await s.RunUntilAsync(FirstPrompt.AddDays(1));

        // Lena, Berlin: Friday 10:00 is working time, so at the team's prompt time.
        Assert.Equal([FirstPrompt], s.NudgeTimes("U_LENA", "📝"));
        // Alice, Berlin: 10:00 is in her focus block, so 11:30.
        Assert.Equal([Utc(11, 21, 10, 30)], s.NudgeTimes("U_ALICE", "📝"));
        // Bob, New York: 10:00 in Berlin is 04:00 there, so his 09:00.
        Assert.Equal([BobsPrompt], s.NudgeTimes("U_BOB", "📝"));
        // The thread root is the team's, at the team's time.
        Assert.Single(s.Roots());
    }

    [Fact]
    public async Task A_prompt_set_for_thursday_evening_reaches_berlin_on_friday_morning_and_reminders_count_from_when_it_arrived()
    {
        await using var s = (await StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena(), ("prompt_day", "Thursday"), ("prompt_time", "18:00"),
            ("reminders", "Once, one working day after the prompt"));

        await s.RunUntilAsync(Utc(11, 27, 0));

        // Thursday 18:00 in Berlin is after Alice's day; Friday 09:00 is her next working minute.
        Assert.Equal([Utc(11, 21, 8)], s.NudgeTimes("U_ALICE", "📝"));
        // Thursday 12:00 in New York: Bob is at work.
        Assert.Equal([Utc(11, 20, 17)], s.NudgeTimes("U_BOB", "📝"));
        // One working day after the prompt as it reached each of them.
        Assert.Equal([Utc(11, 24, 8)], s.NudgeTimes("U_ALICE", "⏰"));
        Assert.Equal([Utc(11, 21, 17)], s.NudgeTimes("U_BOB", "⏰"));
    }

    [Fact]
    public async Task Across_the_week_new_york_leaves_summer_time_before_berlin_does_not_the_prompt_follows_each_zones_own_clock()
    {
        // Berlin left summer time on 26 Oct 2025, New York on 2 Nov: the week of 27 Oct they are five hours apart, then six.
        await using var s = (await StartAsync(database, Utc(10, 27, 8))).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());

        await s.RunUntilAsync(Utc(11, 8, 0));

        // Both Fridays 10:00 in Berlin (CET) for Lena.
        Assert.Equal([Utc(10, 31, 9), Utc(11, 7, 9)], s.NudgeTimes("U_LENA", "📝"));
        // 09:00 in New York: EDT (UTC-4) on 31 Oct, EST (UTC-5) on 7 Nov.
        Assert.Equal([Utc(10, 31, 13), Utc(11, 7, 14)], s.NudgeTimes("U_BOB", "📝"));
    }

    [Fact]
    public async Task Someone_who_sets_a_focus_block_after_the_prompt_was_planned_gets_it_when_the_block_ends()
    {
        await using var s = (await StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        await s.RunUntilAsync(FirstPrompt);
        // Bob's prompt is planned for his 09:00; he blocks his Friday morning before it arrives.
        Assert.Contains("Saved", await s.AnswerToAsync(s.Bob(), Command, "settings focus Fri 08:00-10:15"), StringComparison.Ordinal);

        await s.RunUntilAsync(FirstPrompt.AddDays(1));

        Assert.Equal([Utc(11, 21, 15, 15)], s.NudgeTimes("U_BOB", "📝"));
    }
}
