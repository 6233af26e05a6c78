using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Payloads;

namespace AsyncLead.Features.Members;

/// <summary>Someone changed their Slack profile (often their time zone, when they travel): refresh our copy at once.</summary>
public sealed class UserChangeHandler(MemberDirectory members) : ISlackEventHandler
{
    public string EventType => "user_change";

    public Task HandleAsync(EventCallbackPayload callback, SlackContext context, CancellationToken ct)
    {
        if (callback.Event is not UserChangeEvent { User: var user })
        {
            return Task.CompletedTask;
        }

        var workspace = user.TeamId ?? context.TeamId ?? callback.TeamId ?? "";
        return members.RecordSlackUserAsync(workspace, user.Id, user.RealName ?? user.Name, user.Tz, user.IsBot, user.Deleted,
            SlackStatus.From(user.Profile), ct);
    }
}
