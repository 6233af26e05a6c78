using AsyncLead.Features.Members;
using NodaTime;
using NodaTime.Extensions;
using NodaTime.TimeZones;

namespace AsyncLead.Features.Decisions;

/// <summary>
/// Deadlines, decision dates and reminders for decision docs. Instants are <see cref="DateTimeOffset"/> (returned
/// in UTC); zones are IANA ids; "now" is always passed in.
/// </summary>
public static class DecisionSchedule
{
    public static readonly TimeSpan MinimumLeadTime = TimeSpan.FromHours(1);

    public static IReadOnlyList<TimeSpan> DefaultReminderOffsets { get; } = [TimeSpan.FromHours(24), TimeSpan.FromHours(2)];

    /// <summary>A closed doc nobody decided lapses this long after its deadline.</summary>
    public static readonly TimeSpan LapseAfter = TimeSpan.FromDays(14);

    /// <summary>How many times, at most, the author is reminded to record a closed doc's decision.</summary>
    public const int DecideReminderCount = 3;

    private static readonly LocalTime EndOfDay = new(17, 0);
    private static readonly LocalTime Morning = new(9, 0);

    /// <summary>
    /// "End of day Thursday" in the author's zone: Thursday 17:00 of the current ISO week, or of next week when this
    /// week's is less than <see cref="MinimumLeadTime"/> away or already past (so the default always validates).
    /// </summary>
    public static DateTimeOffset DefaultDeadline(DateTimeOffset now, string authorTimeZoneId)
    {
        var zone = TimeZoneIds.Resolve(authorTimeZoneId);
        var today = Instant.FromDateTimeOffset(now).InZone(zone).Date;
        var thursday = today.With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday)).PlusDays(3);
        var deadline = At(zone, thursday, EndOfDay);
        return deadline - now >= MinimumLeadTime ? deadline : At(zone, thursday.PlusWeeks(1), EndOfDay);
    }

    /// <summary>The least a default deadline leaves each reviewer: whole working days, in their own hours.</summary>
    public const int ReviewerWorkingDays = 2;

    /// <summary>
    /// The default deadline for these reviewers: <see cref="DefaultDeadline(DateTimeOffset, string)"/>, or the Thursday
    /// after it when that would leave any of them fewer than <see cref="ReviewerWorkingDays"/> whole working days in
    /// their own zone and hours; with the reviewers it was moved for (none when it wasn't).
    /// </summary>
    public static (DateTimeOffset Deadline, IReadOnlyList<string> MovedFor) DefaultDeadline(
        DateTimeOffset now, string authorTimeZoneId, IReadOnlyList<(string UserId, MemberSchedule Schedule)> reviewers)
    {
        var deadline = DefaultDeadline(now, authorTimeZoneId);
        var tooShort = reviewers.Where(r => r.Schedule.WholeWorkingDaysBetween(now, deadline) < ReviewerWorkingDays).Select(r => r.UserId).ToList();
        if (tooShort.Count == 0)
        {
            return (deadline, []);
        }

        var zone = TimeZoneIds.Resolve(authorTimeZoneId);
        return (At(zone, Instant.FromDateTimeOffset(deadline).InZone(zone).Date.PlusWeeks(1), EndOfDay), tooShort);
    }

    /// <summary>
    /// "The next morning": 09:00 in the author's zone on the first weekday after the deadline's local date
    /// (a Friday-evening deadline is decided on Monday).
    /// </summary>
    public static DateTimeOffset DefaultDecisionDate(DateTimeOffset deadline, string authorTimeZoneId)
    {
        var zone = TimeZoneIds.Resolve(authorTimeZoneId);
        var date = Instant.FromDateTimeOffset(deadline).InZone(zone).Date.PlusDays(1);
        while (date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday)
        {
            date = date.PlusDays(1);
        }

        return At(zone, date, Morning);
    }

    /// <summary>
    /// When to remind the author to record the decision once responses closed: 09:00 in their zone on each of the
    /// first <see cref="DecideReminderCount"/> weekdays after the deadline (a Thursday-evening deadline: Friday, Monday, Tuesday).
    /// </summary>
    public static IReadOnlyList<DateTimeOffset> DecideReminders(DateTimeOffset deadline, string authorTimeZoneId)
    {
        var zone = TimeZoneIds.Resolve(authorTimeZoneId);
        var reminders = new List<DateTimeOffset>();
        var date = Instant.FromDateTimeOffset(deadline).InZone(zone).Date;
        while (reminders.Count < DecideReminderCount)
        {
            date = date.PlusDays(1);
            if (date.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday))
            {
                reminders.Add(At(zone, date, Morning));
            }
        }

        return reminders;
    }

    /// <summary>Errors for a new doc's deadline and decision date, each tied to its modal field; empty when valid.</summary>
    public static IReadOnlyList<DecisionFieldError> Validate(DateTimeOffset deadline, DateTimeOffset decisionDate, DateTimeOffset now)
    {
        var errors = DeadlineErrors(deadline, now).ToList();
        if (decisionDate < deadline)
        {
            errors.Add(new DecisionFieldError(DecisionField.DecisionDate, "The decision date can't be before the response deadline."));
        }

        return errors;
    }

    /// <summary>
    /// Errors for an edited doc's dates: a deadline left as it was stands (even if it is now close); a moved one, earlier
    /// or later, must be an hour or more ahead. The decision can't come before the responses either way.
    /// </summary>
    public static IReadOnlyList<DecisionFieldError> ValidateEdit(
        DateTimeOffset currentDeadline, DateTimeOffset deadline, DateTimeOffset decisionDate, DateTimeOffset now) =>
        deadline == currentDeadline
            ? decisionDate < deadline ? [new DecisionFieldError(DecisionField.DecisionDate, "The decision date can't be before the response deadline.")] : []
            : Validate(deadline, decisionDate, now);

    /// <summary>Errors for moving the deadline: later than the current one, and still an hour or more ahead.</summary>
    public static IReadOnlyList<DecisionFieldError> ValidateExtension(
        DateTimeOffset currentDeadline, DateTimeOffset newDeadline, DateTimeOffset now) =>
        newDeadline <= currentDeadline
            ? [new DecisionFieldError(DecisionField.ResponseDeadline, "An extension must be later than the current deadline.")]
            : [.. DeadlineErrors(newDeadline, now)];

    /// <summary>
    /// When to remind one reviewer who hasn't answered: one reminder per offset (default 24 h and 2 h before the
    /// deadline), each placed by <see cref="MemberSchedule.LatestAllowedInstantBefore"/> so it respects the reviewer's
    /// hours and never passes the deadline. Targets already past at <paramref name="now"/> are skipped (a doc created
    /// 20 h before its deadline gets no "24 h" reminder), and reminders that land on the same instant are sent once.
    /// </summary>
    public static IReadOnlyList<DecisionReminder> PlanReminders(
        DateTimeOffset deadline, DateTimeOffset now, MemberSchedule reviewer, IReadOnlyList<TimeSpan>? offsets = null)
    {
        var reminders = new List<DecisionReminder>();
        foreach (var before in (offsets ?? DefaultReminderOffsets).OrderDescending())
        {
            var target = deadline - before;
            if (target >= now
                && reviewer.LatestAllowedInstantBefore(target, deadline, now) is { } at
                && reminders.TrueForAll(r => r.At != at))
            {
                reminders.Add(new DecisionReminder(before, at));
            }
        }

        return reminders;
    }

    private static IEnumerable<DecisionFieldError> DeadlineErrors(DateTimeOffset deadline, DateTimeOffset now)
    {
        if (deadline <= now)
        {
            yield return new DecisionFieldError(DecisionField.ResponseDeadline, "The response deadline is in the past.");
        }
        else if (deadline - now < MinimumLeadTime)
        {
            yield return new DecisionFieldError(
                DecisionField.ResponseDeadline, "The response deadline must be at least an hour from now, so reviewers can answer.");
        }
    }

    // 17:00 and 09:00 are never in a DST gap in practice; if one were, the lenient resolver moves it forward.
    private static DateTimeOffset At(DateTimeZone zone, LocalDate date, LocalTime time) =>
        zone.ResolveLocal(date + time, Resolvers.LenientResolver).ToInstant().ToDateTimeOffset();
}
