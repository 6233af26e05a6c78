using AsyncLead.Tests.Infrastructure;
using AsyncLead.Web;
using Dapper;
using AsyncLead.Tests.Features.Digest;
using static AsyncLead.Tests.Features.Digest.DigestWorld;
using static AsyncLead.Tests.Features.WeeklyUpdates.WeeklyWorld;

namespace AsyncLead.Tests.Features.Decisions;

/// <summary>
/// A recorded decision's follow-ups (an owner, a text and a due day each) reach their owners' next weekly form under
/// Next Week; the digest lists a decision as "decided, not started" until one of them shows up in its owner's Completed
/// or In Progress. The payments team: Lena leads, Alice writes the doc (both Berlin), Bob (New York) reviews.
/// </summary>
public sealed class FollowUpTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static readonly DateTimeOffset Monday = new(2025, 11, 17, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Follow_ups_reach_their_owners_weekly_forms_and_the_digest_tells_the_lead_until_one_is_started()
    {
        await using var s = (await DigestWorld.StartAsync(database, Monday)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        Assert.True((await s.Alice().RunsCommandAsync("/decision")).IsSuccess);
        await s.Alice().SubmitsViewAsync(("Title", "Pick a queue"), ("Problem Statement", "We need to choose."), ("Reviewers", new[] { "U_BOB" }));
        await s.RunJobsAsync();
        await s.Bob().ClicksAsync(Doc(s), "decision_approve");
        await s.RunJobsAsync();
        await s.Alice().ClicksAsync(Doc(s), "decision_decide");

        // A follow-up needs its text, its owner and a day from today on; each error goes to its own field.
        var refused = await s.Alice().SubmitsViewAsync(("Chosen option", "Postgres"), ("Rationale", "One store."),
            ("Follow-up 1", "Write the <migration> runbook"), ("Owner 1", "U_BOB"), ("Due 1", new DateOnly(2025, 11, 14)),
            ("Follow-up 2", "Load test the queue"),
            ("Owner 3", "U_ALICE"));
        var errors = refused.Json!["errors"]!;
        Assert.Equal("Pick a day from today on: this one has passed.", errors["follow_up_1_due"]!.GetValue<string>());
        Assert.Equal("Pick who does it: it lands in their next weekly update.", errors["follow_up_2_owner"]!.GetValue<string>());
        Assert.Equal("Say what is to be done, or clear this follow-up's owner and date.", errors["follow_up_3"]!.GetValue<string>());

        var recorded = await s.Alice().SubmitsViewAsync(("Chosen option", "Postgres"), ("Rationale", "One store."),
            ("Follow-up 1", "Write the <migration> runbook"), ("Owner 1", "U_BOB"), ("Due 1", new DateOnly(2025, 11, 28)),
            ("Follow-up 2", "Load test the queue"), ("Owner 2", "U_ALICE"), ("Due 2", new DateOnly(2025, 11, 26)),
            ("Follow-up 3", ""), ("Owner 3", null));
        Assert.True(recorded.IsSuccess && recorded.Json is null, recorded.ToString());
        await s.RunJobsAsync();

        Assert.Contains("*Follow-ups:*\n• <@U_BOB> — Write the &lt;migration&gt; runbook — due Fri 28 Nov 2025\n• <@U_ALICE> — Load test the queue — due Wed 26 Nov 2025",
            Doc(s).VisibleText);
        Assert.StartsWith(":pushpin: <@U_ALICE> recorded DEC-1 *Pick a queue* in <#C_PAY> with a follow-up for you:\n• Write the &lt;migration&gt; runbook — due Fri 28 Nov 2025",
            s.Slack.Messages("U_BOB").Last().Text);
        Assert.DoesNotContain(s.Slack.Messages("U_ALICE"), m => m.Text.StartsWith(":pushpin:", StringComparison.Ordinal));
        Assert.Contains("### Follow-ups\n\n* bob: Write the &lt;migration&gt; runbook (due 2025-11-28)\n* alice: Load test the queue (due 2025-11-26)\n",
            EphemeralTextFor(await s.Bob().RunsCommandAsync("/decision", "export DEC-1")));

        // Friday's prompt: Bob's form has his follow-up under Next Week; he posts it as it is, so it is planned.
        await s.RunUntilAsync(FirstPrompt.AddHours(1));
        Assert.True((await s.Bob().RunsCommandAsync(Command)).IsSuccess);
        Assert.Equal("- Write the <migration> runbook (DEC-1, due Fri 28 Nov)", CreatingDocsTests.InitialText(s.Slack.OpenModalFor("U_BOB")!, "next_week"));
        Assert.True((await s.Bob().SubmitsViewAsync(("Completed", "refunds"))).IsSuccess);
        await s.RunJobsAsync();
        Assert.True((await s.Bob().RunsCommandAsync(Command)).IsSuccess);
        Assert.Equal("- Write the <migration> runbook (DEC-1, due Fri 28 Nov)", CreatingDocsTests.InitialText(s.Slack.OpenModalFor("U_BOB")!, "next_week"));
        await s.Bob().ClosesViewAsync();

        // Monday's digest: planned is not started.
        await s.RunUntilAsync(FirstClose);
        var notStarted = Assert.Single(Assert.Single(s.Digests("U_LENA")).SectionTexts(), t => t.StartsWith("*🐢 Decided, not started", StringComparison.Ordinal));
        Assert.StartsWith("*🐢 Decided, not started (1)*\n• <", notStarted, StringComparison.Ordinal);
        Assert.Contains("|DEC-1: Pick a queue> — 2 follow-ups, none started yet; decided", notStarted, StringComparison.Ordinal);

        // Alice reports hers in progress: the decision has started, and the page says how far each follow-up got.
        // She left the closed week empty, so she is asked which week this is for: this one.
        var answer = await s.Alice().RunsCommandAsync(Command, "In progress: load test the  QUEUE with 10k jobs");
        Assert.True((await s.Alice().ClicksInAnswerAsync(answer, "weekly_file_this_week")).IsSuccess);
        await s.RunJobsAsync();
        long id;
        await using (var connection = database.DataSource.CreateConnection())
        {
            id = await connection.ExecuteScalarAsync<long>("SELECT id FROM decisions");
        }

        var page = await s.Host.Http.GetStringAsync(s.Host.Services.GetRequiredService<PageLinks>().Decision(SlackScenario.TeamId, id, "U_LENA")!.PathAndQuery);
        Assert.Contains("<h2>Follow-ups (2)</h2>", page);
        Assert.Contains("<td>Write the &lt;migration&gt; runbook</td><td><time datetime=\"2025-11-28\">Fri 28 Nov 2025</time></td><td>planned for the week after</td>", page);
        Assert.Contains("<td>Load test the queue</td><td><time datetime=\"2025-11-26\">Wed 26 Nov 2025</time></td><td><span class=\"ok\">started</span></td>", page);

        await s.RunUntilAsync(FirstClose.AddDays(7));
        Assert.Equal(2, s.Digests("U_LENA").Count);
        Assert.DoesNotContain(s.Digests("U_LENA")[^1].SectionTexts(), t => t.Contains("Decided, not started", StringComparison.Ordinal));
    }

    private static Sandbox.Slack.FakeMessage Doc(SlackScenario s) =>
        s.Slack.Messages(Channel).Last(m => m.VisibleText.Contains("Pick a queue", StringComparison.Ordinal));
}
