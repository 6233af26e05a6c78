using AsyncLead.Features.Members;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>
/// Works out a week's roll: the people expected are the ones the prompt went to, or (before the prompt) the channel's
/// people now; an expected person who didn't write is away when their away days cover the week, when they sat this
/// team's week out (Skip, or kept back by their Slack status), or, in a team that counts statuses, when their status
/// says they are out now; missing otherwise.
/// </summary>
public sealed class WeekAttendance(UpdateStore updates, ExpectedMembers expectedMembers, MemberDirectory directory, TimeProvider clock)
{
    public async Task<WeekRoll> ForWeekAsync(TeamChannel team, TeamWeek week, CancellationToken ct)
    {
        var stored = await updates.FindWeekAsync(team.Id, week.Monday, ct);
        var written = stored is null ? [] : await updates.UpdatesOfWeekAsync(stored.Id, ct);
        var expected = stored?.ExpectedUserIds ?? [.. (await expectedMembers.ResolveAsync(team, ct)).Select(m => m.UserId)];
        var writers = written.ToDictionary(u => u.UserId, u => u.SubmittedAt, StringComparer.Ordinal);
        var skipped = stored is null ? new HashSet<string>() : await updates.SkippedAsync(stored.Id, ct);
        var now = clock.GetUtcNow();
        var away = new List<string>();
        var missing = new List<string>();
        var silent = expected.Where(id => !writers.ContainsKey(id)).ToList();
        var profiles = await directory.GetManyAsync(team.WorkspaceId, silent, ct);
        foreach (var userId in silent)
        {
            var isAway = skipped.Contains(userId) || (profiles.TryGetValue(userId, out var member)
                && (member.Schedule.IsAwayForWeek(week) || (team.StatusMeansAway && member.Status?.IsOutAt(now) == true)));
            (isAway ? away : missing).Add(userId);
        }

        var figures = Participation.Measure(expected.ToList(), away, writers, stored?.PromptedAt, team.StandupMinutes);
        return new WeekRoll(team, week, stored, written, away, missing, figures);
    }
}
