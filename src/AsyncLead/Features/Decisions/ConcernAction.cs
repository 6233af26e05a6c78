using AsyncLead.Outbox;
using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Payloads;
using AsyncLead.Slack.WebApi;

namespace AsyncLead.Features.Decisions;

public sealed class ConcernAction(DecisionStore store, Notices notices, ISlackClient slack) : CommentAnswer(store, notices, slack)
{
    public override string ActionId => DecisionMessage.Concern;

    protected override ReviewerAnswer Kind => ReviewerAnswer.Concern;
}
