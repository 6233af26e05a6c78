using System.Text.Json.Nodes;

namespace AsyncLead.Sandbox.Slack;

/// <summary>
/// One Web API call the app made. <see cref="Args"/> is the body (JSON or form) with JSON-stringified fields
/// such as <c>blocks</c>, <c>view</c> and <c>metadata</c> parsed; <see cref="Response"/> is what FakeSlack answered.
/// </summary>
public sealed record SlackCall(
    string Method,
    string? Token,
    string? TeamId,
    JsonObject Args,
    int StatusCode,
    JsonObject Response,
    DateTimeOffset At)
{
    public bool Ok => Response["ok"]?.GetValue<bool>() == true;
    public string? Error => Response["error"]?.GetValue<string>();

    /// <summary>An argument as text (numbers and booleans too), or null when absent.</summary>
    public string? Arg(string name) => Args[name] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        var other => other.ToJsonString(),
    };
}
