using System.Text;
using AsyncLead.Slack.Payloads;

namespace AsyncLead.Slack.WebApi;

/// <summary>oauth.v2.access with the app's client credentials (HTTP Basic): installs and token rotation.</summary>
public interface IOAuthApi
{
    /// <summary>Exchanges the <c>code</c> from the install redirect; <paramref name="redirectUri"/> must match the one sent to authorize.</summary>
    Task<OAuthAccess> ExchangeCodeAsync(string code, string redirectUri, CancellationToken cancellationToken = default);

    /// <summary>With token rotation on: trades a <c>refresh_token</c> for a fresh access token.</summary>
    Task<OAuthAccess> RefreshAsync(string refreshToken, CancellationToken cancellationToken = default);
}

/// <summary>An install's credentials. Holds secrets: its <see cref="object.ToString"/> leaves them out.</summary>
public sealed record OAuthAccess(string AccessToken)
{
    public string? TokenType { get; init; }

    public string? Scope { get; init; }

    public string? BotUserId { get; init; }

    public string? AppId { get; init; }

    /// <summary>Absent for org-wide installs (<see cref="IsEnterpriseInstall"/>).</summary>
    public SlackTeam? Team { get; init; }

    public SlackEnterprise? Enterprise { get; init; }

    public bool IsEnterpriseInstall { get; init; }

    public OAuthAuthedUser? AuthedUser { get; init; }

    /// <summary>With token rotation: the <c>xoxe-</c> token that renews <see cref="AccessToken"/>.</summary>
    public string? RefreshToken { get; init; }

    /// <summary>With token rotation: seconds until <see cref="AccessToken"/> expires.</summary>
    public int? ExpiresIn { get; init; }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"TokenType = {TokenType}, Scope = {Scope}, BotUserId = {BotUserId}, AppId = {AppId}, Team = {Team}, ")
            .Append($"Enterprise = {Enterprise}, IsEnterpriseInstall = {IsEnterpriseInstall}, AuthedUser = {AuthedUser?.Id}, ExpiresIn = {ExpiresIn}");
        return true;
    }
}

/// <summary>The installing person; their user token is only present when user scopes were requested.</summary>
public sealed record OAuthAuthedUser(string Id)
{
    public string? Scope { get; init; }

    public string? AccessToken { get; init; }

    public string? TokenType { get; init; }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"Id = {Id}, Scope = {Scope}, TokenType = {TokenType}");
        return true;
    }
}

internal sealed class OAuthApi(SlackCaller slack) : IOAuthApi
{
    public Task<OAuthAccess> ExchangeCodeAsync(string code, string redirectUri, CancellationToken cancellationToken = default) =>
        slack.FormAsync<OAuthAccess>("oauth.v2.access", cancellationToken, ("code", code), ("redirect_uri", redirectUri));

    public Task<OAuthAccess> RefreshAsync(string refreshToken, CancellationToken cancellationToken = default) =>
        slack.FormAsync<OAuthAccess>("oauth.v2.access", cancellationToken, ("grant_type", "refresh_token"), ("refresh_token", refreshToken));
}
