using System.Net;
using System.Text.Json;

namespace AsyncLead.Observability;

/// <summary>
/// Counts every Slack Web API attempt by method and outcome (<c>ok</c>, Slack's error code, <c>ratelimited</c>,
/// <c>http_5xx</c>…), sitting in the Web API HttpClient so retries are counted too. Reads only <c>ok</c> and <c>error</c>.
/// </summary>
public sealed class SlackApiCallMetrics(AsyncLeadMetrics metrics) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var method = request.RequestUri?.Segments[^1] ?? "unknown";
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            Record(method, ex is OperationCanceledException ? "timeout" : "unreachable");
            throw;
        }

        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            metrics.SlackRateLimited.Add(1, new KeyValuePair<string, object?>("method", method));
            Record(method, "ratelimited");
        }
        else if (!response.IsSuccessStatusCode)
        {
            Record(method, $"http_{(int)response.StatusCode / 100}xx");
        }
        else
        {
            Record(method, await OutcomeAsync(response, cancellationToken));
        }

        return response;
    }

    private static async Task<string> OutcomeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        // Buffered and read as bytes (not as the content's one cached stream), so the transport reads the same body afterwards.
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        try
        {
            using var body = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(cancellationToken));
            return body.RootElement switch
            {
                { ValueKind: JsonValueKind.Object } root when root.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.True => "ok",
                { ValueKind: JsonValueKind.Object } root when root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String => error.GetString()!,
                _ => "unknown_error",
            };
        }
        catch (JsonException)
        {
            return "unreadable";
        }
    }

    private void Record(string method, string outcome) =>
        metrics.SlackApiCalls.Add(1, new KeyValuePair<string, object?>("method", method), new KeyValuePair<string, object?>("outcome", outcome));
}
