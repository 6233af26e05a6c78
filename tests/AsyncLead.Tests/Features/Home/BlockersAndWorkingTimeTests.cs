using AsyncLead.Features.Members;
using AsyncLead.Tests.Infrastructure;
using Dapper;
using Npgsql;
using static AsyncLead.Tests.Features.WeeklyUpdates.WeeklyWorld;

namespace AsyncLead.Tests.Features.Home;

/// <summary>Resolving a blocker from Home, and editing one's working time there.</summary>
public sealed class BlockersAndWorkingTimeTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Alice_resolves_her_blocker_from_home_and_her_reply_her_tab_and_her_leads_tab_all_show_it()
    {
        await using var s = (await HomeWorld.StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        await s.RunUntilAsync(FirstPrompt);
        await s.Alice().RunsCommandAsync(Command, "Completed: payouts\nBlockers:\n- Waiting on API keys from the bank\n- Staging is down");
        await s.RunJobsAsync();
        var home = await s.OpensHomeAsync(s.Alice());
        Assert.Contains("Your blockers (2 open)", home.VisibleText, StringComparison.Ordinal);
        Assert.Contains("🚧 Waiting on API keys from the bank — in <#C_PAY>, opened today", home.VisibleText, StringComparison.Ordinal);
        Assert.Contains("Open blockers (2), oldest first", s.Home("U_LENA").VisibleText, StringComparison.Ordinal);

        var clicked = await s.Alice().ClicksAsync(home, "weekly_resolve_blocker");
        Assert.True(clicked.IsSuccess, clicked.ToString());
        await s.RunJobsAsync();

        var after = s.Home("U_ALICE").VisibleText;
        Assert.Contains("Your blockers (1 open)", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Waiting on API keys", after, StringComparison.Ordinal);
        Assert.Contains("Open blockers (1), oldest first", s.Home("U_LENA").VisibleText, StringComparison.Ordinal);
        var reply = Assert.Single(s.Slack.ThreadReplies(Channel, s.Root("Week of 17 Nov").Ts));
        Assert.True(reply.Edited);
        await using var connection = await s.Host.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        Assert.Equal("U_ALICE", await connection.ExecuteScalarAsync<string>(
            "SELECT resolved_by FROM blockers WHERE text = 'Waiting on API keys from the bank'"));
    }

    [Fact]
    public async Task Alice_changes_her_hours_and_focus_in_the_form_from_home_and_her_tab_shows_them()
    {
        await using var s = (await HomeWorld.StartAsync(database)).WithPaymentsTeam();
        var home = await s.OpensHomeAsync(s.Alice());
        Assert.Contains("`hours Mon-Fri 09:00-17:00`\n`focus none`", home.VisibleText, StringComparison.Ordinal);

        await s.Alice().ClicksAsync(home, "home_edit_schedule");
        var form = s.Slack.OpenModalFor("U_ALICE")!;
        Assert.Equal("home_schedule", form.CallbackId);
        Assert.Contains("Europe/Berlin", form.VisibleText, StringComparison.Ordinal);
        var saved = await s.Alice().SubmitsViewAsync(("Working hours", "Mon-Thu 08:00-16:00"), ("Focus blocks", "Tue, Wed 09:00-11:00"));
        Assert.True(saved.IsSuccess && saved.Json is null, saved.ToString());
        Assert.Null(s.Slack.OpenModalFor("U_ALICE"));
        await s.RunJobsAsync();

        Assert.Contains("`hours Mon-Thu 08:00-16:00`\n`focus Tue-Wed 09:00-11:00`", s.Home("U_ALICE").VisibleText, StringComparison.Ordinal);
        var schedule = (await s.Host.Services.GetRequiredService<MemberDirectory>().GetAsync("T_ACME", "U_ALICE", CancellationToken.None)).Schedule;
        Assert.Equal(4, schedule.WorkingHours.Count);
        Assert.Equal(2, schedule.FocusBlocks.Count);

        await s.Alice().ClicksAsync(s.Home("U_ALICE"), "home_edit_schedule");
        Assert.Contains("Mon-Thu 08:00-16:00", s.Slack.OpenModalFor("U_ALICE")!.Blocks.ToJsonString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("whenever", "Tue 09:00-12:00", "hours")]
    [InlineData("Mon-Fri 17:00-09:00", "", "hours")]
    [InlineData("Mon-Fri 09:00-17:00", "Mon-Fri 08:00-18:00", "focus")]
    [InlineData("Mon-Fri 09:00-17:00", "after lunch", "focus")]
    public async Task A_setting_that_does_not_work_is_refused_on_its_own_field_and_nothing_is_saved(string hours, string focus, string field)
    {
        await using var s = (await HomeWorld.StartAsync(database)).WithPaymentsTeam();
        var home = await s.OpensHomeAsync(s.Alice());
        await s.Alice().ClicksAsync(home, "home_edit_schedule");

        var refused = await s.Alice().SubmitsViewAsync(("Working hours", hours), ("Focus blocks", focus));

        Assert.Equal("errors", refused.Json?["response_action"]?.GetValue<string>());
        var errors = refused.Json!["errors"]!.AsObject();
        Assert.Equal([field], errors.Select(e => e.Key));
        Assert.False(string.IsNullOrWhiteSpace(errors[field]!.GetValue<string>()));
        Assert.NotNull(s.Slack.OpenModalFor("U_ALICE"));
        await s.RunJobsAsync();
        Assert.Equal(1, s.Publishes("U_ALICE"));
        var schedule = (await s.Host.Services.GetRequiredService<MemberDirectory>().GetAsync("T_ACME", "U_ALICE", CancellationToken.None)).Schedule;
        Assert.Equal(MemberSchedule.DefaultWorkingHours, schedule.WorkingHours);
        Assert.Empty(schedule.FocusBlocks);
    }
}
