using AsyncLead.Testing.Slack.State;
using Microsoft.AspNetCore.Http;

namespace AsyncLead.Testing.Slack.SocketMode;

/// <summary><c>GET ws://…/link/?ticket=…</c>: accepts a WebSocket for a ticket from apps.connections.open (each ticket once).</summary>
internal sealed class SocketModeEndpoint(SlackWorld world, CallLog<SocketModeConnection> connections, CallLog<SocketModeAck> acks, CancellationToken stopping)
{
    public async Task HandleAsync(HttpContext http)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        bool admitted;
        lock (world.Gate)
        {
            admitted = world.SocketTickets.Remove(http.Request.Query["ticket"].ToString());
        }

        if (!admitted)
        {
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, http.RequestAborted);
        var number = connections.Snapshot().Count + 1;
        var connection = new SocketModeConnection(socket, number, world.AppId, acks, () => connections.Snapshot(c => c.IsOpen).Count);
        connections.Add(connection);
        await connection.RunAsync(linked.Token);
    }
}
