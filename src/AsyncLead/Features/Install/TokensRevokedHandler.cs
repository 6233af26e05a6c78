using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Payloads;

namespace AsyncLead.Features.Install;

/// <summary><c>tokens_revoked</c>: only the bot token matters to us (we keep no user tokens).</summary>
public sealed class TokensRevokedHandler(WorkspaceUninstall uninstall) : ISlackEventHandler
{
    public string EventType => "tokens_revoked";

    public Task HandleAsync(EventCallbackPayload callback, SlackContext context, CancellationToken ct) =>
        callback.Event is TokensRevokedEvent { Tokens.Bot.Count: > 0 } && InstallKey.Of(context) is { } workspaceId
            ? uninstall.RemoveAsync(workspaceId, EventType, ct)
            : Task.CompletedTask;
}
