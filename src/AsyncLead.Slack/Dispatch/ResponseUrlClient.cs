using System.Net.Http.Headers;

namespace AsyncLead.Slack.Dispatch;

/// <summary>Posts a late handler result to the request's response_url (valid 30 minutes, 5 uses).</summary>
internal sealed class ResponseUrlClient(IHttpClientFactory httpClients)
{
    public const string HttpClientName = "AsyncLead.Slack.ResponseUrl";

    public async Task PostAsync(string responseUrl, MessageAck message, CancellationToken ct)
    {
        using var content = new ByteArrayContent(message.ToJsonBody()!);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var response = await httpClients.CreateClient(HttpClientName).PostAsync(new Uri(responseUrl), content, ct);
        response.EnsureSuccessStatusCode();
    }
}
