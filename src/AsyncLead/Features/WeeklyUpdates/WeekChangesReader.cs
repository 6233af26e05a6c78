namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>
/// Reads a team's earlier weeks to tell <see cref="WeekChanges"/> for one week: for the summary, the week page and the
/// digest alike, so all three say the same.
/// </summary>
public sealed class WeekChangesReader(UpdateStore updates)
{
    /// <summary>How far back a streak ("in progress, 5th week", "blocked for 5 weeks") is counted.</summary>
    public const int LookBackWeeks = 26;

    /// <param name="written">The week's updates.</param>
    /// <param name="blockers">The blockers to check for repeats; resolved ones are never flagged.</param>
    public async Task<WeekChanges> ForWeekAsync(long teamChannelId, DateOnly weekStart, IReadOnlyList<StoredUpdate> written,
        IEnumerable<StoredBlocker> blockers, CancellationToken ct)
    {
        if (written.Count == 0)
        {
            return WeekChanges.None;
        }

        var earlier = (await updates.EarlierUpdatesAsync(teamChannelId, weekStart, LookBackWeeks, ct)).ToLookup(u => u.UserId, StringComparer.Ordinal);
        IReadOnlyList<WeeklyUpdateSections?> History(string userId)
        {
            var weeks = earlier[userId].ToDictionary(u => u.WeekStart, u => u.Sections);
            return [.. Enumerable.Range(1, LookBackWeeks).Select(back => weeks.GetValueOrDefault(weekStart.AddDays(-7 * back)))];
        }

        var plans = new List<PersonPlan>();
        foreach (var update in written)
        {
            var outcomes = PlanCheck.Compare(update.Sections, History(update.UserId));
            if (PlanCheck.Describe(outcomes) is { } line)
            {
                plans.Add(new PersonPlan(update.UserId, line, outcomes, update.MessageTs));
            }
        }

        var byWriter = written.ToDictionary(u => u.UserId, StringComparer.Ordinal);
        var blocked = new Dictionary<long, int>();
        foreach (var blocker in blockers.Where(b => b.ResolvedAt is null))
        {
            if (byWriter.TryGetValue(blocker.UserId, out var update)
                && PlanCheck.BlockedWeeks(blocker.Text, update.Sections, History(blocker.UserId)) is var weeks and >= WeekChanges.FlagAfterWeeks)
            {
                blocked[blocker.Id] = weeks;
            }
        }

        return new WeekChanges(plans, blocked);
    }
}
