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
/// to TestResults/screenshots; scripts/screenshots.sh runs these tests and copies the README's into docs/images.
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

    // Stateless: every step reads the live Page.
    private SandboxPage Page => new(chromium, world.PageAddress, world.RecentOutput);

    private IWebDriver Browser => Page.Browser;

    /// <summary>The field errors a modal shows, by the field's label.</summary>
    private static Dictionary<string, string> Errors(IWebElement modal) =>
        modal.FindElements(By.CssSelector(".input-block.has-error")).ToDictionary(
            block => block.FindElement(By.CssSelector(".input-label")).Text.Replace(" (optional)", "", StringComparison.Ordinal),
            block => block.FindElement(By.CssSelector(".field-error")).Text);

    [Fact]
    public async Task Updates_written_through_the_form_and_inline_are_the_authors_replies_in_the_weeks_thread()
    {
        await world.ResetAsync();
        Page.Open(Maya);
        Page.Click(() => Browser.FindElement(By.Id("advance-next-prompt")));
        var weekName = Page.Until(() => Page.Week().Text.Split('\n').FirstOrDefault(line => line.Contains("Week of", StringComparison.Ordinal)))!;

        Page.ActAs(Priya);
        Page.Type("/weekly-update");
        var form = Page.Modal();
        SandboxPage.Fill(form, "Completed", "Shipped the **retry** queue");
        SandboxPage.Fill(form, "Next Week", "Load-test it");
        Page.SaveScreenshot("sandbox-update-form");
        Page.Click(() => form.FindElement(By.Id("modal-submit")));
        Page.NoModal();
        Page.Until(() => Page.Week().Text.Contains("1 reply", StringComparison.Ordinal));

        Page.ActAs(Liam);
        Page.Type("/weekly-update Done: Terraform for staging; Blocked: waiting on a prod AWS account");
        Page.Until(() => Page.Week().Text.Contains("2 replies", StringComparison.Ordinal));
        Page.Until(() => Page.Ephemerals().Any(e => e.Text.Contains("Saved", StringComparison.Ordinal)));

        Page.Click(() => Page.Week().FindElement(By.CssSelector(".replies-link")));
        Page.Until(() => Page.Thread().Any(m => m.Text.Contains("liam's update", StringComparison.Ordinal) && m.Text.Contains("Terraform for staging", StringComparison.Ordinal)));
        Page.Until(() => Page.Thread().Any(m => m.Text.Contains("priya's update", StringComparison.Ordinal) && m.FindElements(By.CssSelector(".mrkdwn b")).Any(b => b.Text == "retry")));

        // Writing again the same week asks first, privately, naming the blocker a replace would take off; replacing
        // edits the reply in place (chat.update), as Slack shows it: "(edited)", and the question goes.
        Page.Type("/weekly-update Done: Terraform for staging and prod");
        var question = Page.Until(() => Page.Ephemerals().FirstOrDefault(e => e.Text.Contains("Add this to it, or replace it", StringComparison.Ordinal)))!;
        Assert.Contains("🚧 waiting on a prod AWS account", question.Text, StringComparison.Ordinal);
        Page.SaveScreenshot("sandbox-add-or-replace");
        Page.Click(() => SandboxPage.Button(Page.Ephemerals().First(e => e.Text.Contains("Add this to it, or replace it", StringComparison.Ordinal)), "Replace it"));
        Page.Until(() => Page.Thread().Any(m => m.Text.Contains("staging and prod", StringComparison.Ordinal) && m.Text.Contains("(edited)", StringComparison.Ordinal)));
        Page.Until(() => Page.Ephemerals().Any(e => e.Text.Contains("Updated", StringComparison.Ordinal))
            && !Page.Ephemerals().Any(e => e.Text.Contains("Add this to it, or replace it", StringComparison.Ordinal)));
        Page.Until(() => Page.Thread().Count == 3 && Browser.FindElement(By.Id("thread-messages")).Text.Contains(weekName, StringComparison.Ordinal));
        Page.SaveScreenshot("sandbox-week-thread");

        // The thread's own composer: a message is a reply there and the count moves on.
        Page.Reply("Nice, the staging account works for me too");
        Page.Until(() => Page.Thread().Any(m => m.FindElement(By.CssSelector(".author")).Text == "Liam Walsh" && m.Text.Contains("staging account works", StringComparison.Ordinal)));
        Page.Until(() => Page.Week().Text.Contains("3 replies", StringComparison.Ordinal));
        // Slack tells the app the channel only, so its answer (chat.postEphemeral) shows in the channel, not the thread.
        Page.Reply("/weekly-update status");
        Page.Until(() => Page.Ephemerals().Any(m => m.Text.Contains("✅ Wrote (2): @priya, @liam", StringComparison.Ordinal)));
        Assert.Equal("", Browser.FindElement(By.Id("thread-input")).GetAttribute("value"));
        Assert.Contains("3 replies", Page.Week().Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inline_text_with_no_label_is_a_preview_only_its_author_sees_until_they_post_it()
    {
        await world.ResetAsync();
        Page.Open(Maya);
        Page.Click(() => Browser.FindElement(By.Id("advance-next-prompt")));
        Page.Week();

        Page.ActAs(Lucas);
        Page.Type("/weekly-update fixed the flaky login test and reviewed the **refunds** PRs");
        var preview = Page.Until(() => Page.Ephemerals().FirstOrDefault(e => e.Text.Contains("Nothing is posted yet", StringComparison.Ordinal)))!;
        Assert.Contains("Only visible to you", preview.Text, StringComparison.Ordinal);
        Assert.Equal(["Post as Completed", "Open in the form", "Cancel"], preview.FindElements(By.CssSelector("button.btn")).Select(b => b.Text));
        Assert.DoesNotContain("1 reply", Page.Week().Text, StringComparison.Ordinal);
        Page.SaveScreenshot("sandbox-inline-preview");

        Page.Click(() => SandboxPage.Button(Page.Ephemerals().First(e => e.Text.Contains("Nothing is posted yet", StringComparison.Ordinal)), "Post as Completed"));
        Page.Until(() => Page.Week().Text.Contains("1 reply", StringComparison.Ordinal));
        Page.Until(() => Page.Ephemerals().Any(e => e.Text.Contains("Saved", StringComparison.Ordinal))
            && !Page.Ephemerals().Any(e => e.Text.Contains("Nothing is posted yet", StringComparison.Ordinal)));

        // Another sentence that is no update: Cancel takes the preview away and nothing is posted.
        Page.Type("/weekly-update out sick today");
        Page.Click(() => SandboxPage.Button(Page.Ephemerals().First(e => e.Text.Contains("Nothing is posted yet", StringComparison.Ordinal)), "Cancel"));
        Page.Until(() => !Page.Ephemerals().Any(e => e.Text.Contains("Nothing is posted yet", StringComparison.Ordinal)));
        Assert.Contains("1 reply", Page.Week().Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Setup_starts_from_the_button_in_an_answer_only_you_see_and_its_form_shows_the_bots_field_errors()
    {
        await world.ResetAsync();
        Page.Open(Maya);
        Page.GoTo(SandboxWorkspace.PrivateChannelId);
        Page.Type("/weekly-update");
        Page.Click(() => SandboxPage.Button(Page.Ephemerals().First(m => m.Text.Contains("isn't set up for weekly updates", StringComparison.Ordinal)), "Set up weekly updates here"));

        // Every element the setup form has: static selects (one grouped), time pickers, radio buttons, checkboxes, multi and single user selects, text.
        var setup = Page.Modal("weekly_setup");
        SandboxPage.Pick(setup, "Prompt day", "Thursday");
        SandboxPage.Field(setup, "Prompt time").FindElement(By.CssSelector("input[type=time]")).SendKeys("0930AM");
        Page.Click(() => SandboxPage.Field(setup, "Who is expected").FindElement(By.XPath(".//label[contains(., 'Only the people I choose')]")));
        SandboxPage.Pick(setup, "Reminders", "Once, one working day");
        SandboxPage.Fill(setup, "Stand-up minutes", "abc");
        Page.Click(() => setup.FindElement(By.Id("modal-submit")));

        // Slack keeps the modal open with the app's message under each field, and what was entered stays.
        // (The page draws the modal again to show them: look it up afresh.)
        var errors = Page.Until(() => Errors(Page.Modal("weekly_setup")) is { Count: 2 } shown ? shown : null)!;
        setup = Page.Modal("weekly_setup");
        Assert.StartsWith("Pick at least one person", errors["Chosen people"], StringComparison.Ordinal);
        Assert.StartsWith("Enter whole minutes", errors["Stand-up minutes per day"], StringComparison.Ordinal);
        Assert.Equal("abc", SandboxPage.Field(setup, "Stand-up minutes").FindElement(By.TagName("input")).GetAttribute("value"));
        Page.SaveScreenshot("sandbox-setup-errors");

        // The zone comes from a list of IANA zones grouped by region.
        SandboxPage.Pick(setup, "Team time zone", "St Johns");
        SandboxPage.Pick(setup, "Chosen people", "Priya Raman");
        SandboxPage.Fill(setup, "Stand-up minutes", "20");
        SandboxPage.Pick(setup, "Lead", "Priya Raman");
        Page.Click(() => setup.FindElement(By.Id("modal-submit")));
        Page.NoModal();
        var saved = Page.Until(() => Page.Ephemerals().Select(m => m.Text).FirstOrDefault(t => t.Contains("Weekly updates are set up in #leads-private", StringComparison.Ordinal)))!;
        Assert.Contains("Thu 09:30", saved, StringComparison.Ordinal);
        Assert.Contains("America/St_Johns", saved, StringComparison.Ordinal);
        Assert.Empty(Browser.FindElements(By.Id("notice")));

        // Maya handed the lead role to Priya (the users select): her setup is now read-only for Maya.
        Page.Type("/weekly-update setup");
        var readOnly = Page.Until(() => Page.Modal("weekly_setup") is var shown && shown.Text.Contains("Only @priya (the team's lead)", StringComparison.Ordinal) ? shown : null)!;
        Assert.Empty(readOnly.FindElements(By.Id("modal-submit")));
    }

    [Fact]
    public async Task A_decision_doc_is_approved_gets_a_concern_raised_and_resolved_and_closes_at_its_deadline()
    {
        await world.ResetAsync();
        Page.Open(Maya);
        Page.Type("/decision");
        var modal = Page.Modal("decision_doc");
        SandboxPage.Fill(modal, "Title", Doc);
        SandboxPage.Fill(modal, "Problem Statement", "Jobs in Redis are *lost* on restart.");
        SandboxPage.Fill(modal, "Recommendation", "Postgres with `SKIP LOCKED`.");
        // Picking reviewers tells the bot at once (dispatch_action), which may update the form: find it afresh each time.
        Page.Click(() => SandboxPage.Field(Page.Modal("decision_doc"), "Reviewers").FindElement(By.XPath(".//select/option[contains(., 'Priya Raman')]")));
        Page.Click(() => SandboxPage.Field(Page.Modal("decision_doc"), "Reviewers").FindElement(By.XPath(".//select/option[contains(., 'Lucas Müller')]")));
        Page.Until(() => Page.Modal("decision_doc").FindElements(By.CssSelector(".chip")).Select(c => c.Text.TrimEnd('×').Trim()).SequenceEqual(["Priya Raman (@priya)", "Lucas Müller (@lucas)"])
            && SandboxPage.Field(Page.Modal("decision_doc"), "Title").FindElement(By.TagName("input")).GetAttribute("value") == Doc);
        Page.Click(() => Page.Modal("decision_doc").FindElement(By.Id("modal-submit")));
        Page.NoModal();
        Page.Until(() => Page.MessageWith(Doc).Text.Contains("0/2 responded", StringComparison.Ordinal));

        Page.ActAs(Priya);
        Page.Click(() => SandboxPage.Button(Page.MessageWith(Doc), "Approve"));
        Page.Until(() => Page.MessageWith(Doc).Text.Contains("1/2 responded", StringComparison.Ordinal));
        Page.Until(() => Page.MessageWith(Doc).Text.Contains("(edited)", StringComparison.Ordinal));

        Page.ActAs(Lucas);
        Page.Click(() => SandboxPage.Button(Page.MessageWith(Doc), "Concern"));
        var concern = Page.Modal("decision_comment");
        SandboxPage.Fill(concern, "Your concern", "What about the *retry* storm?");
        Page.Click(() => concern.FindElement(By.Id("modal-submit")));
        Page.NoModal();
        Page.Click(() => Page.MessageWith(Doc).FindElement(By.CssSelector(".replies-link")));
        // The bot reads what people type as Markdown (*retry* is italic); the page shows its mrkdwn as Slack does.
        Page.Until(() => Page.Thread().Any(m => m.FindElements(By.CssSelector(".mrkdwn i")).Any(i => i.Text == "retry")
            && m.FindElement(By.CssSelector(".mrkdwn")).Text.StartsWith("⚠️ Concern from @lucas", StringComparison.Ordinal)));
        Page.SaveScreenshot("sandbox-decision");
        Page.Click(() => SandboxPage.Button(Page.Thread().First(m => m.Text.Contains("retry", StringComparison.Ordinal)), "Resolve"));
        Page.Until(() => Browser.FindElement(By.Id("thread-messages")).Text.Contains("Resolved by @lucas", StringComparison.Ordinal));

        Page.Click(() => Browser.FindElement(By.Id("advance-deadline")));
        var notice = Page.Until(() => Browser.FindElements(By.Id("notice")).Select(n => n.Text).FirstOrDefault())!;
        output.WriteLine("To the deadline: " + notice);
        Assert.StartsWith($"To the deadline of DEC-1 \"{Doc}\"", notice, StringComparison.Ordinal);
        Page.Until(() => Page.MessageWith(Doc).Text.Contains("closed", StringComparison.Ordinal));
        // Closed: the reviewers' answer buttons are gone and the author's Decide is there.
        Page.Until(() => Page.MessageWith(Doc).FindElements(By.CssSelector("button.btn")).Select(b => b.Text).ToList() is var buttons
            && buttons.Contains("Decide") && !buttons.Contains("Approve") && !buttons.Contains("Concern"));
        Page.Until(() => Page.Thread().Any(m => m.Text.Contains("Ready to decide.", StringComparison.Ordinal)));
        Page.SaveScreenshot("sandbox-decision-closed");
    }

    [Fact]
    public async Task A_sample_week_fills_the_channel_and_App_Home_and_an_unknown_command_gets_Slacks_answer()
    {
        await world.ResetAsync();
        Page.Open(Maya);
        var timing = chromium.Script<IReadOnlyDictionary<string, object>>(
            "const n = performance.getEntriesByType('navigation')[0]; const r = performance.getEntriesByName('sandbox-rendered')[0];"
            + "return { interactive: n.domInteractive, loaded: n.loadEventEnd, rendered: r ? r.startTime : -1 };");
        output.WriteLine($"Page load (Navigation Timing): domInteractive {timing["interactive"]} ms, loadEventEnd {timing["loaded"]} ms, "
            + $"first render with the workspace {timing["rendered"]} ms; the binary was ready in {world.StartedIn.TotalSeconds:F1} s");
        Assert.InRange(Convert.ToDouble(timing["rendered"], System.Globalization.CultureInfo.InvariantCulture), 0, 5000);

        Page.Click(() => Browser.FindElement(By.Id("sample-week")));
        Page.Click(() => Browser.FindElements(By.Id("notice")).First(n => n.Text.Contains("Sample", StringComparison.Ordinal)).FindElement(By.CssSelector("button")));
        Page.Until(() => Page.Messages().Any(m => m.Text.Contains("Move background jobs", StringComparison.Ordinal)));
        Page.Click(() => Page.Messages().First(m => m.Text.Contains("Week of", StringComparison.Ordinal)).FindElement(By.CssSelector(".replies-link")));
        Page.Until(() => Page.Thread().Count >= 5 && Page.Thread().Any(m => m.Text.Contains("kenji's update (late)", StringComparison.Ordinal)));
        Page.SaveScreenshot("sandbox");

        Page.Click(() => Browser.FindElement(By.Id("nav-app")));
        Page.Until(() => Browser.FindElements(By.CssSelector("#home .blocks")).Any(home => home.Text.Contains("Waiting on you", StringComparison.Ordinal)));
        Page.SaveScreenshot("sandbox-home");
        // Home's buttons are the app's as anywhere else: this one opens the update form, Cancel closes it.
        Page.Click(() => SandboxPage.Button(Browser.FindElement(By.Id("home")), "Write update"));
        Assert.Equal("Weekly update", Page.Modal().FindElement(By.CssSelector(".modal-title")).Text);
        Page.Click(() => Browser.FindElement(By.Id("modal-close")));
        Page.NoModal();

        Page.Click(() => Browser.FindElement(By.CssSelector($"#channel-list a[data-conversation='{SandboxWorkspace.TeamChannelId}']")));
        Page.Type("/standup yesterday");
        Page.Until(() => Page.Ephemerals().Any(m => m.Text.Contains("/standup is not a valid command", StringComparison.Ordinal)
            && m.Text.Contains("Only visible to you", StringComparison.Ordinal) && m.FindElement(By.CssSelector(".author")).Text == "Slackbot"));
        Assert.Empty(Browser.FindElements(By.Id("notice")));
    }
}
