using AsyncLead.Sandbox;
using AsyncLead.Tests.Reliability;
using AsyncLead.Tests.Web;
using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;
using Xunit.Abstractions;

namespace AsyncLead.Tests.SandboxUi;

/// <summary>
/// The sandbox as a visitor uses it: headless Chromium on the page the real binary serves with no Slack settings,
/// typing, clicking and travelling in time as people would. Each test starts from the page's Reset. Screenshots go
/// to TestResults/screenshots (the README's come from there, docs/images/sandbox-*.png).
/// </summary>
[Collection(HostProcessCollection.Name)]
public sealed class SandboxPageInBrowserTests(SandboxProcessWorld world, Chromium chromium, ITestOutputHelper output)
    : IClassFixture<SandboxProcessWorld>, IClassFixture<Chromium>
{
    private const string Maya = SandboxWorkspace.LeadUserId;
    private const string Priya = "U0PRIYA";
    private const string Liam = "U0LIAM";
    private const string Lucas = "U0LUCAS";
    private const string Doc = "Move the job queue to Postgres";

    private IWebDriver Browser => chromium.Driver;

    [Fact]
    public async Task Updates_written_through_the_form_and_inline_are_the_authors_replies_in_the_weeks_thread()
    {
        await world.ResetAsync();
        Open(Maya);
        Click(() => Browser.FindElement(By.Id("advance-next-prompt")));
        var weekName = Until(() => Week().Text.Split('\n').FirstOrDefault(line => line.Contains("Week of", StringComparison.Ordinal)))!;

        ActAs(Priya);
        Type("/weekly-update");
        var form = Modal();
        Fill(form, "Completed", "Shipped the **retry** queue");
        Fill(form, "Next Week", "Load-test it");
        chromium.SaveScreenshot("sandbox-update-form", Chromium.DesktopWidth);
        Click(() => form.FindElement(By.Id("modal-submit")));
        NoModal();
        Until(() => Week().Text.Contains("1 reply", StringComparison.Ordinal));

        ActAs(Liam);
        Type("/weekly-update Done: Terraform for staging Blocked: waiting on a prod AWS account");
        Until(() => Week().Text.Contains("2 replies", StringComparison.Ordinal));
        Until(() => Ephemerals().Any(e => e.Text.Contains("Saved", StringComparison.Ordinal)));

        Click(() => Week().FindElement(By.CssSelector(".replies-link")));
        Until(() => Thread().Any(m => m.Text.Contains("liam's update", StringComparison.Ordinal) && m.Text.Contains("Terraform for staging", StringComparison.Ordinal)));
        Until(() => Thread().Any(m => m.Text.Contains("priya's update", StringComparison.Ordinal) && m.FindElements(By.CssSelector(".mrkdwn b")).Any(b => b.Text == "retry")));

        // Writing again the same week edits the reply in place (chat.update), as Slack shows it: "(edited)".
        Type("/weekly-update Done: Terraform for staging and prod");
        Until(() => Thread().Any(m => m.Text.Contains("staging and prod", StringComparison.Ordinal) && m.Text.Contains("(edited)", StringComparison.Ordinal)));
        Until(() => Thread().Count == 3 && Browser.FindElement(By.Id("thread-messages")).Text.Contains(weekName, StringComparison.Ordinal));
        chromium.SaveScreenshot("sandbox-week-thread", Chromium.DesktopWidth);
    }

    [Fact]
    public async Task A_decision_doc_is_approved_gets_a_concern_raised_and_resolved_and_closes_at_its_deadline()
    {
        await world.ResetAsync();
        Open(Maya);
        Type("/decision");
        var modal = Modal("decision_doc");
        Fill(modal, "Title", Doc);
        Fill(modal, "Problem Statement", "Jobs in Redis are *lost* on restart.");
        Fill(modal, "Recommendation", "Postgres with `SKIP LOCKED`.");
        Pick(modal, "Reviewers", "Priya Raman");
        Pick(modal, "Reviewers", "Lucas Müller");
        Until(() => modal.FindElements(By.CssSelector(".chip")).Select(c => c.Text.TrimEnd('×').Trim()).SequenceEqual(["Priya Raman (@priya)", "Lucas Müller (@lucas)"]));
        Click(() => modal.FindElement(By.Id("modal-submit")));
        NoModal();
        Until(() => MessageWith(Doc).Text.Contains("0/2 responded", StringComparison.Ordinal));

        ActAs(Priya);
        Click(() => Button(MessageWith(Doc), "Approve"));
        Until(() => MessageWith(Doc).Text.Contains("1/2 responded", StringComparison.Ordinal));
        Until(() => MessageWith(Doc).Text.Contains("(edited)", StringComparison.Ordinal));

        ActAs(Lucas);
        Click(() => Button(MessageWith(Doc), "Concern"));
        var concern = Modal("decision_comment");
        Fill(concern, "Your concern", "What about the *retry* storm?");
        Click(() => concern.FindElement(By.Id("modal-submit")));
        NoModal();
        Click(() => MessageWith(Doc).FindElement(By.CssSelector(".replies-link")));
        // The bot reads what people type as Markdown (*retry* is italic); the page shows its mrkdwn as Slack does.
        Until(() => Thread().Any(m => m.FindElements(By.CssSelector(".mrkdwn i")).Any(i => i.Text == "retry")
            && m.FindElement(By.CssSelector(".mrkdwn")).Text.StartsWith("⚠️ Concern from @lucas", StringComparison.Ordinal)));
        chromium.SaveScreenshot("sandbox-decision", Chromium.DesktopWidth);
        Click(() => Button(Thread().First(m => m.Text.Contains("retry", StringComparison.Ordinal)), "Resolve"));
        Until(() => Browser.FindElement(By.Id("thread-messages")).Text.Contains("Resolved by @lucas", StringComparison.Ordinal));

        Click(() => Browser.FindElement(By.Id("advance-deadline")));
        var notice = Until(() => Browser.FindElements(By.Id("notice")).Select(n => n.Text).FirstOrDefault())!;
        output.WriteLine("To the deadline: " + notice);
        Assert.StartsWith($"To the deadline of DEC-1 \"{Doc}\"", notice, StringComparison.Ordinal);
        Until(() => MessageWith(Doc).Text.Contains("closed", StringComparison.Ordinal));
        Until(() => MessageWith(Doc).FindElements(By.CssSelector("button.btn")).Select(b => b.Text).SequenceEqual(["Decide"]));
        Until(() => Thread().Any(m => m.Text.Contains("Ready to decide.", StringComparison.Ordinal)));
        chromium.SaveScreenshot("sandbox-decision-closed", Chromium.DesktopWidth);
    }

    [Fact]
    public async Task A_sample_week_fills_the_channel_and_App_Home_and_an_unknown_command_gets_Slacks_answer()
    {
        await world.ResetAsync();
        Open(Maya);
        var timing = chromium.Script<IReadOnlyDictionary<string, object>>(
            "const n = performance.getEntriesByType('navigation')[0]; const r = performance.getEntriesByName('sandbox-rendered')[0];"
            + "return { interactive: n.domInteractive, loaded: n.loadEventEnd, rendered: r ? r.startTime : -1 };");
        output.WriteLine($"Page load (Navigation Timing): domInteractive {timing["interactive"]} ms, loadEventEnd {timing["loaded"]} ms, "
            + $"first render with the workspace {timing["rendered"]} ms; the binary was ready in {world.StartedIn.TotalSeconds:F1} s");
        Assert.InRange(Convert.ToDouble(timing["rendered"], System.Globalization.CultureInfo.InvariantCulture), 0, 5000);

        Click(() => Browser.FindElement(By.Id("sample-week")));
        Click(() => Browser.FindElements(By.Id("notice")).First(n => n.Text.Contains("Sample", StringComparison.Ordinal)).FindElement(By.CssSelector("button")));
        Until(() => Messages().Any(m => m.Text.Contains("Move background jobs", StringComparison.Ordinal)));
        Click(() => Messages().First(m => m.Text.Contains("Week of", StringComparison.Ordinal)).FindElement(By.CssSelector(".replies-link")));
        Until(() => Thread().Count >= 5 && Thread().Any(m => m.Text.Contains("kenji's update (late)", StringComparison.Ordinal)));
        chromium.SaveScreenshot("sandbox", Chromium.DesktopWidth);

        Click(() => Browser.FindElement(By.Id("nav-app")));
        Until(() => Browser.FindElements(By.CssSelector("#home .blocks")).Any(home => home.Text.Contains("Waiting on you", StringComparison.Ordinal)));
        chromium.SaveScreenshot("sandbox-home", Chromium.DesktopWidth);

        Click(() => Browser.FindElement(By.CssSelector($"#channel-list a[data-conversation='{SandboxWorkspace.TeamChannelId}']")));
        Type("/standup yesterday");
        Until(() => Ephemerals().Any(m => m.Text.Contains("/standup is not a valid command", StringComparison.Ordinal)
            && m.Text.Contains("Only visible to you", StringComparison.Ordinal) && m.FindElement(By.CssSelector(".author")).Text == "Slackbot"));
        Assert.Empty(Browser.FindElements(By.Id("notice")));
    }

    private void Open(string person)
    {
        Browser.Navigate().GoToUrl("about:blank");
        Browser.Navigate().GoToUrl(world.PageAddress + "#as=" + person);
        Until(() => Browser.FindElements(By.CssSelector("#channel-list a")).Count > 0);
    }

    private void ActAs(string person)
    {
        Click(() => Browser.FindElement(By.CssSelector($"#act-as option[value='{person}']")));
        Until(() => Browser.Url.Contains("as=" + person, StringComparison.Ordinal));
    }

    private void Type(string text)
    {
        var input = Browser.FindElement(By.Id("composer-input"));
        input.SendKeys(text);
        input.SendKeys(Keys.Enter);
    }

    private IReadOnlyList<IWebElement> Messages() => Browser.FindElements(By.CssSelector("#messages .message"));

    private IReadOnlyList<IWebElement> Ephemerals() => Browser.FindElements(By.CssSelector("#messages .message.ephemeral"));

    private IReadOnlyList<IWebElement> Thread() => Browser.FindElements(By.CssSelector("#thread-messages .message"));

    private IWebElement Week() => Until(() => Messages().FirstOrDefault(m => m.Text.Contains("Week of", StringComparison.Ordinal)))!;

    private IWebElement Modal(string? callbackId = null) =>
        Until(() => Browser.FindElements(By.CssSelector(callbackId is null ? "#modal-layer .modal" : $"#modal-layer .modal[data-callback-id='{callbackId}']")).FirstOrDefault())!;

    private void NoModal() => Until(() => Browser.FindElements(By.CssSelector("#modal-layer .modal")).Count == 0);

    private static IWebElement Field(IWebElement modal, string label) =>
        modal.FindElement(By.XPath($".//div[contains(@class,'input-block')][label[starts-with(normalize-space(.), '{label}')]]"));

    private static void Fill(IWebElement modal, string label, string text)
    {
        var input = Field(modal, label).FindElement(By.CssSelector("input, textarea"));
        input.Clear();
        input.SendKeys(text);
    }

    private static void Pick(IWebElement modal, string label, string option) =>
        Field(modal, label).FindElement(By.XPath($".//select/option[contains(., '{option}')]")).Click();

    private IWebElement MessageWith(string text) =>
        Until(() => Messages().FirstOrDefault(m => m.Text.Contains(text, StringComparison.Ordinal)))!;

    /// <summary>Clicks what <paramref name="find"/> finds, finding it again if a live update redrew it meanwhile.</summary>
    private void Click(Func<IWebElement> find) => Until(() =>
    {
        find().Click();
        return true;
    });

    private static IWebElement Button(IWebElement scope, string text) =>
        scope.FindElements(By.CssSelector("button.btn")).First(b => b.Text.Contains(text, StringComparison.Ordinal));

    /// <summary>Waits for the live page to show what <paramref name="condition"/> looks for; on a timeout, keeps a screenshot of what it showed instead.</summary>
    private T Until<T>(Func<T> condition)
    {
        try
        {
            var wait = new WebDriverWait(Browser, TimeSpan.FromSeconds(15));
            // Not there yet (First found nothing) or redrawn by a live update meanwhile: look again.
            wait.IgnoreExceptionTypes(typeof(StaleElementReferenceException), typeof(NoSuchElementException), typeof(InvalidOperationException));
            return wait.Until(_ => condition())!;
        }
        catch (WebDriverTimeoutException)
        {
            var shot = chromium.SaveScreenshot("sandbox-timed-out", Chromium.DesktopWidth);
            throw new WebDriverTimeoutException($"The page did not get there in 15 s; it showed {shot}:\n{Browser.FindElement(By.TagName("body")).Text}\n\nThe host said:\n{world.RecentOutput()}");
        }
    }
}
