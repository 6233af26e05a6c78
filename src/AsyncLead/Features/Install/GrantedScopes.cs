using System.Collections.Concurrent;
using AsyncLead.Features.Members;

namespace AsyncLead.Features.Install;

/// <summary>
/// The scopes a workspace's bot token has: what its install (or its organisation's) was granted, else, for the
/// workspace <c>Slack__BotToken</c> serves, what Slack named for that token when the host started. Unknown counts as
/// not granted. Looked up once a minute per workspace at most, as tokens are (every nudge asks).
/// </summary>
public sealed class GrantedScopes(InstallationStore installations, ConfiguredBotWorkspace configured, TimeProvider clock) : IGrantedScopes
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, (IReadOnlyList<string> Scopes, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);

    public async ValueTask<bool> HasAsync(string workspaceId, string scope, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (!_cache.TryGetValue(workspaceId, out var cached) || cached.Until <= now)
        {
            cached = (await LookUpAsync(workspaceId, cancellationToken), now + CacheFor);
            _cache[workspaceId] = cached;
        }

        return cached.Scopes.Contains(scope, StringComparer.Ordinal);
    }

    private async Task<IReadOnlyList<string>> LookUpAsync(string workspaceId, CancellationToken cancellationToken)
    {
        if (await installations.FindScopesAsync(workspaceId, cancellationToken) is { } granted)
        {
            return granted;
        }

        try
        {
            return configured.Token is null ? [] : await configured.ScopesAsync(workspaceId, cancellationToken) ?? [];
        }
        catch (InvalidOperationException)
        {
            // auth.test hasn't answered: not known to be granted, so not used until it has.
            return [];
        }
    }
}
