using AsyncLead.Features.WeeklyUpdates;
using AsyncLead.Slack.BlockKit;

namespace AsyncLead.Tests.Features.WeeklyUpdates;

public sealed class UpdateMessageTests
{
    private static string Texts(MessageContent message) =>
        string.Join("\n", message.Blocks.Select(b => b switch
        {
            SectionBlock section => section.Text!.Text,
            ContextBlock context => string.Join(" ", context.Elements.Select(e => e.Text)),
            _ => "",
        }));

    [Fact]
    public void Only_written_sections_appear_in_order_under_bold_labels_and_the_reply_invites_questions()
    {
        var message = UpdateMessage.Render("alice", new WeeklyUpdateSections("Shipped", "", "Keys", "Refunds", "FYI"), isLate: false);

        Assert.Equal("*alice*'s update\n*Completed*\nShipped\n*Blockers*\nKeys\n*Next Week*\nRefunds\n*Notes*\nFYI\nAnything unclear? Reply in this thread",
            Texts(message));
        Assert.Equal("alice's weekly update", message.Text);
    }

    [Fact]
    public void A_late_update_says_so_in_its_heading_and_its_notification()
    {
        var message = UpdateMessage.Render("bob", new WeeklyUpdateSections("Shipped", "", "", "", ""), isLate: true);

        Assert.StartsWith("*bob*'s update _(late)_", Texts(message), StringComparison.Ordinal);
        Assert.Equal("bob's weekly update (late)", message.Text);
    }

    [Fact]
    public void Names_and_text_are_escaped_and_broadcast_mentions_lose_their_power_but_person_mentions_stay()
    {
        var message = UpdateMessage.Render("<b>&co", new WeeklyUpdateSections("Paired with <@U_BOB> <!here> <!channel> & co", "", "", "", ""), isLate: false);
        var text = Texts(message);

        Assert.Contains("*&lt;b&gt;&amp;co*", text, StringComparison.Ordinal);
        Assert.Contains("<@U_BOB>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<!here>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<!channel>", text, StringComparison.Ordinal);
        Assert.Contains("&amp; co", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_section_is_split_into_sections_within_slacks_limit_without_losing_text()
    {
        var completed = string.Join("\n", Enumerable.Range(1, 200).Select(i => $"- item {i:000} done with a longer description"));

        var message = UpdateMessage.Render("alice", new WeeklyUpdateSections(completed, "", "", "", ""), isLate: false);

        var sections = message.Blocks.OfType<SectionBlock>().Select(b => b.Text!.Text).ToList();
        Assert.True(sections.Count > 3);
        Assert.All(sections, text => Assert.InRange(text.Length, 1, BlockKitLimits.SectionText));
        Assert.Contains("item 001", string.Join("\n", sections), StringComparison.Ordinal);
        Assert.Contains("item 200", string.Join("\n", sections), StringComparison.Ordinal);
    }
}
