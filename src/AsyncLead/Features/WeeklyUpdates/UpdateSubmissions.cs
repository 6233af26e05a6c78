using AsyncLead.Outbox;
using AsyncLead.Features.Members;
using AsyncLead.Jobs;
using Npgsql;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>
/// Saves an update and, in the same transaction, the jobs that bring Slack up to date: the post into the week's
/// thread and the check that tells the author if that post is slow. Slack being down never loses an update.
/// </summary>
public sealed class UpdateSubmissions(NpgsqlDataSource dataSource, JobQueue queue, TimeProvider clock)
{
    /// <param name="keepNotes">The form has no Notes field: an edit from it keeps the notes written inline.</param>
    public async Task<SubmitResult> SaveAsync(TeamChannel team, string userId, TeamWeek week, WeeklyUpdateSections sections, bool keepNotes,
        CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var result = await SaveAsync(connection, transaction, team, userId, week, sections, keepNotes, ct);
        await transaction.CommitAsync(ct);
        return result;
    }

    /// <summary>As the other overload, in the caller's transaction (which settles what led to the save in the same commit).</summary>
    public async Task<SubmitResult> SaveAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, TeamChannel team, string userId, TeamWeek week,
        WeeklyUpdateSections sections, bool keepNotes, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var late = team.Calendar.IsLate(week, now);
        var saved = await UpdateStore.SaveUpdateAsync(connection, transaction, team.Id, week.Monday, userId, sections, keepNotes, late, now, ct);
        await PlannedItemStore.NoteUpdateAsync(connection, transaction, team.WorkspaceId, userId, sections, now, ct);
        await queue.EnqueueAsync(connection, transaction, WeeklyJobs.Thread(team.WorkspaceId, team.Id, saved.WeekId, ThreadPostJob.What.Update, saved.UpdateId), ct);
        // A first update for a closed week moves its writer from Missing to Late on the summary: edited in place, after the
        // reply is posted (same queue), so the summary can link the reply's blockers.
        if (late && !saved.Replaced && await UpdateStore.IsClosedAsync(connection, transaction, saved.WeekId, ct))
        {
            await queue.EnqueueAsync(connection, transaction, WeeklyJobs.Thread(team.WorkspaceId, team.Id, saved.WeekId, ThreadPostJob.What.Summary), ct);
        }

        await queue.EnqueueAsync(connection, transaction, WeeklyJobs.QueuedCheck(team.WorkspaceId, team.Id, saved.UpdateId, now + QueuedCheckJob.Delay), ct);
        // The author's tab here; the lead's when the post lands (ThreadPostJob), as every writer of the team shares it.
        await HomeRefresh.EnqueueAsync(queue, connection, transaction, team.WorkspaceId, [userId], ct);
        return new SubmitResult(saved.Replaced, late);
    }
}
