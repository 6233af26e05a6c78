using AsyncLead.Slack.BlockKit;
using AsyncLead.Slack.Mrkdwn;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>What a bot message says: the fallback text (notifications, screen readers) and its blocks.</summary>
public sealed record MessageContent(string Text, IReadOnlyList<Block> Blocks);

/// <summary>A member's update as their reply in the week's thread.</summary>
public static class UpdateMessage
{
    public const string ClosingLine = "Anything unclear? Reply in this thread";

    public static MessageContent Render(string authorName, WeeklyUpdateSections update, bool isLate)
    {
        var author = MrkdwnEscaping.Escape(authorName);
        var heading = $"*{author}*'s update" + (isLate ? " _(late)_" : "");
        var blocks = new List<Block> { Blocks.Section(heading) };
        foreach (var (label, markdown) in Sections(update))
        {
            blocks.AddRange(Blocks.FromMrkdwn($"*{label}*\n{MarkdownToMrkdwn.Convert(WithoutBroadcasts(markdown))}"));
        }

        blocks.Add(Blocks.Context(ClosingLine));
        return new MessageContent($"{authorName}'s weekly update" + (isLate ? " (late)" : ""), blocks);
    }

    private static IEnumerable<(string Label, string Markdown)> Sections(WeeklyUpdateSections update) =>
        new[]
        {
            ("Completed", update.Completed),
            ("In Progress", update.InProgress),
            ("Blockers", update.Blockers),
            ("Next Week", update.NextWeek),
            ("Notes", update.Notes),
        }.Where(section => !string.IsNullOrWhiteSpace(section.Item2));

    // An update may mention people (<@U…>), but never ping the whole channel: <!here>, <!channel> and <!everyone>
    // lose their token form, so the converter escapes them as plain text.
    internal static string WithoutBroadcasts(string markdown) => markdown.Replace("<!", "<\u200B!", StringComparison.Ordinal);
}
