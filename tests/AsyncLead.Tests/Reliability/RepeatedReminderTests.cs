using AsyncLead.Features.Decisions;
using AsyncLead.Features.WeeklyUpdates;
using AsyncLead.Tests.Features.Decisions;
using AsyncLead.Tests.Features.WeeklyUpdates;
using AsyncLead.Tests.Infrastructure;
using Dapper;

namespace AsyncLead.Tests.Reliability;

/// <summary>
/// A reminder DM whose job runs again because its worker died after Slack posted it and before anything recorded Slack's
/// answer: the jobs table then holds what a lease rescue leaves (the job available again, its attempt charged) and the
/// post ledger its "posting" mark. The repeated run finds its DM by metadata and sends nothing.
/// <see cref="KilledHostTests"/> shows the same with a real kill -9.
/// </summary>
public sealed class RepeatedReminderTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static readonly DateTimeOffset Monday = new(2025, 11, 17, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_weekly_prompt_run_again_after_its_worker_died_is_not_sent_twice()
    {
        await using var s = (await WeeklyWorld.StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        await s.RunUntilAsync(WeeklyWorld.FirstPrompt.AddMinutes(1));
        Assert.Single(s.Nudges("U_ALICE"));

        await RescueAsCompletedAsync(NudgeJob.JobKind, "userId", "U_ALICE", s.Clock.GetUtcNow());
        await ForgetAnswerAsync("nudge:%:U_ALICE:0");
        Assert.Equal(1, await s.RunJobsAsync());

        Assert.Single(s.Nudges("U_ALICE"));
        // It looked in her DM (a D… conversation) before deciding.
        Assert.Single(s.Slack.Calls("conversations.history"), c => c.Arg("channel")!.StartsWith('D'));
    }

    [Fact]
    public async Task A_decision_reminder_run_again_after_its_worker_died_is_not_sent_twice()
    {
        await using var team = await DecisionTeam.StartAsync(database, Monday);
        await team.AlicePostsDocAsync();
        // Bob (New York) is first reminded on Wednesday at 11:00 his time, 24 h before the deadline.
        await team.Scenario.AdvanceAsync(new DateTimeOffset(2025, 11, 19, 16, 0, 0, TimeSpan.Zero) - Monday);
        Assert.Single(team.Slack.Messages(DecisionTeam.Bob));

        var rescued = await RescueAsCompletedAsync(DecisionJobs.Remind, "reviewerId", DecisionTeam.Bob, team.Scenario.Clock.GetUtcNow());
        await ForgetAnswerAsync($"decision-reminder:{rescued}");
        Assert.Equal(1, await team.Scenario.RunJobsAsync());

        Assert.Single(team.Slack.Messages(DecisionTeam.Bob));
        Assert.Single(team.Slack.Calls("conversations.history"), c => c.Arg("channel")!.StartsWith('D'));
    }

    /// <summary>The ledger as a death between Slack's answer and recording it leaves it: the post marked "posting".</summary>
    private async Task ForgetAnswerAsync(string keyLike)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var marked = await connection.ExecuteAsync(
            "UPDATE slack_posts SET channel = NULL, ts = NULL, posted_at = NULL WHERE post_key LIKE @keyLike", new { keyLike });
        Assert.Equal(1, marked);
    }

    /// <summary>The finished job of this kind for this person, put back as the rescue of an expired lease does it.</summary>
    private async Task<long> RescueAsCompletedAsync(string kind, string personField, string person, DateTimeOffset now)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var rescued = await connection.QuerySingleAsync<long>(
            """
            UPDATE jobs SET state = 'available', finished_at = NULL, run_at = @now,
                last_error = 'Lease expired: worker test stopped renewing it (it died or lost the database).'
            WHERE id = (SELECT id FROM jobs WHERE kind = @kind AND state = 'completed' AND payload ->> @personField = @person ORDER BY id LIMIT 1)
            RETURNING id
            """, new { kind, personField, person, now });
        return rescued;
    }
}
