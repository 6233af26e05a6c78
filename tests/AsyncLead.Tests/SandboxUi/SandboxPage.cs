using AsyncLead.Tests.Web;
using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;

namespace AsyncLead.Tests.SandboxUi;

/// <summary>
/// The sandbox page in headless Chromium as a visitor works it: act as someone, type in a composer, fill and pick in
/// modals, click. Every step waits for what the live page shows, never for a time.
/// </summary>
public sealed class SandboxPage(Chromium chromium, Uri address, Func<string> hostOutput)
{
    public IWebDriver Browser => chromium.Driver;

    public void Open(string person)
    {
        Browser.Navigate().GoToUrl("about:blank");
        Browser.Navigate().GoToUrl(address + "#as=" + person);
        Until(() => Browser.FindElements(By.CssSelector("#channel-list a")).Count > 0);
    }

    public void ActAs(string person)
    {
        Click(() => Browser.FindElement(By.CssSelector($"#act-as option[value='{person}']")));
        Until(() => Browser.Url.Contains("as=" + person, StringComparison.Ordinal));
    }

    public void GoTo(string channelId) => Click(() => Browser.FindElement(By.CssSelector($"#channel-list a[data-conversation='{channelId}']")));

    /// <summary>Types into the channel's composer and presses Enter.</summary>
    public void Type(string text) => TypeInto("composer-input", text);

    /// <summary>Types into the open thread's reply composer and presses Enter.</summary>
    public void Reply(string text) => TypeInto("thread-input", text);

    private void TypeInto(string id, string text)
    {
        var input = Browser.FindElement(By.Id(id));
        input.SendKeys(text);
        input.SendKeys(Keys.Enter);
    }

    public IReadOnlyList<IWebElement> Messages() => Browser.FindElements(By.CssSelector("#messages .message"));

    public IReadOnlyList<IWebElement> Ephemerals() => Browser.FindElements(By.CssSelector("#messages .message.ephemeral"));

    public IReadOnlyList<IWebElement> Thread() => Browser.FindElements(By.CssSelector("#thread-messages .message"));

    public IWebElement Week() => Until(() => Messages().FirstOrDefault(m => m.Text.Contains("Week of", StringComparison.Ordinal)))!;

    public IWebElement MessageWith(string text) =>
        Until(() => Messages().FirstOrDefault(m => m.Text.Contains(text, StringComparison.Ordinal)))!;

    public IWebElement Modal(string? callbackId = null) =>
        Until(() => Browser.FindElements(By.CssSelector(callbackId is null ? "#modal-layer .modal" : $"#modal-layer .modal[data-callback-id='{callbackId}']")).FirstOrDefault())!;

    public void NoModal() => Until(() => Browser.FindElements(By.CssSelector("#modal-layer .modal")).Count == 0);

    /// <summary>The notice line's text once there is one.</summary>
    public string Notice() => Until(() => Browser.FindElements(By.Id("notice")).Select(n => n.Text).FirstOrDefault(t => t.Length > 0))!;

    public static IWebElement Field(IWebElement modal, string label) =>
        modal.FindElement(By.XPath($".//div[contains(@class,'input-block')][label[starts-with(normalize-space(.), '{label}')]]"));

    public static void Fill(IWebElement modal, string label, string text)
    {
        var input = Field(modal, label).FindElement(By.CssSelector("input, textarea"));
        input.Clear();
        input.SendKeys(text);
    }

    /// <summary>Picks an option in a select (for a multi-select: adds it) by its text, in an option group too.</summary>
    public static void Pick(IWebElement modal, string label, string option) =>
        Field(modal, label).FindElement(By.XPath($".//select//option[contains(., '{option}')]")).Click();

    /// <summary>Clicks what <paramref name="find"/> finds, finding it again if a live update redrew it meanwhile.</summary>
    public void Click(Func<IWebElement> find) => Until(() =>
    {
        find().Click();
        return true;
    });

    public static IWebElement Button(IWebElement scope, string text) =>
        scope.FindElements(By.CssSelector("button.btn")).First(b => b.Text.Contains(text, StringComparison.Ordinal));

    public T Script<T>(string script) => chromium.Script<T>(script);

    public string SaveScreenshot(string name) => chromium.SaveScreenshot(name, Chromium.DesktopWidth);

    /// <summary>Waits for the live page to show what <paramref name="condition"/> looks for; on a timeout, keeps a screenshot of what it showed instead.</summary>
    public T Until<T>(Func<T> condition)
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
            var shot = SaveScreenshot("sandbox-timed-out");
            throw new WebDriverTimeoutException($"The page did not get there in 15 s; it showed {shot}:\n{Browser.FindElement(By.TagName("body")).Text}\n\nThe host said:\n{hostOutput()}");
        }
    }
}
