using AsyncLead.Outbox;
using AsyncLead.Features.Members;
using AsyncLead.Jobs;
using Npgsql;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>
/// The week's prompt, at the team's prompt time: the thread root in the channel, a DM to each expected member at their
/// first allowed minute from then (inside working hours, outside focus blocks and Slack DND, in their zone), their reminders placed
/// by their own schedules after it, the week's close, next week's prompt, and a refresh of the Home tabs that
/// now show the new week (its members' and the lead's). All of it is enqueued in one
/// transaction that only the first run for the week gets to commit, so a retry or a second replica prompts nobody twice.
/// A paused team (<see cref="TeamPause"/>, or its lead's <see cref="TeamSwitchCommand"/>) is not prompted; a team switched off stops here.
/// </summary>
public sealed class PromptJob(TeamStore teams, ExpectedMembers expectedMembers, SlackDnd dnd, JobQueue queue, NpgsqlDataSource dataSource, TimeProvider clock)
    : IJobHandler
{
    public const string JobKind = "weekly.prompt";

    public string Kind => JobKind;

    public async Task HandleAsync(JobContext job, CancellationToken cancellationToken)
    {
        var payload = job.Payload<Payload>();
        if (await teams.FindAsync(payload.TeamChannelId, cancellationToken) is not { } team)
        {
            return;
        }

        var calendar = team.Calendar;
        var week = TeamWeek.Containing(payload.WeekStart);
        var promptAt = calendar.PromptAt(week);
        var nextPromptAt = calendar.PromptAt(week.Next());
        if (team.Stopped == TeamChannel.SwitchedOff)
        {
            // Switched off: the rhythm ends here; resuming plans the next prompt.
            return;
        }

        if (team.PausedAt is not null || team.Stopped == TeamChannel.PausedByLead)
        {
            // Nobody is prompted while the bot can't post in the channel; next week's prompt looks again.
            await queue.EnqueueAsync(WeeklyJobs.Prompt(team.WorkspaceId, team.Id, week.Next().Monday, nextPromptAt), cancellationToken);
            return;
        }

        // Where the install can read Slack's do-not-disturb, each DM and reminder is placed out of its person's DND too.
        var expected = await dnd.FreshAsync(team.WorkspaceId, await expectedMembers.ResolveAsync(team, cancellationToken), cancellationToken);
        // The DMs go out from now (a job that ran late doesn't pretend to be on time), each at its person's next allowed minute.
        var now = clock.GetUtcNow();
        var promptsFrom = now > promptAt ? now : promptAt;

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var weekId = await UpdateStore.EnsureWeekAsync(connection, transaction, team.Id, week.Monday, cancellationToken);
        if (await UpdateStore.MarkPromptedAsync(connection, transaction, weekId, [.. expected.Select(m => m.UserId)], now, cancellationToken))
        {
            await queue.EnqueueAsync(connection, transaction, WeeklyJobs.Thread(team.WorkspaceId, team.Id, weekId, ThreadPostJob.What.Root), cancellationToken);
            foreach (var member in expected.Where(m => !m.Schedule.IsAwayForWeek(week)))
            {
                // The prompt DM too waits for the member's own working time (outside focus, in their zone); the
                // reminders count from when it actually reaches them.
                if (member.Schedule.NextAllowedInstant(promptsFrom) is not { } promptDmAt || promptDmAt >= nextPromptAt)
                {
                    continue;
                }

                await queue.EnqueueAsync(connection, transaction,
                    WeeklyJobs.Nudge(team.WorkspaceId, team.Id, weekId, member.UserId, 0, promptDmAt), cancellationToken);
                var reminders = team.Cadence.Plan(promptDmAt, nextPromptAt, member.Schedule);
                for (var i = 0; i < reminders.Count; i++)
                {
                    await queue.EnqueueAsync(connection, transaction, WeeklyJobs.Nudge(team.WorkspaceId, team.Id, weekId, member.UserId, i + 1, reminders[i]), cancellationToken);
                }
            }

            await queue.EnqueueAsync(connection, transaction, WeeklyJobs.Close(team.WorkspaceId, team.Id, week.Monday, calendar.ClosesAt(week)), cancellationToken);
            await queue.EnqueueAsync(connection, transaction, WeeklyJobs.Prompt(team.WorkspaceId, team.Id, week.Next().Monday, nextPromptAt), cancellationToken);
            // Keeps every recipient's digest planned, also for teams set up before digests existed.
            await queue.EnqueueAsync(connection, transaction, DigestPlan.Request(team.WorkspaceId, team.Id), cancellationToken);
            await HomeRefresh.EnqueueAsync(queue, connection, transaction, team.WorkspaceId, [team.LeadUserId, .. expected.Select(m => m.UserId)], cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public sealed record Payload(long TeamChannelId, DateOnly WeekStart);
}
