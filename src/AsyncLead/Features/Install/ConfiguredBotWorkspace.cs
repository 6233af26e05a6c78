using AsyncLead.Slack;
using AsyncLead.Slack.WebApi;
using Microsoft.Extensions.Options;

namespace AsyncLead.Features.Install;

/// <summary>
/// Which workspace <c>Slack__BotToken</c> belongs to, learnt from auth.test while the host starts (never on a request's
/// ack path, unless Slack failed to answer then): the configured token serves that workspace only, so a job or request
/// of any other tenant without an install never runs with it.
/// </summary>
public sealed partial class ConfiguredBotWorkspace(ISlackTokenAuth auth, IOptions<SlackOptions> slack, TimeProvider clock,
    ILogger<ConfiguredBotWorkspace> logger) : IHostedService
{
    // Bounds (in real time) how long a slow Slack can hold up the start; the lookup goes on, and a workspace that needs
    // the token waits for it.
    private static readonly TimeSpan StartWait = TimeSpan.FromSeconds(5);

    // A failed lookup (Slack down, the token revoked) is not repeated on every call.
    private static readonly TimeSpan RetryAfter = TimeSpan.FromMinutes(1);

    private readonly Lock gate = new();
    private Task<AuthIdentity>? learning;
    private DateTimeOffset retryAt;

    public string? Token => slack.Value.BotToken is { Length: > 0 } token ? token : null;

    /// <summary>Whether the configured token belongs to <paramref name="teamId"/>; throws when that can't be known yet.</summary>
    public async ValueTask<bool> ServesAsync(string teamId, CancellationToken cancellationToken) =>
        Token is { } token && (await Learn(token).WaitAsync(cancellationToken)).TeamId == teamId;

    /// <summary>
    /// The configured token's scopes when it serves <paramref name="teamId"/> (from auth.test's <c>X-OAuth-Scopes</c>, as
    /// the host started: a scope added later counts after a restart); null when it serves another or Slack named none.
    /// </summary>
    public async ValueTask<IReadOnlyList<string>?> ScopesAsync(string teamId, CancellationToken cancellationToken) =>
        Token is { } token && await Learn(token).WaitAsync(cancellationToken) is { } identity && identity.TeamId == teamId
            ? identity.Scopes
            : null;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (Token is not { } token)
        {
            return;
        }

        try
        {
            await Learn(token).WaitAsync(StartWait, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Logged by the lookup (or still running); a workspace that needs the token waits for it or tries again.
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private Task<AuthIdentity> Learn(string token)
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            if (learning is null || (learning.IsFaulted && now >= retryAt))
            {
                retryAt = now + RetryAfter;
                learning = LookUpAsync(token);
            }

            return learning;
        }
    }

    private async Task<AuthIdentity> LookUpAsync(string token)
    {
        try
        {
            var identity = await auth.TestAsync(token, CancellationToken.None);
            LogLearned(identity.TeamId);
            return identity;
        }
        catch (Exception ex)
        {
            LogLookupFailed(ex.Message);
            throw new InvalidOperationException(
                $"Slack__BotToken serves only its own workspace, and auth.test could not tell which that is yet ({ex.Message}); " +
                "check the token, or install the app in the workspace through /slack/install.", ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack__BotToken belongs to workspace {TeamId}; it serves no other")]
    private partial void LogLearned(string teamId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not learn Slack__BotToken's workspace from auth.test: {Error}")]
    private partial void LogLookupFailed(string error);
}
