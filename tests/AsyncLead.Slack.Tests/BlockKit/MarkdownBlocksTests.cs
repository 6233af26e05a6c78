using AsyncLead.Slack.BlockKit;
using AsyncLead.Slack.Mrkdwn;

namespace AsyncLead.Slack.Tests.BlockKit;

public sealed class MarkdownBlocksTests
{
    [Fact]
    public void A_short_document_becomes_one_mrkdwn_section()
    {
        var section = Assert.Single(Blocks.FromMarkdown("## Blockers\n- waiting on <@U0AAAA001> for **prod** access"));

        Assert.Equal("*Blockers*\n\n• waiting on <@U0AAAA001> for *prod* access", Assert.IsType<MrkdwnText>(section.Text).Text);
    }

    [Fact]
    public void An_empty_document_has_no_blocks() =>
        Assert.Empty(Blocks.FromMarkdown("  \n\n "));

    [Fact]
    public void A_long_decision_doc_is_split_into_sections_that_fit_without_losing_text()
    {
        var sections = new[] { "Problem Statement", "Options Considered", "Analysis", "Recommendation", "Questions for Team" };
        var markdown = string.Join("\n\n", sections.Select((title, i) =>
            $"## {title}\n\n" + string.Join("\n\n", Enumerable.Range(0, 4).Select(p => $"Point {i}.{p} by <@U0AAAA00{p}> & co: " + Text.Words(700)))));
        var mrkdwn = MarkdownToMrkdwn.Convert(markdown);

        var blocks = Blocks.FromMarkdown(markdown);

        Assert.True(blocks.Count > 1);
        Assert.All(blocks, block => Assert.True(block.Text!.Text.Length <= BlockKitLimits.SectionText));
        // Rejoining with blank lines restores the text exactly: every cut fell on a paragraph break.
        Assert.Equal(mrkdwn, string.Join("\n\n", blocks.Select(block => block.Text!.Text)));
    }
}
