using System.Globalization;
using System.Text.Json.Nodes;
using AsyncLead.Features.Members;
using AsyncLead.Features.WeeklyUpdates;
using AsyncLead.Jobs;
using AsyncLead.Slack.Posting;
using AsyncLead.Slack.WebApi;

namespace AsyncLead.Features.Digest;

/// <summary>
/// Sends one recipient's digest of one team for one week, then plans their next one. The send record is claimed before
/// the post, and the DM goes through <see cref="SlackPoster"/> keyed by it, so a digest reaches nobody twice, however
/// many times or on however many replicas the job runs.
/// </summary>
public sealed class DigestSendJob(TeamStore teams, UpdateStore updates, DigestStore store, DigestReader reader, DigestPlanner planner, JobQueue queue,
    ChannelAccess channels, ISlackClient slack, SlackPoster poster, TimeProvider clock) : IJobHandler
{
    public const string MetadataEvent = "asynclead_digest";

    // A recipient's first digest of a team reports what changed in the week before it.
    private static readonly TimeSpan FirstDigestLooksBack = TimeSpan.FromDays(7);

    public string Kind => DigestJobs.SendKind;

    public async Task HandleAsync(JobContext job, CancellationToken cancellationToken)
    {
        var payload = job.Payload<Payload>();
        if (await teams.FindAsync(payload.TeamChannelId, cancellationToken) is not { } team
            || !team.DigestRecipients.Contains(payload.UserId, StringComparer.Ordinal))
        {
            // No longer a recipient: the plan after the setup change placed nothing for them.
            return;
        }

        var now = clock.GetUtcNow();
        // Planned for when the recipient wants it now? The occurrence right after the planned instant's previous tick is
        // the planned instant itself unless the time, the zone or the switch (off) changed since.
        var current = await planner.NextSendAsync(team, payload.UserId, payload.PlannedAt.AddTicks(-1), cancellationToken);
        if (current?.RunAt != payload.PlannedAt || await IsSilentWeekAsync(team, payload.WeekStart, cancellationToken)
            || !(await channels.VisibleNowAsync(team.WorkspaceId, payload.UserId, [team.ChannelId], cancellationToken)).Contains(team.ChannelId))
        {
            // Out of date (the plan placed the new one; planning again only finds that one), a week nobody was
            // prompted for and nobody wrote in (the team was set up after it), or a private channel the recipient is
            // not in (everything a digest shows comes from it): nothing to send. The next one is planned all the same,
            // so joining the channel brings the digests back.
            await PlanNextAsync(team, payload.UserId, now, cancellationToken);
            return;
        }

        var send = await store.ClaimSendAsync(team.Id, payload.UserId, payload.WeekStart, now, now - FirstDigestLooksBack, cancellationToken);
        if (send.MessageTs is null)
        {
            var api = slack.ForWorkspace(team.WorkspaceId);
            var metadata = new MessageMetadata(MetadataEvent, new JsonObject { ["send_id"] = send.Id.ToString(CultureInfo.InvariantCulture) });
            var content = await reader.ReadAsync(api, team, TeamWeek.Containing(payload.WeekStart), payload.UserId, send.Since, now, cancellationToken);
            var message = DigestMessage.Render(content);
            var posted = await poster.PostOnceAsync(api, $"digest:{send.Id}",
                new PostMessageRequest(payload.UserId, message.Text) { Blocks = message.Blocks, Metadata = metadata, UnfurlLinks = false }, cancellationToken);
            await store.MarkSentAsync(send.Id, posted.Channel, posted.Ts, now, cancellationToken);
        }

        await PlanNextAsync(team, payload.UserId, now, cancellationToken);
    }

    private async Task<bool> IsSilentWeekAsync(TeamChannel team, DateOnly weekStart, CancellationToken ct) =>
        await updates.FindWeekAsync(team.Id, weekStart, ct) is not { } week
        || (week.PromptedAt is null && (await updates.UpdatesOfWeekAsync(week.Id, ct)).Count == 0);

    private async Task PlanNextAsync(TeamChannel team, string userId, DateTimeOffset now, CancellationToken ct)
    {
        if (await planner.NextSendAsync(team, userId, now, ct) is { } next)
        {
            await queue.EnqueueAsync(next, ct);
        }
    }

    /// <param name="PlannedAt">When the recipient's preference put this digest, in their zone at planning time.</param>
    public sealed record Payload(long TeamChannelId, string UserId, DateOnly WeekStart, DateTimeOffset PlannedAt);
}
