using AsyncLead.Jobs;
using AsyncLead.Outbox;
using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Payloads;

namespace AsyncLead.Features.Members;

/// <summary>
/// Someone joined a channel the bot is in: they see what comes from it from now on. When it is the bot itself (invited
/// back), the channel's paused team runs again (<see cref="BotJoinedChannel"/>).
/// </summary>
public sealed class MemberJoinedChannelHandler(ChannelAccess access, JobQueue queue) : ISlackEventHandler
{
    public string EventType => "member_joined_channel";

    public async Task HandleAsync(EventCallbackPayload callback, SlackContext context, CancellationToken ct)
    {
        if (callback.Event is not ChannelMemberEvent joined || (joined.Team ?? context.TeamId ?? callback.TeamId) is not { } workspace)
        {
            return;
        }

        if (callback.Authorizations.FirstOrDefault()?.UserId is { } bot && joined.User == bot)
        {
            await queue.EnqueueAsync(BotJoinedChannel.Request(workspace, joined.Channel), ct);
        }

        await access.JoinedAsync(workspace, joined.Channel, joined.User, ct);
    }
}

/// <summary>Someone left or was removed from a channel the bot is in: what comes from it is hidden from them at once.</summary>
public sealed class MemberLeftChannelHandler(ChannelAccess access) : ISlackEventHandler
{
    public string EventType => "member_left_channel";

    public Task HandleAsync(EventCallbackPayload callback, SlackContext context, CancellationToken ct) =>
        callback.Event is ChannelMemberEvent left && (left.Team ?? context.TeamId ?? callback.TeamId) is { } workspace
            ? access.LeftAsync(workspace, left.Channel, left.User, ct)
            : Task.CompletedTask;
}

/// <summary>Runs <see cref="ChannelAccess.LearnAsync"/> for a channel first seen on a request path.</summary>
public sealed class LearnChannelJob(ChannelAccess access) : IJobHandler
{
    public string Kind => ChannelAccess.LearnJobKind;

    public Task HandleAsync(JobContext job, CancellationToken cancellationToken)
    {
        var payload = job.Payload<ChannelAccess.LearnPayload>();
        return access.LearnAsync(payload.WorkspaceId, payload.ChannelId, cancellationToken);
    }
}
