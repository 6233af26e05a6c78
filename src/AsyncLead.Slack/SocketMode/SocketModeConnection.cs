using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;
using AsyncLead.Slack.Payloads;
using AsyncLead.Slack.Receivers;
using Microsoft.Extensions.Logging;

namespace AsyncLead.Slack.SocketMode;

/// <summary>
/// One Socket Mode WebSocket after its hello: reads frames, acks every envelope (each handled concurrently, so a
/// slow handler never delays another ack), and reports when Slack asks for a new connection.
/// </summary>
internal sealed partial class SocketModeConnection : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;
    private readonly SocketModeEnvelopes _envelopes;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _lifetime = new();
    private readonly ConcurrentDictionary<Task, byte> _acking = new();
    private readonly TaskCompletionSource<string> _disconnectRequested = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _receiving = Task.CompletedTask;

    private SocketModeConnection(ClientWebSocket socket, SocketModeEnvelopes envelopes, ILogger logger)
    {
        _socket = socket;
        _envelopes = envelopes;
        _logger = logger;
    }

    /// <summary>Completes with Slack's reason when it sends <c>disconnect</c> (warning, refresh_requested, too_many_websockets…).</summary>
    public Task<string> DisconnectRequested => _disconnectRequested.Task;

    /// <summary>Completes when the socket is closed or broken.</summary>
    public Task Receiving => _receiving;

    public static async Task<SocketModeConnection> ConnectAsync(
        Uri url, SocketModeOptions options, SocketModeEnvelopes envelopes, ILogger logger, CancellationToken ct)
    {
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = options.PingInterval;
        socket.Options.KeepAliveTimeout = options.PongTimeout;
        try
        {
            using var helloDeadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
            helloDeadline.CancelAfter(options.HelloTimeout);
            await socket.ConnectAsync(url, helloDeadline.Token);
            var first = await ReceiveMessageAsync(socket, helloDeadline.Token)
                ?? throw new WebSocketException("Socket Mode connection closed before hello");
            using (var hello = JsonDocument.Parse(first))
            {
                if (SlackPayloadParser.ReadType(hello.RootElement) != "hello")
                {
                    throw new WebSocketException("Socket Mode connection did not start with hello");
                }
            }

            var connection = new SocketModeConnection(socket, envelopes, logger);
            connection._receiving = Task.Run(connection.ReceiveLoopAsync, CancellationToken.None);
            return connection;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Lets acks in progress go out, then closes politely and waits for Slack's close (bounded by <paramref name="grace"/>).</summary>
    public async Task CloseAsync(TimeSpan grace)
    {
        using var deadline = new CancellationTokenSource(grace);
        await Task.WhenAll(_acking.Keys).WaitAsync(deadline.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await _sendLock.WaitAsync(deadline.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "replaced", deadline.Token);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            // Already gone; nothing left to close.
        }

        await _receiving.WaitAsync(deadline.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public async ValueTask DisposeAsync()
    {
        await _lifetime.CancelAsync();
        _socket.Abort();
        await _receiving.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _socket.Dispose();
        _lifetime.Dispose();
    }

    private async Task ReceiveLoopAsync()
    {
        try
        {
            while (await ReceiveMessageAsync(_socket, _lifetime.Token) is { } message)
            {
                Handle(message);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            LogConnectionBroken(_logger, exception.Message);
        }
    }

    private void Handle(byte[] message)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(message);
        }
        catch (JsonException exception)
        {
            LogFrameUnreadable(_logger, exception.Message);
            return;
        }

        var frame = document.RootElement;
        if (frame.TryGetProperty("envelope_id", out var id) && id.ValueKind == JsonValueKind.String)
        {
            var acking = AckAsync(id.GetString()!, document);
            _acking.TryAdd(acking, 0);
            acking.ContinueWith(done => _acking.TryRemove(done, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            return;
        }

        using (document)
        {
            var type = SlackPayloadParser.ReadType(frame);
            if (type == "disconnect")
            {
                var reason = frame.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
                LogDisconnectRequested(_logger, reason);
                _disconnectRequested.TrySetResult(reason ?? "unknown");
            }
            else
            {
                LogFrameIgnored(_logger, type);
            }
        }
    }

    private async Task AckAsync(string envelopeId, JsonDocument document)
    {
        using (document)
        {
            try
            {
                var ack = await Task.Run(() => _envelopes.HandleAsync(envelopeId, document.RootElement, _lifetime.Token));
                if (ack is null)
                {
                    return; // left unacked on purpose: Slack delivers it again
                }

                await _sendLock.WaitAsync(_lifetime.Token);
                try
                {
                    await _socket.SendAsync(ack, WebSocketMessageType.Text, endOfMessage: true, _lifetime.Token);
                }
                finally
                {
                    _sendLock.Release();
                }
            }
            catch (Exception exception)
            {
                // Unacked, Slack redelivers it (on this or another connection); that is the safe outcome.
                LogAckFailed(_logger, exception, envelopeId);
            }
        }
    }

    /// <summary>One whole text message, or null when the peer closed. Messages are capped like HTTP bodies.</summary>
    private static async Task<byte[]?> ReceiveMessageAsync(ClientWebSocket socket, CancellationToken ct)
    {
        using var message = new MemoryStream();
        var chunk = new byte[16 * 1024];
        while (true)
        {
            var received = await socket.ReceiveAsync(chunk, ct);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                if (socket.State == WebSocketState.CloseReceived)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, ct);
                }

                return null;
            }

            if (message.Length + received.Count > SlackHttpReceiver.MaxBodyBytes)
            {
                throw new WebSocketException(WebSocketError.Faulted, "Socket Mode message exceeds 1 MiB");
            }

            message.Write(chunk, 0, received.Count);
            if (received.EndOfMessage)
            {
                return message.ToArray();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack asked to replace the Socket Mode connection ({Reason})")]
    private static partial void LogDisconnectRequested(ILogger logger, string? reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Socket Mode frame of type {Type} ignored")]
    private static partial void LogFrameIgnored(ILogger logger, string? type);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Socket Mode frame is not JSON and was ignored: {Error}")]
    private static partial void LogFrameUnreadable(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Socket Mode connection ended: {Reason}")]
    private static partial void LogConnectionBroken(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Socket Mode envelope {EnvelopeId} could not be acked; Slack will redeliver it")]
    private static partial void LogAckFailed(ILogger logger, Exception exception, string envelopeId);
}
