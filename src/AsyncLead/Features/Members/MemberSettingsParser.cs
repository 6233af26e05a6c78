using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace AsyncLead.Features.Members;

/// <summary>
/// Reads what members type after <c>/weekly-update settings</c> (or <c>/weekly-update away …</c>):
/// <c>hours Mon-Fri 08:30-16:30</c>, <c>focus Tue-Thu 09:00-12:00</c>, <c>away until 2026-12-01</c>,
/// <c>away 2026-11-23..2026-11-27</c>, <c>away next week</c>. Errors are replies for the member and always show
/// the accepted forms. <see cref="Describe"/> writes a schedule back in the same forms.
/// </summary>
public static partial class MemberSettingsParser
{
    private const string HoursExample = "`hours Mon-Fri 09:00-17:00` (or several: `hours Mon-Thu 08:30-16:30, Fri 08:30-13:00`)";
    private const string FocusExample = "`focus Tue-Thu 09:00-12:00` (or several: `focus Mon 14:00-16:00, Wed 09:00-11:00`; to remove them: `focus none`)";
    private const string AwayExample = "`away until 2026-12-01`, `away 2026-11-23..2026-11-27`, `away next week`, `away this week` (back early: `away none`)";

    public const string Usage =
        "I understand:\n• " + HoursExample + "\n• " + FocusExample + "\n• " + AwayExample;

    /// <summary>The longest setting read (keyword included): a week of separate windows fits in well under half of it.</summary>
    public const int MaxLength = 200;

    private static readonly string[] Nothing = ["none", "off", "clear", "no"];

    /// <summary>
    /// Parses one setting. <paramref name="today"/> is the member's local date (<see cref="MemberSchedule.LocalDateAt"/>):
    /// "until" counts from it, "next week" is the ISO week after it, and away periods already over are refused.
    /// An away "until" date is inclusive: the member is away through that day.
    /// </summary>
    public static bool TryParse(
        string text,
        DateOnly today,
        [NotNullWhen(true)] out MemberSettingsChange? change,
        [NotNullWhen(false)] out string? error)
    {
        change = null;
        if (text.Length > MaxLength)
        {
            error = string.Create(CultureInfo.InvariantCulture,
                $"That is {text.Length:N0} characters long; a setting is at most {MaxLength}, so nothing was changed. {Usage}");
            return false;
        }

        var match = Command().Match(text);
        var keyword = match.Groups["keyword"].Value.ToLowerInvariant();
        var rest = match.Groups["rest"].Value.Trim();
        switch (keyword)
        {
            case "hours":
                if (TryParseWindows(rest, HoursExample, out var hours, out error))
                {
                    change = new MemberSettingsChange.SetWorkingHours(hours);
                }

                break;
            case "focus":
                if (IsNothing(rest))
                {
                    change = new MemberSettingsChange.SetFocusBlocks([]);
                    error = null;
                }
                else if (TryParseWindows(rest, FocusExample, out var focus, out error))
                {
                    change = new MemberSettingsChange.SetFocusBlocks(focus);
                }

                break;
            case "away":
                change = ParseAway(rest, today, out error);
                break;
            default:
                error = string.IsNullOrWhiteSpace(text) ? Usage : $"I didn't understand \"{text.Trim()}\". {Usage}";
                break;
        }

        return change is not null;
    }

    /// <summary>The schedule as lines this parser accepts, e.g. "hours Mon-Fri 09:00-17:00", "focus none".</summary>
    public static IReadOnlyList<string> Describe(MemberSchedule schedule) =>
    [
        "hours " + DescribeWindows(schedule.WorkingHours),
        "focus " + (schedule.FocusBlocks.Count == 0 ? "none" : DescribeWindows(schedule.FocusBlocks)),
        .. schedule.AwayPeriods.Count == 0 ? ["away none"] : schedule.AwayPeriods.Select(a => $"away {a}"),
    ];

    private static bool IsNothing(string text) => Nothing.Contains(text, StringComparer.OrdinalIgnoreCase);

    private static bool TryParseWindows(
        string text, string example, out IReadOnlyList<WeeklyWindow> windows, [NotNullWhen(false)] out string? error)
    {
        var parsed = new List<WeeklyWindow>();
        windows = parsed;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = $"Which days and times? For example: {example}.";
            return false;
        }

        // "Mon, Wed 09:00-12:00": days without a time share the next chunk's time.
        var pendingDays = new List<DayOfWeek>();
        foreach (var chunk in text.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var range = TimeRangeAtEnd().Match(chunk);
            if (!TryParseDays(range.Success ? chunk[..range.Groups["start"].Index] : chunk, example, pendingDays, out error))
            {
                return false;
            }

            if (!range.Success)
            {
                continue;
            }

            if (pendingDays.Count == 0)
            {
                error = $"Which days is {chunk[range.Groups["start"].Index..].Trim()} for? For example: {example}.";
                return false;
            }

            if (!TryParseTime(range.Groups["start"].Value, out var start, out error)
                || !TryParseTime(range.Groups["end"].Value, out var end, out error))
            {
                return false;
            }

            parsed.AddRange(pendingDays.Distinct().Select(day => new WeeklyWindow(day, start, end)));
            pendingDays.Clear();
        }

        if (pendingDays.Count > 0 || parsed.Count == 0)
        {
            error = $"\"{text}\" needs a time range after the days. For example: {example}.";
            return false;
        }

        error = null;
        return true;
    }

    private static bool TryParseDays(string text, string example, List<DayOfWeek> days, [NotNullWhen(false)] out string? error)
    {
        var words = DayTokens().Matches(text).Select(m => m.Value).ToList();
        var tokens = words.Select(w => w.ToLowerInvariant()).ToList();
        for (var i = 0; i < tokens.Count; i++)
        {
            switch (tokens[i])
            {
                case "and" or "&" or "/" or "+":
                    continue;
                case "weekdays":
                    days.AddRange(Span(DayOfWeek.Monday, DayOfWeek.Friday));
                    continue;
                case "weekend" or "weekends":
                    days.AddRange(Span(DayOfWeek.Saturday, DayOfWeek.Sunday));
                    continue;
                case "daily" or "everyday":
                    days.AddRange(Span(DayOfWeek.Monday, DayOfWeek.Sunday));
                    continue;
                case "every" when i + 1 < tokens.Count && tokens[i + 1] == "day":
                    days.AddRange(Span(DayOfWeek.Monday, DayOfWeek.Sunday));
                    i++;
                    continue;
            }

            if (!TryParseDay(tokens[i], out var first))
            {
                error = UnknownDay(words[i], example);
                return false;
            }

            if (i + 1 < tokens.Count && IsRangeWord(tokens[i + 1]))
            {
                if (i + 2 >= tokens.Count)
                {
                    error = $"A day range needs a day at each end, like Mon-Fri. For example: {example}.";
                    return false;
                }

                if (!TryParseDay(tokens[i + 2], out var last))
                {
                    error = UnknownDay(words[i + 2], example);
                    return false;
                }

                days.AddRange(Span(first, last));
                i += 2;
            }
            else
            {
                days.Add(first);
            }
        }

        error = null;
        return true;
    }

    private static string UnknownDay(string word, string example) =>
        $"\"{word}\" isn't a day I know. Use Mon, Tue, Wed, Thu, Fri, Sat, Sun, ranges like Mon-Fri, or weekdays. " +
        $"For example: {example}.";

    private static bool IsRangeWord(string token) => token is "-" or "–" or "—" or "to" or "through" or "thru";

    // Wraps around the week, so Sun-Thu is Sunday to Thursday.
    private static IEnumerable<DayOfWeek> Span(DayOfWeek first, DayOfWeek last)
    {
        for (var day = first; ; day = Following(day))
        {
            yield return day;
            if (day == last)
            {
                yield break;
            }
        }
    }

    private static DayOfWeek Following(DayOfWeek day) => (DayOfWeek)(((int)day + 1) % 7);

    private static bool TryParseDay(string token, out DayOfWeek day)
    {
        DayOfWeek? parsed = token switch
        {
            "mon" or "monday" => DayOfWeek.Monday,
            "tue" or "tues" or "tuesday" => DayOfWeek.Tuesday,
            "wed" or "weds" or "wednesday" => DayOfWeek.Wednesday,
            "thu" or "thur" or "thurs" or "thursday" => DayOfWeek.Thursday,
            "fri" or "friday" => DayOfWeek.Friday,
            "sat" or "saturday" => DayOfWeek.Saturday,
            "sun" or "sunday" => DayOfWeek.Sunday,
            _ => null,
        };
        day = parsed.GetValueOrDefault();
        return parsed is not null;
    }

    private static bool TryParseTime(string text, out TimeOnly time, [NotNullWhen(false)] out string? error)
    {
        time = default;
        var match = Time().Match(text.Trim());
        var hour = match.Success ? int.Parse(match.Groups["hour"].Value, CultureInfo.InvariantCulture) : -1;
        var minute = match.Groups["minute"].Success ? int.Parse(match.Groups["minute"].Value, CultureInfo.InvariantCulture) : 0;
        var meridiem = match.Groups["meridiem"].Value.ToLowerInvariant();
        if (meridiem.Length > 0 && hour is >= 1 and <= 12)
        {
            hour = hour % 12 + (meridiem == "p" ? 12 : 0);
        }
        else if (meridiem.Length > 0)
        {
            hour = -1;
        }

        if (hour is < 0 or > 23 || minute > 59)
        {
            error = $"I couldn't read the time \"{text.Trim()}\". Use 24-hour times from 00:00 to 23:59, such as 09:00 or 17:30 (9am and 5pm work too).";
            return false;
        }

        time = new TimeOnly(hour, minute);
        error = null;
        return true;
    }

    private static MemberSettingsChange? ParseAway(string text, DateOnly today, out string? error)
    {
        if (IsNothing(text))
        {
            error = null;
            return new MemberSettingsChange.ClearAwayPeriods();
        }

        if (text.Length == 0)
        {
            error = $"Away when? Use {AwayExample}.";
            return null;
        }

        return ParseAwayPeriod(text, today, out error) is { } period ? new MemberSettingsChange.AddAwayPeriod(period) : null;
    }

    private static AwayPeriod? ParseAwayPeriod(string text, DateOnly today, out string? error)
    {
        error = null;
        var monday = TeamWeek.Containing(today).Monday;
        switch (text.ToLowerInvariant())
        {
            case "today":
                return new AwayPeriod(today, today);
            case "this week":
                return new AwayPeriod(today, monday.AddDays(6));
            case "next week":
                return new AwayPeriod(monday.AddDays(7), monday.AddDays(13));
        }

        var match = AwayDates().Match(text);
        if (!match.Success)
        {
            error = $"I couldn't read \"away {text}\". Use {AwayExample}. Dates are YYYY-MM-DD.";
            return null;
        }

        // "until D" starts today; a single date is one day.
        var first = today;
        var firstText = match.Groups["first"];
        var lastText = match.Groups["last"].Success ? match.Groups["last"] : firstText;
        if ((firstText.Success && !TryParseDate(firstText.Value, out first, out error))
            || !TryParseDate(lastText.Value, out var last, out error))
        {
            return null;
        }

        if (last < today)
        {
            error = string.Create(
                CultureInfo.InvariantCulture, $"{last:yyyy-MM-dd} has already passed (today is {today:yyyy-MM-dd}). Use {AwayExample}.");
            return null;
        }

        return new AwayPeriod(first, last);
    }

    private static bool TryParseDate(string text, out DateOnly date, [NotNullWhen(false)] out string? error)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            error = null;
            return true;
        }

        error = $"{text} isn't a date. Use YYYY-MM-DD, for example 2026-12-01.";
        return false;
    }

    private static string DescribeWindows(IEnumerable<WeeklyWindow> windows)
    {
        // Consecutive days (Monday first) with the same windows collapse into a range such as Mon-Fri.
        var byDay = Span(DayOfWeek.Monday, DayOfWeek.Sunday)
            .Select(day => (Day: day, Times: windows.Where(w => w.Day == day).Select(w => (w.Start, w.End)).Order().ToList()))
            .Where(d => d.Times.Count > 0)
            .ToList();
        var groups = new List<(DayOfWeek First, DayOfWeek Last, List<(TimeOnly Start, TimeOnly End)> Times)>();
        foreach (var (day, times) in byDay)
        {
            if (groups.Count > 0 && Following(groups[^1].Last) == day && groups[^1].Times.SequenceEqual(times))
            {
                groups[^1] = groups[^1] with { Last = day };
            }
            else
            {
                groups.Add((day, day, times));
            }
        }

        return string.Join(", ", groups.SelectMany(g => g.Times.Select(t => string.Create(
            CultureInfo.InvariantCulture,
            $"{Abbreviation(g.First)}{(g.First == g.Last ? "" : "-" + Abbreviation(g.Last))} {t.Start:HH\\:mm}-{t.End:HH\\:mm}"))));
    }

    private static string Abbreviation(DayOfWeek day) => day.ToString()[..3];

    [GeneratedRegex(@"^\s*(?:settings\s+)?(?:(?:working\s+)?(?<keyword>hours)\b|(?<keyword>\S+))(?<rest>.*)$", RegexOptions.NonBacktracking | RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Command();

    // "Mon-Fri 9-17": the range starts at a number not glued to a word or a time before it. That is a character class
    // rather than a lookbehind, so the engine can be the linear one.
    [GeneratedRegex(@"(?:^|[^\p{L}\d:])(?<start>\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?)\s*(?:-|–|—|to|until|till)\s*(?<end>\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?)$", RegexOptions.NonBacktracking | RegexOptions.IgnoreCase)]
    private static partial Regex TimeRangeAtEnd();

    [GeneratedRegex(@"^(?<hour>\d{1,2})(?::(?<minute>\d{2}))?\s*(?:(?<meridiem>[ap])\.?m\.?)?$", RegexOptions.NonBacktracking | RegexOptions.IgnoreCase)]
    private static partial Regex Time();

    [GeneratedRegex(@"\p{L}+|[-–—&/+]|\S", RegexOptions.NonBacktracking)]
    private static partial Regex DayTokens();

    [GeneratedRegex(@"^(?:until\s+(?<last>\S+)|(?:from\s+)?(?<first>\d{4}-\d{2}-\d{2})(?:(?:\s*(?:\.{2,3}|[-–—])\s*|\s+(?:to|until|through|thru)\s+)(?<last>\d{4}-\d{2}-\d{2}))?)$", RegexOptions.NonBacktracking | RegexOptions.IgnoreCase)]
    private static partial Regex AwayDates();
}
