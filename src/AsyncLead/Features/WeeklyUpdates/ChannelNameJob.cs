using AsyncLead.Jobs;
using AsyncLead.Outbox;
using AsyncLead.Slack.WebApi;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>
/// After setup is saved: the team's channel name as conversations.info gives it. A slash command names every private
/// channel "privategroup", and pages and App Home show the stored name, so it is asked once, off the ack path; saving
/// setup again picks up a rename.
/// </summary>
public sealed class ChannelNameJob(TeamStore teams, ISlackClient slack) : IJobHandler
{
    public const string JobKind = "weekly.channel-name";

    public string Kind => JobKind;

    public static JobRequest Request(string workspaceId, string channelId) =>
        new(JobKind, new Payload(workspaceId, channelId))
        {
            JobKey = $"weekly-channel-name:{workspaceId}:{channelId}",
            OnConflict = JobKeyConflict.Replace,
            Scope = WorkspaceScope.For(workspaceId, $"weekly-channel:{channelId}"),
        };

    public async Task HandleAsync(JobContext job, CancellationToken cancellationToken)
    {
        var payload = job.Payload<Payload>();
        try
        {
            var channel = await slack.ForWorkspace(payload.WorkspaceId).Conversations.InfoAsync(payload.ChannelId, cancellationToken);
            if (!string.IsNullOrWhiteSpace(channel.Name))
            {
                await teams.RenameAsync(payload.WorkspaceId, payload.ChannelId, channel.Name, cancellationToken);
            }
        }
        catch (SlackApiException ex) when (ex.IsChannelGone())
        {
            // The bot was removed meanwhile; the name stays as setup had it, and posting tells the lead.
        }
    }

    public sealed record Payload(string WorkspaceId, string ChannelId);
}
