using AsyncLead.Outbox;
using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Payloads;
using AsyncLead.Slack.WebApi;

namespace AsyncLead.Features.Decisions;

public sealed class AbstainAction(DecisionStore store, Notices notices) : ImmediateAnswer(store, notices)
{
    public override string ActionId => DecisionMessage.Abstain;

    protected override ReviewerAnswer Answer => ReviewerAnswer.Abstain;
}
