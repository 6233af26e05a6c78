using AsyncLead.Features.Members;
using AsyncLead.Features.WeeklyUpdates;

namespace AsyncLead.Features.Decisions;

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

    /// <summary>A recorded decision's follow-ups, as its owners' weekly updates took them up (WeeklyUpdates keeps them).</summary>
    public IReadOnlyList<PlannedItem> FollowUps { get; init; } = [];

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
