using AsyncLead.Slack.Mrkdwn;

namespace AsyncLead.Slack.BlockKit;

/// <summary>Short ways to build the blocks AsyncLead uses most. Text arguments are mrkdwn unless named otherwise.</summary>
public static class Blocks
{
    public static SectionBlock Section(string mrkdwn, BlockElement? accessory = null) =>
        new() { Text = new MrkdwnText(mrkdwn), Accessory = accessory };

    public static SectionBlock Fields(params string[] mrkdwnFields) =>
        new() { Fields = [.. mrkdwnFields.Select(field => new MrkdwnText(field))] };

    public static HeaderBlock Header(string plainText) => new(new PlainText(plainText));

    public static ContextBlock Context(params string[] mrkdwn) =>
        new([.. mrkdwn.Select(text => new MrkdwnText(text))]);

    public static DividerBlock Divider() => new();

    public static ActionsBlock Actions(params BlockElement[] elements) => new(elements);

    public static InputBlock Input(string blockId, string label, BlockElement element, bool optional = false, string? hint = null) =>
        new(new PlainText(label), element)
        {
            BlockId = blockId,
            Optional = optional ? true : null,
            Hint = hint is null ? null : new PlainText(hint),
        };

    /// <summary>A Markdown document as section blocks: converted to mrkdwn, then split to fit the section text limit.</summary>
    public static IReadOnlyList<SectionBlock> FromMarkdown(string markdown) =>
        FromMrkdwn(MarkdownToMrkdwn.Convert(markdown));

    /// <summary>Ready mrkdwn as section blocks, split to fit the section text limit.</summary>
    public static IReadOnlyList<SectionBlock> FromMrkdwn(string mrkdwn) =>
        [.. BlockKitLimits.SplitText(mrkdwn).Select(piece => Section(piece))];
}
