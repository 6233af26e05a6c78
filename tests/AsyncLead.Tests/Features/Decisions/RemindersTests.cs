using AsyncLead.Features.Members;
using AsyncLead.Tests.Infrastructure;
using Dapper;
using static AsyncLead.Tests.Features.Decisions.DecisionTeam;

namespace AsyncLead.Tests.Features.Decisions;

/// <summary>Reviewers who haven't answered are reminded by DM in their own working hours, never after the deadline.</summary>
public sealed class RemindersTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static readonly DateTimeOffset Monday = new(2025, 11, 17, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Reviewers_in_new_york_and_kolkata_are_reminded_in_their_own_hours_and_focus_time_is_respected()
    {
        await using var team = await DecisionTeam.StartAsync(database, Monday);
        await CarolFocusesOnWednesdayAfternoonsAsync(team);
        await team.AlicePostsDocAsync();

        // Deadline Thu 20 Nov 16:00 UTC. Bob (New York) is reminded at 11:00 and 09:00 his time, exactly 24 h and 2 h before.
        // Carol (Kolkata): 24 h before is 21:30 her time, so the latest working minute before it, outside her
        // Wednesday 15:00-17:00 focus block, is 14:59 IST; 2 h before is 19:30 IST, so Thursday 16:59 IST.
        Assert.Equal(
        [
            (Bob, At(11, 19, 16, 0)),
            (Bob, At(11, 20, 14, 0)),
            (Carol, At(11, 19, 9, 29)),
            (Carol, At(11, 20, 11, 29)),
        ], await PendingRemindersAsync());
    }

    [Fact]
    public async Task A_reminder_goes_out_only_to_reviewers_who_still_have_not_answered_when_it_is_due()
    {
        await using var team = await DecisionTeam.StartAsync(database, Monday);
        await team.AlicePostsDocAsync();
        await team.ClicksAndJobsRunAsync(team.BobUser, "decision_approve");

        await team.Scenario.AdvanceAsync(At(11, 19, 16, 0) - Monday);

        Assert.Empty(team.Slack.Messages(Bob));
        var reminder = Assert.Single(team.Slack.Messages(Carol));
        Assert.Contains("Your review of DEC-1 *Move the job queue to Postgres* in <#C_ARCH> is due <!date^", reminder.Text);
        Assert.EndsWith($"<https://slack.com/archives/C_ARCH/p{team.Doc().Ts.Replace(".", "", StringComparison.Ordinal)}|Open the doc>", reminder.Text);

        await team.Scenario.AdvanceAsync(At(11, 20, 12, 0) - At(11, 19, 16, 0));
        Assert.Equal(2, team.Slack.Messages(Carol).Count);
        await team.Scenario.AdvanceAsync(TimeSpan.FromDays(3));
        Assert.Equal(2, team.Slack.Messages(Carol).Count);
        Assert.Empty(team.Slack.Messages(Bob));
    }

    [Fact]
    public async Task A_doc_due_in_three_hours_gets_only_the_two_hour_reminder()
    {
        await using var team = await DecisionTeam.StartAsync(database, Monday);
        var deadline = Monday.AddHours(3);

        await team.AlicePostsDocAsync("Hotfix policy", ("Response deadline", deadline), ("Decision date", deadline.AddHours(1)));

        // Bob's 2 h target is 06:00 in New York, before his day starts: it can't move later than the target,
        // and there is no working minute between now and then, so it goes out at the target itself.
        Assert.Equal([(Bob, Monday.AddHours(1)), (Carol, Monday.AddHours(1))], await PendingRemindersAsync());
    }

    [Fact]
    public async Task Across_the_end_of_summer_time_the_deadline_and_reminders_keep_their_local_times()
    {
        // Friday 24 Oct 2025; Berlin leaves summer time on Sunday 26 Oct (UTC+2 -> UTC+1).
        var friday = new DateTimeOffset(2025, 10, 24, 8, 0, 0, TimeSpan.Zero);
        await using var team = await DecisionTeam.StartAsync(database, friday);
        team.Slack.AddUser("U_ERIK", "erik", tz: "Europe/Berlin");

        await team.AliceUser.RunsCommandAsync("/decision");
        var modal = team.Slack.OpenModalFor(Alice)!;
        // End of day Thursday 30 Oct is 17:00 CET = 16:00 UTC (it would be 15:00 UTC in summer time).
        var thursdayFivePm = new DateTimeOffset(2025, 10, 30, 16, 0, 0, TimeSpan.Zero);
        Assert.Equal(thursdayFivePm.ToUnixTimeSeconds(), CreatingDocsTests.Initial(modal, "deadline", "initial_date_time"));
        await team.AliceUser.SubmitsViewAsync(("Title", "Winter rota"), ("Problem Statement", "Who is on call?"), ("Reviewers", new[] { "U_ERIK", Bob }));
        await team.Scenario.RunJobsAsync();

        Assert.Contains("0/2 responded · due Thu 17:00", team.Doc().VisibleText);
        // Erik's 24 h target is 17:00 CET, the end of his day, so 16:59 CET; Bob is still on summer time (EDT) until 2 Nov.
        Assert.Equal(
        [
            (Bob, At(10, 29, 16, 0)),
            (Bob, At(10, 30, 14, 0)),
            ("U_ERIK", At(10, 29, 15, 59)),
            ("U_ERIK", At(10, 30, 14, 0)),
        ], await PendingRemindersAsync());
    }

    private static DateTimeOffset At(int month, int day, int hour, int minute) => new(2025, month, day, hour, minute, 0, TimeSpan.Zero);

    private static async Task CarolFocusesOnWednesdayAfternoonsAsync(DecisionTeam team)
    {
        Assert.True(MemberSchedule.TryCreate("Asia/Kolkata", MemberSchedule.DefaultWorkingHours,
            [new WeeklyWindow(DayOfWeek.Wednesday, new TimeOnly(15, 0), new TimeOnly(17, 0))], [], out var focused, out _));
        await team.Scenario.Host.Services.GetRequiredService<MemberDirectory>()
            .SaveScheduleAsync(SlackScenario.TeamId, Carol, focused, CancellationToken.None);
    }

    private async Task<(string Reviewer, DateTimeOffset At)[]> PendingRemindersAsync()
    {
        await using var connection = database.DataSource.CreateConnection();
        var rows = await connection.QueryAsync<(string Payload, DateTime RunAt)>(
            "SELECT payload::text, run_at FROM jobs WHERE kind = 'decisions.remind' AND state = 'available'");
        return [.. rows
            .Select(r => (System.Text.Json.JsonDocument.Parse(r.Payload).RootElement.GetProperty("reviewerId").GetString()!,
                new DateTimeOffset(DateTime.SpecifyKind(r.RunAt, DateTimeKind.Utc))))
            .OrderBy(r => r.Item1, StringComparer.Ordinal).ThenBy(r => r.Item2)];
    }
}
