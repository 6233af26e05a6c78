namespace AsyncLead.Features.WeeklyUpdates;

public static class Participation
{
    /// <summary>A stand-up happens every working day.</summary>
    public const int StandupDaysPerWeek = 5;

    /// <param name="expected">Who was expected to write (people who wrote without being expected count too).</param>
    /// <param name="away">Expected people who were away for the week and did not write.</param>
    /// <param name="submittedAt">When each writer first submitted this week's update.</param>
    /// <param name="promptedAt">When the week's prompt went out; null when it hasn't (no prompt, no median).</param>
    /// <param name="standupMinutes">The length of the stand-up the team set.</param>
    public static ParticipationFigures Measure(IReadOnlyCollection<string> expected, IReadOnlyCollection<string> away,
        IReadOnlyDictionary<string, DateTimeOffset> submittedAt, DateTimeOffset? promptedAt, int standupMinutes)
    {
        var team = expected.Union(submittedAt.Keys, StringComparer.Ordinal).ToList();
        var awayNotWriting = away.Count(id => !submittedAt.ContainsKey(id) && team.Contains(id, StringComparer.Ordinal));
        var median = promptedAt is { } prompt
            ? Median([.. submittedAt.Values.Select(at => at > prompt ? at - prompt : TimeSpan.Zero)])
            : null;
        return new ParticipationFigures(team.Count, submittedAt.Count, awayNotWriting, team.Count - submittedAt.Count - awayNotWriting,
            median, team.Count * standupMinutes * StandupDaysPerWeek);
    }

    public static TimeSpan? Median(IReadOnlyList<TimeSpan> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>"2 h 15 min", "3 days 4 h", "12 min": a duration as a person reads it.</summary>
    public static string Describe(TimeSpan duration) => duration switch
    {
        { TotalMinutes: < 1 } => "under a minute",
        { TotalHours: < 1 } => $"{(int)duration.TotalMinutes} min",
        { TotalDays: < 1 } => duration.Minutes == 0 ? $"{(int)duration.TotalHours} h" : $"{(int)duration.TotalHours} h {duration.Minutes} min",
        _ => duration.Hours == 0 ? Days(duration.Days) : $"{Days(duration.Days)} {duration.Hours} h",
    };

    /// <summary>"1 h 15 min of meetings": minutes saved, in hours once there are enough of them.</summary>
    public static string DescribeMinutes(int minutes) => Describe(TimeSpan.FromMinutes(minutes));

    private static string Days(int days) => days == 1 ? "1 day" : $"{days} days";
}
