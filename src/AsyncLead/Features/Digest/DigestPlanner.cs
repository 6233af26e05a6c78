using AsyncLead.Features.Members;
using AsyncLead.Features.WeeklyUpdates;
using AsyncLead.Jobs;

namespace AsyncLead.Features.Digest;

/// <summary>Where a recipient's next digest of a team goes: their chosen time in their own zone, and the week it reports.</summary>
public sealed class DigestPlanner(DigestStore store, MemberDirectory directory)
{
    /// <returns>The send job of the recipient's next digest after <paramref name="after"/>, or null when their digest is off or they left Slack.</returns>
    public async Task<JobRequest?> NextSendAsync(TeamChannel team, string userId, DateTimeOffset after, CancellationToken ct)
    {
        var preference = await store.PreferenceAsync(team.WorkspaceId, userId, ct);
        if (preference.IsOff)
        {
            return null;
        }

        var member = await directory.GetAsync(team.WorkspaceId, userId, ct);
        if (!member.IsHuman)
        {
            return null;
        }

        var at = DigestSchedule.NextAt(preference.Time, member.Schedule.TimeZoneId, after);
        return DigestJobs.Send(team.WorkspaceId, team.Id, userId, DigestSchedule.ReportedWeek(team.Calendar, at).Monday, at);
    }
}
