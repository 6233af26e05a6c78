using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AsyncLead.Slack.Posting;

public static class SlackPostingExtensions
{
    /// <summary>Registers <see cref="SlackPoster"/> over the app's ledger, and <see cref="BotChannelMembership"/>. Needs <c>AddSlackWebApi</c>.</summary>
    public static IServiceCollection AddSlackPosting<TLedger>(this IServiceCollection services)
        where TLedger : class, ISlackPostLedger
    {
        services.TryAddSingleton<ISlackPostLedger, TLedger>();
        services.TryAddSingleton<SlackPoster>();
        services.TryAddSingleton<BotChannelMembership>();
        return services;
    }
}
