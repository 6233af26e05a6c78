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

/// <summary><c>tokens_revoked</c>: only the bot token matters to us (we keep no user tokens).</summary>
public sealed class TokensRevokedHandler(WorkspaceUninstall uninstall) : ISlackEventHandler
{
    public string EventType => "tokens_revoked";

    public Task HandleAsync(EventCallbackPayload callback, SlackContext context, CancellationToken ct) =>
        callback.Event is TokensRevokedEvent { Tokens.Bot.Count: > 0 } && InstallKey.Of(context) is { } workspaceId
            ? uninstall.RemoveAsync(workspaceId, EventType, ct)
            : Task.CompletedTask;
}

/// <summary>Which install a request belongs to: the team's, or for an org-wide install the enterprise's.</summary>
public static class InstallKey
{
    public static string? Of(SlackContext context) =>
        context.IsEnterpriseInstall && context.EnterpriseId is { Length: > 0 } enterprise ? enterprise : context.TeamId;
}
