using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace AsyncLead.Features.Decisions;

/// <summary>
/// Fills a decision doc from pasted Markdown. Top-level headings of any level name the sections
/// (case-insensitive, with common synonyms: "Problem", "Context", "Options", "Alternatives", "Proposal",
/// "Questions"…). A leading level-1 heading that names no section is the title. Text before the first section
/// is context, so it goes to the Problem Statement. A heading that names no section is a sub-heading of the
/// current section when it is deeper than that section's heading; otherwise it and its text are kept, heading
/// included, at the end of the Analysis. Headings inside code blocks, lists or quotes are just text.
/// </summary>
public static partial class DecisionDocParser
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().Build();

    private static readonly Dictionary<string, DocSection> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["problem statement"] = DocSection.Problem,
        ["problem"] = DocSection.Problem,
        ["the problem"] = DocSection.Problem,
        ["context"] = DocSection.Problem,
        ["context and problem statement"] = DocSection.Problem,
        ["background"] = DocSection.Problem,
        ["options considered"] = DocSection.Options,
        ["considered options"] = DocSection.Options,
        ["options"] = DocSection.Options,
        ["alternatives"] = DocSection.Options,
        ["alternatives considered"] = DocSection.Options,
        ["analysis"] = DocSection.Analysis,
        ["discussion"] = DocSection.Analysis,
        ["recommendation"] = DocSection.Recommendation,
        ["recommended option"] = DocSection.Recommendation,
        ["proposal"] = DocSection.Recommendation,
        ["proposed solution"] = DocSection.Recommendation,
        ["questions for team"] = DocSection.Questions,
        ["questions for the team"] = DocSection.Questions,
        ["questions"] = DocSection.Questions,
        ["open questions"] = DocSection.Questions,
    };

    private enum DocSection
    {
        Problem,
        Options,
        Analysis,
        Recommendation,
        Questions,
        Unknown,
    }

    public static DecisionDocSections Parse(string markdown)
    {
        var source = markdown.ReplaceLineEndings("\n");
        // Link reference definitions are collected into a group whose span doesn't follow document order;
        // their lines stay in the text of the block before them.
        var blocks = Markdown.Parse(source, Pipeline)
            .Where(b => b is not LinkReferenceDefinitionGroup && !b.Span.IsEmpty)
            .ToList();
        var text = Enum.GetValues<DocSection>().ToDictionary(s => s, _ => new List<string>());
        var title = "";
        var current = DocSection.Problem;
        int? level = null; // of the heading that opened the current section; null before the first one

        for (var i = 0; i < blocks.Count; i++)
        {
            // A block's text runs to the next block, so blank lines and spacing stay as written.
            var end = i + 1 < blocks.Count ? blocks[i + 1].Span.Start : source.Length;
            var chunk = source[blocks[i].Span.Start..end];
            if (blocks[i] is not HeadingBlock heading)
            {
                text[current].Add(chunk);
                continue;
            }

            var name = Normalize(PlainText(heading.Inline));
            if (Names.TryGetValue(name, out var section))
            {
                (current, level) = (section, heading.Level);
            }
            else if (i == 0 && heading.Level == 1)
            {
                title = PlainText(heading.Inline).Trim();
            }
            else if (heading.Level > level)
            {
                text[current].Add(chunk);
            }
            else
            {
                (current, level) = (DocSection.Unknown, heading.Level);
                text[current].Add(chunk);
            }
        }

        var analysis = string.Join("\n\n", new[] { Join(text[DocSection.Analysis]), Join(text[DocSection.Unknown]) }.Where(s => s.Length > 0));
        return new DecisionDocSections(
            title,
            Join(text[DocSection.Problem]),
            Join(text[DocSection.Options]),
            analysis,
            Join(text[DocSection.Recommendation]),
            Join(text[DocSection.Questions]));
    }

    private static string Join(List<string> chunks) => string.Concat(chunks).Trim('\n').TrimEnd();

    // "1. Problem Statement:", "🧭 Options" and "Problem  statement" all name their section.
    private static string Normalize(string heading) =>
        Whitespace().Replace(Decoration().Replace(heading, ""), " ").Trim().TrimEnd(':').Trim();

    private static string PlainText(ContainerInline? inline) =>
        inline is null
            ? ""
            : string.Concat(inline.Descendants().Select(child => child switch
            {
                LiteralInline literal => literal.Content.ToString(),
                CodeInline code => code.Content,
                _ => "",
            }));

    [GeneratedRegex(@"^\s*\d{1,2}[.)]\s*|\p{So}|\p{Cs}|\uFE0F|:[a-z0-9_+\-]+:", RegexOptions.NonBacktracking | RegexOptions.IgnoreCase)]
    private static partial Regex Decoration();

    [GeneratedRegex(@"\s+", RegexOptions.NonBacktracking)]
    private static partial Regex Whitespace();
}
