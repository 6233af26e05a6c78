using AsyncLead.Slack.BlockKit;
using AsyncLead.Slack.Mrkdwn;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>
/// Who wrote, who was away, who is missing, and the blockers: the reply that closes a week's thread. Someone who files
/// after the close moves from Missing to Late when the summary is edited.
/// </summary>
public static class WeekSummary
{
    public const string ResolveActionId = "weekly_resolve_blocker";

    // Room for the header, the three lists and the overflow note within Slack's 50 blocks per message.
    private const int MaxBlockersShown = 40;

    public static MessageContent Render(string weekName, IReadOnlyList<string> wrote, IReadOnlyList<string> away,
        IReadOnlyList<string> missing, IReadOnlyList<SummaryBlocker> blockers, DateTimeOffset now, IReadOnlyList<string>? late = null)
    {
        late ??= [];
        // Late shows only once someone is: most weeks' summaries keep their three lines.
        IEnumerable<string> lines = late.Count == 0
            ? [People("Wrote", wrote), People("Away", away), People("Missing", missing)]
            : [People("Wrote", wrote), People("Late", late), People("Away", away), People("Missing", missing)];
        var blocks = new List<Block>
        {
            Blocks.Section($"*📋 {MrkdwnEscaping.Escape(weekName)}: summary*"),
            Blocks.Section(string.Join('\n', lines)),
        };
        var open = blockers.Count(b => b.ResolvedByName is null);
        blocks.Add(Blocks.Section(blockers.Count == 0 ? "*Blockers:* none 🎉" : $"*Blockers ({open} open)*"));
        foreach (var blocker in blockers.Take(MaxBlockersShown))
        {
            blocks.Add(Line(blocker, now));
        }

        if (blockers.Count > MaxBlockersShown)
        {
            blocks.Add(Blocks.Context($"…and {blockers.Count - MaxBlockersShown} more."));
        }

        var lateCount = late.Count == 0 ? "" : $"{late.Count} late, ";
        var text = $"{weekName}: {wrote.Count} wrote, {lateCount}{away.Count} away, {missing.Count} missing, {open} open blockers";
        return new MessageContent(text, blocks);
    }

    /// <summary>"opened today", "open 1 day", "open 9 days": whole days since the blocker was first written.</summary>
    public static string Age(DateTimeOffset openedAt, DateTimeOffset now)
    {
        var days = (int)Math.Floor((now - openedAt).TotalDays);
        return days switch
        {
            <= 0 => "opened today",
            1 => "open 1 day",
            _ => $"open {days} days",
        };
    }

    private static string People(string label, IReadOnlyList<string> names) =>
        $"*{label} ({names.Count}):* " + (names.Count == 0 ? "—" : string.Join(", ", names.Select(MrkdwnEscaping.Escape)));

    private static SectionBlock Line(SummaryBlocker blocker, DateTimeOffset now)
    {
        var text = MrkdwnEscaping.Escape(blocker.Text);
        var link = blocker.Reply is null ? "" : $" · <{blocker.Reply}|reply>";
        var author = MrkdwnEscaping.Escape(blocker.AuthorName);
        if (blocker.ResolvedByName is { } resolvedBy)
        {
            return Blocks.Section($"✅ ~{text}~ — {author}, resolved by {MrkdwnEscaping.Escape(resolvedBy)}{link}");
        }

        var resolve = new ButtonElement(ResolveActionId, new PlainText("Resolve")) { Value = blocker.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        return Blocks.Section($"🚧 {text} — {author}, {Age(blocker.OpenedAt, now)}{link}", resolve);
    }
}
