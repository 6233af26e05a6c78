using AsyncLead.Jobs;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AsyncLead.Outbox;

/// <summary>
/// The low room every feature may write requests into: refresh a person's Home (<see cref="HomeRefresh"/>, published by
/// Home), plan a team's digests (<see cref="DigestPlan"/>, planned by Digest), tell a person something
/// (<see cref="Notice"/>, delivered here). Features depend on this room, never on each other, for these.
/// </summary>
public static class OutboxFeature
{
    public static IServiceCollection AddOutbox(this IServiceCollection services)
    {
        services.AddSingleton<Notices>();
        services.AddJobHandler<NoticeJob>();
        services.AddJobHandler<EarlierNoticeJobs.DirectMessage>();
        services.AddJobHandler<EarlierNoticeJobs.Ephemeral>();
        return services;
    }

    /// <summary>Registers a store once, as itself and as one of the keepers a workspace purge asks.</summary>
    public static IServiceCollection AddWorkspaceDataKeeper<TStore>(this IServiceCollection services)
        where TStore : class, IWorkspaceDataKeeper
    {
        services.TryAddSingleton<TStore>();
        return services.AddSingleton<IWorkspaceDataKeeper>(provider => provider.GetRequiredService<TStore>());
    }
}
