using AsyncLead.Jobs;
using AsyncLead.Sandbox.Simulation;
using AsyncLead.Tests.Infrastructure;
using Dapper;
using static AsyncLead.Tests.Features.WeeklyUpdates.WeeklyWorld;

namespace AsyncLead.Tests.Features.WeeklyUpdates;

public sealed class ReplicaTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Two_replicas_on_one_database_post_every_root_prompt_reply_reminder_and_summary_once()
    {
        await using var s = (await StartAsync(database)).WithPaymentsTeam();
        await using var replica = await AppHost.StartAsync(database.ConnectionString, new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = SlackScenario.SigningSecret,
            ["Slack:BotToken"] = SlackScenario.BotToken,
            ["Slack:ApiBaseUrl"] = s.Slack.ApiBaseUrl,
            ["AsyncLead:PublicUrl"] = "https://asynclead.test",
            ["Jobs:Enabled"] = "false",
        }, s.Clock);
        var viaReplica = new SlackSimulator(s.Slack, replica.Http, SlackScenario.SigningSecret, s.Clock);
        var workers = new[] { s.Host.Services.GetRequiredService<JobWorker>(), replica.Services.GetRequiredService<JobWorker>() };
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());

        // Everyone has had their prompt (Bob's comes at 09:00 New York).
        await s.RunUntilOnAllAsync(workers, BobsPrompt);
        await Task.WhenAll(
            s.Alice().RunsCommandAsync(Command, "Done: payouts"),
            viaReplica.User("U_BOB", Channel).RunsCommandAsync(Command, "Done: refunds"));
        await s.RunUntilOnAllAsync(workers, BobsPrompt.AddHours(1));
        // A second update of the week asks first; Bob replaces his, through the replica too.
        var question = await viaReplica.User("U_BOB", Channel).RunsCommandAsync(Command, "Done: refunds and chargebacks");
        await viaReplica.User("U_BOB", Channel).ClicksInAnswerAsync(question, "weekly_inline_replace");
        await s.RunUntilOnAllAsync(workers, FirstClose.AddDays(2));

        var root = Assert.Single(s.Roots());
        var replies = s.Slack.ThreadReplies(Channel, root.Ts);
        Assert.Single(replies, r => r.VisibleText.Contains("payouts", StringComparison.Ordinal));
        Assert.Single(replies, r => r.VisibleText.Contains("refunds and chargebacks", StringComparison.Ordinal));
        Assert.Single(replies, r => r.Text.StartsWith("Week of 17 Nov:", StringComparison.Ordinal));
        Assert.Equal(3, replies.Count);
        foreach (var person in new[] { "U_LENA", "U_ALICE", "U_BOB" })
        {
            Assert.Single(s.NudgeTimes(person, "📝"));
        }

        // Lena never wrote: one working day after the prompt, then the next morning, each exactly once.
        Assert.Equal(2, s.NudgeTimes("U_LENA", "⏰").Count);
        Assert.Equal(2, s.NudgeTimes("U_LENA", "⏰").Distinct().Count());
    }

    [Fact]
    public async Task A_replica_that_died_after_posting_but_before_storing_the_ts_finds_its_own_messages_and_posts_nothing_twice()
    {
        await using var s = (await StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        await s.Alice().RunsCommandAsync(Command, "Done: payouts");
        await s.RunJobsAsync();
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        {
            // What Postgres holds when a process dies between Slack's answer and the UPDATE that stores it.
            await connection.ExecuteAsync("UPDATE update_weeks SET root_ts = NULL; UPDATE weekly_updates SET message_ts = NULL");
        }

        var question = await s.Alice().RunsCommandAsync(Command, "Done: payouts and refunds");
        await s.Alice().ClicksInAnswerAsync(question, "weekly_inline_replace");
        await s.RunJobsAsync();

        var root = Assert.Single(s.Roots());
        var reply = Assert.Single(s.Slack.ThreadReplies(Channel, root.Ts));
        Assert.True(reply.Edited);
        Assert.Contains("payouts and refunds", reply.VisibleText, StringComparison.Ordinal);
    }
}
