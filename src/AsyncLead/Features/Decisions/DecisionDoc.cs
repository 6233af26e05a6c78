namespace AsyncLead.Features.Decisions;

public enum DecisionStatus
{
    /// <summary>Taking responses until the deadline.</summary>
    Open,

    /// <summary>The deadline passed; waiting for the author to record the decision.</summary>
    Closed,
    Decided,
    Withdrawn,

    /// <summary>Closed and left undecided for <see cref="DecisionSchedule.LapseAfter"/>: off the open list for good.</summary>
    Lapsed,
}

/// <summary>A decision doc as stored.</summary>
public sealed record DecisionDoc
{
    public long Id { get; init; }
    public string WorkspaceId { get; init; } = "";
    public int Number { get; init; }
    public string ChannelId { get; init; } = "";
    public string AuthorId { get; init; } = "";
    public string AuthorTz { get; init; } = "UTC";
    public string Title { get; init; } = "";
    public string ProblemStatement { get; init; } = "";
    public string Options { get; init; } = "";
    public string Analysis { get; init; } = "";
    public string Recommendation { get; init; } = "";
    public string Questions { get; init; } = "";
    public DateTimeOffset Deadline { get; init; }
    public DateTimeOffset DecisionDate { get; init; }
    public string Status { get; init; } = "open";
    public string? MessageTs { get; init; }
    public string? Outcome { get; init; }
    public string? DecidedOption { get; init; }
    public string? Rationale { get; init; }
    public string? DecidedBy { get; init; }
    public DateTimeOffset? DecidedAt { get; init; }

    /// <summary>Decided before the response deadline, every reviewer having approved.</summary>
    public bool DecidedEarly { get; init; }

    /// <summary>When the author was told every reviewer approved (once per doc).</summary>
    public DateTimeOffset? ReadyNotedAt { get; init; }

    /// <summary>When the author last edited the posted doc; null when never.</summary>
    public DateTimeOffset? EditedAt { get; init; }

    /// <summary>How many edits were saved (each names its note in the thread).</summary>
    public int Edits { get; init; }

    /// <summary>Goes up when the Options or the Recommendation change: approvals of an earlier version wait for confirmation.</summary>
    public int Version { get; init; } = 1;
    public DateTimeOffset CreatedAt { get; init; }

    public DecisionShortId ShortId => new(Number);

    public DecisionStatus State => Enum.Parse<DecisionStatus>(Status, ignoreCase: true);

    public DecisionOutcome? ReviewOutcome => Outcome switch
    {
        "ready_to_decide" => DecisionOutcome.ReadyToDecide,
        "needs_sync" => DecisionOutcome.NeedsSync,
        _ => null,
    };
}

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

    public bool IsConcern => Kind == "concern";

    public RaisedConcern ToRaised() => new(Id, AuthorId, Text, ResolvedAt is not null);
}

/// <summary>A doc with everything its message shows: reviewers, current answers, concerns and questions.</summary>
public sealed record DecisionSnapshot(
    DecisionDoc Doc,
    IReadOnlyList<string> Reviewers,
    IReadOnlyList<ReviewerResponse> Responses,
    IReadOnlyList<DecisionConcern> Concerns)
{
    /// <summary>Reviewers whose approval was given to an earlier version (before the Options or Recommendation changed).</summary>
    public IReadOnlyList<string> ApprovedEarlierVersion =>
        [.. Reviewers.Where(r => Responses.Any(a => a.ReviewerId == r && a.EarlierVersion))];

    public ReviewTally Tally => ReviewTally.Count(
        Reviewers, Responses, Concerns.Where(c => c.IsConcern).Select(c => c.ToRaised()));

    /// <summary>
    /// Every reviewer approved (an abstention doesn't hold it up, but someone must approve) and no concern is open:
    /// nothing more can come from the review, so the author need not wait for the deadline.
    /// </summary>
    public bool AllApproved
    {
        get
        {
            var answers = Responses.ToDictionary(r => r.ReviewerId, r => r.Answer, StringComparer.Ordinal);
            var given = Reviewers.Select(r => answers.GetValueOrDefault(r, ReviewerAnswer.Question)).ToList();
            return Tally.NonResponders.Count == 0 && Tally.OpenConcerns.Count == 0
                && given.TrueForAll(a => a is ReviewerAnswer.Approve or ReviewerAnswer.Abstain) && given.Contains(ReviewerAnswer.Approve);
        }
    }

    /// <summary>Still taking responses, yet ready: the author may record the decision before the deadline.</summary>
    public bool CanDecideEarly => Doc.State == DecisionStatus.Open && AllApproved;

    /// <summary>Whether the author may record the decision now: after the deadline, or early once every reviewer approved.</summary>
    public bool CanDecide => Doc.State == DecisionStatus.Closed || CanDecideEarly;
}
