using System.Diagnostics;
using AsyncLead.Sandbox.Simulation;
using AsyncLead.Slack.Dispatch;
using AsyncLead.Tests.Infrastructure;
using static AsyncLead.Tests.Features.WeeklyUpdates.WeeklyWorld;

namespace AsyncLead.Tests.Platform;

/// <summary>
/// Slack waits 3 s for an ack and a trigger_id lives 3 s: with every Slack call answering in 1.5 s, a command that
/// opens a form is acked without waiting on Slack and calls views.open straight after, and what goes wrong after the
/// ack reaches the person through the response_url.
/// </summary>
public sealed class AckFirstTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static readonly TimeSpan SlowSlack = TimeSpan.FromSeconds(1.5);

    // Far under one slow Slack answer, so passing proves nothing waited on Slack; loose for a shared, noisy machine.
    private static readonly TimeSpan WellUnderOneSlackCall = TimeSpan.FromMilliseconds(1000);

    [Theory]
    [InlineData("U_ALICE", "/weekly-update", "")]
    [InlineData("U_LENA", "/weekly-update", "setup")]
    [InlineData("U_ALICE", "/decision", "Move the queue to Postgres")]
    public async Task With_known_facts_a_form_command_is_acked_and_views_open_called_without_waiting_on_slack(string user, string command, string text)
    {
        await using var s = (await StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        await s.RunUntilAsync(FirstPrompt);
        // Once seen, the channel and the people are known: the first form opened told us the bot is in the channel.
        await s.Alice().RunsCommandAsync(Command);
        await s.Alice().SubmitsViewAsync(("Completed", "Payouts"));
        s.Slack.Faults.SlowAnswer(SlowSlack);

        var (ack, acked, opened) = await TimedAsync(s, user, command, text);

        Assert.True(ack.IsSuccess, ack.ToString());
        Assert.Null(ack.Json);
        Assert.True(acked < WellUnderOneSlackCall, $"acked after {acked.TotalMilliseconds} ms");
        Assert.True(opened < WellUnderOneSlackCall, $"views.open called {opened.TotalMilliseconds} ms after the command");
        await s.Host.Services.GetRequiredService<InFlightHandlers>().WhenIdleAsync(CancellationToken.None);
        Assert.NotNull(s.Slack.OpenModalFor(user));
    }

    [Fact]
    public async Task On_first_sight_setup_asks_slack_after_the_ack_side_by_side_and_opens_within_the_triggers_3_s()
    {
        await using var s = (await StartAsync(database)).WithPaymentsTeam();
        s.Slack.Faults.SlowAnswer(SlowSlack);

        var (ack, acked, opened) = await TimedAsync(s, "U_LENA", Command, "setup");

        Assert.Null(ack.Json);
        Assert.True(acked < WellUnderOneSlackCall, $"acked after {acked.TotalMilliseconds} ms");
        // conversations.info and users.info, asked together: one slow answer, not two, before views.open.
        Assert.True(opened < TimeSpan.FromSeconds(2.9), $"views.open called {opened.TotalMilliseconds} ms after the command");
        await s.Host.Services.GetRequiredService<InFlightHandlers>().WhenIdleAsync(CancellationToken.None);
        var modal = s.Slack.OpenModalFor("U_LENA");
        Assert.NotNull(modal);
        Assert.Contains("Europe/Berlin", modal.Json.ToJsonString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/weekly-update", "")]
    [InlineData("/weekly-update", "setup")]
    [InlineData("/decision", "")]
    public async Task When_the_form_cannot_open_the_person_is_told_through_the_response_url(string command, string text)
    {
        await using var s = (await StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        // A long Retry-After is not waited for: views.open fails after the ack.
        s.Slack.Faults.RateLimit("views.open", times: 10, retryAfterSeconds: 600);

        var answer = await s.AnswerToAsync(s.Lena(), command, text);

        Assert.Contains("didn't open", answer, StringComparison.Ordinal);
        Assert.Null(s.Slack.OpenModalFor("U_LENA"));
    }

    [Fact]
    public async Task Status_is_acked_at_once_and_answered_through_the_response_url_once_slack_has_said_who_is_in_the_channel()
    {
        await using var s = (await StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        s.Slack.Faults.SlowAnswer(SlowSlack);
        var raw = new SlackSimulator(s.Slack, s.Host.RawHttp, SlackScenario.SigningSecret, s.Clock);

        var clock = Stopwatch.StartNew();
        var ack = await raw.SendCommandAsync("U_LENA", Channel, Command, "status");
        var acked = clock.Elapsed;

        Assert.Null(ack.Json);
        Assert.True(acked < WellUnderOneSlackCall, $"acked after {acked.TotalMilliseconds} ms");
        var answer = await s.Slack.WaitForResponseUrlPostAsync(p => p.UserId == "U_LENA", TimeSpan.FromSeconds(30));
        Assert.Contains("Missing (3)", answer.Body["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    /// <summary>Runs the command as Slack would, timing its ack and when views.open reached Slack, both from the send.</summary>
    private static async Task<(SlackResponse Ack, TimeSpan Acked, TimeSpan Opened)> TimedAsync(SlackScenario s, string user, string command, string text)
    {
        var raw = new SlackSimulator(s.Slack, s.Host.RawHttp, SlackScenario.SigningSecret, s.Clock);
        var before = s.Slack.Calls("views.open").Count;
        var clock = Stopwatch.StartNew();
        var opened = s.Slack.WaitForCallAsync("views.open", _ => s.Slack.Calls("views.open").Count > before, TimeSpan.FromSeconds(10))
            .ContinueWith(_ => clock.Elapsed, TaskScheduler.Default);
        var ack = await raw.SendCommandAsync(user, Channel, command, text);
        var acked = clock.Elapsed;
        return (ack, acked, await opened);
    }
}
