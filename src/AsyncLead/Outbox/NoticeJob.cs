using AsyncLead.Jobs;
using AsyncLead.Slack.BlockKit;
using AsyncLead.Slack.Posting;
using AsyncLead.Slack.WebApi;

namespace AsyncLead.Outbox;

/// <summary>
/// Delivers a <see cref="Notice"/>, once per job however often it runs (<see cref="SlackPoster"/>, keyed by the job's id).
/// An ephemeral Slack refuses (the person or the bot left the channel, a DM) goes to their DM instead.
/// </summary>
public sealed class NoticeJob(ISlackClient slack, SlackPoster poster) : IJobHandler
{
    /// <summary>Named when only the weekly feature sent notices; kept, as jobs of it may be pending in a database.</summary>
    public const string JobKind = "weekly.notice";

    public string Kind => JobKind;

    public Task HandleAsync(JobContext job, CancellationToken cancellationToken) => DeliverAsync(job, job.Payload<Notice>(), cancellationToken);

    internal async Task DeliverAsync(JobContext job, Notice notice, CancellationToken cancellationToken)
    {
        var api = slack.ForWorkspace(notice.WorkspaceId);
        var key = $"notice:{job.Id}";
        if (notice.Channel is { } channel && notice.ReplaceTs is { } ts)
        {
            await api.Chat.UpdateAsync(new UpdateMessageRequest(channel, ts, notice.Text) { Blocks = [Blocks.Section(notice.Text)] }, cancellationToken);
            return;
        }

        if (notice.Channel is { } shared)
        {
            try
            {
                await poster.PostEphemeralOnceAsync(api, key, new EphemeralMessageRequest(shared, notice.UserId, notice.Text), cancellationToken);
                return;
            }
            catch (SlackApiException ex) when (ex.IsPersonNotInChannel() || ex.IsChannelGone())
            {
                // Falls through to the DM.
            }
        }

        await poster.PostOnceAsync(api, key + ":dm", new PostMessageRequest(notice.UserId, notice.Text), cancellationToken);
    }
}
