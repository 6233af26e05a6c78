using AsyncLead.Features.WeeklyUpdates;
using AsyncLead.Slack.BlockKit;
using AsyncLead.Slack.Mrkdwn;
using AsyncLead.Web;

namespace AsyncLead.Features.Digest;

/// <summary>
/// The digest DM for one team. Each list shows its first few items, each linked to its Slack message, then
/// "…and 12 more" pointing at the week page, so a large team's digest stays readable and far inside Slack's limits
/// (a handful of blocks, every section well under 3000 characters).
/// </summary>
public static class DigestMessage
{
    /// <summary>Items a list shows (blockers, decisions, late updates); the rest are counted and left to the week page.</summary>
    public const int ItemsPerList = 8;

    /// <summary>Names shown per participation list.</summary>
    public const int NamesPerList = 20;

    // Long blocker texts and titles are cut so ItemsPerList lines always fit in one section.
    private const int TextLength = 150;

    public static MessageContent Render(DigestContent digest)
    {
        var page = digest.WeekPage;
        var title = $"🗞️ Weekly digest for <#{digest.ChannelId}>: {digest.Week.Name}";
        var blocks = new List<Block>
        {
            Blocks.Section($"*{title}*"),
            Blocks.Section(
                $"*Participation:* {WeeklyTexts.Figures(digest.Figures)}\n" +
                Names("✅ Wrote", digest.Wrote.Select(Writer).ToList(), page) + "\n" +
                Names("🌴 Away", [.. digest.Away.Select(MrkdwnEscaping.Escape)], page) + "\n" +
                Names("⏳ Missing", [.. digest.Missing.Select(MrkdwnEscaping.Escape)], page)),
            List("🚧 New blockers", digest.NewBlockers, page),
            List("🧱 Blockers open over a week", digest.AgedBlockers, page),
            List("🗳️ Decisions due this week", digest.DecisionsDue, page),
            List("📌 Decided last week", digest.DecisionsDecided, page),
            List("🕓 Late updates since the last digest", digest.LateUpdates, page),
            List("✅ Blockers resolved since the last digest", digest.ResolvedBlockers, page),
            Blocks.Context(page is null ? PageLinks.PagesOff : $"<{page}|Open the {digest.Week.Name} page> for every update, blocker and name."),
        };
        // Only for a team where someone planned last week: "none" would say nothing.
        if (digest.Plans.Total > 0)
        {
            blocks.Insert(2, List("🎯 Plan vs actual", digest.Plans, page));
        }

        // Only when there is one: lists that are nearly always empty would be noise.
        if (digest.NotStarted.Total > 0)
        {
            blocks.Insert(blocks.Count - 3, List("🐢 Decided, not started", digest.NotStarted, page));
        }

        if (digest.ToRevisit.Total > 0)
        {
            blocks.Insert(blocks.Count - 3, List("🔁 Decisions to revisit", digest.ToRevisit, page));
        }

        var text = $"Weekly digest for {digest.Week.Name}: {digest.Figures.WroteOfExpected}, {Count(digest.NewBlockers.Total, "new blocker")}, " +
            $"{Count(digest.AgedBlockers.Total, "blocker")} open over a week, {Count(digest.DecisionsDue.Total, "decision")} due";
        return new MessageContent(text, blocks);
    }

    private static string Count(int count, string thing) => count == 1 ? $"1 {thing}" : $"{count} {thing}s";

    private static string Writer(DigestWriter writer) =>
        writer.Reply is { } reply ? $"<{reply}|{MrkdwnEscaping.Escape(writer.Name)}>" : MrkdwnEscaping.Escape(writer.Name);

    private static string Names(string label, IReadOnlyList<string> names, Uri? page) =>
        $"{label} ({names.Count}): " + (names.Count == 0 ? "nobody" : string.Join(", ", names.Take(NamesPerList)) + More(names.Count - NamesPerList, page));

    private static SectionBlock List(string label, DigestList list, Uri? page) =>
        list.Total == 0
            ? Blocks.Section($"*{label}:* none")
            : Blocks.Section($"*{label} ({list.Total})*\n" + string.Join('\n', list.Shown.Select(line => "• " + Line(line))) + More(list.Hidden, page, newLine: true));

    private static string Line(DigestLine line)
    {
        var text = MrkdwnEscaping.Escape(BlockKitLimits.Truncate(OneLine(line.Text), TextLength));
        var linked = line.Link is { } link ? $"<{link}|{text}>" : text;
        var detail = MrkdwnEscaping.Escape(line.Detail) + (line.When is { } when ? " " + WeeklyTexts.When(when) : "");
        return detail.Length == 0 ? linked : $"{linked} — {detail}";
    }

    private static string More(int hidden, Uri? page, bool newLine = false) =>
        hidden <= 0 ? "" : (newLine ? "\n" : " ") + (page is null ? $"…and {hidden} more" : $"…and {hidden} more on the <{page}|week page>");

    // A link label can't span lines, and a bullet list reads best one item per line.
    private static string OneLine(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
