using AsyncLead.Slack.BlockKit;
using AsyncLead.Slack.Mrkdwn;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>
/// Who wrote, who was away, who is missing, each writer's plan against actual, and the blockers (one written unchanged
/// for weeks offers a decision doc): the reply that closes a week's thread. Someone who files after the close moves
/// from Missing to Late when the summary is edited.
/// </summary>
public static class WeekSummary
{
    public const string ResolveActionId = "weekly_resolve_blocker";

    /// <summary>
    /// "Start a decision doc" on a blocker written unchanged <see cref="WeekChanges.FlagAfterWeeks"/> weeks running; its
    /// value is the blocker's id. Handled where decision docs live, which may see this room (never the other way round).
    /// </summary>
    public const string StartDecisionActionId = "decision_from_blocker";

    // Blocks the blockers' lines (and their decision-doc buttons) may take: Slack allows 50 per message, and the header,
    // the roll, the plan sections and the overflow notes take the rest.
    private const int BlockerBlocks = 40;

    // Sections of plan lines (each under Slack's 3000 characters); a larger team's rest is counted.
    private const int MaxPlanSections = 2;

    public static MessageContent Render(string weekName, IReadOnlyList<string> wrote, IReadOnlyList<string> away,
        IReadOnlyList<string> missing, IReadOnlyList<SummaryBlocker> blockers, DateTimeOffset now, IReadOnlyList<(string Name, string Plan)>? plans = null,
        IReadOnlyList<string>? late = null)
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
        AddPlans(blocks, plans ?? []);
        var open = blockers.Count(b => b.ResolvedByName is null);
        blocks.Add(Blocks.Section(blockers.Count == 0 ? "*Blockers:* none 🎉" : $"*Blockers ({open} open)*"));
        var (used, shown) = (0, 0);
        foreach (var blocker in blockers)
        {
            var line = Lines(blocker, now);
            if (used + line.Count > BlockerBlocks)
            {
                break;
            }

            blocks.AddRange(line);
            (used, shown) = (used + line.Count, shown + 1);
        }

        if (blockers.Count > shown)
        {
            blocks.Add(Blocks.Context($"…and {blockers.Count - shown} more."));
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

    /// <summary>"*Plan vs actual*" then one line per writer who had a plan; nothing when nobody had.</summary>
    private static void AddPlans(List<Block> blocks, IReadOnlyList<(string Name, string Plan)> plans)
    {
        if (plans.Count == 0)
        {
            return;
        }

        var text = new System.Text.StringBuilder("*Plan vs actual* (last week's Next Week)");
        var (sections, shown) = (0, 0);
        foreach (var (name, plan) in plans)
        {
            var line = $"\n• *{MrkdwnEscaping.Escape(name)}*: {MrkdwnEscaping.Escape(plan)}";
            if (text.Length + line.Length > BlockKitLimits.SectionText)
            {
                blocks.Add(Blocks.Section(text.ToString().TrimStart('\n')));
                text.Clear();
                if (++sections == MaxPlanSections)
                {
                    break;
                }
            }

            text.Append(line);
            shown++;
        }

        if (text.Length > 0)
        {
            blocks.Add(Blocks.Section(text.ToString().TrimStart('\n')));
        }

        if (plans.Count > shown)
        {
            blocks.Add(Blocks.Context($"…and {plans.Count - shown} more."));
        }
    }

    private static IReadOnlyList<Block> Lines(SummaryBlocker blocker, DateTimeOffset now)
    {
        var text = MrkdwnEscaping.Escape(blocker.Text);
        var link = blocker.Reply is null ? "" : $" · <{blocker.Reply}|reply>";
        var author = MrkdwnEscaping.Escape(blocker.AuthorName);
        if (blocker.ResolvedByName is { } resolvedBy)
        {
            return [Blocks.Section($"✅ ~{text}~ — {author}, resolved by {MrkdwnEscaping.Escape(resolvedBy)}{link}")];
        }

        var id = blocker.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var resolve = new ButtonElement(ResolveActionId, new PlainText("Resolve")) { Value = id };
        if (blocker.WeeksBlocked < WeekChanges.FlagAfterWeeks)
        {
            return [Blocks.Section($"🚧 {text} — {author}, {Age(blocker.OpenedAt, now)}{link}", resolve)];
        }

        return
        [
            Blocks.Section($"🚧 {text} — {author}, {Age(blocker.OpenedAt, now)} · *blocked for {blocker.WeeksBlocked} weeks*{link}", resolve),
            Blocks.Actions(new ButtonElement(StartDecisionActionId, new PlainText("Start a decision doc")) { Value = id }),
        ];
    }
}
