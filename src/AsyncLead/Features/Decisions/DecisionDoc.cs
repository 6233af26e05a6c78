using AsyncLead.Features.Members;

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

    /// <summary>"all" or "majority": see <see cref="DecisionQuorum"/>.</summary>
    public string QuorumRule { get; init; } = "all";

    public DecisionQuorum Quorum => Enum.Parse<DecisionQuorum>(QuorumRule, ignoreCase: true);

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

    /// <summary>A concern or a hold: it blocks the decision until resolved.</summary>
    public bool IsBlocking => Kind is "concern" or "hold";

    public bool IsHold => Kind == "hold";

    /// <summary>"Concern", "Hold" or "Question".</summary>
    public string Label => Kind switch { "concern" => "Concern", "hold" => "Hold", _ => "Question" };

    public RaisedConcern ToRaised() => new(Id, AuthorId, Text, ResolvedAt is not null, IsHold);
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

    /// <summary>
    /// Reviewers who gave no answer and are away for the rest of the review (live while the doc is open, as kept at
    /// its close afterwards), and why.
    /// </summary>
    public IReadOnlyDictionary<string, AwayReason> Excused { get; init; } = new Dictionary<string, AwayReason>();

    /// <summary>Every move of the response deadline, oldest first.</summary>
    public IReadOnlyList<DecisionExtension> Extensions { get; init; } = [];

    public ReviewTally Tally => ReviewTally.Count(
        Reviewers, Responses, Concerns.Where(c => c.IsBlocking).Select(c => c.ToRaised()), [.. Excused.Keys], Doc.Quorum);

    /// <summary>
    /// The review already gives what the deadline would, so the author need not wait: no concern or hold is open, and
    /// every reviewer not away approved (an abstention doesn't hold it up, but someone must approve), or with a
    /// majority quorum more than half did.
    /// </summary>
    public bool Approved
    {
        get
        {
            var tally = Tally;
            if (tally.OpenConcerns.Count > 0 || tally.Approvals == 0)
            {
                return false;
            }

            if (Doc.Quorum == DecisionQuorum.Majority)
            {
                return tally.MajorityApproved;
            }

            var answers = Responses.Where(r => !r.EarlierVersion).ToDictionary(r => r.ReviewerId, r => r.Answer, StringComparer.Ordinal);
            return tally.NonResponders.Count == 0
                && Reviewers.Except(tally.Excused).All(r => answers.TryGetValue(r, out var answer) && answer is ReviewerAnswer.Approve or ReviewerAnswer.Abstain);
        }
    }

    /// <summary>Still taking responses, yet ready: the author may record the decision before the deadline.</summary>
    public bool CanDecideEarly => Doc.State == DecisionStatus.Open && Approved;

    /// <summary>Whether the author may record the decision now: after the deadline, or early once every reviewer approved.</summary>
    public bool CanDecide => Doc.State == DecisionStatus.Closed || CanDecideEarly;
}
