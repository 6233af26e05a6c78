using System.Globalization;
using System.Text.Json.Nodes;
using AsyncLead.Features.Members;
using AsyncLead.Jobs;
using AsyncLead.Slack.Posting;
using AsyncLead.Slack.WebApi;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>
/// The prompt DM (number 0) or a reminder. Decided when it runs, not when it was planned: nobody who has written
/// meanwhile or is away hears from us, and a prompt or reminder that now falls in a focus block, outside working
/// hours (settings changed since) or in their Slack do-not-disturb moves to the member's next allowed minute, as long as that is before the next week's prompt. Posted once however often
/// the job runs (<see cref="SlackPoster"/>). Where the team counts Slack statuses, someone whose status says they are out
/// gets no reminder, their prompt waits until the status clears, and they sit the week out when it lasts past next
/// week's prompt.
/// </summary>
public sealed class NudgeJob(UpdateStore updates, TeamStore teams, MemberDirectory directory, SlackDnd dnd, ISlackClient slack, SlackPoster poster,
    TimeProvider clock) : IJobHandler
{
    public const string JobKind = "weekly.nudge";
    public const string NudgeEvent = "asynclead_weekly_nudge";

    public string Kind => JobKind;

    public async Task HandleAsync(JobContext job, CancellationToken cancellationToken)
    {
        var payload = job.Payload<Payload>();
        if (await updates.FindWeekAsync(payload.WeekId, cancellationToken) is not { } week
            || await teams.FindAsync(week.TeamChannelId, cancellationToken) is not { } team
            || team.PausedAt is not null
            || team.Stopped is not null
            || await updates.FindUpdateAsync(week.Id, payload.UserId, cancellationToken) is not null
            || (await updates.SkippedAsync(week.Id, cancellationToken)).Contains(payload.UserId))
        {
            return;
        }

        var teamWeek = TeamWeek.Containing(week.WeekStart);
        var member = await directory.GetAsync(team.WorkspaceId, payload.UserId, cancellationToken);
        if (member.Schedule.IsAwayForWeek(teamWeek))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var stopBefore = team.Calendar.PromptAt(teamWeek.Next());
        if (team.StatusMeansAway && member.Status is { } status && status.IsOutAt(now))
        {
            // Out by their Slack status (kept fresh by user_change). A reminder is dropped (the next one, if any, looks
            // again). The prompt waits for a status that clears before next week's prompt; otherwise they sit this
            // team's week out, shown as away.
            if (payload.Number > 0)
            {
                return;
            }

            if (status.Until is { } back && back < stopBefore)
            {
                throw new RetryJobLaterException(back - now, "the member's Slack status says they are out");
            }

            await updates.SkipWeekAsync(team.WorkspaceId, team.Id, week.WeekStart, payload.UserId, UpdateStore.KeptBackByStatus, now, cancellationToken);
            return;
        }

        // Slack's do-not-disturb as it is now (where the app may read it): a DND that began since the plan holds the nudge too.
        member = await dnd.FreshAsync(member, cancellationToken);
        if (!member.Schedule.IsAllowed(now))
        {
            if (member.Schedule.NextAllowedInstant(now) is { } later && later < stopBefore)
            {
                throw new RetryJobLaterException(later - now, "outside the member's working hours, inside a focus block or their Slack do-not-disturb");
            }

            return;
        }

        var metadata = new MessageMetadata(NudgeEvent, new JsonObject
        {
            ["week_id"] = week.Id.ToString(CultureInfo.InvariantCulture),
            ["number"] = payload.Number.ToString(CultureInfo.InvariantCulture),
        });
        var message = NudgeMessage.Render(team.ChannelId, teamWeek, team.Id, payload.Number);
        await poster.PostOnceAsync(slack.ForWorkspace(team.WorkspaceId), $"nudge:{week.Id}:{payload.UserId}:{payload.Number}",
            new PostMessageRequest(payload.UserId, message.Text) { Blocks = message.Blocks, Metadata = metadata }, cancellationToken);
    }

    public sealed record Payload(long WeekId, string UserId, int Number);
}
