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
