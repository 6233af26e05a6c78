using System.Collections.Concurrent;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncLead.Slack.Tests.SocketMode;

/// <summary>
/// Slack's side of Socket Mode on 127.0.0.1:0: <c>apps.connections.open</c> hands out a loopback WebSocket URL, and
/// each accepted socket is given to the test to script (hello, envelopes, disconnect) and to read acks from.
/// </summary>
internal sealed class LoopbackSocketModeServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<ServerSocket> _connections = Channel.CreateUnbounded<ServerSocket>();
    private readonly ConcurrentQueue<string?> _authorizations = new();
    private int _refusalsLeft;

    private LoopbackSocketModeServer(WebApplication app) => _app = app;

    public Uri ApiBaseUrl { get; private set; } = null!;

    /// <summary>The Authorization header of every apps.connections.open call, in order.</summary>
    public IReadOnlyList<string?> OpenCalls => [.. _authorizations];

    /// <summary>Answer the next <paramref name="count"/> apps.connections.open calls with ok:false.</summary>
    public void RefuseNextOpens(int count) => _refusalsLeft = count;

    public static async Task<LoopbackSocketModeServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new LoopbackSocketModeServer(app);
        app.UseWebSockets();

        var tickets = 0;
        app.MapPost("/api/apps.connections.open", (HttpRequest request) =>
        {
            server._authorizations.Enqueue(request.Headers.Authorization.ToString());
            if (Interlocked.Decrement(ref server._refusalsLeft) >= 0)
            {
                return Results.Json(new { ok = false, error = "internal_error" });
            }

            var ticket = Interlocked.Increment(ref tickets);
            var url = new UriBuilder(server.ApiBaseUrl) { Scheme = "ws", Path = "/link/", Query = $"ticket={ticket}&app_id=A0AL5APP1" };
            return Results.Json(new { ok = true, url = url.Uri.ToString() });
        });
        app.Map("/link", async (HttpContext http) =>
        {
            using var socket = await http.WebSockets.AcceptWebSocketAsync();
            var connection = new ServerSocket(socket, http.Request.Query["ticket"].ToString());
            await server._connections.Writer.WriteAsync(connection);
            await connection.RunUntilClosedAsync();
        });
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        server.ApiBaseUrl = new Uri(new Uri(address), "/api/");
        return server;
    }

    public Task<ServerSocket> NextConnectionAsync() =>
        _connections.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(15));

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

/// <summary>One accepted Socket Mode connection, seen from Slack's side.</summary>
internal sealed class ServerSocket(WebSocket socket, string ticket)
{
    private readonly Channel<JsonElement> _received = Channel.CreateUnbounded<JsonElement>();
    private readonly TaskCompletionSource _closedByClient = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _sendLock = new(1, 1);

    public string Ticket { get; } = ticket;

    /// <summary>Completes when the client sends its close frame.</summary>
    public Task ClosedByClient => _closedByClient.Task;

    public Task SendHelloAsync() =>
        SendAsync("""{"type":"hello","num_connections":1,"debug_info":{"host":"applink-loopback","build_number":10,"approximate_connection_time":18060},"connection_info":{"app_id":"A0AL5APP1"}}""");

    public Task SendDisconnectAsync(string reason) =>
        SendAsync($$$"""{"type":"disconnect","reason":"{{{reason}}}","debug_info":{"host":"applink-loopback"}}""");

    public async Task SendAsync(string json)
    {
        await _sendLock.WaitAsync();
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Slack dropping the connection without a disconnect message first.</summary>
    public Task CloseAsync() => socket.CloseOutputAsync(WebSocketCloseStatus.EndpointUnavailable, "gone", CancellationToken.None);

    /// <summary>The next frame the client sent, within Slack's 3 s ack deadline.</summary>
    public Task<JsonElement> ReceiveAckAsync() => _received.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(3));

    public async Task RunUntilClosedAsync()
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    _closedByClient.TrySetResult();
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                    return;
                }

                await _received.Writer.WriteAsync(JsonDocument.Parse(message.ToArray()).RootElement.Clone());
            }
        }
        catch (WebSocketException)
        {
            // The client aborted; the test sees it through ClosedByClient never completing.
        }
    }
}
