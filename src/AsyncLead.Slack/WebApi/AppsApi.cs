namespace AsyncLead.Slack.WebApi;

internal sealed class AppsApi(SlackCaller slack) : IAppsApi
{
    public async Task<Uri> OpenConnectionAsync(CancellationToken cancellationToken = default) =>
        (await slack.FormAsync<ConnectionAnswer>("apps.connections.open", cancellationToken)).Url;

    private sealed record ConnectionAnswer(Uri Url);
}
