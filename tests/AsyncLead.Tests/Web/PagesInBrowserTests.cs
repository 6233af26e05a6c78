using AsyncLead.Tests.Infrastructure;
using AsyncLead.Web;
using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;
using static AsyncLead.Tests.Web.PagesWorld;

namespace AsyncLead.Tests.Web;

/// <summary>
/// The pages as people see them: headless Chromium opens each over HTTP from the running host, reads it through the
/// DOM, tries the hostile text, lays it out at phone width, and saves screenshots to TestResults/screenshots.
/// </summary>
public sealed class PagesInBrowserTests(PagesWorld world, Chromium chromium) : IClassFixture<PagesWorld>, IClassFixture<Chromium>
{
    private IWebDriver Browser => chromium.Driver;

    [Fact]
    public void Lena_reads_the_teams_week_blockers_first_with_the_late_update_marked()
    {
        Open(world.TeamWeek(Lena), Chromium.DesktopWidth);

        Assert.Equal("#team-payments · Week of 17 Nov 2025 · AsyncLead", Browser.Title);
        Assert.Equal(["alice", "lena", "dan late"], Texts("article.update h3"));
        Assert.Equal(["Waiting on the bank's API keys — alice resolved by lena", "Flaky CI on main — alice open 3 days"], Texts("#blockers li"));
        Assert.Equal("line-through", Browser.FindElement(By.CssSelector("#blockers li.resolved s")).GetCssValue("text-decoration-line"));
        Assert.Equal("3/5 wrote, 1 away", Text("#wrote"));
        Assert.Equal("Away (1): bob", Text("#away-list"));
        Assert.Equal("Missing (1): <b>erin</b>", Text("#missing-list"));
        Assert.Equal("rgba(224, 30, 90, 1)", Browser.FindElement(By.CssSelector("#update-UALICE section.blockers")).GetCssValue("border-left-color"));
        chromium.SaveScreenshot("team-week", Chromium.DesktopWidth);

        ClickToNavigate(Browser.FindElement(By.CssSelector("a[rel=prev]")));
        Assert.Equal("#team-payments · Week of 10 Nov 2025 · AsyncLead", Browser.Title);
        Assert.StartsWith("AsyncLead has no record of this week", Text("#no-record"));
    }

    [Fact]
    public void Script_in_an_update_is_shown_as_text_and_never_runs()
    {
        Open(world.TeamWeek(Lena), Chromium.DesktopWidth);

        var completed = Texts("#update-UALICE section.md li");
        Assert.Contains("<script>document.title='pwned'</script>", completed);
        Assert.Contains("<img src=x onerror=\"document.body.setAttribute('data-pwned','img')\">", completed);
        Assert.Equal("#team-payments · Week of 17 Nov 2025 · AsyncLead", Browser.Title);
        Assert.Empty(Browser.FindElements(By.CssSelector("script, img, iframe, object, embed")));
        Assert.Null(Browser.FindElement(By.TagName("body")).GetDomAttribute("data-pwned"));

        // The javascript: link was defused to "#": following it runs nothing and stays on the page.
        var runbook = Browser.FindElement(By.LinkText("the runbook"));
        Assert.Equal("#", runbook.GetDomAttribute("href"));
        runbook.Click();
        Assert.Null(Browser.FindElement(By.TagName("body")).GetDomAttribute("data-pwned"));
        Assert.Throws<NoAlertPresentException>(() => Browser.SwitchTo().Alert());
    }

    [Fact]
    public void On_a_phone_every_page_fits_the_screen_without_sideways_scrolling()
    {
        foreach (var (name, path) in new[]
        {
            ("team-week", world.TeamWeek(Lena)),
            ("decision", world.Decision(1, Lena)),
            ("decision-log", world.DecisionLog(Lena)),
            ("person", PathOf(world.Links.Person(SlackScenario.TeamId, Alice, Lena))),
            ("search", PathOf(world.SignedLinks.Create(new LinkTarget(PageLinks.TeamSearchKind, SlackScenario.TeamId, Channel, Lena))) + "?q=payouts"),
        })
        {
            Open(path, Chromium.PhoneWidth);

            Assert.Equal(Chromium.PhoneWidth, chromium.Script<long>("return window.innerWidth;"));
            var overflow = chromium.Script<long>("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            Assert.True(overflow <= 0, $"{name} scrolls sideways by {overflow}px at {Chromium.PhoneWidth}px");
            chromium.SaveScreenshot($"{name}-phone", Chromium.PhoneWidth);
        }
    }

    [Fact]
    public void Printed_pages_keep_the_content_and_leave_out_navigation_and_the_form()
    {
        Open(world.TeamWeek(Lena), Chromium.DesktopWidth);
        chromium.EmulateMedia("print");
        try
        {
            Assert.False(Browser.FindElement(By.CssSelector("nav.pager")).Displayed);
            Assert.False(Browser.FindElement(By.TagName("footer")).Displayed);
            Assert.Equal(3, Browser.FindElements(By.CssSelector("article.update")).Count(e => e.Displayed));
            Assert.True(new FileInfo(chromium.SavePdf("team-week-print")).Length > 1000);

            Open(world.DecisionLog(Lena), Chromium.DesktopWidth);
            Assert.False(Browser.FindElement(By.CssSelector("form.filters")).Displayed);
            Assert.True(Browser.FindElement(By.Id("log")).Displayed);
        }
        finally
        {
            chromium.EmulateMedia("");
        }
    }

    [Fact]
    public void A_decided_doc_shows_the_decision_reviewers_and_its_record_to_copy()
    {
        Open(world.Decision(1, Bob), Chromium.DesktopWidth);

        Assert.Equal("DEC-1: Move the job queue to Postgres", Text("h1"));
        Assert.Equal("decided", Text(".badge"));
        Assert.Equal("Chosen option: Postgres with SKIP LOCKED", Text("#decision p"));
        // Bob is away past the deadline: excused, not missing.
        Assert.Equal(["bob away, excused", "lena approved"], Texts("#reviewers tbody tr"));
        Assert.Empty(Browser.FindElements(By.Id("not-answered")));
        Assert.Equal(
            ["Decision", "Reviewers (2)", "Problem Statement", "Options Considered", "Analysis", "Recommendation", "Questions for Team"],
            Texts("h2"));
        Assert.StartsWith("Times are in America/New_York", Text("h1 + p .muted"));

        var record = Browser.FindElement(By.CssSelector("#record pre"));
        Assert.False(record.Displayed);
        Browser.FindElement(By.CssSelector("#record summary")).Click();
        Assert.StartsWith("---\nstatus: \"accepted\"", record.Text);
        Assert.Contains("# DEC-1: Move the job queue to Postgres", record.Text);
        chromium.SaveScreenshot("decision", Chromium.DesktopWidth);

        Open(world.Decision(2, Bob), Chromium.DesktopWidth);
        Assert.Equal("DEC-2: Adopt 100% coverage_goal", Browser.Title.Replace(" · AsyncLead", "", StringComparison.Ordinal));
        Assert.StartsWith("<script>document.title='pwned'</script> Coverage is uneven.", Text("h2 + .md p"));
        Assert.StartsWith("Concern from bob", Text("#concerns li"));
        Assert.Empty(Browser.FindElements(By.TagName("script")));
    }

    [Fact]
    public void The_log_filters_and_searches_with_a_plain_form_and_links_to_each_doc()
    {
        Open(world.DecisionLog(Lena), Chromium.DesktopWidth);
        Assert.Equal(["DEC-3", "DEC-2", "DEC-1"], Texts("#log tbody td:first-child"));
        chromium.SaveScreenshot("decision-log", Chromium.DesktopWidth);
        var signedPath = new Uri(Browser.Url).AbsolutePath;

        Browser.FindElement(By.CssSelector("select[name=status] option[value=closed]")).Click();
        Browser.FindElement(By.Name("q")).SendKeys("coverage");
        ClickToNavigate(Browser.FindElement(By.CssSelector("form.filters button")));

        Assert.Equal(signedPath, new Uri(Browser.Url).AbsolutePath);
        Assert.Equal("?status=closed&q=coverage", new Uri(Browser.Url).Query);
        Assert.Equal(["DEC-2"], Texts("#log tbody td:first-child"));
        Assert.Equal("coverage", Browser.FindElement(By.Name("q")).GetDomProperty("value"));

        ClickToNavigate(Browser.FindElement(By.LinkText("DEC-2")));
        Assert.Equal("DEC-2: Adopt 100% coverage_goal", Text("h1"));
        ClickToNavigate(Browser.FindElement(By.LinkText("← Decision log")));
        Assert.Equal("Decision log", Text("h1"));
    }

    [Fact]
    public void From_the_week_Lena_opens_alices_past_weeks_and_searches_the_teams_updates()
    {
        Open(world.TeamWeek(Lena), Chromium.DesktopWidth);
        ClickToNavigate(Browser.FindElement(By.CssSelector("#update-UALICE h3 a.person")));

        Assert.Equal("alice: past updates · AsyncLead", Browser.Title);
        Assert.Equal(["Week of 17 Nov 2025"], Texts("h2"));
        Assert.Equal(["#team-payments"], Texts("article.update h3"));
        Assert.Contains("<script>document.title='pwned'</script>", Texts("article.update section.md li"));
        Assert.Empty(Browser.FindElements(By.CssSelector("script, img, iframe")));
        chromium.SaveScreenshot("person", Chromium.DesktopWidth);

        ClickToNavigate(Browser.FindElement(By.CssSelector("article.update h3 a")));
        Assert.Equal("#team-payments · Week of 17 Nov 2025 · AsyncLead", Browser.Title);
        Browser.FindElement(By.Name("q")).SendKeys("api keys");
        ClickToNavigate(Browser.FindElement(By.CssSelector("#search button")));

        Assert.Equal("?q=api+keys", new Uri(Browser.Url).Query);
        Assert.StartsWith("1 update mentions “api keys”.", Text("#count"), StringComparison.Ordinal);
        Assert.Equal(["Week of 17 Nov 2025"], Texts("h2"));
        Assert.Equal(["API keys"], Texts("mark"));
        Assert.Equal("api keys", Browser.FindElement(By.Name("q")).GetDomProperty("value"));
        chromium.SaveScreenshot("search", Chromium.DesktopWidth);

        ClickToNavigate(Browser.FindElement(By.CssSelector("article.hit h3 a.person")));
        Assert.Equal("alice: past updates · AsyncLead", Browser.Title);
    }

    [Fact]
    public void An_expired_or_tampered_link_gets_a_clear_403_page()
    {
        var target = new LinkTarget(PageLinks.TeamWeekKind, SlackScenario.TeamId, PageLinks.TeamWeekKey(Channel, Week), Lena);
        Open(PathOf(world.SignedLinks.Create(target, TimeSpan.Zero)), Chromium.DesktopWidth);
        Assert.Equal("This link has expired", Text("h1"));
        Assert.DoesNotContain("alice", Browser.PageSource, StringComparison.Ordinal);
        chromium.SaveScreenshot("link-expired", Chromium.DesktopWidth);

        var path = world.TeamWeek(Lena);
        Open(path[..^6] + (path[^6] == 'A' ? 'B' : 'A') + path[^5..], Chromium.DesktopWidth);
        Assert.Equal("This link is not valid", Text("h1"));
        chromium.SaveScreenshot("link-invalid", Chromium.DesktopWidth);
    }

    private void Open(string path, int width)
    {
        chromium.Emulate(width, mobile: width < Chromium.DesktopWidth);
        Browser.Navigate().GoToUrl(new Uri(world.Host.BaseAddress, path));
    }

    /// <summary>Clicks a link or button that loads another page, and waits until that page has replaced this one.</summary>
    private void ClickToNavigate(IWebElement element)
    {
        var current = Browser.FindElement(By.TagName("html"));
        element.Click();
        new WebDriverWait(Browser, TimeSpan.FromSeconds(15)).Until(_ =>
            IsGone(current) && chromium.Script<string>("return document.readyState;") == "complete");
    }

    private static bool IsGone(IWebElement element)
    {
        try
        {
            _ = element.Enabled;
            return false;
        }
        catch (StaleElementReferenceException)
        {
            return true;
        }
    }

    private string Text(string css) => Browser.FindElement(By.CssSelector(css)).Text;

    private IReadOnlyList<string> Texts(string css) => [.. Browser.FindElements(By.CssSelector(css)).Select(e => e.Text.ReplaceLineEndings(" "))];
}
