using System.Net;
using System.Text.RegularExpressions;
using AsyncLead.Tests.Features.Home;
using AsyncLead.Tests.Features.WeeklyUpdates;
using AsyncLead.Tests.Infrastructure;
using AsyncLead.Web;
using Dapper;
using static AsyncLead.Tests.Web.HistoryWorld;

namespace AsyncLead.Tests.Web;

/// <summary>A person's page of past weeks, and the search over a team's updates, over HTTP as links from Slack open them.</summary>
public sealed class HistoryAndSearchPageTests(HistoryWorld world) : IClassFixture<HistoryWorld>
{
    private static readonly DateOnly FirstWeek = new(2025, 11, 17);

    [Fact]
    public async Task Alices_page_lists_her_weeks_newest_first_and_her_private_teams_updates_only_to_its_members()
    {
        var (status, forLena) = await world.GetAsync(world.Person(Alice, Lena));
        var (_, forBob) = await world.GetAsync(world.Person(Alice, Bob));
        var (_, forNobody) = await world.GetAsync(world.Person(Alice, viewer: null));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<title>alice: past updates · AsyncLead</title>", forLena);
        Assert.Contains("<p id=\"count\">3 updates.</p>", forLena);
        var newer = forLena.IndexOf("<h2>Week of 24 Nov 2025</h2>", StringComparison.Ordinal);
        var older = forLena.IndexOf("<h2>Week of 17 Nov 2025</h2>", StringComparison.Ordinal);
        Assert.True(newer > 0 && older > newer, forLena);
        // Slack names a private channel "privategroup" in slash commands; setup asks Slack for its real name.
        Assert.Contains("#leads</a>", forLena);
        Assert.DoesNotContain("privategroup", forLena);
        Assert.Contains("the secret budget", forLena);
        Assert.Contains("<strong>payouts</strong>", forLena);

        foreach (var outsider in new[] { forBob, forNobody })
        {
            Assert.Contains("<p id=\"count\">2 updates.</p>", outsider);
            Assert.DoesNotContain("#leads", outsider);
            Assert.DoesNotContain("secret", outsider);
        }
    }

    [Fact]
    public async Task Her_home_tab_links_her_own_page_of_past_weeks()
    {
        var home = (await world.Scenario.OpensHomeAsync(world.Scenario.Alice())).VisibleText;

        var link = Regex.Match(home, @"<https://asynclead\.test(/w/[^|>]+)\|Your past updates>");
        Assert.True(link.Success, home);
        Assert.Equal(LinkCheck.Valid, world.SignedLinks.Check(link.Groups[1].Value[3..], out var target));
        Assert.Equal(new LinkTarget(PageLinks.PersonKind, SlackScenario.TeamId, Alice, Alice), target.Opens());
        var (status, html) = await world.GetAsync(link.Groups[1].Value);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<p id=\"count\">3 updates.</p>", html);
    }

    [Fact]
    public async Task Each_update_on_her_page_links_to_its_week_for_the_same_viewer()
    {
        var (_, html) = await world.GetAsync(world.Person(Alice, Bob));

        var week = TeamWeekPageTests.Href(html, "<article class=\"update\"><h3><a href=\"");
        Assert.EndsWith("#update-UALICE", week, StringComparison.Ordinal);
        Assert.Equal(LinkCheck.Valid, world.SignedLinks.Check(week[3..week.IndexOf('#', StringComparison.Ordinal)], out var target));
        Assert.Equal(new LinkTarget(PageLinks.TeamWeekKind, SlackScenario.TeamId, "C_PAY/2025-11-24", Bob), target.Opens());
        var (status, page) = await world.GetAsync(week);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Payouts v2 shipped", page);
    }

    [Fact]
    public async Task The_week_page_links_each_name_to_their_page_and_carries_the_teams_search_box()
    {
        var (_, html) = await world.GetAsync(world.Week(FirstWeek, Bob));

        var alice = TeamWeekPageTests.Href(html, "<article class=\"update\" id=\"update-UALICE\"><h3><a class=\"person\" href=\"");
        Assert.Equal(LinkCheck.Valid, world.SignedLinks.Check(alice[3..], out var person));
        Assert.Equal(new LinkTarget(PageLinks.PersonKind, SlackScenario.TeamId, Alice, Bob), person.Opens());
        var search = SearchAction(html);
        Assert.Equal(LinkCheck.Valid, world.SignedLinks.Check(search[3..], out var target));
        Assert.Equal(new LinkTarget(PageLinks.TeamSearchKind, SlackScenario.TeamId, "C_PAY", Bob), target.Opens());
        Assert.Contains("<input type=\"search\" name=\"q\" maxlength=\"200\" value=\"\"", html);
    }

    [Fact]
    public async Task A_search_finds_the_words_in_any_case_grouped_by_week_newest_first_with_each_match_highlighted()
    {
        var (status, html) = await SearchAsync("payouts");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<title>#team-payments · search: payouts · AsyncLead</title>", html);
        Assert.Contains("<p id=\"count\">2 updates mention “payouts”.", html);
        Assert.Contains("value=\"payouts\"", html);
        var newer = html.IndexOf(">Week of 24 Nov 2025</a></h2>", StringComparison.Ordinal);
        var older = html.IndexOf(">Week of 17 Nov 2025</a></h2>", StringComparison.Ordinal);
        Assert.True(newer > 0 && older > newer, html);
        Assert.Contains("<p class=\"match\"><mark>Payouts</mark> v2 shipped</p>", html);
        Assert.Contains("<p class=\"match\"><mark>PAYOUTS</mark> v3</p>", html);
        // The line as text: Markdown's bold marks left out, its wildcard-like characters kept.
        Assert.Contains("<p class=\"match\"><mark>payouts</mark> at 100% for done_now</p>", html);
        Assert.DoesNotContain("refunds", html);
        Assert.DoesNotContain("secret", html);
    }

    [Fact]
    public async Task Markup_in_an_update_or_a_search_is_shown_as_text()
    {
        var (_, html) = await SearchAsync("<b>bank</b>");

        Assert.Contains("<p id=\"count\">1 update mentions “&lt;b&gt;bank&lt;/b&gt;”.", html);
        Assert.Contains("waiting on <mark>&lt;b&gt;bank&lt;/b&gt;</mark> keys &amp; a path C:\\temp", html);
        Assert.Contains("value=\"&lt;b&gt;bank&lt;/b&gt;\"", html);
        Assert.DoesNotContain("<b>", html);
    }

    [Theory]
    [InlineData("%", "1 update mentions “%”.")]
    [InlineData("_", "1 update mentions “_”.")]
    [InlineData("\\", "1 update mentions “\\”.")]
    [InlineData("%_%", "No update in this team mentions “%_%”.")]
    [InlineData("", "Type a word or phrase to find it in this team's updates, every week of them.")]
    [InlineData("   \t ", "Type a word or phrase to find it in this team's updates, every week of them.")]
    [InlineData("\0", "Type a word or phrase to find it in this team's updates, every week of them.")]
    public async Task Wildcards_are_searched_for_as_themselves_and_nothing_to_search_for_gets_a_page_that_says_so(string q, string count)
    {
        var (status, html) = await SearchAsync(q);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(html.Contains($"<p id=\"count\">{count}", StringComparison.Ordinal), html);
    }

    [Fact]
    public async Task A_very_long_search_uses_its_first_200_characters_and_never_cuts_a_character_in_half()
    {
        var (status, html) = await SearchAsync("payouts " + string.Concat(Enumerable.Repeat("😀", 300)));
        var (noSuchStatus, _) = await SearchAsync(new string('x', 199) + "😀");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Searches use the first 200 characters.", html);
        Assert.Contains("No update in this team mentions", html);
        Assert.Equal(HttpStatusCode.OK, noSuchStatus);
    }

    [Fact]
    public async Task A_search_link_for_another_workspace_or_a_channel_without_a_team_finds_nothing()
    {
        var links = world.SignedLinks;
        var other = PagesWorld.PathOf(links.Create(new LinkTarget(PageLinks.TeamSearchKind, "T_OTHER", "C_PAY")));
        var noTeam = PagesWorld.PathOf(links.Create(new LinkTarget(PageLinks.TeamSearchKind, SlackScenario.TeamId, "C_NOPE")));

        Assert.Equal(HttpStatusCode.NotFound, (await world.GetAsync(other + "?q=payouts")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await world.GetAsync(noTeam + "?q=payouts")).Status);
    }

    [Fact]
    public async Task Past_fifty_matches_the_search_says_it_shows_the_newest_fifty()
    {
        // Fifty-one people of the team wrote about the migration in the week of 17 Nov (made here in bulk, not through Slack).
        await using (var connection = await world.Database.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO weekly_updates (week_id, user_id, completed, in_progress, blockers, next_week, notes, is_late, submitted_at, updated_at)
                SELECT w.id, 'U_BULK' || n, 'the zebra migration, part ' || n, '', '', '', '', false, now(), now()
                FROM update_weeks w JOIN team_channels t ON t.id = w.team_channel_id, generate_series(1, 51) AS n
                WHERE t.channel_id = 'C_PAY' AND w.week_start = '2025-11-17'
                """);
        }

        var (status, html) = await SearchAsync("zebra");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<p id=\"count\">Showing the newest 50 updates that mention “zebra”. Add words to narrow the search and find older ones.", html);
        Assert.Equal(50, html.Split("<article class=\"update hit\">").Length - 1);
    }

    private async Task<(HttpStatusCode Status, string Html)> SearchAsync(string q)
    {
        var (_, week) = await world.GetAsync(world.Week(FirstWeek, Bob));
        return await world.GetAsync(SearchAction(week) + "?q=" + Uri.EscapeDataString(q));
    }

    private static string SearchAction(string html) => TeamWeekPageTests.Href(html, "method=\"get\" action=\"");
}
