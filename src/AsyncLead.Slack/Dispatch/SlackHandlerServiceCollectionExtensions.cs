using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AsyncLead.Slack.Dispatch;

public static class SlackHandlerServiceCollectionExtensions
{
    private static readonly Type[] HandlerInterfaces =
    [
        typeof(ISlashCommandHandler), typeof(IBlockActionHandler), typeof(IViewSubmissionHandler),
        typeof(IViewClosedHandler), typeof(IShortcutHandler), typeof(ISlackEventHandler),
    ];

    /// <summary>
    /// Registers a Slack handler (scoped: one instance per request). There is one handler interface per thing Slack
    /// sends, each keyed by the id Slack routes on; a handler's routes are every one it implements, read once when the
    /// receivers are mapped, and a route claimed twice fails the start. A handler should finish inside the ack budget:
    /// validate, write one short transaction, enqueue the rest.
    /// </summary>
    public static IServiceCollection AddSlackHandler<THandler>(this IServiceCollection services)
        where THandler : class
    {
        if (!HandlerInterfaces.Any(handlerInterface => handlerInterface.IsAssignableFrom(typeof(THandler))))
        {
            throw new ArgumentException(
                $"{typeof(THandler).FullName} implements none of the Slack handler interfaces ({string.Join(", ", HandlerInterfaces.Select(i => i.Name))}).",
                nameof(THandler));
        }

        services.TryAddScoped<THandler>();
        services.AddSingleton(new SlackHandlerRegistration(typeof(THandler)));
        return services;
    }
}
