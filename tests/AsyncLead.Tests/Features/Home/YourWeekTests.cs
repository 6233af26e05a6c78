using AsyncLead.Tests.Infrastructure;
using Dapper;
using Npgsql;
using static AsyncLead.Tests.Features.Home.HomeWorld;
using static AsyncLead.Tests.Features.WeeklyUpdates.WeeklyWorld;

namespace AsyncLead.Tests.Features.Home;

/// <summary>A member's Home tab: this week's update, their reminders, and the same form /weekly-update opens.</summary>
public sealed class YourWeekTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Alice_has_not_written_so_her_home_offers_the_form_and_says_when_her_next_reminder_comes_in_her_own_time()
    {
        await using var s = (await HomeWorld.StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        await s.RunUntilAsync(FirstPrompt);

        var home = await s.OpensHomeAsync(s.Alice());

        var text = home.VisibleText;
        Assert.Contains("*<#C_PAY>* · Week of 17 Nov", text, StringComparison.Ordinal);
        var reminder = await NextReminderAsync(s, "U_ALICE");
        Assert.Contains($"Not written yet · next reminder <!date^{reminder.ToUnixTimeSeconds()}^{{date_short_pretty}} at {{time}}|", text, StringComparison.Ordinal);
        Assert.Contains("Europe/Berlin>", text, StringComparison.Ordinal);
        Assert.Equal(["Write update"], home.ButtonTexts("weekly_write"));
        Assert.Equal(["1|2025-11-17"], home.ButtonValues("weekly_write"));

        var bobs = (await s.OpensHomeAsync(s.Bob())).VisibleText;
        var bobsReminder = await NextReminderAsync(s, "U_BOB");
        Assert.Contains($"next reminder <!date^{bobsReminder.ToUnixTimeSeconds()}^", bobs, StringComparison.Ordinal);
        Assert.Contains("America/New_York>", bobs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Alice_writes_from_her_home_and_without_opening_it_again_it_says_written_with_an_edit_button()
    {
        await using var s = (await HomeWorld.StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        await s.RunUntilAsync(FirstPrompt);
        var home = await s.OpensHomeAsync(s.Alice());

        var clicked = await s.Alice().ClicksAsync(home, "weekly_write");
        Assert.True(clicked.IsSuccess, clicked.ToString());
        Assert.Equal("weekly_update", s.Slack.OpenModalFor("U_ALICE")!.CallbackId);
        await s.Alice().SubmitsViewAsync(("Completed", "Shipped payouts"));
        await s.RunJobsAsync();

        var after = s.Home("U_ALICE");
        Assert.Contains("✅ Written", after.VisibleText, StringComparison.Ordinal);
        Assert.DoesNotContain("next reminder", after.VisibleText, StringComparison.Ordinal);
        Assert.Equal(["Edit update"], after.ButtonTexts("weekly_write"));
        Assert.Single(s.Slack.ThreadReplies(Channel, s.Root("Week of 17 Nov").Ts));

        await s.Alice().ClicksAsync(after, "weekly_write");
        Assert.Contains("Shipped payouts", s.Slack.OpenModalFor("U_ALICE")!.Blocks.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_weeks_prompt_goes_out_alices_tab_shows_her_reminder_without_her_opening_it_again()
    {
        await using var s = (await HomeWorld.StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        var before = (await s.OpensHomeAsync(s.Alice())).VisibleText;
        Assert.Contains("Not written yet · no reminders pending", before, StringComparison.Ordinal);

        await s.RunUntilAsync(FirstPrompt);

        var reminder = await NextReminderAsync(s, "U_ALICE");
        Assert.Contains($"Not written yet · next reminder <!date^{reminder.ToUnixTimeSeconds()}^", s.Home("U_ALICE").VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Opening_home_only_queues_the_publish_and_several_changes_before_it_runs_publish_once()
    {
        await using var s = (await HomeWorld.StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        await s.RunUntilAsync(FirstPrompt);

        var (alices, lenas) = (s.Publishes("U_ALICE"), s.Publishes("U_LENA"));

        var opened = await s.Alice().OpensAppHomeAsync();
        Assert.True(opened.IsSuccess, opened.ToString());
        Assert.Equal(alices, s.Publishes("U_ALICE"));

        await s.Alice().RunsCommandAsync(Command, "Completed: payouts\nBlockers: waiting on keys");
        await s.Alice().RunsCommandAsync(Command, "Completed: payouts and refunds\nBlockers: waiting on keys");
        await s.Alice().RunsCommandAsync(Command, "settings focus Tue 09:00-12:00");
        Assert.Equal(1, await s.PendingRefreshesAsync("U_ALICE"));
        // The lead's tab follows the posts, which have not run yet.
        Assert.Equal(0, await s.PendingRefreshesAsync("U_LENA"));

        await s.RunJobsAsync();

        Assert.Equal(alices + 1, s.Publishes("U_ALICE"));
        Assert.True(s.Publishes("U_LENA") > lenas, "the lead's tab is refreshed once the update is posted");
        Assert.Contains("1/3 wrote", s.Home("U_LENA").VisibleText, StringComparison.Ordinal);
        var text = s.Home("U_ALICE").VisibleText;
        Assert.Contains("✅ Written", text, StringComparison.Ordinal);
        Assert.Contains("`focus Tue 09:00-12:00`", text, StringComparison.Ordinal);
        Assert.Contains("Your blockers (1 open)", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_in_no_team_sees_what_AsyncLead_does_and_how_to_start()
    {
        await using var s = await HomeWorld.StartAsync(database);
        s.Slack.AddUser("U_ZOE", "zoe", tz: "Asia/Tokyo");

        var text = (await s.OpensHomeAsync(s.User("U_ZOE"))).VisibleText;

        Assert.Contains("Welcome to AsyncLead", text, StringComparison.Ordinal);
        Assert.Contains("`/weekly-update setup`", text, StringComparison.Ordinal);
        Assert.Contains("`/decision`", text, StringComparison.Ordinal);
        Assert.Contains("Asia/Tokyo", text, StringComparison.Ordinal);
        Assert.Contains("Waiting on you (0)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Your week", text, StringComparison.Ordinal);
    }

    private static async Task<DateTimeOffset> NextReminderAsync(SlackScenario s, string userId)
    {
        await using var connection = await s.Host.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        var at = await connection.ExecuteScalarAsync<DateTime>(
            "SELECT min(run_at) FROM jobs WHERE job_key LIKE 'weekly-nudge:%' AND job_key NOT LIKE '%:0' AND payload->>'userId' = @userId AND state = 'available'",
            new { userId });
        return new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc));
    }
}
