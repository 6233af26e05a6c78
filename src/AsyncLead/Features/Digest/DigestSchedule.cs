using AsyncLead.Features.Members;

namespace AsyncLead.Features.Digest;

/// <summary>When a digest goes out and which week it reports on.</summary>
public static class DigestSchedule
{
    /// <summary>
    /// The first moment strictly after <paramref name="after"/> that is <paramref name="time"/> on the recipient's own
    /// wall clock. A weekly time in a zone is what a team calendar's prompt is, so its DST handling is reused: a time
    /// skipped by DST moves forward by the gap, a repeated one takes its first occurrence.
    /// </summary>
    public static DateTimeOffset NextAt(WeeklyTime time, string recipientTimeZone, DateTimeOffset after)
    {
        var calendar = new TeamCalendar(recipientTimeZone, prompt: time);
        return calendar.PromptAt(calendar.NextPromptWeek(after));
    }

    /// <summary>
    /// The week a digest sent at <paramref name="at"/> reports on: the latest week whose prompt has gone out by then.
    /// With the default Friday prompt a Monday digest reports the week that just ended, a Friday-evening digest the
    /// week being written now.
    /// </summary>
    public static TeamWeek ReportedWeek(TeamCalendar team, DateTimeOffset at)
    {
        var week = team.WeekContaining(at);
        return team.PromptAt(week) <= at ? week : week.Previous();
    }
}
