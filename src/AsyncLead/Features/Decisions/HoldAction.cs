using AsyncLead.Outbox;
using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Payloads;
using AsyncLead.Slack.WebApi;

namespace AsyncLead.Features.Decisions;

public sealed class HoldAction(DecisionStore store, Notices notices, ISlackClient slack) : CommentAnswer(store, notices, slack)
{
    public override string ActionId => DecisionMessage.Hold;

    protected override ReviewerAnswer Kind => ReviewerAnswer.Hold;
}
