using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AsyncLead.Sandbox.Slack.SocketMode;

/// <summary>
/// One Socket Mode WebSocket the app opened with a URL from apps.connections.open. FakeSlack greets it with
/// <c>hello</c>; the test pushes envelopes through it and awaits the app's ack, or tells it to <c>disconnect</c>.
/// </summary>
public sealed class SocketModeConnection
{
    public static readonly TimeSpan DefaultAckTimeout = TimeSpan.FromSeconds(10);

    private readonly WebSocket _socket;
    private readonly string _appId;
    private readonly CallLog<SocketModeAck> _acks;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<SocketModeAck>> _pending = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal SocketModeConnection(WebSocket socket, int number, string appId, CallLog<SocketModeAck> acks)
    {
        _socket = socket;
        Number = number;
        _appId = appId;
        _acks = acks;
    }

    /// <summary>1 for the first connection FakeSlack accepted, 2 for the next (e.g. after a refresh), and so on.</summary>
    public int Number { get; }

    public bool IsOpen => !_closed.Task.IsCompleted;

    /// <summary>Completes when the socket is closed by either side.</summary>
    public Task Closed => _closed.Task;

    /// <summary>Delivers an Events API envelope (the same JSON as the HTTP <c>event_callback</c>).</summary>
    public Task<SocketModeAck> SendEventAsync(JsonObject eventCallback, int retryAttempt = 0, string retryReason = "", TimeSpan? timeout = null) =>
        SendEnvelopeAsync("events_api", eventCallback, acceptsResponsePayload: false, retryAttempt, retryReason, timeout);

    /// <summary>Delivers a slash command (its fields as a JSON object); the ack may carry the response message.</summary>
    public Task<SocketModeAck> SendSlashCommandAsync(JsonObject command, TimeSpan? timeout = null) =>
        SendEnvelopeAsync("slash_commands", command, acceptsResponsePayload: true, timeout: timeout);

    /// <summary>Delivers an interactivity payload; view_submission and block_suggestion acks may carry a response.</summary>
    public Task<SocketModeAck> SendInteractiveAsync(JsonObject payload, TimeSpan? timeout = null)
    {
        var type = payload["type"]?.GetValue<string>();
        return SendEnvelopeAsync("interactive", payload, acceptsResponsePayload: type is "view_submission" or "block_suggestion", timeout: timeout);
    }

    /// <summary>Sends an envelope and waits for the app to ack its envelope_id.</summary>
    public async Task<SocketModeAck> SendEnvelopeAsync(
        string type,
        JsonObject payload,
        bool acceptsResponsePayload,
        int? retryAttempt = null,
        string? retryReason = null,
        TimeSpan? timeout = null)
    {
        var envelopeId = Guid.NewGuid().ToString();
        var envelope = new JsonObject
        {
            ["envelope_id"] = envelopeId,
            ["type"] = type,
            ["payload"] = payload.DeepClone(),
            ["accepts_response_payload"] = acceptsResponsePayload,
        };
        if (retryAttempt is not null)
        {
            envelope["retry_attempt"] = retryAttempt;
            envelope["retry_reason"] = retryReason ?? "";
        }

        var acked = new TaskCompletionSource<SocketModeAck>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[envelopeId] = acked;
        await SendAsync(envelope);
        try
        {
            return await acked.Task.WaitAsync(timeout ?? DefaultAckTimeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The app did not ack {type} envelope {envelopeId} on Socket Mode connection {Number}.");
        }
        finally
        {
            _pending.TryRemove(envelopeId, out _);
        }
    }

    /// <summary>Tells the app to reconnect: reason <c>warning</c>, <c>refresh_requested</c> or <c>too_many_websockets</c>.</summary>
    public Task DisconnectAsync(string reason = "refresh_requested") =>
        SendAsync(new JsonObject
        {
            ["type"] = "disconnect",
            ["reason"] = reason,
            ["debug_info"] = new JsonObject { ["host"] = "applink-fake-1" },
        });

    /// <summary>Closes the socket from Slack's side, as Slack does some seconds after a disconnect message.</summary>
    public async Task CloseAsync()
    {
        if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "closed by FakeSlack", CancellationToken.None);
        }

        // Slack does not wait for a client that never answers the close handshake.
        var answered = await Task.WhenAny(_closed.Task, Task.Delay(TimeSpan.FromSeconds(1))) == _closed.Task;
        if (!answered)
        {
            _socket.Abort();
            await _closed.Task;
        }
    }

    /// <summary>Says hello (Slack's first frame, always), then calls <paramref name="greeted"/> and reads the app's acks until the socket closes.</summary>
    internal async Task RunAsync(int numConnections, Action greeted, CancellationToken stopping)
    {
        try
        {
            try
            {
                await SendAsync(new JsonObject
                {
                    ["type"] = "hello",
                    ["num_connections"] = numConnections,
                    ["debug_info"] = new JsonObject { ["host"] = "applink-fake-1", ["build_number"] = 10, ["approximate_connection_time"] = 18060 },
                    ["connection_info"] = new JsonObject { ["app_id"] = _appId },
                });
            }
            finally
            {
                greeted();
            }

            while (await ReceiveAsync(stopping) is { } text)
            {
                OnMessage(text);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The app went away or FakeSlack is stopping: either way this connection is over.
        }
        finally
        {
            _closed.TrySetResult();
            foreach (var pending in _pending.Values)
            {
                pending.TrySetException(new InvalidOperationException($"Socket Mode connection {Number} closed before the ack."));
            }
        }
    }

    private void OnMessage(string text)
    {
        JsonObject? message;
        try
        {
            message = JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return;
        }

        if (message?["envelope_id"] is not JsonValue id || !id.TryGetValue<string>(out var envelopeId))
        {
            return;
        }

        var ack = new SocketModeAck(envelopeId, message["payload"] as JsonObject, message, Number);
        _acks.Add(ack);
        if (_pending.TryGetValue(envelopeId, out var waiting))
        {
            waiting.TrySetResult(ack);
        }
    }

    private async Task<string?> ReceiveAsync(CancellationToken stopping)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer, stopping);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                if (_socket.State == WebSocketState.CloseReceived)
                {
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                }

                return null;
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
            }
        }
    }

    private async Task SendAsync(JsonObject message)
    {
        var bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
        await _sendLock.WaitAsync();
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }
}
