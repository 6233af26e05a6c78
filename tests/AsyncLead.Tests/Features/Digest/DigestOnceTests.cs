using AsyncLead.Jobs;
using AsyncLead.Sandbox.Simulation;
using AsyncLead.Tests.Infrastructure;
using Dapper;
using static AsyncLead.Tests.Features.Digest.DigestWorld;
using static AsyncLead.Tests.Features.WeeklyUpdates.WeeklyWorld;

namespace AsyncLead.Tests.Features.Digest;

public sealed class DigestOnceTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Two_replicas_send_each_digest_once_even_when_setup_and_the_preference_are_saved_on_both()
    {
        await using var s = (await DigestWorld.StartAsync(database)).WithPaymentsTeam();
        s.Slack.AddUser("U_LUIS", "luis", tz: "America/Los_Angeles");
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
        await s.SetsUpWeeklyUpdatesAsync(s.Lena(), ("Digest recipients", new[] { "U_LENA", "U_LUIS" }));
        await Task.WhenAll(
            s.User("U_LUIS", Channel).RunsCommandAsync(Command, "digest monday 08:00"),
            viaReplica.User("U_LUIS", Channel).RunsCommandAsync(Command, "digest monday 08:00"));

        await s.RunUntilOnAllAsync(workers, FirstPrompt.AddHours(1));
        await s.Alice().RunsCommandAsync(Command, "Done: payouts");
        await s.RunUntilOnAllAsync(workers, FirstClose.AddDays(8));

        Assert.Equal([FirstClose, FirstClose.AddDays(7)], s.DigestTimes("U_LENA"));
        // Mon 08:00 in LA (UTC-8).
        var luisMonday = new DateTimeOffset(2025, 11, 24, 16, 0, 0, TimeSpan.Zero);
        Assert.Equal([luisMonday, luisMonday.AddDays(7)], s.DigestTimes("U_LUIS"));
    }

    [Fact]
    public async Task A_digest_job_that_died_after_posting_but_before_storing_the_ts_finds_its_own_dm_and_posts_nothing_twice()
    {
        await using var s = (await DigestWorld.StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        await s.RunUntilAsync(FirstClose);
        var first = Assert.Single(s.Digests("U_LENA"));

        await using (var connection = await database.DataSource.OpenConnectionAsync())
        {
            // What Postgres holds when a process dies between Slack's answer and the UPDATE that stores it: the send
            // record without its ts, the post marked "posting", and the job (its lease lost) due again.
            await connection.ExecuteAsync(
                """
                UPDATE digest_sends SET message_ts = NULL, dm_channel = NULL, sent_at = NULL;
                UPDATE slack_posts SET channel = NULL, ts = NULL, posted_at = NULL WHERE post_key LIKE 'digest:%';
                UPDATE jobs SET state = 'available', finished_at = NULL, attempts = 1 WHERE kind = 'digest.send' AND state = 'completed';
                """);
        }

        await s.RunJobsAsync();

        Assert.Equal(first.Ts, Assert.Single(s.Digests("U_LENA")).Ts);
        Assert.Contains(s.Slack.Calls("conversations.history"), c => c.Ok);
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        {
            Assert.Equal(first.Ts, await connection.ExecuteScalarAsync<string>("SELECT message_ts FROM digest_sends"));
        }
    }

    [Fact]
    public async Task The_same_digest_job_run_again_after_it_succeeded_posts_nothing_and_asks_slack_nothing()
    {
        await using var s = (await DigestWorld.StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        await s.RunUntilAsync(FirstClose);
        var callsBefore = s.Slack.Calls().Count;

        await using (var connection = await database.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync(
                "UPDATE jobs SET state = 'available', finished_at = NULL WHERE kind = 'digest.send' AND state = 'completed'");
        }

        Assert.Equal(1, await s.RunJobsAsync());

        Assert.Single(s.Digests("U_LENA"));
        Assert.DoesNotContain(s.Slack.Calls().Skip(callsBefore), c => c.Method is "chat.postMessage" or "conversations.history");
    }
}
