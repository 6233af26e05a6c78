using AsyncLead.Features.Members;
using AsyncLead.Slack.WebApi;

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
        var people = new List<MemberProfile>();
        foreach (var userId in candidates.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            try
            {
                var profile = await directory.GetAsync(team.WorkspaceId, userId, ct);
                if (profile.IsHuman)
                {
                    people.Add(profile);
                }
            }
            catch (SlackApiException ex) when (ex.Error is "user_not_found" or "user_not_visible")
            {
                // Someone Slack no longer shows us can't be expected to write; everyone else still is.
            }
        }

        return people;
    }
}
