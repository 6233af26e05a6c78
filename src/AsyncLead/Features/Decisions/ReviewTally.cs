using System.Globalization;
using AsyncLead.Features.Members;
using NodaTime;
using NodaTime.Extensions;

namespace AsyncLead.Features.Decisions;

/// <summary>
/// Where a doc's review stands. Only named reviewers count: answers and concerns from anyone else are comments.
/// Reviewers excused (away, no answer given) count in neither <see cref="ReviewerCount"/> nor <see cref="NonResponders"/>.
/// </summary>
public sealed record ReviewTally(int ReviewerCount, IReadOnlyList<string> NonResponders, IReadOnlyList<RaisedConcern> OpenConcerns)
{
    public int RespondedCount => ReviewerCount - NonResponders.Count;

    /// <summary>Reviewers who gave no answer and are away for the rest of the review.</summary>
    public IReadOnlyList<string> Excused { get; init; } = [];

    /// <summary>Counted reviewers whose approval stands (for the current version).</summary>
    public int Approvals { get; init; }

    public DecisionQuorum Quorum { get; init; }

    /// <summary>More than half the counted reviewers approved.</summary>
    public bool MajorityApproved => Approvals * 2 > ReviewerCount;

    /// <summary>
    /// No concern or hold is open, and: every counted reviewer answered (any answer, abstaining included), or with a
    /// majority quorum more than half approved. With every reviewer away nobody reviewed it, so it needs a sync.
    /// </summary>
    public DecisionOutcome Outcome =>
        ReviewerCount > 0 && OpenConcerns.Count == 0 && (Quorum == DecisionQuorum.Majority ? MajorityApproved : NonResponders.Count == 0)
            ? DecisionOutcome.ReadyToDecide
            : DecisionOutcome.NeedsSync;

    public static ReviewTally Count(
        IReadOnlyCollection<string> reviewerIds, IEnumerable<ReviewerResponse> responses, IEnumerable<RaisedConcern> concerns,
        IReadOnlyCollection<string>? excused = null, DecisionQuorum quorum = DecisionQuorum.All)
    {
        var current = responses.Where(r => !r.EarlierVersion).ToList();
        var responded = current.Select(r => r.ReviewerId).ToHashSet();
        var away = reviewerIds.Distinct().Where(id => !responded.Contains(id) && excused?.Contains(id) == true).ToList();
        var reviewers = reviewerIds.Distinct().Except(away).ToList();
        return new ReviewTally(
            reviewers.Count,
            [.. reviewers.Where(id => !responded.Contains(id))],
            [.. concerns.Where(c => !c.IsResolved && reviewers.Contains(c.AuthorId))])
        {
            Excused = away,
            Approvals = current.Count(r => r.Answer == ReviewerAnswer.Approve && reviewers.Contains(r.ReviewerId)),
            Quorum = quorum,
        };
    }

    /// <summary>
    /// The doc's live status line, e.g. "3/5 responded · 1 open concern · due Thu 17:00", with the deadline in
    /// <paramref name="timeZoneId"/>. The date is added when the deadline is a week or more away ("due Thu 3 Dec 17:00"),
    /// and once it has passed the line says "closed".
    /// </summary>
    public string StatusLine(DateTimeOffset deadline, DateTimeOffset now, string timeZoneId)
    {
        var zone = TimeZoneIds.Resolve(timeZoneId);
        var due = Instant.FromDateTimeOffset(deadline).InZone(zone).LocalDateTime;
        var today = Instant.FromDateTimeOffset(now).InZone(zone).Date;
        var pattern = Period.Between(today, due.Date, PeriodUnits.Days).Days is >= 0 and < 7 ? "ddd HH:mm" : "ddd d MMM HH:mm";
        var when = due.ToString(pattern, CultureInfo.InvariantCulture);

        var parts = new List<string> { $"{RespondedCount}/{ReviewerCount} responded" };
        var concerns = OpenConcerns.Count(c => !c.IsHold);
        if (concerns > 0)
        {
            parts.Add(concerns == 1 ? "1 open concern" : $"{concerns} open concerns");
        }

        var holds = OpenConcerns.Count(c => c.IsHold);
        if (holds > 0)
        {
            parts.Add(holds == 1 ? "1 hold" : $"{holds} holds");
        }

        if (Excused.Count > 0)
        {
            parts.Add($"{Excused.Count} away");
        }

        parts.Add(now >= deadline ? $"closed {when}" : $"due {when}");
        return string.Join(" · ", parts);
    }
}
