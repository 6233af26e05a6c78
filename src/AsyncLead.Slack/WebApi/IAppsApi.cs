namespace AsyncLead.Slack.WebApi;

/// <summary>apps.connections.open with the app-level token: a fresh Socket Mode WebSocket URL.</summary>
public interface IAppsApi
{
    /// <summary>A temporary <c>wss://</c> URL; open a new one for every (re)connection.</summary>
    Task<Uri> OpenConnectionAsync(CancellationToken cancellationToken = default);
}
