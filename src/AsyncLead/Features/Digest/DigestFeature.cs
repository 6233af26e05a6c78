using AsyncLead.Outbox;
using AsyncLead.Features.WeeklyUpdates;
using AsyncLead.Jobs;

namespace AsyncLead.Features.Digest;

public static class DigestFeature
{
    /// <summary>The lead's weekly digest DM: the <c>digest</c> sub-command of <c>/weekly-update</c>, its store and its jobs.</summary>
    public static IServiceCollection AddDigest(this IServiceCollection services)
    {
        services.AddWorkspaceDataKeeper<DigestStore>();
        services.AddSingleton<DigestPlanner>();
        services.AddSingleton<DigestReader>();
        services.AddSingleton<DigestCommand>();
        services.AddSingleton<IWeeklyUpdateSubcommand>(provider => provider.GetRequiredService<DigestCommand>());

        services.AddJobHandler<DigestPlanJob>();
        services.AddJobHandler<DigestSendJob>();
        return services;
    }
}
