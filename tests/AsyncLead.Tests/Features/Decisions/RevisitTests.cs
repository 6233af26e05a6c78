using AsyncLead.Tests.Features.Home;
using AsyncLead.Tests.Infrastructure;
using AsyncLead.Web;
using Dapper;
using AsyncLead.Tests.Features.Digest;
using static AsyncLead.Tests.Features.Digest.DigestWorld;
using static AsyncLead.Tests.Features.WeeklyUpdates.WeeklyWorld;

namespace AsyncLead.Tests.Features.Decisions;

/// <summary>
/// A decision recorded with a revisit day shows it on the record, its page and its export; from that day, in the
/// reader's own zone, its author and the team's lead find it on App Home and in the digest. The payments team: Lena
/// leads and Alice writes (both Berlin), Bob (New York) reviews.
/// </summary>
public sealed class RevisitTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static readonly DateTimeOffset Monday = new(2025, 11, 17, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task From_the_revisit_day_in_their_own_zone_alice_and_lena_see_the_decision_on_home_and_in_the_digest()
    {
        await using var s = (await DigestWorld.StartAsync(database, Monday)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        Assert.True((await s.Alice().RunsCommandAsync("/decision")).IsSuccess);
        await s.Alice().SubmitsViewAsync(("Title", "Pick a queue"), ("Problem Statement", "We need to choose."), ("Reviewers", new[] { "U_BOB" }));
        await s.RunJobsAsync();
        await s.Bob().ClicksAsync(Doc(s), "decision_approve");
        await s.RunJobsAsync();
        await s.Alice().ClicksAsync(Doc(s), "decision_decide");
        Assert.Contains("Revisit by", s.Slack.OpenModalFor("U_ALICE")!.VisibleText);

        var past = await s.Alice().SubmitsViewAsync(("Chosen option", "Postgres"), ("Rationale", "One store."), ("Revisit by", new DateOnly(2025, 11, 16)));
        Assert.Equal("Pick a day from today on: this one has passed.", past.Json!["errors"]!["revisit"]!.GetValue<string>());
        var recorded = await s.Alice().SubmitsViewAsync(("Chosen option", "Postgres"), ("Rationale", "One store."), ("Revisit by", new DateOnly(2025, 11, 24)));
        Assert.True(recorded.IsSuccess && recorded.Json is null, recorded.ToString());
        await s.RunJobsAsync();

        Assert.Contains(":repeat: Revisit by Mon 24 Nov 2025", Doc(s).VisibleText);
        Assert.Contains("Revisit by Mon 24 Nov 2025", EphemeralTextFor(await s.Bob().RunsCommandAsync("/decision", "DEC-1")));
        Assert.Contains("* Revisit by 2025-11-24.", EphemeralTextFor(await s.Bob().RunsCommandAsync("/decision", "export DEC-1")));
        long id;
        await using (var connection = database.DataSource.CreateConnection())
        {
            id = await connection.ExecuteScalarAsync<long>("SELECT id FROM decisions");
        }

        var page = await s.Host.Http.GetStringAsync(s.Host.Services.GetRequiredService<PageLinks>().Decision(SlackScenario.TeamId, id, "U_BOB")!.PathAndQuery);
        Assert.Contains("<dt>Revisit by</dt><dd><time datetime=\"2025-11-24\">Mon 24 Nov 2025</time></dd>", page);

        // Sunday 23:30 in Berlin: not yet.
        await s.RunUntilAsync(new DateTimeOffset(2025, 11, 23, 22, 30, 0, TimeSpan.Zero));
        Assert.DoesNotContain("Decisions to revisit", (await s.OpensHomeAsync(s.Alice())).VisibleText);

        // Monday 00:30 in Berlin, still Sunday in UTC: Alice (author) and Lena (lead) see it; Bob, who only reviewed, doesn't.
        await s.RunUntilAsync(new DateTimeOffset(2025, 11, 23, 23, 30, 0, TimeSpan.Zero));
        var alices = (await s.OpensHomeAsync(s.Alice())).VisibleText;
        Assert.Contains("Decisions to revisit (1)", alices);
        Assert.Contains("• DEC-1 *Pick a queue* in <#C_PAY> — decided: Postgres · revisit by Mon 24 Nov 2025", alices);
        Assert.Contains("Decisions to revisit (1)", (await s.OpensHomeAsync(s.Lena())).VisibleText);
        Assert.DoesNotContain("Decisions to revisit", (await s.OpensHomeAsync(s.Bob())).VisibleText);

        await s.RunUntilAsync(FirstClose);
        var digest = Assert.Single(s.Digests("U_LENA"));
        var revisit = Assert.Single(digest.SectionTexts(), t => t.StartsWith("*🔁 Decisions to revisit", StringComparison.Ordinal));
        Assert.StartsWith("*🔁 Decisions to revisit (1)*\n• <", revisit, StringComparison.Ordinal);
        Assert.EndsWith("|DEC-1: Pick a queue> — decided: Postgres; revisit by Mon 24 Nov 2025", revisit, StringComparison.Ordinal);
    }

    private static Sandbox.Slack.FakeMessage Doc(SlackScenario s) =>
        s.Slack.Messages(Channel).Last(m => m.VisibleText.Contains("Pick a queue", StringComparison.Ordinal));
}
