using AsyncLead.Outbox;
using AsyncLead.Jobs;
using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Payloads;

namespace AsyncLead.Features.Home;

/// <summary>Someone opened AsyncLead's Home tab: queue a fresh publish (never published on the ack path).</summary>
public sealed class AppHomeOpenedHandler(JobQueue queue) : ISlackEventHandler
{
    public string EventType => "app_home_opened";

    public Task HandleAsync(EventCallbackPayload callback, SlackContext context, CancellationToken ct) =>
        callback.Event is AppHomeOpenedEvent { Tab: "home", User: var userId } && context.TeamId is { } workspaceId
            ? queue.EnqueueAsync(HomeRefresh.Request(workspaceId, userId), ct)
            : Task.CompletedTask;
}
