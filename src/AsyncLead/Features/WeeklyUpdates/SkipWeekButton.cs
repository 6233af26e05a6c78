using AsyncLead.Features.Members;
using AsyncLead.Jobs;
using AsyncLead.Outbox;
using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Payloads;
using AsyncLead.Slack.WebApi;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>"Skip this week": away for the week, so no more reminders and the summary shows them as away, not missing.</summary>
public sealed class SkipWeekButton(TeamStore teams, MemberDirectory directory, JobQueue queue) : IBlockActionHandler
{
    public string ActionId => NudgeMessage.SkipActionId;

    public async Task HandleAsync(BlockActionsPayload payload, BlockAction action, SlackContext context, CancellationToken ct)
    {
        if (!NudgeMessage.TryReadButtonValue(action.Value, out var teamId, out var week)
            || await teams.FindAsync(teamId, ct) is not { } team || team.WorkspaceId != context.TeamId || context.UserId is not { } userId)
        {
            return;
        }

        var member = await directory.GetAsync(team.WorkspaceId, userId, ct);
        if (!member.Schedule.IsAwayForWeek(week)
            && new MemberSettingsChange.AddAwayPeriod(new AwayPeriod(week.Monday, week.Sunday)).TryApply(member.Schedule, out var away, out _))
        {
            await directory.SaveScheduleAsync(team.WorkspaceId, userId, away, ct);
        }

        // The prompt itself changes to say so, which also takes the buttons away.
        await queue.EnqueueAsync(new Notice(team.WorkspaceId, userId, WeeklyTexts.SkippedWeek(week))
        {
            Channel = payload.Container?.ChannelId ?? payload.Channel?.Id,
            ReplaceTs = payload.Container?.MessageTs,
        }.Request(), ct);
    }
}
