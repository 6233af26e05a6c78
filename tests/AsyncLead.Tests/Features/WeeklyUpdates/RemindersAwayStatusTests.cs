using AsyncLead.Tests.Infrastructure;
using static AsyncLead.Tests.Features.WeeklyUpdates.WeeklyWorld;

namespace AsyncLead.Tests.Features.WeeklyUpdates;

public sealed class RemindersAwayStatusTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static DateTimeOffset Utc(int day, int hour) => new(2025, 11, day, hour, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Reminders_reach_each_person_inside_their_working_hours_and_outside_their_focus_blocks_in_their_own_zone()
    {
        await using var s = (await StartAsync(database)).WithPaymentsTeam();
        var focus = await s.AnswerToAsync(s.Bob(), Command, "settings focus Mon-Tue 09:00-12:00");
        Assert.Contains("Saved", focus, StringComparison.Ordinal);
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());

        await s.RunUntilAsync(FirstPrompt.AddDays(7).AddMinutes(-1));

        // Alice, Berlin: prompted Fri 10:00; one working day later Mon 10:00, then the next morning Tue 09:00.
        Assert.Equal([Utc(24, 9), Utc(25, 8)], s.NudgeTimes("U_ALICE", "⏰"));
        // Bob, New York: prompted Fri 09:00 his time (the team's 10:00 in Berlin is 04:00 there, before work); one working
        // day later Mon 09:00 is focus (09:00-12:00), so Mon 12:00;
        // the next morning, Tue 09:00, is focus again, so Tue 12:00.
        Assert.Equal([BobsPrompt], s.NudgeTimes("U_BOB", "📝"));
        Assert.Equal([Utc(24, 17), Utc(25, 17)], s.NudgeTimes("U_BOB", "⏰"));
        Assert.All(s.Nudges("U_BOB").Where(m => m.Text.StartsWith('⏰')),
            m => Assert.Contains("Write update", m.VisibleText, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Once, one working day after the prompt", 1)]
    [InlineData("No reminders", 0)]
    public async Task The_lead_can_ask_for_fewer_reminders(string cadence, int reminders)
    {
        await using var s = (await StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena(), ("reminders", cadence));

        await s.RunUntilAsync(FirstPrompt.AddDays(7).AddMinutes(-1));

        Assert.Single(s.NudgeTimes("U_ALICE", "📝"));
        Assert.Equal(reminders, s.NudgeTimes("U_ALICE", "⏰").Count);
    }

    [Fact]
    public async Task Whoever_has_written_hears_nothing_more_and_a_reminder_moved_into_new_focus_time_waits_for_it_to_end()
    {
        await using var s = (await StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        await s.RunUntilAsync(FirstPrompt.AddHours(1));
        await s.Alice().RunsCommandAsync(Command, "Done: payouts");
        await s.Bob().RunsCommandAsync(Command, "settings focus Mon 04:00-13:00");

        await s.RunUntilAsync(FirstPrompt.AddDays(7).AddMinutes(-1));

        Assert.Empty(s.NudgeTimes("U_ALICE", "⏰"));
        // Planned for Mon 09:00 New York at prompt time; his new focus block holds it until 13:00.
        Assert.Equal(Utc(24, 18), s.NudgeTimes("U_BOB", "⏰")[0]);
    }

    [Fact]
    public async Task Someone_away_until_a_date_gets_no_prompt_and_no_reminders_and_is_shown_as_away_not_missing()
    {
        await using var s = (await StartAsync(database)).WithPaymentsTeam();
        var away = await s.AnswerToAsync(s.Bob(), Command, "away until 2025-11-30");
        Assert.Contains("Saved", away, StringComparison.Ordinal);
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());

        await s.RunUntilAsync(FirstPrompt.AddDays(2));
        var text = await s.StatusAsync(s.Lena());

        Assert.Empty(s.Nudges("U_BOB"));
        Assert.Contains("Away (1): <@U_BOB>", text, StringComparison.Ordinal);
        var missing = text[text.IndexOf("Missing (2):", StringComparison.Ordinal)..];
        Assert.Contains("<@U_LENA>", missing, StringComparison.Ordinal);
        Assert.Contains("<@U_ALICE>", missing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Skip_this_week_on_the_prompt_marks_her_away_stops_her_reminders_and_says_so()
    {
        await using var s = (await StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        await s.RunUntilAsync(FirstPrompt);

        var prompt = Assert.Single(s.Nudges("U_ALICE"));
        await s.User("U_ALICE").ClicksAsync(prompt, "weekly_skip");
        await s.RunUntilAsync(FirstPrompt.AddDays(7).AddMinutes(-1));

        var edited = s.Slack.Messages("U_ALICE").Single(m => m.Ts == prompt.Ts);
        Assert.Contains("marked away for the Week of 17 Nov", edited.VisibleText, StringComparison.Ordinal);
        Assert.DoesNotContain("Skip this week", edited.VisibleText, StringComparison.Ordinal);
        Assert.Empty(s.NudgeTimes("U_ALICE", "⏰"));
        Assert.NotEmpty(s.NudgeTimes("U_BOB", "⏰"));
    }

    [Fact]
    public async Task Status_shows_only_her_who_has_written_who_is_away_and_who_is_missing_this_week()
    {
        await using var s = (await StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        await s.RunUntilAsync(BobsPrompt);
        await s.Alice().RunsCommandAsync(Command, "Done: payouts");
        await s.User("U_BOB").ClicksAsync(Assert.Single(s.Nudges("U_BOB")), "weekly_skip");
        await s.RunJobsAsync();

        var text = await s.StatusAsync(s.Lena());

        Assert.Contains("Week of 17 Nov", text, StringComparison.Ordinal);
        Assert.Contains("Wrote (1): <@U_ALICE>", text, StringComparison.Ordinal);
        Assert.Contains("Away (1): <@U_BOB>", text, StringComparison.Ordinal);
        Assert.Contains("Missing (1): <@U_LENA>", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settings_show_what_is_set_and_the_accepted_forms_and_a_misunderstood_setting_is_explained()
    {
        await using var s = (await StartAsync(database)).WithPaymentsTeam();

        var shown = await s.AnswerToAsync(s.Bob(), Command, "settings")!;
        var saved = await s.AnswerToAsync(s.Bob(), Command, "settings hours Mon-Thu 08:00-16:00")!;
        var wrong = await s.Bob().RunsCommandAsync(Command, "settings focus whenever");

        Assert.Contains("America/New_York", shown, StringComparison.Ordinal);
        Assert.Contains("hours Mon-Fri 09:00-17:00", shown, StringComparison.Ordinal);
        Assert.Contains("focus Tue-Thu 09:00-12:00", shown, StringComparison.Ordinal);
        Assert.Contains("Saved", saved, StringComparison.Ordinal);
        Assert.Contains("hours Mon-Thu 08:00-16:00", saved, StringComparison.Ordinal);
        Assert.True(wrong.IsSuccess, wrong.ToString());
        Assert.Contains("focus Tue-Thu 09:00-12:00", EphemeralTextFor(wrong), StringComparison.Ordinal);
    }
}
