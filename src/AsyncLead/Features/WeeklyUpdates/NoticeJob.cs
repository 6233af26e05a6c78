using AsyncLead.Jobs;
using AsyncLead.Slack.BlockKit;
using AsyncLead.Slack.WebApi;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>
/// A short message for one person, sent after the ack: in their DM (<see cref="Channel"/> null), as an ephemeral in a
/// channel, or replacing a message the app sent earlier (<see cref="ReplaceTs"/>, e.g. the prompt whose button was clicked).
/// </summary>
public sealed record Notice(string WorkspaceId, string UserId, string Text)
{
    public string? Channel { get; init; }

    public string? ReplaceTs { get; init; }
}

public sealed class NoticeJob(ISlackClient slack) : IJobHandler
{
    public const string JobKind = "weekly.notice";

    public string Kind => JobKind;

    public async Task HandleAsync(JobContext job, CancellationToken cancellationToken)
    {
        var notice = job.Payload<Notice>();
        var chat = slack.ForWorkspace(notice.WorkspaceId).Chat;
        if (notice.Channel is { } channel && notice.ReplaceTs is { } ts)
        {
            await chat.UpdateAsync(new UpdateMessageRequest(channel, ts, notice.Text) { Blocks = [Blocks.Section(notice.Text)] }, cancellationToken);
        }
        else if (notice.Channel is { } shared)
        {
            await chat.PostEphemeralAsync(new EphemeralMessageRequest(shared, notice.UserId, notice.Text), cancellationToken);
        }
        else
        {
            await chat.PostMessageAsync(new PostMessageRequest(notice.UserId, notice.Text), cancellationToken);
        }
    }
}
