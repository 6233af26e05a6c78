using System.Net.Http.Headers;

namespace AsyncLead.Slack.WebApi;

internal sealed class SlackTokenAuth(SlackApiTransport transport) : ISlackTokenAuth
{
    public Task<AuthIdentity> TestAsync(string botToken, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(botToken);
        var bearer = new AuthenticationHeaderValue("Bearer", botToken);
        return new AuthApi(new SlackCaller(transport, _ => ValueTask.FromResult(bearer))).TestAsync(cancellationToken);
    }
}
