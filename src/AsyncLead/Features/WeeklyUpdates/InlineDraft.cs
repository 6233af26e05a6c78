namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>
/// An inline update waiting for its author's choice (<see cref="InlineDrafts"/>): the text as typed, for the week it was
/// written in; <see cref="Decision"/> once a button settled it.
/// </summary>
public sealed record InlineDraft
{
    public const string Posted = "posted";
    public const string Added = "added";
    public const string Replaced = "replaced";
    public const string Cancelled = "cancelled";

    public long Id { get; init; }
    public long TeamChannelId { get; init; }
    public string UserId { get; init; } = "";
    public DateOnly WeekStart { get; init; }
    public string Text { get; init; } = "";
    public string? Decision { get; init; }
}
