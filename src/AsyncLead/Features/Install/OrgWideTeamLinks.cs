using System.Collections.Concurrent;
using AsyncLead.Slack.Dispatch;

namespace AsyncLead.Features.Install;

/// <summary>
/// Links each workspace an org-wide install acts in to that install, from the first request it sends: from then on
/// the features' calls for that workspace (and their jobs, in any replica) find the organisation's token.
/// </summary>
public sealed class OrgWideTeamLinks(InstallationStore installations, InstallationTokenSource tokens, TimeProvider clock) : ISlackRequestObserver
{
    // Links this replica stored lately, so most requests from a linked workspace cost nothing. They are stored again
    // after a minute, as the token source looks again: an uninstall and reinstall in between removed them.
    private static readonly TimeSpan RelinkAfter = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, (string Enterprise, DateTimeOffset Until)> linked = new(StringComparer.Ordinal);

    public async Task ObserveAsync(SlackContext context, CancellationToken cancellationToken)
    {
        if (!context.IsEnterpriseInstall || context.EnterpriseId is not { Length: > 0 } enterprise
            || context.TeamId is not { Length: > 0 } team || team == enterprise
            || (linked.TryGetValue(team, out var known) && known.Enterprise == enterprise && clock.GetUtcNow() < known.Until))
        {
            return;
        }

        var now = clock.GetUtcNow();
        if (await installations.LinkTeamAsync(team, enterprise, now, cancellationToken))
        {
            linked[team] = (enterprise, now + RelinkAfter);
            tokens.Forget(team);
        }
    }
}
