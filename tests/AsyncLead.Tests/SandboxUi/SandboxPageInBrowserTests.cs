using AsyncLead.Sandbox;
using AsyncLead.Tests.Web;
using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;

namespace AsyncLead.Tests.SandboxUi;

/// <summary>The sandbox page in headless Chromium over the seeded workspace and the real bot.</summary>
public sealed class SandboxPageInBrowserTests(SandboxPageWorld world, Chromium chromium) : IClassFixture<SandboxPageWorld>, IClassFixture<Chromium>
{
    private IWebDriver Browser => chromium.Driver;

    [Fact]
    public void Maya_sets_up_the_weekly_updates_through_the_modal_the_bot_sends()
    {
        Browser.Navigate().GoToUrl(world.PageAddress + "#as=" + SandboxWorkspace.LeadUserId);
        Until(() => Browser.FindElements(By.CssSelector("#channel-list a")).Count == 2);
        Assert.EndsWith("team-platform", Browser.FindElement(By.Id("conversation-title")).Text, StringComparison.Ordinal);

        Type("/weekly-update setup");
        var modal = Until(() => Browser.FindElements(By.CssSelector("#modal-layer .modal")).FirstOrDefault())!;
        chromium.SaveScreenshot("sandbox-setup-modal", Chromium.DesktopWidth);
        modal.FindElement(By.Id("modal-submit")).Click();
        Until(() => Browser.FindElements(By.CssSelector("#modal-layer .modal")).Count == 0);

        Type("/weekly-update Done: shipped the *sandbox* page");
        Until(() => Browser.FindElements(By.CssSelector("#messages .message")).Count > 0);
        chromium.SaveScreenshot("sandbox-first", Chromium.DesktopWidth);
    }

    private void Type(string text)
    {
        var input = Browser.FindElement(By.Id("composer-input"));
        input.SendKeys(text);
        input.SendKeys(Keys.Enter);
    }

    private T Until<T>(Func<T> condition) => new WebDriverWait(Browser, TimeSpan.FromSeconds(10)).Until(_ => condition());
}
