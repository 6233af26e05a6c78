using System.Globalization;
using AsyncLead.Slack.BlockKit;
using AsyncLead.Slack.Mrkdwn;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>A member's update as their reply in the week's thread.</summary>
public static class UpdateMessage
{
    public const string ClosingLine = "Anything unclear? Reply in this thread";

    /// <summary>The closing line naming the author: a question in the thread that mentions them reaches them in a DM.</summary>
    public static string ClosingLineFor(string authorUserId) =>
        $"{ClosingLine} and mention <@{authorUserId}>: your question reaches them in a DM.";

    /// <summary>
    /// Renders the reply. Blockers that are stored as items (<paramref name="blockers"/>) are listed one per line, each
    /// with a Resolve button while open; without stored items the Blockers section is shown as written.
    /// </summary>
    public static MessageContent Render(string authorName, WeeklyUpdateSections update, bool isLate, IReadOnlyList<ReplyBlocker>? blockers = null,
        string? authorUserId = null)
    {
        var author = MrkdwnEscaping.Escape(authorName);
        var heading = $"*{author}*'s update" + (isLate ? " _(late)_" : "");
        var blocks = new List<Block> { Blocks.Section(heading) };
        foreach (var (label, markdown) in Sections(update))
        {
            if (label == "Blockers" && blockers is { Count: > 0 })
            {
                blocks.Add(Blocks.Section("*Blockers*"));
                blocks.AddRange(blockers.Select(BlockerLine));
                continue;
            }

            blocks.AddRange(Blocks.FromMrkdwn($"*{label}*\n{Mrkdwn(markdown)}"));
        }

        blocks.Add(Blocks.Context(authorUserId is null ? ClosingLine : ClosingLineFor(authorUserId)));
        return new MessageContent($"{author}'s weekly update" + (isLate ? " (late)" : ""), blocks);
    }

    private static SectionBlock BlockerLine(ReplyBlocker blocker) =>
        blocker.IsResolved
            ? Blocks.Section($"✅ ~{Mrkdwn(blocker.Text)}~ (resolved)")
            : Blocks.Section($"🚧 {Mrkdwn(blocker.Text)}",
                new ButtonElement(WeekSummary.ResolveActionId, new PlainText("Resolve")) { Value = blocker.Id.ToString(CultureInfo.InvariantCulture) });

    private static string Mrkdwn(string markdown) => MarkdownToMrkdwn.Convert(markdown);

    private static IEnumerable<(string Label, string Markdown)> Sections(WeeklyUpdateSections update) =>
        new[]
        {
            ("Completed", update.Completed),
            ("In Progress", update.InProgress),
            ("Blockers", update.Blockers),
            ("Next Week", update.NextWeek),
            ("Notes", update.Notes),
        }.Where(section => !string.IsNullOrWhiteSpace(section.Item2));
}
