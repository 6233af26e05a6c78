using System.Globalization;
using AsyncLead.Features.Members;
using NodaTime;
using NodaTime.Extensions;

namespace AsyncLead.Features.Decisions;

public enum ReviewerAnswer
{
    Approve,
    Concern,
    Question,
    Abstain,
}

/// <summary>
/// A reviewer's current answer (a changed answer replaces the old one; the last one given counts). An approval of an
/// earlier version of the doc (<paramref name="EarlierVersion"/>) is shown but doesn't count until confirmed.
/// </summary>
public sealed record ReviewerResponse(string ReviewerId, ReviewerAnswer Answer, bool EarlierVersion = false);

/// <summary>A concern raised on a doc; it blocks until resolved by its author or the doc's author.</summary>
public sealed record RaisedConcern(long Id, string AuthorId, string Text, bool IsResolved);

public enum DecisionOutcome
{
    ReadyToDecide,
    NeedsSync,
}

/// <summary>
/// Where a doc's review stands. Only named reviewers count: answers and concerns from anyone else are comments.
/// </summary>
public sealed record ReviewTally(int ReviewerCount, IReadOnlyList<string> NonResponders, IReadOnlyList<RaisedConcern> OpenConcerns)
{
    public int RespondedCount => ReviewerCount - NonResponders.Count;

    /// <summary>Every reviewer answered (any answer, abstaining included) and no reviewer's concern is open.</summary>
    public DecisionOutcome Outcome =>
        NonResponders.Count == 0 && OpenConcerns.Count == 0 ? DecisionOutcome.ReadyToDecide : DecisionOutcome.NeedsSync;

    public static ReviewTally Count(
        IReadOnlyCollection<string> reviewerIds, IEnumerable<ReviewerResponse> responses, IEnumerable<RaisedConcern> concerns)
    {
        var reviewers = reviewerIds.Distinct().ToList();
        var responded = responses.Where(r => !r.EarlierVersion).Select(r => r.ReviewerId).ToHashSet();
        return new ReviewTally(
            reviewers.Count,
            [.. reviewers.Where(id => !responded.Contains(id))],
            [.. concerns.Where(c => !c.IsResolved && reviewers.Contains(c.AuthorId))]);
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
        if (OpenConcerns.Count > 0)
        {
            parts.Add(OpenConcerns.Count == 1 ? "1 open concern" : $"{OpenConcerns.Count} open concerns");
        }

        parts.Add(now >= deadline ? $"closed {when}" : $"due {when}");
        return string.Join(" · ", parts);
    }
}
