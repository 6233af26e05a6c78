namespace AsyncLead.Features.Members;

/// <summary>Who a member is as far as time goes: Slack's view of them (cached) plus their own hours, focus and away days.</summary>
public sealed record MemberProfile(string WorkspaceId, string UserId, string? DisplayName, bool IsBot, bool IsDeleted, MemberSchedule Schedule)
{
    public bool IsHuman => !IsBot && !IsDeleted;

    /// <summary>Their Slack custom status as last seen (users.info or <c>user_change</c>); null when none.</summary>
    public SlackStatus? Status { get; init; }

    /// <summary>When Slack last told us their do-not-disturb window (<see cref="MemberSchedule.Dnd"/>); null when never asked.</summary>
    public DateTimeOffset? DndFetchedAt { get; init; }

    /// <summary>
    /// Out for all of [<paramref name="from"/>, <paramref name="until"/>]: each of their working days in it, in their own
    /// zone, and the day <paramref name="until"/> falls on, is one of their away days or under an out-of-office status
    /// set by then. Null when they are around some of it; otherwise which of the two kept them out.
    /// </summary>
    public AwayReason? AwayThrough(DateTimeOffset from, DateTimeOffset until)
    {
        var outOfOffice = Status is { } status && status.IsOutAt(from) ? status : null;
        if (outOfOffice is not null && (outOfOffice.Until is null || outOfOffice.Until >= until))
        {
            return AwayReason.OutOfOffice;
        }

        var last = Schedule.LocalDateAt(until);
        var awayDays = false;
        for (var date = Schedule.LocalDateAt(from); date <= last; date = date.AddDays(1))
        {
            if (date != last && !Schedule.IsWorkingDay(date.DayOfWeek))
            {
                continue;
            }

            if (Schedule.IsAwayOn(date))
            {
                awayDays = true;
            }
            else if (outOfOffice?.Until is not { } back || Schedule.LocalDateAt(back) <= date)
            {
                return null;
            }
        }

        return awayDays ? AwayReason.Away : AwayReason.OutOfOffice;
    }
}
