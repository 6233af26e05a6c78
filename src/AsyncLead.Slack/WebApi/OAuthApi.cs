using AsyncLead.Slack.Payloads;

namespace AsyncLead.Slack.WebApi;

internal sealed class OAuthApi(SlackCaller slack) : IOAuthApi
{
    public Task<OAuthAccess> ExchangeCodeAsync(string code, string redirectUri, CancellationToken cancellationToken = default) =>
        slack.FormAsync<OAuthAccess>("oauth.v2.access", cancellationToken, ("code", code), ("redirect_uri", redirectUri));

    public Task<OAuthAccess> RefreshAsync(string refreshToken, CancellationToken cancellationToken = default) =>
        slack.FormAsync<OAuthAccess>("oauth.v2.access", cancellationToken, ("grant_type", "refresh_token"), ("refresh_token", refreshToken));
}
