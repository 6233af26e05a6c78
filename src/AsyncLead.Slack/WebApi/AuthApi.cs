using System.Net.Http.Headers;

namespace AsyncLead.Slack.WebApi;

/// <summary>auth.test: which workspace, bot and user a token belongs to (and whether it still works).</summary>
public interface IAuthApi
{
    Task<AuthIdentity> TestAsync(CancellationToken cancellationToken = default);
}

public sealed record AuthIdentity(string TeamId, string UserId)
{
    public string? Url { get; init; }

    public string? Team { get; init; }

    public string? User { get; init; }

    public string? BotId { get; init; }

    public string? EnterpriseId { get; init; }

    public bool IsEnterpriseInstall { get; init; }
}

internal sealed class AuthApi(SlackCaller slack) : IAuthApi
{
    public Task<AuthIdentity> TestAsync(CancellationToken cancellationToken = default) =>
        slack.FormAsync<AuthIdentity>("auth.test", cancellationToken);
}

/// <summary>
/// auth.test for a bot token the app holds itself, outside <see cref="ISlackTokenSource"/> (which may be what asks):
/// e.g. to learn which workspace <c>Slack__BotToken</c> belongs to.
/// </summary>
public interface ISlackTokenAuth
{
    Task<AuthIdentity> TestAsync(string botToken, CancellationToken cancellationToken);
}

internal sealed class SlackTokenAuth(SlackApiTransport transport) : ISlackTokenAuth
{
    public Task<AuthIdentity> TestAsync(string botToken, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(botToken);
        var bearer = new AuthenticationHeaderValue("Bearer", botToken);
        return new AuthApi(new SlackCaller(transport, _ => ValueTask.FromResult(bearer))).TestAsync(cancellationToken);
    }
}
