using AsyncLead.Outbox;
using AsyncLead.Jobs;
using AsyncLead.Slack.Dispatch;
using AsyncLead.Web;

namespace AsyncLead.Features.Decisions;

public static class DecisionsFeature
{
    public static IServiceCollection AddDecisions(this IServiceCollection services)
    {
        services.AddWorkspaceDataKeeper<DecisionStore>();
        services.AddSingleton<DecisionAccess>();

        services.AddSlackHandler<DecisionCommand>();
        services.AddSlackHandler<DocSubmission>();
        services.AddSlackHandler<CommentSubmission>();
        services.AddSlackHandler<ExtendSubmission>();
        services.AddSlackHandler<DecideSubmission>();
        services.AddSlackHandler<EditSubmission>();
        services.AddSlackHandler<ApproveAction>();
        services.AddSlackHandler<AbstainAction>();
        services.AddSlackHandler<ConcernAction>();
        services.AddSlackHandler<QuestionAction>();
        services.AddSlackHandler<ExtendAction>();
        services.AddSlackHandler<WithdrawAction>();
        services.AddSlackHandler<DecideAction>();
        services.AddSlackHandler<ResolveAction>();
        services.AddSlackHandler<EditAction>();
        services.AddSlackHandler<HoldAction>();
        services.AddSlackHandler<ReviewersPicked>();
        services.AddSlackHandler<SupersedeAction>();
        services.AddSlackHandler<BlockerDocAction>();

        services.AddJobHandler<PostDocJob>();
        services.AddJobHandler<RefreshDocJob>();
        services.AddJobHandler<SyncConcernJob>();
        services.AddJobHandler<ThreadNoteJob>();
        services.AddJobHandler<PlanRemindersJob>();
        services.AddJobHandler<RemindJob>();
        services.AddJobHandler<DeadlineJob>();
        services.AddJobHandler<RemindToDecideJob>();
        services.AddJobHandler<LapseJob>();

        services.AddWebPage<DecisionPage>();
        services.AddWebPage<DecisionLogPage>();
        return services;
    }
}
