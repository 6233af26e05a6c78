namespace AsyncLead.Slack.WebApi;

/// <summary>apps.connections.open with the app-level token: a fresh Socket Mode WebSocket URL.</summary>
public interface IAppsApi
{
    /// <summary>A temporary <c>wss://</c> URL; open a new one for every (re)connection.</summary>
    Task<Uri> OpenConnectionAsync(CancellationToken cancellationToken = default);
}

internal sealed class AppsApi(SlackCaller slack) : IAppsApi
{
    public async Task<Uri> OpenConnectionAsync(CancellationToken cancellationToken = default) =>
        (await slack.FormAsync<ConnectionAnswer>("apps.connections.open", cancellationToken)).Url;

    private sealed record ConnectionAnswer(Uri Url);
}
