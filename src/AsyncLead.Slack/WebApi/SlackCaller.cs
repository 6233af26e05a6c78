using System.Net.Http.Headers;

namespace AsyncLead.Slack.WebApi;

/// <summary>The transport bound to one credential: a workspace's bot token, the app-level token, or the client credentials.</summary>
internal sealed class SlackCaller(SlackApiTransport transport, Func<CancellationToken, ValueTask<AuthenticationHeaderValue>> authorize)
{
    public async Task<T> JsonAsync<T>(string method, object body, CancellationToken cancellationToken) =>
        await transport.PostJsonAsync<T>(method, await authorize(cancellationToken), body, cancellationToken);

    public async Task<T> FormAsync<T>(string method, CancellationToken cancellationToken, params (string Name, string? Value)[] fields) =>
        await transport.PostFormAsync<T>(
            method,
            await authorize(cancellationToken),
            [.. fields.Where(field => field.Value is not null).Select(field => KeyValuePair.Create(field.Name, field.Value!))],
            cancellationToken);

    /// <summary>A form call whose answer's headers add to what its body says.</summary>
    public async Task<T> FormAsync<T>(string method, Func<T, HttpResponseHeaders, T> withHeaders, CancellationToken cancellationToken) =>
        await transport.PostFormAsync(method, await authorize(cancellationToken), [], cancellationToken, withHeaders);
}
