using AsyncLead.Slack.Payloads;

namespace AsyncLead.Slack.Dispatch;

/// <summary>Who and where a request is about, gathered from whichever payload shape carried it, plus Slack's retry markers.</summary>
public sealed record SlackContext
{
    /// <summary>The workspace; for org-wide installs without a team this may be null while <see cref="EnterpriseId"/> is set.</summary>
    public string? TeamId { get; init; }

    public string? EnterpriseId { get; init; }
    public bool IsEnterpriseInstall { get; init; }
    public string? UserId { get; init; }
    public string? ChannelId { get; init; }
    public string? ApiAppId { get; init; }

    /// <summary>Single-use, valid for 3 s: open a modal with it in the ack path, never later.</summary>
    public string? TriggerId { get; init; }

    public string? ResponseUrl { get; init; }

    /// <summary>Slack's retry count for events (<c>X-Slack-Retry-Num</c> or Socket Mode <c>retry_attempt</c>); null on a first delivery.</summary>
    public int? RetryNum { get; init; }

    /// <summary><c>X-Slack-Retry-Reason</c>, e.g. <c>http_timeout</c>.</summary>
    public string? RetryReason { get; init; }

    internal static SlackContext For(SlashCommand command) => new()
    {
        TeamId = command.TeamId,
        EnterpriseId = command.EnterpriseId,
        IsEnterpriseInstall = command.IsEnterpriseInstall,
        UserId = command.UserId,
        ChannelId = command.ChannelId,
        ApiAppId = command.ApiAppId,
        TriggerId = command.TriggerId,
        ResponseUrl = command.ResponseUrl,
    };

    internal static SlackContext For(InteractionPayload payload) => new()
    {
        TeamId = payload.Team?.Id ?? payload.User.TeamId,
        EnterpriseId = payload.Enterprise?.Id ?? payload.Team?.EnterpriseId,
        IsEnterpriseInstall = payload.IsEnterpriseInstall,
        UserId = payload.User.Id,
        ChannelId = payload switch
        {
            BlockActionsPayload actions => actions.Channel?.Id ?? actions.Container?.ChannelId,
            MessageShortcutPayload shortcut => shortcut.Channel?.Id,
            _ => null,
        },
        ApiAppId = payload.ApiAppId,
        TriggerId = payload switch
        {
            BlockActionsPayload actions => actions.TriggerId,
            ViewSubmissionPayload submission => submission.TriggerId,
            ShortcutPayload shortcut => shortcut.TriggerId,
            _ => null,
        },
        ResponseUrl = payload switch
        {
            BlockActionsPayload actions => actions.ResponseUrl,
            MessageShortcutPayload shortcut => shortcut.ResponseUrl,
            _ => null,
        },
    };

    internal static SlackContext For(EventCallbackPayload callback, int? retryNum, string? retryReason)
    {
        var authorization = callback.Authorizations.FirstOrDefault();
        return new SlackContext
        {
            TeamId = callback.TeamId ?? authorization?.TeamId,
            EnterpriseId = callback.EnterpriseId ?? authorization?.EnterpriseId,
            IsEnterpriseInstall = authorization?.IsEnterpriseInstall ?? false,
            UserId = callback.Event switch
            {
                AppHomeOpenedEvent home => home.User,
                MessageEvent message => message.User,
                UserChangeEvent change => change.User.Id,
                _ => null,
            },
            ChannelId = callback.Event switch
            {
                AppHomeOpenedEvent home => home.Channel,
                MessageEvent message => message.Channel,
                _ => null,
            },
            ApiAppId = callback.ApiAppId,
            RetryNum = retryNum,
            RetryReason = retryReason,
        };
    }
}
