using System.Net;
using AsyncLead.Tests.Infrastructure;
using AsyncLead.Web;
using static AsyncLead.Tests.Web.PagesWorld;

namespace AsyncLead.Tests.Web;

/// <summary>The decision doc page over HTTP: a decided doc, a closed one with a concern, and links that must find nothing.</summary>
public sealed class DecisionPageTests(PagesWorld world) : IClassFixture<PagesWorld>
{
    [Fact]
    public async Task A_decided_doc_shows_its_sections_the_decision_and_its_markdown_record()
    {
        var (status, html) = await world.GetAsync(world.Decision(1, Lena));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<h1>DEC-1: Move the job queue to Postgres</h1>", html);
        Assert.Contains("<span class=\"badge status-decided\">decided</span>", html);
        Assert.Contains("<dt>Author</dt><dd>alice</dd>", html);
        Assert.Contains("<p><strong>Chosen option:</strong> Postgres with SKIP LOCKED</p>", html);
        Assert.Contains("<p>One less moving part &amp; it's <em>durable</em>.</p>", html);
        Assert.Contains("<h2>Problem Statement</h2><div class=\"md\"><p>Jobs in Redis are <strong>lost</strong> on restart.</p>", html);
        Assert.Contains("<h2>Options Considered</h2><div class=\"md\"><ol>", html);
        Assert.Contains("<h2>Analysis</h2><p class=\"muted\">Not written.</p>", html);
        Assert.Contains("<h2>Questions for Team</h2>", html);
        Assert.Contains("<details id=\"record\"><summary>Decision record as Markdown (MADR)", html);
        Assert.Contains("# DEC-1: Move the job queue to Postgres", html);
        Assert.Contains("Chosen option: &quot;Postgres with SKIP LOCKED&quot;", html);
    }

    [Fact]
    public async Task Reviewers_answers_and_who_was_away_are_listed_with_the_deadline_in_the_viewers_zone()
    {
        var (_, html) = await world.GetAsync(world.Decision(1, Bob));

        Assert.Contains("<tr><td>lena</td><td><span class=\"ok\">approved</span></td></tr>", html);
        // Bob is away until 30 Nov, past the deadline: excused, not missing.
        Assert.Contains("<tr><td>bob</td><td><span class=\"muted\">away, excused</span></td></tr>", html);
        Assert.DoesNotContain("id=\"not-answered\"", html);
        // The deadline was Thursday 20 Nov, end of day in Berlin: 17:00 UTC-ish becomes New York's afternoon.
        Assert.Contains("Times are in America/New_York (your Slack time zone).", html);
        Assert.Matches("<dt>Responses closed</dt><dd><time datetime=\"2025-11-20T[0-9:]+Z\">Thu 20 Nov 2025, [0-9:]+ EST</time></dd>", html);
        Assert.Contains("1/1 reviewers responded · 1 away, excused · ready to decide", html);
    }

    [Fact]
    public async Task An_open_concern_is_highlighted_and_hostile_doc_text_is_shown_as_text()
    {
        var (status, html) = await world.GetAsync(world.Decision(2));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<span class=\"badge status-closed\">review closed, not decided yet</span>", html);
        Assert.Contains("<li class=\"blockers\"><strong>Concern</strong> from bob", html);
        Assert.Contains("<span class=\"badge late\">open</span><div class=\"md\"><p>Tests for <strong>generated</strong> code are noise.</p>", html);
        Assert.Contains("&lt;script&gt;document.title=", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("id=\"record\"", html);
    }

    [Fact]
    public async Task A_docs_link_opens_the_doc_and_not_the_whole_decision_log()
    {
        var (_, html) = await world.GetAsync(world.Decision(3, Dan));

        Assert.Contains("<span class=\"badge status-open\">open for review</span>", html);
        Assert.Contains("<dt>Responses due</dt>", html);
        Assert.DoesNotContain("← Decision log", html);
    }

    [Fact]
    public async Task A_doc_opened_from_the_log_links_back_to_it_for_the_same_viewer_until_the_log_link_expires()
    {
        var logPath = world.DecisionLog(Dan);
        Assert.Equal(LinkCheck.Valid, world.SignedLinks.Check(logPath[3..], out var log));
        var (_, logHtml) = await world.GetAsync(logPath);
        var (_, html) = await world.GetAsync(TeamWeekPageTests.Href(logHtml, "<tr><td><a href=\""));

        var back = TeamWeekPageTests.Href(html, "<nav class=\"pager\"><a href=\"");
        Assert.Equal(LinkCheck.Valid, world.SignedLinks.Check(back[3..], out var target));
        Assert.Equal(new LinkTarget(PageLinks.DecisionLogKind, SlackScenario.TeamId, "", Dan), target.Opens());
        Assert.Equal(log!.ExpiresAt, target!.ExpiresAt);
    }

    [Fact]
    public async Task Asking_Slack_for_DEC_1_hands_bob_a_link_that_opens_the_doc_in_his_time_zone()
    {
        var reply = await world.Scenario.User(Bob, Channel).RunsCommandAsync("/decision", "DEC-1");

        var link = SlackLink(reply.Json!["text"]!.GetValue<string>(), "The whole doc with every response");
        var (status, html) = await world.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<h1>DEC-1: Move the job queue to Postgres</h1>", html);
        Assert.Contains("Times are in America/New_York (your Slack time zone).", html);
    }

    [Fact]
    public async Task A_link_for_another_workspace_or_to_a_doc_that_is_gone_is_a_404()
    {
        var otherWorkspace = await world.GetAsync(world.Decision(1, workspace: "T_OTHER"));
        var gone = await world.GetAsync(PathOf(world.Links.Decision(SlackScenario.TeamId, 999_999, Lena)));

        Assert.Equal(HttpStatusCode.NotFound, otherWorkspace.Status);
        Assert.DoesNotContain("Move the job queue", otherWorkspace.Html);
        Assert.Equal(HttpStatusCode.NotFound, gone.Status);
        Assert.Contains("Nothing here any more", gone.Html);
    }

    /// <summary>The address of a mrkdwn link <c>&lt;url|label&gt;</c> with this label; links point at the public URL.</summary>
    internal static Uri SlackLink(string mrkdwn, string label)
    {
        var match = System.Text.RegularExpressions.Regex.Match(mrkdwn, "<(https://asynclead\\.test/w/[A-Za-z0-9_-]+)\\|" + label + ">");
        Assert.True(match.Success, $"no link \"{label}\" in: {mrkdwn}");
        return new Uri(match.Groups[1].Value);
    }
}
