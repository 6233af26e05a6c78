using System.Net;
using System.Net.Sockets;

namespace AsyncLead.Testing.Network;

/// <summary>
/// A loopback TCP forwarder that can be cut and restored: simulates a database (or any peer) going away and coming
/// back without touching the real server other tests share.
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly string targetHost;
    private readonly int targetPort;
    private readonly CancellationTokenSource stopping = new();
    private readonly List<TcpClient> open = [];
    private readonly Lock gate = new();
    private readonly Task acceptLoop;
    private volatile bool accepting = true;

    public TcpProxy(string targetHost, int targetPort)
    {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        listener.Start();
        acceptLoop = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>Drops every open connection and refuses new ones until <see cref="Restore"/>.</summary>
    public void Cut()
    {
        accepting = false;
        lock (gate)
        {
            foreach (var client in open)
            {
                client.Client.LingerState = new LingerOption(true, 0);
                client.Dispose();
            }
            open.Clear();
        }
    }

    public void Restore() => accepting = true;

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await listener.AcceptTcpClientAsync(stopping.Token);
            }
            catch (Exception) when (stopping.IsCancellationRequested)
            {
                return;
            }

            if (!accepting)
            {
                inbound.Client.LingerState = new LingerOption(true, 0);
                inbound.Dispose();
                continue;
            }

            _ = PipeAsync(inbound);
        }
    }

    private async Task PipeAsync(TcpClient inbound)
    {
        using var outbound = new TcpClient();
        try
        {
            await outbound.ConnectAsync(targetHost, targetPort, stopping.Token);
            lock (gate)
            {
                open.Add(inbound);
                open.Add(outbound);
            }
            var a = inbound.GetStream().CopyToAsync(outbound.GetStream(), stopping.Token);
            var b = outbound.GetStream().CopyToAsync(inbound.GetStream(), stopping.Token);
            await Task.WhenAny(a, b);
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // A cut or a closed peer ends the pipe; that is the point of this class.
        }
        finally
        {
            lock (gate)
            {
                open.Remove(inbound);
                open.Remove(outbound);
            }
            inbound.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        Cut();
        await acceptLoop;
        stopping.Dispose();
    }
}
