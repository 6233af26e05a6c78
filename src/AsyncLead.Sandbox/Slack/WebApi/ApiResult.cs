using System.Text.Json.Nodes;

namespace AsyncLead.Sandbox.Slack.WebApi;

/// <summary>What a Web API method answers: HTTP 200 with <c>{"ok":…}</c>, except for rate limits (429 + Retry-After).</summary>
internal sealed record ApiResult(JsonObject Body, int StatusCode = 200, int? RetryAfterSeconds = null)
{
    public static ApiResult Ok(JsonObject? fields = null)
    {
        var body = new JsonObject { ["ok"] = true };
        foreach (var (name, value) in fields ?? [])
        {
            body[name] = value?.DeepClone();
        }

        return new ApiResult(body);
    }

    public static ApiResult Error(string code, IReadOnlyList<string>? messages = null)
    {
        var body = new JsonObject { ["ok"] = false, ["error"] = code };
        if (messages is { Count: > 0 })
        {
            body["response_metadata"] = new JsonObject
            {
                ["messages"] = new JsonArray(messages.Select(m => (JsonNode?)JsonValue.Create(m)).ToArray()),
            };
        }

        return new ApiResult(body);
    }

    public static ApiResult RateLimited(int retryAfterSeconds) =>
        new(new JsonObject { ["ok"] = false, ["error"] = "ratelimited" }, 429, retryAfterSeconds);
}
