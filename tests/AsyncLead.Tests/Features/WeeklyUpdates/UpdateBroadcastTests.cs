using AsyncLead.Sandbox.Simulation;
using AsyncLead.Sandbox.Slack;
using AsyncLead.Tests.Features.Digest;
using AsyncLead.Tests.Features.Home;
using AsyncLead.Tests.Infrastructure;
using static AsyncLead.Tests.Features.WeeklyUpdates.WeeklyWorld;

namespace AsyncLead.Tests.Features.WeeklyUpdates;

/// <summary>
/// Broadcasts typed into an update (every section of the form, every label inline), a blocker, or a command argument
/// are shown as text and never reach Slack as a broadcast: the thread reply, the week's summary, Home, the digest,
/// the status answer and every ephemeral.
/// </summary>
public sealed class UpdateBroadcastTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Broadcasts_typed_into_updates_and_commands_are_shown_as_text_in_the_thread_summary_home_and_digest()
    {
        await using var s = (await DigestWorld.StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        await s.RunUntilAsync(FirstPrompt);
        var acks = new List<SlackResponse>();

        acks.Add(await s.Alice().RunsCommandAsync(Command));
        await s.Alice().SubmitsViewAsync(
            ("Completed", "- <!channel> shipped payouts"),
            ("In Progress", "<!here|here> refunds"),
            ("Blockers", "- <!everyone> waits on API keys\n- **<!subteam^S0SRE|@sre>** owes us a DB"),
            ("Next Week", "<!group> and @channel @here"));
        acks.Add(await s.Bob().RunsCommandAsync(Command,
            "Done: <!channel> invoices\nWIP: <!here>\nBlocked: <!everyone> legal\nNext: <!subteam^S0SRE>\nRisks: <!group> the bank"));
        acks.Add(await s.Bob().RunsCommandAsync(Command, "<!channel>"));
        acks.Add(await s.Bob().RunsCommandAsync(Command, "settings hours <!here>"));
        acks.Add(await s.Bob().RunsCommandAsync(Command, "digest <!everyone>"));
        acks.Add(await s.Bob().RunsCommandAsync(Command, "away until <!channel>"));
        acks.Add(await s.Lena().RunsCommandAsync(Command, "status"));
        await s.RunJobsAsync();

        var replies = s.Slack.ThreadReplies(Channel, s.Root("Week of 17 Nov").Ts);
        Assert.Equal(2, replies.Count);
        Assert.Contains("&lt;!channel&gt; shipped payouts", replies[0].VisibleText, StringComparison.Ordinal);
        Assert.Contains("&lt;!everyone&gt; waits on API keys", replies[0].VisibleText, StringComparison.Ordinal);
        Assert.Contains("&lt;!channel&gt; invoices", replies[1].VisibleText, StringComparison.Ordinal);
        var home = await s.OpensHomeAsync(s.Alice());
        Assert.Contains("&lt;!everyone&gt; waits on API keys", home.VisibleText, StringComparison.Ordinal);
        await s.OpensHomeAsync(s.Lena());

        await s.RunUntilAsync(FirstClose);
        var summary = s.Slack.ThreadReplies(Channel, s.Root("Week of 17 Nov").Ts).Last();
        Assert.Contains("&lt;!everyone&gt; legal", summary.VisibleText, StringComparison.Ordinal);
        var digest = Assert.Single(s.Digests("U_LENA"));
        Assert.Contains("&lt;!everyone&gt; waits on API keys", digest.VisibleText, StringComparison.Ordinal);

        Assert.All(acks, ack => Assert.True(ack.IsSuccess, ack.ToString()));
        var inAcks = acks.SelectMany(ack => SlackBroadcasts.In(ack.Json).Select(token => $"{token} in {ack}")).ToList();
        Assert.True(inAcks.Count == 0, string.Join("\n", inAcks));
        Assert.True(s.Slack.Broadcasts().Count == 0, string.Join("\n", s.Slack.Broadcasts()));
    }
}
