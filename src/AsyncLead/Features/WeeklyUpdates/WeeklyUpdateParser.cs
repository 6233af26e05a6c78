using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>
/// Splits free text into the sections of a weekly update. Sections start at an ATX Markdown heading
/// (<c>## Completed</c>, <c>### In progress</c>) or at a label line (<c>Done: …</c>, <c>WIP -</c>, <c>**Blockers**</c>,
/// <c>Next week</c>; see <see cref="SectionLabels"/>), or mid-line at a "Label:" after <c>;</c>, <c>|</c> or <c>.</c>
/// (the one-line form people type); text on the label line belongs to the section. Everything
/// outside the four sections is kept as Notes. Markdig's syntax tree decides where a label may appear: at the start
/// of a paragraph line or of a top-level list item (including lazy continuation lines), never inside code, quotes
/// or nested items, so a fenced block containing "Blocked:" never splits the update.
/// </summary>
/// <remarks>
/// Setext headings (<c>text</c> over <c>---</c>) are read as ordinary lines, because in chat "---" is nearly always a
/// separator; separators become paragraph breaks. An unknown heading ends a section started by a label, and ends a
/// heading-started section when it is at the same or a higher level (deeper ones are sub-headings of the section).
/// </remarks>
public static class WeeklyUpdateParser
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().Build();

    public static WeeklyUpdateSections Parse(string text) => Parse(text, out _);

    /// <param name="labelled">Whether any heading or label (a Notes one too) named a section; without one everything
    /// is Notes, which is how a sentence that is no update at all ("out sick today") reads.</param>
    public static WeeklyUpdateSections Parse(string text, out bool labelled)
    {
        var source = text.ReplaceLineEndings("\n");
        var lines = source.Split('\n');
        var roles = Classify(lines, Markdown.Parse(source, Pipeline));
        var writer = new SectionWriter();
        for (var i = 0; i < lines.Length; i++)
        {
            var role = roles[i];
            var line = lines[i];
            switch (role.Kind)
            {
                case LineKind.Heading:
                    writer.Heading(role.Level, role.HeadingText, line);
                    break;
                case LineKind.Separator:
                    writer.Content("");
                    break;
                case LineKind.Candidate:
                    WriteCandidate(writer, line, role.ContentStart);
                    break;
                default:
                    writer.Content(line);
                    break;
            }
        }

        labelled = writer.Labelled;
        return writer.Build();
    }

    // A line that may hold labels: at its start, and after a ";", "|" or "." further on.
    private static void WriteCandidate(SectionWriter writer, string line, int contentStart)
    {
        var marker = line[..contentStart];
        var segments = SectionLabels.SplitAtInlineLabels(line[contentStart..]);
        for (var i = 0; i < segments.Count; i++)
        {
            // Only the first segment sits after the line's list marker; later ones start sections of their own.
            var (text, bullet) = (segments[i], i == 0 ? marker : "");
            if (SectionLabels.TryMatch(text, out var label))
            {
                writer.Label(label, bullet + text, bullet);
            }
            else
            {
                writer.Content(bullet + text);
            }
        }
    }

    private enum LineKind
    {
        Content,
        Candidate,
        Heading,
        Separator,
    }

    private readonly record struct LineRole(LineKind Kind, int ContentStart = 0, int Level = 0, string HeadingText = "");

    private static LineRole[] Classify(string[] lines, MarkdownDocument document)
    {
        var roles = new LineRole[lines.Length];
        var layout = new SourceLines(lines);
        foreach (var block in document)
        {
            var (first, last) = layout.Of(block);
            switch (block)
            {
                case HeadingBlock { IsSetext: false } heading:
                    roles[first] = new LineRole(LineKind.Heading, Level: heading.Level, HeadingText: PlainText(heading.Inline));
                    break;
                case HeadingBlock:
                    Mark(first, last - 1, new LineRole(LineKind.Candidate), roles);
                    roles[last] = new LineRole(LineKind.Separator);
                    break;
                case ThematicBreakBlock:
                    roles[first] = new LineRole(LineKind.Separator);
                    break;
                case ParagraphBlock:
                    Mark(first, last, new LineRole(LineKind.Candidate), roles);
                    break;
                case ListBlock list:
                    foreach (var item in list.OfType<ListItemBlock>())
                    {
                        if (item.FirstOrDefault() is ParagraphBlock paragraph && layout.Of(paragraph).First == layout.Of(item).First)
                        {
                            var line = layout.Of(item).First;
                            roles[line] = new LineRole(LineKind.Candidate, paragraph.Span.Start - layout.StartOf(line));
                        }
                    }

                    MarkLazyLines(list, layout, roles);
                    break;
                case QuoteBlock quote:
                    MarkLazyLines(quote, layout, roles);
                    break;
            }
        }

        return roles;
    }

    // A line at column 0 inside a nested paragraph is a lazy continuation: to the writer it is a new line,
    // as in "Done:\n- shipped X\nWIP: Y", where Markdown folds "WIP: Y" into the last list item.
    private static void MarkLazyLines(ContainerBlock container, SourceLines layout, LineRole[] roles)
    {
        foreach (var paragraph in container.Descendants<ParagraphBlock>())
        {
            var (first, last) = layout.Of(paragraph);
            for (var line = first + 1; line <= last; line++)
            {
                var text = layout.Lines[line];
                if (text.Length > 0 && !char.IsWhiteSpace(text[0]) && text[0] != '>')
                {
                    roles[line] = new LineRole(LineKind.Candidate);
                }
            }
        }
    }

    private static void Mark(int first, int last, LineRole role, LineRole[] roles)
    {
        for (var line = first; line <= last; line++)
        {
            roles[line] = role;
        }
    }

    private static string PlainText(ContainerInline? inline) =>
        inline is null
            ? ""
            : string.Concat(inline.Descendants().Select(child => child switch
            {
                LiteralInline literal => literal.Content.ToString(),
                CodeInline code => code.Content,
                _ => "",
            }));

    private sealed class SectionWriter
    {
        private readonly Dictionary<UpdateSection, List<string>> lines =
            Enum.GetValues<UpdateSection>().ToDictionary(section => section, _ => new List<string>());

        private UpdateSection current = UpdateSection.Notes;

        public bool Labelled { get; private set; }

        // The level of the heading that opened the current section; null when a label opened it.
        private int? level;

        public void Heading(int headingLevel, string text, string line)
        {
            if (SectionLabels.TryMatch(text, out var label))
            {
                Labelled = true;
                Switch(label.Section, headingLevel);
                Add(label.Section == UpdateSection.Notes ? line : label.Rest);
            }
            else if (current != UpdateSection.Notes && headingLevel > level)
            {
                Add(line);
            }
            else
            {
                Switch(UpdateSection.Notes, headingLevel);
                Add(line);
            }
        }

        public void Label(SectionLabel label, string line, string marker)
        {
            Labelled = true;
            Switch(label.Section, null);
            if (label.Section == UpdateSection.Notes)
            {
                Add(line);
            }
            else if (label.Rest.Length > 0)
            {
                Add(marker + label.Bullet + label.Rest);
            }
        }

        public void Content(string line) => Add(line);

        public WeeklyUpdateSections Build() => new(
            Text(UpdateSection.Completed),
            Text(UpdateSection.InProgress),
            Text(UpdateSection.Blockers),
            Text(UpdateSection.NextWeek),
            Text(UpdateSection.Notes));

        private void Switch(UpdateSection section, int? headingLevel)
        {
            // Keep repeated sections apart as paragraphs.
            if (section != current && lines[section].Count > 0)
            {
                lines[section].Add("");
            }

            current = section;
            level = headingLevel;
        }

        private void Add(string line)
        {
            if (line.Length > 0 || lines[current].Count > 0)
            {
                lines[current].Add(line);
            }
        }

        private string Text(UpdateSection section)
        {
            var kept = lines[section];
            var last = kept.FindLastIndex(line => !string.IsNullOrWhiteSpace(line));
            var body = kept.Take(last + 1).SkipWhile(string.IsNullOrWhiteSpace).ToList();
            var indent = body.Where(line => !string.IsNullOrWhiteSpace(line))
                .Select(line => line.Length - line.TrimStart().Length)
                .DefaultIfEmpty(0)
                .Min();
            return string.Join("\n", body.Select(line => line.Length >= indent ? line[indent..] : line.TrimStart()));
        }
    }
}
