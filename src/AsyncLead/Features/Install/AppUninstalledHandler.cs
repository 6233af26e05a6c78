using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Payloads;

namespace AsyncLead.Features.Install;

/// <summary><c>app_uninstalled</c>: the whole install is gone.</summary>
public sealed class AppUninstalledHandler(WorkspaceUninstall uninstall) : ISlackEventHandler
{
    public string EventType => "app_uninstalled";

    public Task HandleAsync(EventCallbackPayload callback, SlackContext context, CancellationToken ct) =>
        InstallKey.Of(context) is { } workspaceId ? uninstall.RemoveAsync(workspaceId, EventType, ct) : Task.CompletedTask;
}
