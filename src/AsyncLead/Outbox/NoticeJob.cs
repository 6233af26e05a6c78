using AsyncLead.Jobs;
using AsyncLead.Slack.BlockKit;
using AsyncLead.Slack.WebApi;

namespace AsyncLead.Outbox;

/// <summary>Delivers a <see cref="Notice"/>. An ephemeral Slack refuses (the person or the bot left the channel, a DM) goes to their DM instead.</summary>
public sealed class NoticeJob(ISlackClient slack) : IJobHandler
{
    /// <summary>Named when only the weekly feature sent notices; kept, as jobs of it may be pending in a database.</summary>
    public const string JobKind = "weekly.notice";

    public string Kind => JobKind;

    public Task HandleAsync(JobContext job, CancellationToken cancellationToken) => DeliverAsync(slack, job.Payload<Notice>(), cancellationToken);

    internal static async Task DeliverAsync(ISlackClient slack, Notice notice, CancellationToken cancellationToken)
    {
        var chat = slack.ForWorkspace(notice.WorkspaceId).Chat;
        if (notice.Channel is { } channel && notice.ReplaceTs is { } ts)
        {
            await chat.UpdateAsync(new UpdateMessageRequest(channel, ts, notice.Text) { Blocks = [Blocks.Section(notice.Text)] }, cancellationToken);
            return;
        }

        if (notice.Channel is { } shared)
        {
            try
            {
                await chat.PostEphemeralAsync(new EphemeralMessageRequest(shared, notice.UserId, notice.Text), cancellationToken);
                return;
            }
            catch (SlackApiException ex) when (ex.Error is "user_not_in_channel" or "not_in_channel" or "channel_not_found")
            {
                // Falls through to the DM.
            }
        }

        await chat.PostMessageAsync(new PostMessageRequest(notice.UserId, notice.Text), cancellationToken);
    }
}
