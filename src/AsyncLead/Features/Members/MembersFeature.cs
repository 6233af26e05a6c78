using AsyncLead.Outbox;
using AsyncLead.Jobs;
using AsyncLead.Slack.Dispatch;

namespace AsyncLead.Features.Members;

public static class MembersFeature
{
    public static IServiceCollection AddMembers(this IServiceCollection services)
    {
        services.AddWorkspaceDataKeeper<MemberDirectory>();
        services.AddSingleton<SlackDnd>();
        services.AddSlackHandler<UserChangeHandler>();
        services.AddWorkspaceDataKeeper<ChannelAccess>();
        services.AddSlackHandler<MemberJoinedChannelHandler>();
        services.AddSlackHandler<MemberLeftChannelHandler>();
        services.AddJobHandler<LearnChannelJob>();
        return services;
    }
}
