using AsyncLead.Features.Decisions;
using AsyncLead.Features.Home;
using AsyncLead.Features.Members;
using AsyncLead.Sandbox.Simulation;
using AsyncLead.Tests.Features.Decisions;
using AsyncLead.Tests.Features.Home;
using AsyncLead.Tests.Infrastructure;
using Dapper;
using Npgsql;
using static AsyncLead.Tests.Features.WeeklyUpdates.WeeklyWorld;

namespace AsyncLead.Tests.Platform;

/// <summary>
/// No ack waits on users.info: what a command or a submission needs of a person comes from what is stored (a stale
/// zone will do), and someone never seen is asked of Slack after the ack. FakeSlack holds users.info's answers, so an
/// ack that came back while one was held did not wait on it (and none overran its budget); what fails after the ack is
/// told to the person, with what they typed.
/// </summary>
public sealed class AckBeforeSlackTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_setting_from_someone_never_seen_is_acked_before_users_info_answers_and_answered_once_it_does()
    {
        await using var s = (await StartAsync(database)).WithPaymentsTeam();
        s.Slack.Faults.HoldAnswers("users.info");

        var ack = await Raw(s).SendCommandAsync("U_ALICE", Channel, Command, "settings hours Mon-Thu 08:00-16:00");
        await s.Slack.WaitForCallAsync("users.info", call => call.Arg("user") == "U_ALICE", Patience);

        Assert.True(ack.IsSuccess, ack.ToString());
        Assert.Null(ack.Json);
        Assert.Single(s.Slack.Faults.HeldAnswers);
        Assert.Empty(s.Slack.ResponseUrlPosts());
        s.Slack.Faults.ReleaseHeldAnswers();
        var answer = await s.Slack.WaitForResponseUrlPostAsync(p => p.UserId == "U_ALICE", Patience);
        Assert.Contains("hours Mon-Thu 08:00-16:00", answer.Body["text"]!.GetValue<string>(), StringComparison.Ordinal);
        await AssertNoAckOverranAsync(s);
    }

    [Fact]
    public async Task Known_people_are_answered_in_the_ack_from_what_is_stored_even_a_day_old()
    {
        await using var s = (await StartAsync(database)).WithPaymentsTeam();
        await s.AnswerToAsync(s.Alice(), Command, "settings");
        s.Clock.Advance(TimeSpan.FromDays(2));
        s.Slack.Faults.HoldAnswers("users.info");
        var asked = s.Slack.Calls("users.info").Count;

        var settings = await Raw(s).SendCommandAsync("U_ALICE", Channel, Command, "settings focus Tue-Thu 09:00-12:00");
        var digest = await Raw(s).SendCommandAsync("U_ALICE", Channel, Command, "digest friday 16:30");

        Assert.Contains("focus Tue-Thu 09:00-12:00", EphemeralTextFor(settings), StringComparison.Ordinal);
        Assert.StartsWith("✅ Your weekly digest now arrives", EphemeralTextFor(digest), StringComparison.Ordinal);
        Assert.Equal(asked, s.Slack.Calls("users.info").Count);
        s.Slack.Faults.ReleaseHeldAnswers();
        await AssertNoAckOverranAsync(s);
    }

    [Fact]
    public async Task When_slack_cannot_say_after_the_ack_the_person_is_told_nothing_changed_with_what_they_typed()
    {
        await using var s = (await StartAsync(database)).WithPaymentsTeam();
        s.Slack.Faults.ServerError("users.info", times: 20);

        var answer = await s.AnswerToAsync(s.Alice(), Command, "settings hours Mon-Thu 08:00-16:00");

        Assert.Equal("Slack didn't tell me your time zone just now, so nothing was changed. Please send it again in a moment: `hours Mon-Thu 08:00-16:00`",
            answer);
        await using var connection = await s.Host.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM members WHERE working_hours IS NOT NULL"));
    }

    [Fact]
    public async Task The_working_time_form_is_saved_without_asking_slack_and_without_a_stored_zone_it_keeps_the_modal_and_asks_after_the_ack()
    {
        await using var s = (await HomeWorld.StartAsync(database)).WithPaymentsTeam();
        await s.Alice().ClicksAsync(await s.OpensHomeAsync(s.Alice()), "home_edit_schedule");
        s.Clock.Advance(TimeSpan.FromDays(2));
        s.Slack.Faults.HoldAnswers("users.info");

        var saved = await Raw(s).User("U_ALICE", Channel).SubmitsViewAsync(("Working hours", "Mon-Thu 08:00-16:00"));

        Assert.True(saved.IsSuccess && saved.Json is null, saved.ToString());
        Assert.Empty(s.Slack.Faults.HeldAnswers);
        Assert.Equal(4, (await KnownAsync(s, "U_ALICE"))!.Schedule.WorkingHours.Count);
        s.Slack.Faults.ReleaseHeldAnswers();

        // The zone forgotten (as if never learned): nothing is saved, the modal stays, and the next Save works.
        await s.Alice().ClicksAsync(s.Home("U_ALICE"), "home_edit_schedule");
        await using (var connection = await s.Host.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync())
        {
            await connection.ExecuteAsync("DELETE FROM members WHERE user_id = 'U_ALICE'");
        }

        var refused = await s.Alice().SubmitsViewAsync(("Working hours", "Mon-Fri 07:00-15:00"));
        Assert.Equal(ScheduleModal.ZoneNotKnownYet, refused.Json?["errors"]?[ScheduleModal.HoursBlock]?.GetValue<string>());
        Assert.NotNull(s.Slack.OpenModalFor("U_ALICE"));
        var again = await s.Alice().SubmitsViewAsync(("Working hours", "Mon-Fri 07:00-15:00"));
        Assert.True(again.IsSuccess && again.Json is null, again.ToString());
        Assert.Equal(new TimeOnly(7, 0), (await KnownAsync(s, "U_ALICE"))!.Schedule.WorkingHours[0].Start);
        await AssertNoAckOverranAsync(s);
    }

    [Fact]
    public async Task A_decision_doc_is_saved_in_the_ack_from_the_authors_stored_zone_while_users_info_is_held()
    {
        await using var team = await DecisionTeam.StartAsync(database, new DateTimeOffset(2025, 11, 17, 8, 0, 0, TimeSpan.Zero));
        Assert.True((await team.AliceUser.RunsCommandAsync("/decision")).IsSuccess);
        team.Scenario.Clock.Advance(TimeSpan.FromHours(25));
        team.Slack.Faults.HoldAnswers("users.info");

        var submitted = await Raw(team.Scenario).User(DecisionTeam.Alice, DecisionTeam.Channel).SubmitsViewAsync(
            ("Title", "Move the job queue to Postgres"), ("Problem Statement", "Jobs are lost."), ("Reviewers", new[] { DecisionTeam.Bob }));

        Assert.True(submitted.IsSuccess && submitted.Json is null, submitted.ToString());
        Assert.Empty(team.Slack.Faults.HeldAnswers);
        await using var connection = await team.Scenario.Host.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        Assert.Equal("Europe/Berlin", await connection.ExecuteScalarAsync<string>("SELECT author_tz FROM decisions"));
        team.Slack.Faults.ReleaseHeldAnswers();

        // The zone forgotten: nothing is posted, the form keeps what was typed, and the next submit posts it.
        Assert.True((await team.AliceUser.RunsCommandAsync("/decision")).IsSuccess);
        await connection.ExecuteAsync("DELETE FROM members WHERE user_id = @Alice", new { DecisionTeam.Alice });
        var fields = new (string, object?)[] { ("Title", "Retire the cron box"), ("Problem Statement", "It is unpatched."), ("Reviewers", new[] { DecisionTeam.Bob }) };
        var refused = await team.AliceUser.SubmitsViewAsync(fields);
        Assert.Equal(DocSubmission.ZoneNotKnownYet, refused.Json?["errors"]?[DecisionModals.Title]?.GetValue<string>());
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM decisions"));
        var again = await team.AliceUser.SubmitsViewAsync(fields);
        Assert.True(again.IsSuccess && again.Json is null, again.ToString());
        Assert.Equal(2, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM decisions"));
        await AssertNoAckOverranAsync(team.Scenario);
    }

    private static SlackSimulator Raw(SlackScenario s) => new(s.Slack, s.Host.RawHttp, SlackScenario.SigningSecret, s.Clock);

    private static Task<MemberProfile?> KnownAsync(SlackScenario s, string userId) =>
        s.Host.Services.GetRequiredService<MemberDirectory>().KnownAsync(SlackScenario.TeamId, userId, CancellationToken.None);

    private static async Task AssertNoAckOverranAsync(SlackScenario s)
    {
        await s.Host.Services.GetRequiredService<Slack.Dispatch.InFlightHandlers>().WhenIdleAsync(CancellationToken.None);
        Assert.DoesNotContain(s.Host.Logs.Lines, line => line.Contains("overran", StringComparison.Ordinal));
    }
}
