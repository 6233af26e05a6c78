using System.Text.Json.Nodes;

namespace AsyncLead.Sandbox.Slack.SocketMode;

/// <summary>The app's acknowledgement of an envelope: <c>{"envelope_id": …, "payload"?: …}</c>.</summary>
public sealed record SocketModeAck(string EnvelopeId, JsonObject? Payload, JsonObject Raw, int ConnectionNumber);
