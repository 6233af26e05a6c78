using System.Net;
using AsyncLead.Tests.Features.WeeklyUpdates;
using AsyncLead.Tests.Infrastructure;
using AsyncLead.Web;
using static AsyncLead.Tests.Web.PagesWorld;

namespace AsyncLead.Tests.Web;

/// <summary>The team-week page over HTTP, as Lena's link from Slack opens it.</summary>
public sealed class TeamWeekPageTests(PagesWorld world) : IClassFixture<PagesWorld>
{
    [Fact]
    public async Task The_week_shows_every_update_by_name_with_blockers_and_their_state_first_and_the_late_one_marked()
    {
        var (status, html) = await world.GetAsync(world.TeamWeek(Lena));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<title>#team-payments · Week of 17 Nov 2025 · AsyncLead</title>", html);
        Assert.Contains("<h2>Updates (3)</h2>", html);
        Assert.Matches("<h3><a class=\"person\" href=\"/w/[^\"]+\">alice</a></h3>", html);
        Assert.Matches("<h3><a class=\"person\" href=\"/w/[^\"]+\">lena</a></h3>", html);
        Assert.Matches("<h3><a class=\"person\" href=\"/w/[^\"]+\">dan</a> <span class=\"badge late\">late</span></h3>", html);
        Assert.Contains("<strong>payouts</strong>", html);
        Assert.Contains("<h4>Next Week</h4><p>Plan Q1</p>", html);
        Assert.Contains("<section class=\"blockers\" id=\"blockers\"><h2>Blockers (1 open)</h2>", html);
        Assert.Contains("<li class=\"resolved\"><s>Waiting on the bank&#x27;s API keys</s> — <a href=\"#update-UALICE\">alice</a> <span class=\"ok\">resolved by lena</span></li>", html);
        Assert.Contains("<li>Flaky CI on main — <a href=\"#update-UALICE\">alice</a> <span class=\"muted\">open 3 days</span></li>", html);
        Assert.True(html.IndexOf("id=\"blockers\"", StringComparison.Ordinal) < html.IndexOf("<h2>Updates", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Who_is_away_and_who_is_missing_and_the_weeks_figures_are_on_the_page()
    {
        var (_, html) = await world.GetAsync(world.TeamWeek(Lena));

        Assert.Contains("<p id=\"away-list\"><strong>Away (1):</strong> bob</p>", html);
        Assert.Contains("<p id=\"missing-list\"><strong>Missing (1):</strong> &lt;b&gt;erin&lt;/b&gt;</p>", html);
        Assert.Contains("<dd id=\"wrote\">3/5 wrote, 1 away</dd>", html);
        // Alice wrote 1 h after the prompt, Lena 3 h, Dan 73 h: the median is Lena's.
        Assert.Contains("<dd id=\"median\">3 h</dd>", html);
        // Five people were expected; each would have spent 15 minutes a day in a stand-up.
        Assert.Contains("<dd id=\"saved\">6 h 15 min <span class=\"muted\">(5 people × 15 min stand-up × 5 days)</span></dd>", html);
    }

    [Fact]
    public async Task Times_are_in_the_viewers_zone_and_named_or_in_the_teams_zone_for_an_unknown_viewer()
    {
        var (_, forBob) = await world.GetAsync(world.TeamWeek(Bob));
        var (_, forNobody) = await world.GetAsync(world.TeamWeek());

        // Alice wrote on Friday 21 Nov at 10:00 UTC.
        Assert.Contains("Times are in America/New_York (your Slack time zone).", forBob);
        Assert.Contains("<time datetime=\"2025-11-21T10:00:00Z\">Fri 21 Nov 2025, 05:00 EST</time>", forBob);
        Assert.Contains("Times are in Europe/Berlin (the team&#x27;s time zone).", forNobody);
        Assert.Contains("<time datetime=\"2025-11-21T10:00:00Z\">Fri 21 Nov 2025, 11:00 CET</time>", forNobody);
    }

    [Fact]
    public async Task The_previous_and_next_week_links_are_for_the_same_viewer_and_expire_with_the_link_they_came_from()
    {
        var path = world.TeamWeek(Bob);
        Assert.Equal(LinkCheck.Valid, world.SignedLinks.Check(path[3..], out var opened));
        var (_, html) = await world.GetAsync(path);

        var previous = Href(html, "rel=\"prev\" href=\"");
        var next = Href(html, "rel=\"next\" href=\"");
        Assert.Equal(LinkCheck.Valid, world.SignedLinks.Check(previous[3..], out var earlier));
        Assert.Equal(new LinkTarget(PageLinks.TeamWeekKind, SlackScenario.TeamId, "C_PAY/2025-11-10", Bob), earlier.Opens());
        Assert.Equal(opened!.ExpiresAt, earlier!.ExpiresAt);
        Assert.Equal(LinkCheck.Valid, world.SignedLinks.Check(next[3..], out var later));
        Assert.Equal(new LinkTarget(PageLinks.TeamWeekKind, SlackScenario.TeamId, "C_PAY/2025-11-24", Bob), later.Opens());
        Assert.Equal(opened.ExpiresAt, later!.ExpiresAt);

        // The week of 24 Nov is the current one: there is no week after it to link to yet.
        var (status, current) = await world.GetAsync(next);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("rel=\"prev\"", current);
        Assert.DoesNotContain("rel=\"next\"", current);
    }

    [Fact]
    public async Task The_week_links_to_its_thread_in_Slack_and_a_week_without_a_thread_to_the_channel()
    {
        var root = Assert.Single(world.Scenario.Roots(Channel)).Ts.Replace(".", "", StringComparison.Ordinal);

        var (_, week) = await world.GetAsync(world.TeamWeek(Lena));
        var (_, current) = await world.GetAsync(world.TeamWeek(Lena, monday: Week.AddDays(7)));

        Assert.Contains($"<a id=\"slack\" href=\"https://slack.com/archives/C_PAY/p{root}\">Open the week&#x27;s thread in Slack</a>", week);
        Assert.Contains("<a id=\"slack\" href=\"https://slack.com/app_redirect?channel=C_PAY&amp;team=T_ACME\">Open #team-payments in Slack</a>", current);
    }

    [Fact]
    public async Task A_week_with_no_prompt_and_no_update_says_so_without_asking_Slack_anything()
    {
        var callsBefore = world.Scenario.Slack.Calls().Count;

        var (pastStatus, past) = await world.GetAsync(world.TeamWeek(Lena, monday: Week.AddDays(-7)));
        var (currentStatus, current) = await world.GetAsync(world.TeamWeek(Bob, monday: Week.AddDays(7)));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (pastStatus, currentStatus));
        Assert.Contains("<h1>#team-payments: Week of 10 Nov 2025</h1>", past);
        Assert.Contains("AsyncLead has no record of this week", past);
        Assert.Contains("rel=\"next\"", past);
        Assert.Contains("Nobody has written yet. This week's prompt goes out <time datetime=\"2025-11-28T09:00:00Z\">Fri 28 Nov 2025, 04:00 EST</time>.", current);
        Assert.Equal(callsBefore, world.Scenario.Slack.Calls().Count);
    }

    [Fact]
    public async Task A_link_into_another_workspace_or_to_a_channel_without_a_team_finds_nothing()
    {
        var otherWorkspace = await world.GetAsync(world.TeamWeek(Lena, workspace: "T_OTHER"));
        var noTeam = await world.GetAsync(PathOf(world.SignedLinks.Create(new LinkTarget(PageLinks.TeamWeekKind, SlackScenario.TeamId, "C_NOPE/2025-11-17"))));
        var badKey = await world.GetAsync(PathOf(world.SignedLinks.Create(new LinkTarget(PageLinks.TeamWeekKind, SlackScenario.TeamId, "C_PAY"))));

        Assert.Equal(HttpStatusCode.NotFound, otherWorkspace.Status);
        Assert.DoesNotContain("Alice", otherWorkspace.Html);
        Assert.Equal(HttpStatusCode.NotFound, noTeam.Status);
        Assert.Equal(HttpStatusCode.NotFound, badKey.Status);
    }

    [Fact]
    public async Task Hostile_text_in_an_update_arrives_as_text_on_a_page_that_forbids_scripts_anyway()
    {
        using var response = await world.Host.Http.GetAsync(world.TeamWeek(Lena));
        var html = await response.Content.ReadAsStringAsync();

        Assert.StartsWith("default-src 'none';", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());

        Assert.Contains("&lt;script&gt;document.title=", html);
        Assert.Contains("&lt;img src=x onerror=", html);
        Assert.Contains("<a href=\"#\">the runbook</a>", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
    }

    internal static string Href(string html, string before)
    {
        var start = html.IndexOf(before, StringComparison.Ordinal);
        Assert.True(start >= 0, $"no {before} in the page");
        start += before.Length;
        return html[start..html.IndexOf('"', start)];
    }
}
