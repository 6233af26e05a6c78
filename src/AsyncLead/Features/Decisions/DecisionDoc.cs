using AsyncLead.Features.Members;

namespace AsyncLead.Features.Decisions;

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

    /// <summary>The day the author asked to look at the decision again; null when none was set.</summary>
    public DateOnly? RevisitOn { get; init; }

    /// <summary>"all" or "majority": see <see cref="DecisionQuorum"/>.</summary>
    public string QuorumRule { get; init; } = "all";

    public DecisionQuorum Quorum => Enum.Parse<DecisionQuorum>(QuorumRule, ignoreCase: true);

    public DecisionShortId ShortId => new(Number);

    /// <summary>How this doc's follow-ups are named among what is planned for weekly updates.</summary>
    public string FollowUpSource => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"decision:{Id}");

    /// <summary>The DEC number of the decided doc this one replaces (named when it was written); kept once decided only if it won.</summary>
    public int? SupersedesNumber { get; init; }

    /// <summary>The DEC number of the decided doc that replaced this decision; null while it stands.</summary>
    public int? SupersededByNumber { get; init; }

    public DecisionShortId? Supersedes => SupersedesNumber is { } number ? new DecisionShortId(number) : null;

    public DecisionShortId? SupersededBy => SupersededByNumber is { } number ? new DecisionShortId(number) : null;

    /// <summary>Only a decision on record that nothing has replaced yet can be superseded.</summary>
    public bool CanBeSuperseded => State == DecisionStatus.Decided && SupersededByNumber is null;

    public DecisionStatus State => Enum.Parse<DecisionStatus>(Status, ignoreCase: true);

    public DecisionOutcome? ReviewOutcome => Outcome switch
    {
        "ready_to_decide" => DecisionOutcome.ReadyToDecide,
        "needs_sync" => DecisionOutcome.NeedsSync,
        _ => null,
    };
}
