using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace AsyncLead.Sandbox.Simulation;

/// <summary>Slack's HTTP delivery: form-encoded commands, <c>payload=</c> interactions, JSON events, all v0-signed.</summary>
internal sealed class HttpBotTransport(HttpClient bot, string signingSecret, TimeProvider clock) : IBotTransport
{
    public Task<SlackResponse> SendCommandAsync(IReadOnlyList<(string Name, string Value)> fields) =>
        PostSignedAsync(SlackSimulator.CommandsPath, FormEncode(fields), SlackSimulator.FormContentType);

    public Task<SlackResponse> SendInteractionAsync(JsonObject payload) =>
        PostSignedAsync(SlackSimulator.InteractionsPath, FormEncode([("payload", payload.ToJsonString())]), SlackSimulator.FormContentType);

    public Task<SlackResponse> SendEventAsync(JsonObject eventCallback, int retryNum, string retryReason)
    {
        var headers = retryNum > 0
            ? new Dictionary<string, string>
            {
                ["X-Slack-Retry-Num"] = retryNum.ToString(CultureInfo.InvariantCulture),
                ["X-Slack-Retry-Reason"] = retryReason,
            }
            : null;
        return PostSignedAsync(SlackSimulator.EventsPath, eventCallback.ToJsonString(), SlackSimulator.JsonContentType, headers: headers);
    }

    public Task<SlackResponse> PostSignedAsync(string path, string body, string contentType, DateTimeOffset? signedAt = null, IReadOnlyDictionary<string, string>? headers = null)
    {
        var timestamp = (signedAt ?? clock.GetUtcNow()).ToUnixTimeSeconds();
        var signed = new Dictionary<string, string>(headers ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase)
        {
            ["X-Slack-Request-Timestamp"] = timestamp.ToString(CultureInfo.InvariantCulture),
            ["X-Slack-Signature"] = RequestSigning.Sign(signingSecret, timestamp, body),
        };
        return PostAsync(path, body, contentType, signed);
    }

    public async Task<SlackResponse> PostAsync(string path, string body, string contentType, IReadOnlyDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.UserAgent.ParseAdd("Slackbot 1.0 (+https://api.slack.com/robots)");
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await bot.SendAsync(request);
        var responseBody = await response.Content.ReadAsStringAsync();
        var responseHeaders = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
        return new SlackResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, responseHeaders, responseBody);
    }

    /// <summary>Form encoding as Slack writes it: UTF-8, spaces as '+', '/' as %2F.</summary>
    public static string FormEncode(IEnumerable<(string Name, string Value)> fields) =>
        string.Join('&', fields.Select(f => $"{WebUtility.UrlEncode(f.Name)}={WebUtility.UrlEncode(f.Value)}"));
}
