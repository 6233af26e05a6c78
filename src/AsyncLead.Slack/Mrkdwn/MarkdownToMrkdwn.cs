using System.Text;
using Markdig;
using Markdig.Extensions.EmphasisExtras;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace AsyncLead.Slack.Mrkdwn;

/// <summary>
/// Converts Markdown (as people write it in update and decision forms) to Slack mrkdwn. Raw HTML is never interpreted:
/// it arrives in Slack as escaped text. Slack tokens already in the source (<c>&lt;@U123&gt;</c>, <c>&lt;!here&gt;</c>, …)
/// pass through intact; every other <c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c> is escaped.
/// </summary>
public static class MarkdownToMrkdwn
{
    /// <summary>One indentation step for nested lists.</summary>
    internal const string ListIndent = "    ";
    internal const string ThematicBreak = "──────────";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseEmphasisExtras(EmphasisExtraOptions.Strikethrough)
        .Build();

    public static string Convert(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var placeholders = SlackTokenPlaceholders.Shield(markdown, out var shielded);
        var document = Markdown.Parse(shielded, Pipeline);
        return new Renderer(placeholders).Blocks(document, separator: "\n\n");
    }

    private sealed class Renderer(SlackTokenPlaceholders placeholders)
    {
        public string Blocks(ContainerBlock container, string separator) =>
            string.Join(separator, container.Select(Block).OfType<string>());

        private string? Block(Block block) => block switch
        {
            HeadingBlock heading => Heading(heading),
            ParagraphBlock paragraph => Inlines(paragraph.Inline, new Emphasis()),
            CodeBlock code => CodeFence(code), // fenced and indented alike
            ListBlock list => List(list, depth: 0),
            QuoteBlock quote => Prefix(Blocks(quote, separator: "\n"), "> "),
            ThematicBreakBlock => ThematicBreak,
            LinkReferenceDefinitionGroup => null, // definitions are resolved into their links already
            LeafBlock leaf => Literal(leaf.Lines.ToString()),
            ContainerBlock container => Blocks(container, separator: "\n\n"),
            _ => null,
        };

        private string? Heading(HeadingBlock heading)
        {
            var text = Inlines(heading.Inline, new Emphasis(Bold: true));
            return text.Length == 0 ? null : $"*{text}*";
        }

        private string CodeFence(CodeBlock code) => $"```\n{Literal(code.Lines.ToString())}\n```";

        private string List(ListBlock list, int depth)
        {
            var indent = string.Concat(Enumerable.Repeat(ListIndent, depth));
            var number = int.TryParse(list.OrderedStart, out var start) ? start : 1;
            var lines = new List<string>();
            foreach (var item in list.OfType<ListItemBlock>())
            {
                var marker = list.IsOrdered ? $"{number++}." : depth % 2 == 0 ? "•" : "◦";
                var continuation = indent + new string(' ', marker.Length + 1);
                var first = true;
                foreach (var child in item)
                {
                    if (child is ListBlock nested)
                    {
                        lines.Add(List(nested, depth + 1));
                        continue;
                    }

                    if (Block(child) is not { } text)
                    {
                        continue;
                    }

                    var childLines = text.Split('\n');
                    for (var i = 0; i < childLines.Length; i++)
                    {
                        lines.Add((first ? $"{indent}{marker} " : continuation) + childLines[i]);
                        first = false;
                    }
                }

                if (first)
                {
                    lines.Add($"{indent}{marker}");
                }
            }

            return string.Join('\n', lines);
        }

        private static string Prefix(string text, string prefix) =>
            string.Join('\n', text.Split('\n').Select(line => prefix + line));

        private string Literal(string text)
        {
            var builder = new StringBuilder(text.Length);
            placeholders.AppendLiteral(builder, text);
            return builder.ToString();
        }

        private string Inlines(ContainerInline? container, Emphasis emphasis)
        {
            var builder = new StringBuilder();
            if (container is not null)
            {
                AppendChildren(builder, container, emphasis);
            }

            return builder.ToString();
        }

        private void AppendChildren(StringBuilder builder, ContainerInline container, Emphasis emphasis)
        {
            foreach (var inline in container)
            {
                AppendInline(builder, inline, emphasis);
            }
        }

        private void AppendInline(StringBuilder builder, Inline inline, Emphasis emphasis)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    placeholders.AppendText(builder, literal.Content.AsSpan());
                    break;
                case EmphasisInline styled:
                    AppendEmphasis(builder, styled, emphasis);
                    break;
                case CodeInline code:
                    builder.Append('`');
                    placeholders.AppendLiteral(builder, code.Content);
                    builder.Append('`');
                    break;
                case LinkInline link:
                    AppendLink(builder, link.GetDynamicUrl?.Invoke() ?? link.Url, PlainText(link));
                    break;
                case AutolinkInline autolink:
                    AppendLink(builder, autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url, autolink.Url);
                    break;
                case LineBreakInline:
                    builder.Append('\n'); // soft breaks too: authors type line by line in a Slack text box
                    break;
                case HtmlEntityInline entity:
                    placeholders.AppendText(builder, entity.Transcoded.AsSpan());
                    break;
                case ContainerInline container:
                    AppendChildren(builder, container, emphasis);
                    break;
                default:
                    placeholders.AppendText(builder, inline.ToString());
                    break;
            }
        }

        private void AppendEmphasis(StringBuilder builder, EmphasisInline styled, Emphasis emphasis)
        {
            var (marker, inner) = styled switch
            {
                { DelimiterChar: '~' } => (emphasis.Strike ? "" : "~", emphasis with { Strike = true }),
                { DelimiterCount: >= 2 } => (emphasis.Bold ? "" : "*", emphasis with { Bold = true }),
                _ => (emphasis.Italic ? "" : "_", emphasis with { Italic = true }),
            };
            builder.Append(marker);
            AppendChildren(builder, styled, inner);
            builder.Append(marker);
        }

        private void AppendLink(StringBuilder builder, string? url, string label)
        {
            if (string.IsNullOrWhiteSpace(url))
            {
                placeholders.AppendText(builder, label);
                return;
            }

            builder.Append('<');
            // '|' would end the URL early in Slack's <url|label> syntax.
            placeholders.AppendLiteral(builder, url.Trim().Replace("|", "%7C", StringComparison.Ordinal));
            if (label.Length > 0 && label != url)
            {
                builder.Append('|');
                placeholders.AppendLiteral(builder, label);
            }

            builder.Append('>');
        }

        /// <summary>A link label is shown as plain text: mrkdwn formatting does not nest inside <c>&lt;url|label&gt;</c>.</summary>
        private static string PlainText(ContainerInline container)
        {
            var builder = new StringBuilder();
            foreach (var inline in container.Descendants<Inline>())
            {
                _ = inline switch
                {
                    LiteralInline literal => builder.Append(literal.Content.AsSpan()),
                    CodeInline code => builder.Append(code.Content),
                    HtmlEntityInline entity => builder.Append(entity.Transcoded.AsSpan()),
                    LineBreakInline => builder.Append(' '),
                    _ => builder,
                };
            }

            return builder.ToString();
        }
    }

    /// <summary>Formatting already open around an inline; mrkdwn cannot nest the same marker, so it is not repeated.</summary>
    private readonly record struct Emphasis(bool Bold = false, bool Italic = false, bool Strike = false);
}
