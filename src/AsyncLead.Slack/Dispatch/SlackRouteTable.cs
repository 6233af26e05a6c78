using Microsoft.Extensions.DependencyInjection;

namespace AsyncLead.Slack.Dispatch;

/// <summary>Route key → handler type, one map per kind of request. Built once at start; a key claimed twice fails the start.</summary>
internal sealed class SlackRouteTable
{
    private SlackRouteTable()
    {
    }

    public Dictionary<string, Type> Commands { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Type> Actions { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Type> ViewSubmissions { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Type> ViewClosings { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Type> Shortcuts { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Type> Events { get; } = new(StringComparer.Ordinal);

    public static SlackRouteTable Build(IServiceProvider services, IEnumerable<SlackHandlerRegistration> registrations)
    {
        var table = new SlackRouteTable();
        using var scope = services.CreateScope();
        foreach (var type in registrations.Select(r => r.HandlerType).Distinct())
        {
            var handler = scope.ServiceProvider.GetRequiredService(type);
            if (handler is ISlashCommandHandler command)
            {
                Add(table.Commands, "slash command", command.Command, type);
            }

            if (handler is IBlockActionHandler action)
            {
                Add(table.Actions, "block action_id", action.ActionId, type);
            }

            if (handler is IViewSubmissionHandler submission)
            {
                Add(table.ViewSubmissions, "view_submission callback_id", submission.CallbackId, type);
            }

            if (handler is IViewClosedHandler closed)
            {
                Add(table.ViewClosings, "view_closed callback_id", closed.CallbackId, type);
            }

            if (handler is IShortcutHandler shortcut)
            {
                Add(table.Shortcuts, "shortcut callback_id", shortcut.CallbackId, type);
            }

            if (handler is ISlackEventHandler slackEvent)
            {
                Add(table.Events, "event type", slackEvent.EventType, type);
            }
        }

        if (table.Events.Count > 0 && services.GetService<IServiceProviderIsService>()?.IsService(typeof(ISlackEventReceipts)) != true)
        {
            throw new InvalidOperationException(
                $"Slack event handlers are registered but no {nameof(ISlackEventReceipts)} is. Register one so Slack's retries of an event are not acted on twice.");
        }

        return table;
    }

    private static void Add(Dictionary<string, Type> routes, string kind, string key, Type handlerType)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new InvalidOperationException($"Slack handler {handlerType.FullName} has an empty {kind}.");
        }

        if (!routes.TryAdd(key, handlerType))
        {
            throw new InvalidOperationException(
                $"Two Slack handlers claim the {kind} '{key}': {routes[key].FullName} and {handlerType.FullName}. Each route has exactly one handler.");
        }
    }
}
