using AsyncLead.Jobs;
using AsyncLead.Slack.Dispatch;

namespace AsyncLead.Outbox;

/// <summary>
/// A short message for one person, sent by a job after the ack (so a slow Slack never holds up a click): in their DM
/// (<see cref="Channel"/> null), as an ephemeral in a channel, or replacing a message the app sent earlier
/// (<see cref="ReplaceTs"/>, e.g. the prompt whose button was clicked). The one way any room tells a person something.
/// </summary>
public sealed record Notice(string WorkspaceId, string UserId, string Text)
{
    /// <summary>An ephemeral answer stops being useful soon: a few tries, not the queue's default.</summary>
    public const int EphemeralAttempts = 3;

    public string? Channel { get; init; }

    public string? ReplaceTs { get; init; }

    /// <summary>A private answer to what the person just did: in the channel of the click, or in their DM when it has none (the Home tab).</summary>
    public static Notice Answering(SlackContext context, string text) =>
        new(context.TeamId!, context.UserId!, text) { Channel = context.ChannelId };

    /// <summary>
    /// One queue per person, so their notices arrive in the order their actions happened; inside the workspace's scope,
    /// so an uninstall cancels them.
    /// </summary>
    public JobRequest Request() =>
        new(NoticeJob.JobKind, this)
        {
            QueueName = $"notices:{WorkspaceId}:{UserId}",
            Scope = WorkspaceScope.For(WorkspaceId),
            MaxAttempts = Channel is not null && ReplaceTs is null ? EphemeralAttempts : JobRequest.DefaultMaxAttempts,
        };
}
