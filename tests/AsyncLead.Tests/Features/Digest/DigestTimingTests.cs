using System.Text.Json.Nodes;
using AsyncLead.Tests.Infrastructure;
using Dapper;
using static AsyncLead.Tests.Features.Digest.DigestWorld;
using static AsyncLead.Tests.Features.WeeklyUpdates.WeeklyWorld;

namespace AsyncLead.Tests.Features.Digest;

public sealed class DigestTimingTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2025, month, day, hour, minute, 0, TimeSpan.Zero);

    private static SlackScenario WithFarAwayLeads(SlackScenario s)
    {
        s.Slack.AddUser("U_ASHA", "asha", tz: "Asia/Kolkata").AddUser("U_LUIS", "luis", tz: "America/Los_Angeles");
        return s;
    }

    [Fact]
    public async Task Kolkata_and_los_angeles_each_get_it_on_monday_at_nine_their_time_also_when_los_angeles_leaves_summer_time()
    {
        await using var s = WithFarAwayLeads((await DigestWorld.StartAsync(database, Utc(10, 20, 8))).WithPaymentsTeam());
        await s.SetsUpWeeklyUpdatesAsync(s.Lena(), ("Digest recipients", new[] { "U_ASHA", "U_LUIS" }));

        await s.RunUntilAsync(Utc(11, 4, 0));

        // Mon 20 Oct 09:00 in LA came before the team's first prompt: that week has nothing to report.
        Assert.Equal([Utc(10, 27, 3, 30), Utc(11, 3, 3, 30)], s.DigestTimes("U_ASHA"));
        // PDT (UTC-7) on 27 Oct, PST (UTC-8) on 3 Nov after the clocks went back on 2 Nov.
        Assert.Equal([Utc(10, 27, 16), Utc(11, 3, 17)], s.DigestTimes("U_LUIS"));
        Assert.Contains("Week of 20 Oct", s.Digests("U_LUIS")[0].Text, StringComparison.Ordinal);
        Assert.Contains("Week of 27 Oct", s.Digests("U_LUIS")[1].Text, StringComparison.Ordinal);
        Assert.Empty(s.Digests("U_LENA"));
    }

    [Fact]
    public async Task A_chosen_time_is_honoured_in_the_recipients_zone_and_reports_the_week_being_written()
    {
        await using var s = WithFarAwayLeads((await DigestWorld.StartAsync(database)).WithPaymentsTeam());
        await s.SetsUpWeeklyUpdatesAsync(s.Lena(), ("Digest recipients", new[] { "U_LENA", "U_LUIS" }));

        var ack = await s.User("U_LUIS", Channel).RunsCommandAsync(Command, "digest friday 16:30");
        await s.RunUntilAsync(Utc(11, 30, 0));

        Assert.StartsWith("✅ Your weekly digest now arrives Fridays at 16:30 your time (America/Los_Angeles)", EphemeralTextFor(ack), StringComparison.Ordinal);
        // Fri 16:30 in LA (UTC-8) is Sat 00:30 UTC.
        Assert.Equal([Utc(11, 22, 0, 30), Utc(11, 29, 0, 30)], s.DigestTimes("U_LUIS"));
        Assert.Contains("Week of 17 Nov", s.Digests("U_LUIS")[0].Text, StringComparison.Ordinal);
        Assert.Contains("Week of 24 Nov", s.Digests("U_LUIS")[1].Text, StringComparison.Ordinal);
        // Lena kept the default.
        Assert.Equal([FirstClose], s.DigestTimes("U_LENA"));
    }

    [Fact]
    public async Task Someone_taken_off_the_recipients_gets_no_more_digests_and_someone_added_gets_the_next_one()
    {
        await using var s = WithFarAwayLeads((await DigestWorld.StartAsync(database)).WithPaymentsTeam());
        await s.SetsUpWeeklyUpdatesAsync(s.Lena(), ("Digest recipients", new[] { "U_LENA" }));
        await s.RunUntilAsync(FirstClose);

        await s.SetsUpWeeklyUpdatesAsync(s.Lena(), ("Digest recipients", new[] { "U_ASHA" }));
        await s.RunUntilAsync(FirstClose.AddDays(7));

        Assert.Equal([FirstClose], s.DigestTimes("U_LENA"));
        Assert.Equal([Utc(12, 1, 3, 30)], s.DigestTimes("U_ASHA"));
    }

    [Fact]
    public async Task A_team_set_up_before_digests_existed_gets_its_digest_planned_at_its_next_prompt()
    {
        await using var s = (await DigestWorld.StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        {
            // The queue of a team whose setup was saved by a version without digests.
            await connection.ExecuteAsync("DELETE FROM jobs WHERE kind LIKE 'digest.%'");
        }

        await s.RunUntilAsync(FirstClose);

        Assert.Equal([FirstClose], s.DigestTimes("U_LENA"));
    }

    [Fact]
    public async Task Uninstalling_the_app_cancels_the_planned_digests()
    {
        await using var s = (await DigestWorld.StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());

        await s.Simulator.SendEventAsync(s.Simulator.EventCallback(new JsonObject { ["type"] = "app_uninstalled" }, SlackScenario.TeamId));
        await s.RunUntilAsync(FirstClose.AddDays(1));

        Assert.Empty(s.Digests("U_LENA"));
        await using var connection = await database.DataSource.OpenConnectionAsync();
        Assert.Equal(["cancelled"], await connection.QueryAsync<string>("SELECT DISTINCT state FROM jobs WHERE kind = 'digest.send'"));
    }

    [Fact]
    public async Task Moving_the_digest_to_thursday_sends_no_week_twice_and_drops_the_old_monday_one()
    {
        await using var s = (await DigestWorld.StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        await s.RunUntilAsync(Utc(11, 25, 12));

        await s.Lena().RunsCommandAsync(Command, "digest thursday 09:00");
        await s.RunUntilAsync(Utc(12, 5, 0));

        // Thu 27 Nov would report the week of 17 Nov again: already sent. Mon 1 Dec was planned before the change.
        Assert.Equal([FirstClose, Utc(12, 4, 8)], s.DigestTimes("U_LENA"));
        Assert.Contains("Week of 24 Nov", s.Digests("U_LENA")[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_digest_planned_for_the_old_time_is_not_sent_after_she_moves_it()
    {
        await using var s = (await DigestWorld.StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        await s.Lena().RunsCommandAsync(Command, "digest friday 09:00");
        await s.RunUntilAsync(Utc(11, 26, 12));

        // Planned: Fri 28 Nov 09:00 (the week of 17 Nov, as Friday's prompt comes at 10:00). Now she wants Saturdays.
        await s.Lena().RunsCommandAsync(Command, "digest saturday 09:00");
        await s.RunUntilAsync(Utc(11, 30, 0));

        Assert.Equal([Utc(11, 29, 8)], s.DigestTimes("U_LENA"));
        Assert.Contains("Week of 24 Nov", s.Digests("U_LENA")[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_digest_overdue_because_no_worker_ran_still_goes_out_when_the_setup_is_saved_again_meanwhile()
    {
        await using var s = (await DigestWorld.StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        await s.RunUntilAsync(FirstClose.AddMinutes(-1));

        s.Clock.SetUtcNow(FirstClose.AddHours(2));
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        await s.RunUntilAsync(FirstClose.AddDays(7));

        Assert.Equal([FirstClose.AddHours(2), FirstClose.AddDays(7)], s.DigestTimes("U_LENA"));
        Assert.Contains("Week of 17 Nov", s.Digests("U_LENA")[0].Text, StringComparison.Ordinal);
    }
}
