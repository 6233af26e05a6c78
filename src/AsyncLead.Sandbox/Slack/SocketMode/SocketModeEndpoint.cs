using AsyncLead.Sandbox.Slack.State;
using Microsoft.AspNetCore.Http;

namespace AsyncLead.Sandbox.Slack.SocketMode;

/// <summary><c>GET ws://…/link/?ticket=…</c>: accepts a WebSocket for a ticket from apps.connections.open (each ticket once).</summary>
internal sealed class SocketModeEndpoint(SlackWorld world, CallLog<SocketModeConnection> connections, CallLog<SocketModeAck> acks, CancellationToken stopping)
{
    private int _accepted;

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
        var connection = new SocketModeConnection(socket, Interlocked.Increment(ref _accepted), world.AppId, acks);

        // Tests see the connection only once hello is on the wire: published earlier, a test's envelope could overtake
        // hello, and the app (rightly: Slack always says hello first) drops a connection that starts with anything else.
        var openBefore = connections.Snapshot(c => c.IsOpen).Count;
        await connection.RunAsync(numConnections: openBefore + 1, greeted: () => connections.Add(connection), linked.Token);
    }
}
