using System.Collections.Concurrent;
using AsyncLead.Slack.WebApi;

namespace AsyncLead.Features.Install;

/// <summary>
/// Each workspace's own bot token from its stored install (or its organisation's), falling back to
/// <c>Slack__BotToken</c> (single-workspace mode) only for the workspace that token belongs to. Looked up once a minute
/// per workspace at most: every Web API call asks, and a revoked token only makes a call fail, which the uninstall event
/// then cleans up.
/// </summary>
public sealed class InstallationTokenSource(InstallationStore installations, ConfiguredBotWorkspace configured, TimeProvider clock) : ISlackTokenSource
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, CachedToken> _cache = new(StringComparer.Ordinal);

    public async ValueTask<string> GetBotTokenAsync(string teamId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (!_cache.TryGetValue(teamId, out var cached) || cached.Until <= now)
        {
            cached = new CachedToken(await installations.FindBotTokenAsync(teamId, cancellationToken), now + CacheFor);
            _cache[teamId] = cached;
        }

        if (cached.Token is { } installed)
        {
            return installed;
        }

        return configured.Token is { } token && await configured.ServesAsync(teamId, cancellationToken)
            ? token
            : throw new InvalidOperationException(configured.Token is null
                ? $"No bot token for workspace {teamId}: install the app there through /slack/install, or set Slack__BotToken."
                : $"No bot token for workspace {teamId}: install the app there through /slack/install (Slack__BotToken belongs to another workspace and serves only that one).");
    }

    /// <summary>Drops this replica's cached token at once (after an install or uninstall).</summary>
    public void Forget(string workspaceId) => _cache.TryRemove(workspaceId, out _);

    private sealed record CachedToken(string? Token, DateTimeOffset Until);
}
