using System.Globalization;
using System.Text.Json.Nodes;
using AsyncLead.Features.Members;
using AsyncLead.Jobs;
using AsyncLead.Slack.WebApi;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>
/// The prompt DM (number 0) or a reminder. Decided when it runs, not when it was planned: nobody who has written
/// meanwhile or is away hears from us, and a reminder that now falls in a focus block (settings changed since) moves
/// to the member's next allowed minute, as long as that is before the next week's prompt. Each DM carries our id in
/// its metadata; a run that is not the first (its worker may have died between Slack's answer and finishing the job)
/// first looks for that DM in the conversation and posts nothing when it is there.
/// </summary>
public sealed class NudgeJob(UpdateStore updates, TeamStore teams, MemberDirectory directory, ISlackClient slack, TimeProvider clock) : IJobHandler
{
    public const string JobKind = "weekly.nudge";
    public const string NudgeEvent = "asynclead_weekly_nudge";

    public string Kind => JobKind;

    public async Task HandleAsync(JobContext job, CancellationToken cancellationToken)
    {
        var payload = job.Payload<Payload>();
        if (await updates.FindWeekAsync(payload.WeekId, cancellationToken) is not { } week
            || await teams.FindAsync(week.TeamChannelId, cancellationToken) is not { } team
            || await updates.FindUpdateAsync(week.Id, payload.UserId, cancellationToken) is not null)
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
        if (payload.Number > 0 && !member.Schedule.IsAllowed(now))
        {
            var stopBefore = team.Calendar.PromptAt(teamWeek.Next());
            if (member.Schedule.NextAllowedInstant(now) is { } later && later < stopBefore)
            {
                throw new RetryJobLaterException(later - now, "outside the member's working hours or inside a focus block");
            }

            return;
        }

        var api = slack.ForWorkspace(team.WorkspaceId);
        var metadata = new MessageMetadata(NudgeEvent, new JsonObject
        {
            ["week_id"] = week.Id.ToString(CultureInfo.InvariantCulture),
            ["number"] = payload.Number.ToString(CultureInfo.InvariantCulture),
        });
        // Only a repeated run can find one: the first run of every nudge costs no extra Slack calls.
        if (job.Attempt > 1 && await AlreadySentAsync(api, payload.UserId, metadata, week.WeekStart, cancellationToken))
        {
            return;
        }

        var message = NudgeMessage.Render(team.ChannelName, teamWeek, team.Id, payload.Number);
        await api.Chat.PostMessageAsync(
            new PostMessageRequest(payload.UserId, message.Text) { Blocks = message.Blocks, Metadata = metadata }, cancellationToken);
    }

    private static async Task<bool> AlreadySentAsync(ISlackApi api, string userId, MessageMetadata metadata, DateOnly weekStart, CancellationToken ct)
    {
        var directMessage = await api.Conversations.OpenDirectMessageAsync(userId, ct);
        // The Monday a week earlier: no nudge of this week is older, whatever the clocks of Slack and this host say.
        var oldest = new DateTimeOffset(weekStart.AddDays(-7), TimeOnly.MinValue, TimeSpan.Zero).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return await api.Conversations.HistoryAsync(directMessage, oldest, includeAllMetadata: true, ct)
            .AnyAsync(m => m.Metadata?.EventType == metadata.EventType
                && metadata.EventPayload.All(pair => m.Metadata.EventPayload?[pair.Key]?.ToString() == pair.Value?.ToString()), ct);
    }

    public sealed record Payload(long WeekId, string UserId, int Number);
}
