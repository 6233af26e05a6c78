using System.Buffers;
using System.Text.Json;
using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Payloads;
using Microsoft.Extensions.Logging;

namespace AsyncLead.Slack.SocketMode;

/// <summary>
/// Turns one Socket Mode envelope into its ack by feeding the payload to the same dispatcher as HTTP. Socket payloads
/// are the HTTP payloads as JSON; retry_attempt/retry_reason play the part of the X-Slack-Retry-* headers.
/// </summary>
internal sealed partial class SocketModeEnvelopes(SlackDispatcher dispatcher, ILogger<SocketModeEnvelopes> logger)
{
    /// <returns>
    /// The ack frame: <c>{"envelope_id"}</c>, plus <c>payload</c> when Slack accepts one and the handler gave one; null
    /// when the envelope must stay unacked so that Slack delivers it again (<see cref="SlackAck.RetryLater"/>).
    /// </returns>
    public async Task<byte[]?> HandleAsync(string envelopeId, JsonElement envelope, CancellationToken ct)
    {
        var type = SlackPayloadParser.ReadType(envelope) ?? "";
        envelope.TryGetProperty("payload", out var payload);
        var ack = await DispatchAsync(type, payload, envelope, ct);
        if (ack is RetryLaterAck)
        {
            return null;
        }

        var acceptsPayload = envelope.TryGetProperty("accepts_response_payload", out var accepts) && accepts.ValueKind == JsonValueKind.True;
        return AckFrame(envelopeId, acceptsPayload ? ack.ToJsonBody() : null);
    }

    internal static byte[] AckFrame(string envelopeId, byte[]? payload)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("envelope_id", envelopeId);
            if (payload is not null)
            {
                writer.WritePropertyName("payload");
                writer.WriteRawValue(payload, skipInputValidation: true);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private async Task<SlackAck> DispatchAsync(string type, JsonElement payload, JsonElement envelope, CancellationToken ct)
    {
        switch (type)
        {
            case "slash_commands":
                var command = SlackPayloadParser.ParseSlashCommand(payload);
                return command.Succeeded ? await dispatcher.DispatchCommandAsync(command.Value) : Malformed(type, command.Error);
            case "interactive":
                var interaction = SlackPayloadParser.ParseInteraction(payload);
                return interaction.Succeeded ? await dispatcher.DispatchInteractionAsync(interaction.Value) : Malformed(type, interaction.Error);
            case "events_api":
                var events = SlackPayloadParser.ParseEvents(payload);
                if (!events.Succeeded)
                {
                    return Malformed(type, events.Error);
                }

                if (events.Value is not EventCallbackPayload callback)
                {
                    LogUnhandled(logger, $"events_api {events.Value.Type}");
                    return SlackAck.Empty;
                }

                var (retryNum, retryReason) = ReadRetry(envelope);
                return await dispatcher.DispatchEventAsync(callback, retryNum, retryReason, ct);
            default:
                LogUnhandled(logger, type);
                return SlackAck.Empty;
        }
    }

    // Acked anyway: Slack would otherwise redeliver a payload that will never parse.
    private SlackAck Malformed(string type, string error)
    {
        LogMalformed(logger, type, error);
        return SlackAck.Empty;
    }

    private static (int? RetryNum, string? RetryReason) ReadRetry(JsonElement envelope)
    {
        var attempt = envelope.TryGetProperty("retry_attempt", out var number) && number.ValueKind == JsonValueKind.Number
            && number.TryGetInt32(out var value) && value > 0
                ? value
                : (int?)null;
        var reason = envelope.TryGetProperty("retry_reason", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString() : null;
        return (attempt, string.IsNullOrEmpty(reason) ? null : reason);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Malformed Socket Mode {Type} payload acknowledged without dispatch: {Error}")]
    private static partial void LogMalformed(ILogger logger, string type, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Socket Mode envelope {Type} acknowledged without action")]
    private static partial void LogUnhandled(ILogger logger, string type);
}
