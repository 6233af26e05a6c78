using System.Globalization;
using AsyncLead.Slack.BlockKit;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>
/// Plan against actual for one person: each item of last week's Next Week, looked for in this week's update
/// (<see cref="SameItem"/> decides what is the same line), and a blocker written again unchanged week after week.
/// Only the week right before counts as the plan: a person who wrote nothing then has no plan to compare.
/// </summary>
public static class PlanCheck
{
    /// <summary>How long an item's own words may run in the line before they are cut.</summary>
    public const int ItemLength = 60;

    // Named in the line before "and N more"; the rest are counted.
    private const int NamedPerState = 2;

    /// <param name="thisWeek">The person's update of the week being looked at.</param>
    /// <param name="earlier">Their updates of the weeks before it, the week right before first; null for a week they wrote none.</param>
    /// <returns>One outcome per item of the week before's Next Week, in its order; empty when it planned nothing.</returns>
    public static IReadOnlyList<PlannedOutcome> Compare(WeeklyUpdateSections thisWeek, IReadOnlyList<WeeklyUpdateSections?> earlier)
    {
        if (earlier.Count == 0 || earlier[0] is not { } lastWeek)
        {
            return [];
        }

        // Searched in this order: the first section that surely has the item says what became of it.
        var sections = new (PlanState State, IReadOnlyList<IReadOnlyList<string>> Lines)[]
        {
            (PlanState.Done, Lines(thisWeek.Completed)),
            (PlanState.InProgress, Lines(thisWeek.InProgress)),
            (PlanState.StillPlanned, Lines(thisWeek.NextWeek)),
            (PlanState.Blocked, Lines(thisWeek.Blockers)),
            (PlanState.Unclear, Lines(thisWeek.Notes)),
        };
        var outcomes = new List<PlannedOutcome>();
        foreach (var (item, words) in BlockerItems.Extract(lastWeek.NextWeek).Select(item => (item, SameItem.Words(item)))
                     .Where(planned => planned.Item2.Count > 0).DistinctBy(planned => string.Join(' ', planned.Item2)))
        {
            var best = sections.Select(section => (section.State, Match: section.Lines.Select(line => SameItem.Compare(words, line)).DefaultIfEmpty().Max())).ToList();
            var state = best.Where(b => b.Match == ItemMatch.Sure).Select(b => (PlanState?)b.State).FirstOrDefault()
                ?? (best.Any(b => b.Match == ItemMatch.Unsure) ? PlanState.Unclear : PlanState.Dropped);
            var weeks = state is PlanState.InProgress or PlanState.StillPlanned or PlanState.Blocked
                ? 1 + earlier.TakeWhile(week => week is not null && IsOpenIn(week, words)).Count()
                : 0;
            outcomes.Add(new PlannedOutcome(item, state, weeks));
        }

        return outcomes;
    }

    /// <summary>
    /// How many weeks in a row, this one included, the person's Blockers held <paramref name="blocker"/> unchanged (case
    /// and spacing aside, as a carried-over blocker is matched); 0 when this week's update doesn't hold it.
    /// </summary>
    public static int BlockedWeeks(string blocker, WeeklyUpdateSections thisWeek, IReadOnlyList<WeeklyUpdateSections?> earlier)
    {
        var key = UpdateStore.BlockerKey(blocker);
        bool Holds(WeeklyUpdateSections week) => week.BlockerItems.Any(item => UpdateStore.BlockerKey(item) == key);
        return Holds(thisWeek) ? 1 + earlier.TakeWhile(week => week is not null && Holds(week)).Count() : 0;
    }

    /// <summary>
    /// The outcomes in one plain-text line, e.g. <c>2 of 4 done · 1 in progress (2nd week) · 1 not mentioned: “Runbook”</c>;
    /// null when there was no plan. Escaping is the caller's, as for any plain text.
    /// </summary>
    public static string? Describe(IReadOnlyList<PlannedOutcome> outcomes)
    {
        if (outcomes.Count == 0)
        {
            return null;
        }

        List<PlannedOutcome> Of(PlanState state) => [.. outcomes.Where(o => o.State == state)];
        var parts = new List<string> { string.Create(CultureInfo.InvariantCulture, $"{Of(PlanState.Done).Count} of {outcomes.Count} done") };
        var working = Of(PlanState.InProgress);
        if (working.Count > 0)
        {
            var longest = working.MaxBy(o => o.Weeks)!;
            parts.Add(working.All(o => o.Weeks == longest.Weeks)
                ? string.Create(CultureInfo.InvariantCulture, $"{working.Count} in progress ({Ordinal(longest.Weeks)} week)")
                : string.Create(CultureInfo.InvariantCulture, $"{working.Count} in progress (longest: {Quote(longest.Item)}, {Ordinal(longest.Weeks)} week)"));
        }

        Count(parts, Of(PlanState.StillPlanned), "still planned", named: false);
        Count(parts, Of(PlanState.Blocked), "blocked", named: false);
        Count(parts, Of(PlanState.Unclear), "unclear", named: true);
        // Said in the team's thread: we only know the item wasn't mentioned, not that its writer gave it up.
        Count(parts, Of(PlanState.Dropped), "not mentioned", named: true);
        return string.Join(" · ", parts);
    }

    /// <summary>1st, 2nd, 3rd, 4th… 11th, 12th, 13th… 21st.</summary>
    public static string Ordinal(int number)
    {
        var suffix = (number % 100) is 11 or 12 or 13 ? "th" : (number % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
        return number.ToString(CultureInfo.InvariantCulture) + suffix;
    }

    private static void Count(List<string> parts, List<PlannedOutcome> items, string what, bool named)
    {
        if (items.Count == 0)
        {
            return;
        }

        var count = string.Create(CultureInfo.InvariantCulture, $"{items.Count} {what}");
        if (!named)
        {
            parts.Add(count);
            return;
        }

        var names = string.Join(", ", items.Take(NamedPerState).Select(o => Quote(o.Item)));
        var more = items.Count > NamedPerState ? string.Create(CultureInfo.InvariantCulture, $" and {items.Count - NamedPerState} more") : "";
        parts.Add($"{count}: {names}{more}");
    }

    // One line, cut short: a plan item may be a paragraph.
    private static string Quote(string item) =>
        $"“{BlockKitLimits.Truncate(string.Join(' ', item.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), ItemLength)}”";

    private static IReadOnlyList<IReadOnlyList<string>> Lines(string section) => [.. BlockerItems.Extract(section).Select(SameItem.Words)];

    private static bool IsOpenIn(WeeklyUpdateSections week, IReadOnlyList<string> words) =>
        Lines(week.InProgress).Concat(Lines(week.NextWeek)).Any(line => SameItem.Compare(words, line) == ItemMatch.Sure);
}
