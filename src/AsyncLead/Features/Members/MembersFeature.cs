using AsyncLead.Jobs;
using AsyncLead.Slack.Dispatch;

namespace AsyncLead.Features.Members;

public static class MembersFeature
{
    public static IServiceCollection AddMembers(this IServiceCollection services)
    {
        services.AddSingleton<MemberDirectory>();
        services.AddSlackHandler<UserChangeHandler>();
        services.AddSingleton<ChannelAccess>();
        services.AddSlackHandler<MemberJoinedChannelHandler>();
        services.AddSlackHandler<MemberLeftChannelHandler>();
        services.AddJobHandler<LearnChannelJob>();
        return services;
    }
}
