using System.Text.Json;
using AsyncLead.Slack.BlockKit;

namespace AsyncLead.Slack.Dispatch;

/// <summary>A view_submission response: <c>{"response_action":"errors|update|push|clear",…}</c>.</summary>
public sealed record ViewResponseAck(string ResponseAction, IReadOnlyDictionary<string, string>? Errors, JsonElement? View) : SlackAck;
