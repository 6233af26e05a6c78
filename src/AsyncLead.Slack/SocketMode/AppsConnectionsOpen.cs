using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;

namespace AsyncLead.Slack.SocketMode;

/// <summary>
/// <c>apps.connections.open</c>: trades the app-level token for a single-use WebSocket URL. Kept to this one call
/// (the general Web API client lives elsewhere) so Socket Mode depends on nothing but <c>Slack__ApiBaseUrl</c>.
/// </summary>
internal sealed class AppsConnectionsOpen(IHttpClientFactory httpClients, IOptionsMonitor<SlackOptions> slackOptions)
{
    public const string HttpClientName = "AsyncLead.Slack.SocketMode";

    public async Task<Uri> OpenAsync(CancellationToken ct)
    {
        var options = slackOptions.CurrentValue;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(options.ApiBaseUrl), "apps.connections.open"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.AppToken);

        using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, ct);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            throw new SocketModeOpenException("ratelimited", response.Headers.RetryAfter?.Delta);
        }

        response.EnsureSuccessStatusCode();
        var answer = await response.Content.ReadFromJsonAsync<ConnectionsOpenResponse>(SlackJson.Options, ct);
        if (answer is not { Ok: true, Url: { } url } || !Uri.TryCreate(url, UriKind.Absolute, out var socketUrl))
        {
            throw new SocketModeOpenException(answer?.Error ?? "no url in response", null);
        }

        return socketUrl;
    }

    private sealed record ConnectionsOpenResponse(bool Ok, string? Url, string? Error);
}

/// <summary>apps.connections.open said no; <see cref="RetryAfter"/> is Slack's wait when rate limited.</summary>
internal sealed class SocketModeOpenException(string error, TimeSpan? retryAfter)
    : Exception($"apps.connections.open failed: {error}")
{
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
