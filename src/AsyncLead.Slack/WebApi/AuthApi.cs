using System.Net.Http.Headers;

namespace AsyncLead.Slack.WebApi;

internal sealed class AuthApi(SlackCaller slack) : IAuthApi
{
    // Slack names the token's scopes in the X-OAuth-Scopes header of every answer; auth.test is where the app asks.
    public Task<AuthIdentity> TestAsync(CancellationToken cancellationToken = default) =>
        slack.FormAsync<AuthIdentity>("auth.test", (identity, headers) => identity with
        {
            Scopes = headers.TryGetValues("X-OAuth-Scopes", out var values)
                ? values.SelectMany(value => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList()
                : null,
        }, cancellationToken);
}
