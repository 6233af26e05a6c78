using AsyncLead.Jobs;
using AsyncLead.Outbox;
using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Payloads;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>
/// "Skip this week": sits out this team's week only (other teams still prompt them; <c>away until</c> is the
/// everywhere switch), so no more reminders for it and its summary shows them as away, not missing.
/// </summary>
public sealed class SkipWeekButton(TeamStore teams, UpdateStore updates, JobQueue queue, TimeProvider clock) : IBlockActionHandler
{
    public string ActionId => NudgeMessage.SkipActionId;

    public async Task HandleAsync(BlockActionsPayload payload, BlockAction action, SlackContext context, CancellationToken ct)
    {
        if (!NudgeMessage.TryReadButtonValue(action.Value, out var teamId, out var week)
            || await teams.FindAsync(teamId, ct) is not { } team || team.WorkspaceId != context.TeamId || context.UserId is not { } userId)
        {
            return;
        }

        await updates.SkipWeekAsync(team.WorkspaceId, team.Id, week.Monday, userId, UpdateStore.Skipped, clock.GetUtcNow(), ct);

        // The prompt itself changes to say so, which also takes the buttons away.
        await queue.EnqueueAsync(new Notice(team.WorkspaceId, userId, WeeklyTexts.SkippedWeek(week))
        {
            Channel = payload.Container?.ChannelId ?? payload.Channel?.Id,
            ReplaceTs = payload.Container?.MessageTs,
        }.Request(), ct);
    }
}
