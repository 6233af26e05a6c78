using System.Text.Json.Nodes;

namespace AsyncLead.Sandbox.Slack;

/// <summary>What the app posted to a response_url, and the status FakeSlack answered with.</summary>
public sealed record ResponseUrlPost(Uri Url, string UserId, string ChannelId, JsonObject Body, int StatusCode, DateTimeOffset At)
{
    public string? Text => Body["text"]?.GetValue<string>();
    public string ResponseType => Body["response_type"]?.GetValue<string>() ?? "ephemeral";
}
