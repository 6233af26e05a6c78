using AsyncLead.Slack.Dispatch;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AsyncLead.Slack.Posting;

public static class SlackPostingExtensions
{
    /// <summary>
    /// Registers <see cref="SlackPoster"/> over the app's ledger, and <see cref="BotChannelMembership"/> over the app's
    /// store with the events that keep it fresh. Needs <c>AddSlackWebApi</c> and <c>AddSlackReceivers</c>.
    /// </summary>
    public static IServiceCollection AddSlackPosting<TLedger, TChannels>(this IServiceCollection services)
        where TLedger : class, ISlackPostLedger
        where TChannels : class, IBotChannelStore
    {
        services.TryAddSingleton<ISlackPostLedger, TLedger>();
        services.TryAddSingleton<SlackPoster>();
        services.TryAddSingleton<IBotChannelStore, TChannels>();
        services.TryAddSingleton<BotChannelMembership>();
        services.AddSlackHandler<ChannelLeftHandler>()
            .AddSlackHandler<GroupLeftHandler>()
            .AddSlackHandler<ChannelArchiveHandler>()
            .AddSlackHandler<GroupArchiveHandler>()
            .AddSlackHandler<ChannelUnarchiveHandler>()
            .AddSlackHandler<GroupUnarchiveHandler>();
        return services;
    }
}
