using AsyncLead.Features.Members;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>
/// Who is expected to write this week, resolved when the prompt goes out: the channel's people (or the chosen ones),
/// without bots and deactivated accounts. The channel's people are read from what membership events keep (Slack is
/// asked once a day at most).
/// </summary>
public sealed class ExpectedMembers(ChannelAccess channels, MemberDirectory directory)
{
    public async Task<IReadOnlyList<MemberProfile>> ResolveAsync(TeamChannel team, CancellationToken ct)
    {
        IEnumerable<string> candidates = team.ExpectEveryone
            ? await channels.MembersAsync(team.WorkspaceId, team.ChannelId, ct)
            : team.ChosenMembers;
        var profiles = await directory.GetManyAsync(team.WorkspaceId, candidates, ct);
        return [.. profiles.Values.Where(profile => profile.IsHuman).OrderBy(profile => profile.UserId, StringComparer.Ordinal)];
    }
}
