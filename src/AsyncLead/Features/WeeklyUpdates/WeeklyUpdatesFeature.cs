using AsyncLead.Outbox;
using AsyncLead.Jobs;
using AsyncLead.Slack.Dispatch;
using AsyncLead.Web;

namespace AsyncLead.Features.WeeklyUpdates;

public static class WeeklyUpdatesFeature
{
    public static IServiceCollection AddWeeklyUpdates(this IServiceCollection services)
    {
        services.AddWorkspaceDataKeeper<TeamStore>();
        services.AddWorkspaceDataKeeper<PlannedItemStore>();
        services.AddWorkspaceDataKeeper<InlineDrafts>();
        services.AddSingleton<InlineChoices>();
        services.AddSingleton<UpdateStore>();
        services.AddSingleton<ThreadQuestions>();
        services.AddSingleton<UpdateSubmissions>();
        services.AddSingleton<ExpectedMembers>();
        services.AddSingleton<WeekAttendance>();
        services.AddSingleton<WeekChangesReader>();
        services.AddSingleton<TeamPause>();
        services.AddScoped<LateFiling>();

        foreach (var word in new[] { TeamSwitchCommand.Pause, TeamSwitchCommand.Off, TeamSwitchCommand.Resume })
        {
            services.AddSingleton<IWeeklyUpdateSubcommand>(provider => ActivatorUtilities.CreateInstance<TeamSwitchCommand>(provider, word));
        }

        services.AddSlackHandler<WeeklyUpdateCommand>();
        services.AddSlackHandler<UpdateModal>();
        services.AddSlackHandler<SetupModal>();
        services.AddSlackHandler<WriteUpdateButton>();
        services.AddSlackHandler<SetupButton>();
        services.AddSlackHandler<SkipWeekButton>();
        services.AddSlackHandler<FileLateButton>();
        services.AddSlackHandler<FileThisWeekButton>();
        services.AddSlackHandler<ResolveBlockerButton>();
        services.AddSlackHandler<InlinePostButton>();
        services.AddSlackHandler<InlineFormButton>();
        services.AddSlackHandler<InlineCancelButton>();
        services.AddSlackHandler<InlineAddButton>();
        services.AddSlackHandler<InlineReplaceButton>();
        services.AddSlackHandler<ThreadReplyHandler>();

        services.AddJobHandler<PromptJob>();
        services.AddJobHandler<NudgeJob>();
        services.AddJobHandler<ThreadPostJob>();
        services.AddJobHandler<CloseWeekJob>();
        services.AddJobHandler<QueuedCheckJob>();
        services.AddJobHandler<BotJoinedChannelJob>();
        services.AddJobHandler<QuestionsDmJob>();
        services.AddJobHandler<ChannelNameJob>();

        services.AddWebPage<TeamWeekPage>();
        services.AddWebPage<PersonPage>();
        services.AddWebPage<TeamSearchPage>();
        return services;
    }
}
