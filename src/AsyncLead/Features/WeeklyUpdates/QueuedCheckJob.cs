using AsyncLead.Jobs;
using AsyncLead.Slack.Posting;
using AsyncLead.Slack.WebApi;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>
/// A few seconds after a submission: if the reply still isn't in the thread (Slack slow, down or rate-limiting), the
/// author hears once that it is saved and will be posted when Slack recovers, so nobody writes it twice.
/// </summary>
public sealed class QueuedCheckJob(UpdateStore updates, TeamStore teams, ISlackClient slack, SlackPoster poster, TimeProvider clock) : IJobHandler
{
    public const string JobKind = "weekly.queued-check";

    public static readonly TimeSpan Delay = TimeSpan.FromSeconds(5);

    public string Kind => JobKind;

    public async Task HandleAsync(JobContext job, CancellationToken cancellationToken)
    {
        var payload = job.Payload<Payload>();
        if (await updates.FindUpdateAsync(payload.UpdateId, cancellationToken) is not { } update
            || update.PostedVersion >= update.Version
            || await updates.FindWeekAsync(update.WeekId, cancellationToken) is not { } week
            || await teams.FindAsync(week.TeamChannelId, cancellationToken) is not { } team
            || update.AuthorToldAt is not null)
        {
            return;
        }

        // Ephemeral, not a DM: chat.postMessage may be the very method Slack is rate-limiting.
        await poster.PostEphemeralOnceAsync(slack.ForWorkspace(team.WorkspaceId), $"queued:{update.Id}",
            new EphemeralMessageRequest(team.ChannelId, update.UserId, WeeklyTexts.Queued(team.ChannelId)), cancellationToken);
        await updates.MarkAuthorToldAsync(update.Id, clock.GetUtcNow(), cancellationToken);
    }

    public sealed record Payload(long UpdateId);
}
