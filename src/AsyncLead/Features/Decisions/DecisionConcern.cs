using AsyncLead.Features.Members;

namespace AsyncLead.Features.Decisions;

/// <summary>A concern or question raised on a doc, as stored.</summary>
public sealed record DecisionConcern
{
    public long Id { get; init; }
    public long DecisionId { get; init; }
    public string AuthorId { get; init; } = "";
    public string Kind { get; init; } = "concern";
    public string Text { get; init; } = "";
    public string? MessageTs { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ResolvedAt { get; init; }
    public string? ResolvedBy { get; init; }

    /// <summary>A concern or a hold: it blocks the decision until resolved.</summary>
    public bool IsBlocking => Kind is "concern" or "hold";

    public bool IsHold => Kind == "hold";

    /// <summary>"Concern", "Hold" or "Question".</summary>
    public string Label => Kind switch { "concern" => "Concern", "hold" => "Hold", _ => "Question" };

    public RaisedConcern ToRaised() => new(Id, AuthorId, Text, ResolvedAt is not null, IsHold);
}
