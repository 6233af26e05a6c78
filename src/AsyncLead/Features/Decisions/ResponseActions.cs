using System.Globalization;
using AsyncLead.Outbox;
using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Payloads;
using AsyncLead.Slack.WebApi;

namespace AsyncLead.Features.Decisions;

/// <summary>Approve and Abstain record at once; the same answer twice (a double click, a retry) changes nothing.</summary>
public abstract class ImmediateAnswer(DecisionStore store, Notices notices) : IBlockActionHandler
{
    public abstract string ActionId { get; }

    protected abstract ReviewerAnswer Answer { get; }

    public async Task HandleAsync(BlockActionsPayload payload, BlockAction action, SlackContext context, CancellationToken ct)
    {
        var snapshot = await store.SnapshotAsync(DecisionMessage.IdFrom(action.Value), ct);
        if (snapshot is null || snapshot.Doc.WorkspaceId != context.TeamId)
        {
            return;
        }

        var doc = snapshot.Doc;
        var result = await store.RecordResponseAsync(doc.Id, payload.User.Id, Answer, ct);
        var verb = Answer == ReviewerAnswer.Approve ? "approved" : "abstained on";
        var notice = result switch
        {
            ResponseResult.NotOpen => $"Responses on {DecisionText.Name(doc)} are closed.",
            _ when !snapshot.Reviewers.Contains(payload.User.Id) =>
                $"Thanks: you {verb} {DecisionText.Name(doc)}. You're not one of its reviewers, so this counts as a comment.",
            ResponseResult.Unchanged => $"You already {verb} {DecisionText.Name(doc)}.",
            _ when snapshot.Responses.Any(r => r.ReviewerId == payload.User.Id && r.EarlierVersion) && Answer == ReviewerAnswer.Approve =>
                $"You confirmed your approval of {DecisionText.Name(doc)} as it reads now.",
            _ => $"You {verb} {DecisionText.Name(doc)}.",
        };
        await notices.TellAsync(context, notice, ct);
    }
}

public sealed class ApproveAction(DecisionStore store, Notices notices) : ImmediateAnswer(store, notices)
{
    public override string ActionId => DecisionMessage.Approve;

    protected override ReviewerAnswer Answer => ReviewerAnswer.Approve;
}

public sealed class AbstainAction(DecisionStore store, Notices notices) : ImmediateAnswer(store, notices)
{
    public override string ActionId => DecisionMessage.Abstain;

    protected override ReviewerAnswer Answer => ReviewerAnswer.Abstain;
}

/// <summary>Concern and Question ask for the text in a small modal (opened with the click's trigger_id).</summary>
public abstract class CommentAnswer(DecisionStore store, Notices notices, ISlackClient slack) : IBlockActionHandler
{
    public abstract string ActionId { get; }

    protected abstract ReviewerAnswer Kind { get; }

    public async Task HandleAsync(BlockActionsPayload payload, BlockAction action, SlackContext context, CancellationToken ct)
    {
        if (context.TeamId is not { } workspaceId || await store.FindAsync(workspaceId, DecisionMessage.IdFrom(action.Value), ct) is not { } doc)
        {
            return;
        }

        if (doc.State != DecisionStatus.Open)
        {
            await notices.TellAsync(context, $"Responses on {DecisionText.Name(doc)} are closed.", ct);
            return;
        }

        await slack.ForWorkspace(context.TeamId!).Views.OpenAsync(payload.TriggerId!, DecisionModals.Comment(doc, Kind), ct);
    }
}

public sealed class ConcernAction(DecisionStore store, Notices notices, ISlackClient slack) : CommentAnswer(store, notices, slack)
{
    public override string ActionId => DecisionMessage.Concern;

    protected override ReviewerAnswer Kind => ReviewerAnswer.Concern;
}

public sealed class HoldAction(DecisionStore store, Notices notices, ISlackClient slack) : CommentAnswer(store, notices, slack)
{
    public override string ActionId => DecisionMessage.Hold;

    protected override ReviewerAnswer Kind => ReviewerAnswer.Hold;
}

public sealed class QuestionAction(DecisionStore store, Notices notices, ISlackClient slack) : CommentAnswer(store, notices, slack)
{
    public override string ActionId => DecisionMessage.Question;

    protected override ReviewerAnswer Kind => ReviewerAnswer.Question;
}
