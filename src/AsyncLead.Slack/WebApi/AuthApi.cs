using System.Net.Http.Headers;

namespace AsyncLead.Slack.WebApi;

internal sealed class AuthApi(SlackCaller slack) : IAuthApi
{
    public Task<AuthIdentity> TestAsync(CancellationToken cancellationToken = default) =>
        slack.FormAsync<AuthIdentity>("auth.test", cancellationToken);
}
