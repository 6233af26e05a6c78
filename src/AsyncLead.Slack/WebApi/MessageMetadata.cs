using System.Text.Json.Nodes;
using AsyncLead.Slack.BlockKit;

namespace AsyncLead.Slack.WebApi;

/// <summary>Data carried invisibly on a message (e.g. our own id, so a retried post can find its earlier attempt).</summary>
/// <summary>Sent with every post; read back, <see cref="EventPayload"/> may be absent on other apps' messages.</summary>
public sealed record MessageMetadata(string EventType, JsonObject? EventPayload);
