using AsyncLead.Outbox;
using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Payloads;
using AsyncLead.Slack.WebApi;

namespace AsyncLead.Features.Decisions;

public sealed class QuestionAction(DecisionStore store, Notices notices, ISlackClient slack) : CommentAnswer(store, notices, slack)
{
    public override string ActionId => DecisionMessage.Question;

    protected override ReviewerAnswer Kind => ReviewerAnswer.Question;
}
