using System.Net;
using AsyncLead.Tests.Infrastructure;
using AsyncLead.Web;
using static AsyncLead.Tests.Web.PagesWorld;

namespace AsyncLead.Tests.Web;

/// <summary>The decision log over HTTP: every doc, the status filter and the text search, and what bad input gets.</summary>
public sealed class DecisionLogPageTests(PagesWorld world) : IClassFixture<PagesWorld>
{
    [Fact]
    public async Task The_log_lists_every_doc_newest_first_with_status_author_and_date()
    {
        var (status, html) = await world.GetAsync(world.DecisionLog(Lena));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<p id=\"count\">3 docs.</p>", html);
        Assert.Equal(["DEC-3", "DEC-2", "DEC-1"], ShortIds(html));
        Assert.Contains("<span class=\"badge status-decided\">decided</span></td><td data-label=\"by\">alice</td><td>decided <time", html);
        Assert.Contains("<span class=\"badge status-open\">open for review</span></td><td data-label=\"by\">dan</td><td>due <time", html);
        Assert.Contains("<td><a href=\"/w/", html);
        Assert.Contains("Adopt 100% coverage_goal", html);
    }

    [Fact]
    public async Task The_decision_list_in_Slack_ends_with_a_link_to_the_log()
    {
        var reply = await world.Scenario.User(Dan, Channel).RunsCommandAsync("/decision", "list");

        var link = DecisionPageTests.SlackLink(reply.Json!["text"]!.GetValue<string>(), "Every decision, searchable, in the decision log");
        var (status, html) = await world.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<p id=\"count\">3 docs.</p>", html);
        Assert.Contains("Times are in Asia/Tokyo (your Slack time zone).", html);
    }

    [Fact]
    public async Task Each_row_links_to_its_doc_for_the_same_viewer_expiring_with_the_log_link()
    {
        var logPath = world.DecisionLog(Bob);
        Assert.Equal(LinkCheck.Valid, world.SignedLinks.Check(logPath[3..], out var log));
        var (_, html) = await world.GetAsync(logPath);

        var first = TeamWeekPageTests.Href(html, "<tr><td><a href=\"");
        Assert.Equal(LinkCheck.Valid, world.SignedLinks.Check(first[3..], out var target));
        Assert.Equal(new LinkTarget(PageLinks.DecisionKind, SlackScenario.TeamId, world.DocIds[2].ToString(System.Globalization.CultureInfo.InvariantCulture), Bob),
            target.Opens());
        Assert.Equal(log!.ExpiresAt, target!.ExpiresAt);
        Assert.Equal(PageLinks.DecisionLogKind, target.Scope);
        var (status, doc) = await world.GetAsync(first);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("DEC-3: Split the monolith", doc);
    }

    [Theory]
    [InlineData("status=decided", new[] { "DEC-1" })]
    [InlineData("status=OPEN", new[] { "DEC-3" })]
    [InlineData("q=redis", new[] { "DEC-1" })]
    [InlineData("q=billing+deploys", new[] { "DEC-3" })]
    [InlineData("q=dec-2", new[] { "DEC-2" })]
    [InlineData("q=100%25", new[] { "DEC-2" })]
    [InlineData("q=option+2&status=closed", new[] { "DEC-2" })]
    [InlineData("q=%25", new[] { "DEC-2" })]
    [InlineData("q=_", new[] { "DEC-2" })]
    [InlineData("q=%5C", new string[0])]
    public async Task Status_and_text_filter_the_log_and_wildcards_are_taken_literally(string query, string[] expected)
    {
        var (status, html) = await world.GetAsync($"{world.DecisionLog(Lena)}?{query}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(expected, ShortIds(html));
    }

    [Fact]
    public async Task The_form_keeps_what_was_asked_and_submits_to_the_pages_own_address()
    {
        var (_, html) = await world.GetAsync($"{world.DecisionLog(Lena)}?status=closed&q=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E");

        Assert.Contains("<form class=\"filters\" method=\"get\" role=\"search\">", html);
        Assert.Contains("<option value=\"closed\" selected>Closed</option>", html);
        Assert.Contains("value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\"", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("No docs match. <a href=\"?\">Show every doc</a>.", html);
    }

    [Theory]
    [InlineData("status=nonsense", "That status is not one of open, closed, decided, withdrawn or lapsed")]
    [InlineData("status=2", "That status is not one of open, closed, decided, withdrawn or lapsed")]
    [InlineData("q=%00redis%01", "1 doc matches.")]
    [InlineData("status=open&status=decided", "1 doc matches.")]
    [InlineData("q=%E2%28", "No docs match.")]
    public async Task Bad_filter_values_get_the_page_with_a_note_never_an_error(string query, string expected)
    {
        var (status, html) = await world.GetAsync($"{world.DecisionLog(Lena)}?{query}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(expected, html);
    }

    [Fact]
    public async Task A_search_longer_than_the_limit_uses_its_start_and_says_so()
    {
        var (status, html) = await world.GetAsync($"{world.DecisionLog(Lena)}?q=redis{new string('x', 300)}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Searches use the first 200 characters.", html);
        Assert.Empty(ShortIds(html));
    }

    [Fact]
    public async Task Another_workspaces_log_shows_none_of_these_docs()
    {
        var (status, html) = await world.GetAsync(world.DecisionLog(workspace: "T_OTHER"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("No decision docs yet.", html);
        Assert.Empty(ShortIds(html));
    }

    private static IReadOnlyList<string> ShortIds(string html) =>
        [.. System.Text.RegularExpressions.Regex.Matches(html, "<tr><td><a href=\"[^\"]+\">(DEC-[0-9]+)</a>").Select(m => m.Groups[1].Value)];
}
