using System.Net;
using System.Text.RegularExpressions;
using AsyncLead.Tests.Infrastructure;
using AsyncLead.Tests.Web;
using AsyncLead.Web;
using static AsyncLead.Tests.Features.WeeklyUpdates.WeeklyWorld;

namespace AsyncLead.Tests.Features.Home;

/// <summary>The lead's Home tab: the team's week in figures, its blockers by age, its decisions, and links to the pages.</summary>
public sealed partial class LeadTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    // DEC-2 is posted Monday 24 Nov 08:30 UTC; the default deadline is Thu 27 Nov 17:00 in Berlin.
    private static readonly DateTimeOffset SecondDocDeadline = new(2025, 11, 27, 16, 0, 0, TimeSpan.Zero);

    private static readonly DateTimeOffset Wednesday = new(2025, 11, 26, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Lena_sees_who_wrote_the_blockers_oldest_first_the_decisions_due_and_decided_and_links_to_the_pages()
    {
        await using var s = (await HomeWorld.StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());

        // Week of 17 Nov: DEC-1 is reviewed and decided on Friday; Alice reports a blocker.
        await s.PostsDocAsync(s.Alice(), "Keep Postgres", "U_BOB");
        await s.Bob().ClicksAsync(s.Slack.Messages(Channel).Last(), "decision_approve");
        await s.RunUntilAsync(FirstPrompt);
        await s.Alice().ClicksAsync(s.Slack.Messages(Channel).Single(m => m.VisibleText.Contains("DEC-1", StringComparison.Ordinal)), "decision_decide");
        await s.Alice().SubmitsViewAsync(("Chosen option", "Postgres with SKIP LOCKED"), ("Rationale", "Simpler."));
        await s.Alice().RunsCommandAsync(Command, "Completed: payouts\nBlockers: Waiting on API keys from the bank");
        await s.RunJobsAsync();

        // Week of 24 Nov: DEC-2 is due on Thursday; on Wednesday Bob writes with a new blocker.
        await s.RunUntilAsync(FirstClose.AddMinutes(30));
        await s.PostsDocAsync(s.Alice(), "Drop the monorepo", "U_LENA");
        await s.RunUntilAsync(Wednesday);
        // He left the closed week empty, so he is asked which week this is for: this one.
        await s.Bob().ClicksInAnswerAsync(await s.Bob().RunsCommandAsync(Command, "Completed: refunds\nBlockers: Flaky CI"), "weekly_file_this_week");
        await s.RunJobsAsync();

        var text = (await s.OpensHomeAsync(s.Lena())).VisibleText;

        Assert.Contains("#team-payments: Week of 24 Nov (you lead)", text, StringComparison.Ordinal);
        Assert.Contains("*1/3 wrote* · 0 away · 2 missing", text, StringComparison.Ordinal);
        Assert.Contains("Not written yet: <@U_ALICE>, <@U_LENA>", text, StringComparison.Ordinal);
        Assert.Contains("Open blockers (2), oldest first", text, StringComparison.Ordinal);
        var older = text.IndexOf("🚧 Waiting on API keys from the bank — <@U_ALICE>, open 5 days", StringComparison.Ordinal);
        var newer = text.IndexOf("🚧 Flaky CI — <@U_BOB>, opened today", StringComparison.Ordinal);
        Assert.True(older >= 0 && newer > older, text);
        Assert.Contains("*Decisions due this week (1)*\n• DEC-2 *Drop the monorepo* — due <!date^" + SecondDocDeadline.ToUnixTimeSeconds(), text, StringComparison.Ordinal);
        Assert.Contains("*Decided last week (1)*\n• DEC-1 *Keep Postgres* — decided: Postgres with SKIP LOCKED", text, StringComparison.Ordinal);

        var links = s.Host.Services.GetRequiredService<SignedLinks>();
        var week = Link(text, "Open the team's week");
        Assert.Equal(LinkCheck.Valid, links.Check(Token(week), out var weekTarget));
        Assert.Equal(new LinkTarget(PageLinks.TeamWeekKind, "T_ACME", "C_PAY/2025-11-24", "U_LENA"), weekTarget.Opens());
        var log = Link(text, "Decision log");
        Assert.Equal(LinkCheck.Valid, links.Check(Token(log), out var logTarget));
        Assert.Equal(new LinkTarget(PageLinks.DecisionLogKind, "T_ACME", "", "U_LENA"), logTarget.Opens());
        var weekPage = await s.Host.Http.GetAsync(new Uri(week).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, weekPage.StatusCode);
        Assert.Contains("Waiting on API keys from the bank", await weekPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var logPage = await s.Host.Http.GetAsync(new Uri(log).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, logPage.StatusCode);
        Assert.Contains("Drop the monorepo", await logPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_who_leads_no_team_sees_no_team_figures()
    {
        await using var s = (await HomeWorld.StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());

        var text = (await s.OpensHomeAsync(s.Alice())).VisibleText;

        Assert.Contains("Your week", text, StringComparison.Ordinal);
        Assert.DoesNotContain("(you lead)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Open the team's week", text, StringComparison.Ordinal);
        Assert.Contains("(you lead)", (await s.OpensHomeAsync(s.Lena())).VisibleText, StringComparison.Ordinal);
    }

    private static string Link(string text, string label)
    {
        var match = Regex.Match(text, $@"<(https://asynclead\.test/w/[^|>]+)\|{Regex.Escape(label)}>");
        Assert.True(match.Success, $"No link \"{label}\" in:\n{text}");
        return match.Groups[1].Value;
    }

    private static string Token(string link) => new Uri(link).AbsolutePath["/w/".Length..];
}
