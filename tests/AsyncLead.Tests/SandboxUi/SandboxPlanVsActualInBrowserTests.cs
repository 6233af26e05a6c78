using AsyncLead.Sandbox;
using AsyncLead.Tests.Reliability;
using AsyncLead.Tests.Web;
using OpenQA.Selenium;

namespace AsyncLead.Tests.SandboxUi;

/// <summary>
/// Two weeks in the sandbox, in a browser: Priya's plan against what she did, on the second week's summary, and the
/// blocker she wrote twice offering a decision doc that opens pre-filled. Screenshots go to TestResults/screenshots.
/// </summary>
[Collection(HostProcessCollection.Name)]
public sealed class SandboxPlanVsActualInBrowserTests(SandboxProcessWorld world, Chromium chromium)
    : IClassFixture<SandboxProcessWorld>, IClassFixture<Chromium>
{
    private const string Maya = SandboxWorkspace.LeadUserId;
    private const string Priya = "U0PRIYA";

    private SandboxPage Page => new(chromium, world.PageAddress, world.RecentOutput);

    /// <summary>Moves the clock with one of the time buttons, and waits until the page shows the new time.</summary>
    private void Advance(string button)
    {
        var before = Page.Browser.FindElement(By.Id("clock")).Text;
        Page.Click(() => Page.Browser.FindElement(By.Id(button)));
        Page.Until(() => Page.Browser.FindElement(By.Id("clock")).Text != before);
    }

    private void PriyaWrites(params (string Label, string Text)[] fields)
    {
        Page.ActAs(Priya);
        Page.Type("/weekly-update");
        var form = Page.Modal("weekly_update");
        foreach (var (label, text) in fields)
        {
            SandboxPage.Fill(form, label, text);
        }

        Page.Click(() => form.FindElement(By.Id("modal-submit")));
        Page.NoModal();
    }

    [Fact]
    public async Task The_second_weeks_summary_shows_plan_against_actual_and_the_repeated_blocker_opens_a_prefilled_decision_doc()
    {
        await world.ResetAsync();
        Page.Open(Maya);
        Advance("advance-next-prompt");
        PriyaWrites(("Completed", "Retry queue"), ("Blockers", "- waiting on a prod AWS account"),
            ("Next Week", "- Load-test the retry queue\n- Write the on-call runbook\n- Plan the offsite"));

        Advance("advance-next-prompt");
        PriyaWrites(("Completed", "- Load-tested the retry queue: 2k msg/s"), ("In Progress", "- on-call runbook, half done"),
            ("Blockers", "- waiting on a prod AWS account"), ("Next Week", "- Runbook review"));
        // From the Friday prompt to Monday, past the close at 09:00.
        for (var day = 0; day < 3; day++)
        {
            Advance("advance-day");
        }

        Page.ActAs(Maya);
        var secondWeek = Page.Until(() => Page.Messages().Where(m => m.Text.Contains("Week of", StringComparison.Ordinal)).Skip(1).FirstOrDefault())!;
        Page.Click(() => secondWeek.FindElement(By.CssSelector(".replies-link")));
        var summary = Page.Until(() => Page.Thread().FirstOrDefault(m => m.Text.Contains("Plan vs actual", StringComparison.Ordinal)))!;
        Page.Script<object>("document.getElementById('thread-messages').lastElementChild?.scrollIntoView()");
        Page.SaveScreenshot("sandbox-plan-vs-actual");
        Assert.Contains("priya: 1 of 3 done · 1 in progress (2nd week) · 1 dropped: “Plan the offsite”", summary.Text, StringComparison.Ordinal);
        Assert.Contains("blocked for 2 weeks", summary.Text, StringComparison.Ordinal);

        Page.Click(() => SandboxPage.Button(Page.Thread().First(m => m.Text.Contains("Plan vs actual", StringComparison.Ordinal)), "Start a decision doc"));
        var form = Page.Modal("decision_doc");
        Assert.Equal("waiting on a prod AWS account", SandboxPage.Field(form, "Title").FindElement(By.TagName("input")).GetAttribute("value"));
        Assert.Contains("> waiting on a prod AWS account", SandboxPage.Field(form, "Problem Statement").FindElement(By.TagName("textarea")).GetAttribute("value"),
            StringComparison.Ordinal);
        Page.SaveScreenshot("sandbox-blocker-decision-form");
    }
}
