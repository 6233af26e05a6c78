using System.Globalization;
using System.Text.RegularExpressions;
using AsyncLead.Features.Members;
using AsyncLead.Slack.Mrkdwn;

namespace AsyncLead.Features.Digest;

/// <summary>
/// The text after <c>/weekly-update digest</c>: a weekday and a time (<c>monday 09:00</c>, <c>fri 4:30pm</c>,
/// <c>friday at 16:30</c>), <c>off</c>, or <c>on</c>/<c>default</c> for Monday 09:00. The time is the reader's own.
/// </summary>
public static partial class DigestSettingParser
{
    public const string Usage =
        "Choose when your digest arrives, in your own time zone: `/weekly-update digest monday 09:00` " +
        "(or `digest friday 16:30`, `digest fri 4:30pm`). `digest off` stops it, `digest on` brings back Monday 09:00, " +
        "and `digest` alone shows your setting.";

    /// <summary>The longest setting read: <c>wednesday at 12:30pm</c> is 20 characters.</summary>
    public const int MaxLength = 100;

    private static readonly Dictionary<string, DayOfWeek> Days = BuildDays();

    public static bool TryParse(string text, out DigestPreference preference, out string error)
    {
        preference = DigestPreference.Default;
        error = "";
        if (text.Length > MaxLength)
        {
            error = string.Create(CultureInfo.InvariantCulture,
                $"That is {text.Length:N0} characters long; a digest setting is at most {MaxLength}, so nothing was changed. ") + Usage;
            return false;
        }

        var words = text.Trim().ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        switch (words)
        {
            case ["off" or "stop" or "none"]:
                preference = DigestPreference.Default with { IsOff = true };
                return true;
            case ["on" or "default"]:
                return true;
            case [var day, "at", var time]:
                return TryDayAndTime(day, time, out preference, out error);
            case [var day, var time]:
                return TryDayAndTime(day, time, out preference, out error);
            case [var day, var time, var half] when half is "am" or "pm":
                return TryDayAndTime(day, time + half, out preference, out error);
            default:
                error = words.Length == 1 && Days.ContainsKey(words[0])
                    ? $"At what time on {Days[words[0]]}? For example `/weekly-update digest {words[0]} 09:00`."
                    : $"I couldn't read `{MrkdwnEscaping.Escape(text.Trim())}` as a digest time. " + Usage;
                return false;
        }
    }

    private static bool TryDayAndTime(string dayText, string timeText, out DigestPreference preference, out string error)
    {
        preference = DigestPreference.Default;
        error = "";
        if (!Days.TryGetValue(dayText.TrimEnd(','), out var day))
        {
            error = $"I don't know the day `{MrkdwnEscaping.Escape(dayText)}`. Use a weekday, for example `/weekly-update digest monday 09:00`.";
            return false;
        }

        if (!TryTime(timeText, out var time))
        {
            error = $"I couldn't read the time `{MrkdwnEscaping.Escape(timeText)}`. Use 24-hour `HH:MM` such as `09:00` or `16:30`, or `9am` / `4:30pm`.";
            return false;
        }

        preference = new DigestPreference(new WeeklyTime(day, time), IsOff: false);
        return true;
    }

    private static bool TryTime(string text, out TimeOnly time)
    {
        time = default;
        var match = Time().Match(text);
        if (!match.Success)
        {
            return false;
        }

        var hour = int.Parse(match.Groups["hour"].Value, CultureInfo.InvariantCulture);
        var minute = match.Groups["minute"].Success ? int.Parse(match.Groups["minute"].Value, CultureInfo.InvariantCulture) : 0;
        var half = match.Groups["half"].Value;
        if (half.Length > 0)
        {
            if (hour is < 1 or > 12)
            {
                return false;
            }

            hour = hour % 12 + (half == "pm" ? 12 : 0);
        }
        else if (!match.Groups["minute"].Success)
        {
            // A bare "9" is too easy to mean 9 pm; ask for a real time.
            return false;
        }

        if (hour > 23 || minute > 59)
        {
            return false;
        }

        time = new TimeOnly(hour, minute);
        return true;
    }

    private static Dictionary<string, DayOfWeek> BuildDays()
    {
        var days = new Dictionary<string, DayOfWeek>(StringComparer.Ordinal);
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            var name = day.ToString().ToLowerInvariant();
            days[name] = day;
            days[name[..3]] = day;
            days[name + "s"] = day;
        }

        days["tues"] = DayOfWeek.Tuesday;
        days["thur"] = DayOfWeek.Thursday;
        days["thurs"] = DayOfWeek.Thursday;
        return days;
    }

    [GeneratedRegex(@"^(?<hour>\d{1,2})(?:[:.h](?<minute>\d{2}))?(?<half>am|pm)?$", RegexOptions.NonBacktracking)]
    private static partial Regex Time();
}
