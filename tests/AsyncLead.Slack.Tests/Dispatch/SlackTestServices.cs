using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Receivers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncLead.Slack.Tests.Dispatch;

/// <summary>The production registration (AddSlackReceivers + AddSlackHandler) in a plain container, for dispatcher tests without HTTP.</summary>
internal static class SlackTestServices
{
    public static ServiceProvider Build(Action<IServiceCollection> addHandlers, TimeSpan? ackBudget = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddSlackReceivers();
        services.Configure<SlackDispatchOptions>(options => options.AckBudget = ackBudget ?? TimeSpan.FromSeconds(10));
        services.AddSingleton<HandlerCalls>();
        addHandlers(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    /// <summary>Every test handler that does not conflict with another, plus the in-memory deduplicator.</summary>
    public static void AddAllHandlers(IServiceCollection services) => services
        .AddSingleton<ISlackEventReceipts, InMemoryEventReceipts>()
        .AddSlackHandler<WeeklyUpdateCommand>()
        .AddSlackHandler<DecisionCommand>()
        .AddSlackHandler<ExplodingCommand>()
        .AddSlackHandler<SlowCommand>()
        .AddSlackHandler<AckThenCommand>()
        .AddSlackHandler<OpenUpdateAction>()
        .AddSlackHandler<ApproveAction>()
        .AddSlackHandler<StanceAction>()
        .AddSlackHandler<WeeklyUpdateModal>()
        .AddSlackHandler<ExplodingDecisionModal>()
        .AddSlackHandler<DecisionShortcuts>()
        .AddSlackHandler<DecisionFromMessageShortcut>()
        .AddSlackHandler<HomeOpenedHandler>()
        .AddSlackHandler<MessageHandler>()
        .AddSlackHandler<UninstalledHandler>()
        .AddSlackHandler<TokensRevokedHandler>()
        .AddSlackHandler<UserChangeHandler>();
}
