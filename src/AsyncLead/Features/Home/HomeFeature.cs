using AsyncLead.Jobs;
using AsyncLead.Slack.Dispatch;

namespace AsyncLead.Features.Home;

public static class HomeFeature
{
    public static IServiceCollection AddHome(this IServiceCollection services)
    {
        services.AddSingleton<HomeReader>();

        services.AddSlackHandler<AppHomeOpenedHandler>();
        services.AddSlackHandler<EditScheduleButton>();
        services.AddSlackHandler<ScheduleModal>();

        services.AddJobHandler<PublishHomeJob>();
        return services;
    }
}
