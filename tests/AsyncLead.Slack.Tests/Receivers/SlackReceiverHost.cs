using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Channels;
using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Receivers;
using AsyncLead.Slack.Tests.Dispatch;
using AsyncLead.Slack.Verification;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncLead.Slack.Tests.Receivers;

/// <summary>
/// A minimal ASP.NET Core app on Kestrel 127.0.0.1:0 wired the way the real app is (AddSlackReceivers,
/// AddSlackHandler, MapSlackReceivers), plus a stand-in for Slack's response_url endpoint. Requests are signed
/// here with the v0 scheme, as Slack signs them.
/// </summary>
internal sealed class SlackReceiverHost : IAsyncDisposable
{
    public const string SigningSecret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string ResponseUrlPath = "/test/response-url";

    private readonly WebApplication _app;
    private readonly Channel<string> _responseUrlPosts = Channel.CreateUnbounded<string>();

    private SlackReceiverHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public string ResponseUrl => new Uri(BaseAddress, ResponseUrlPath).ToString();

    public HandlerCalls Calls => _app.Services.GetRequiredService<HandlerCalls>();

    /// <summary>Interactions and events are acked before their handler runs; this waits until every handler has finished.</summary>
    public Task AfterHandlersAsync() =>
        _app.Services.GetRequiredService<InFlightHandlers>().WhenIdleAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

    public static async Task<SlackReceiverHost> StartAsync(
        Action<IServiceCollection>? addHandlers = null, string? signingSecret = SigningSecret, TimeSpan? ackBudget = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Configuration["Slack:SigningSecret"] = signingSecret;
        builder.Services.AddSlackReceivers();
        builder.Services.Configure<SlackDispatchOptions>(options => options.AckBudget = ackBudget ?? TimeSpan.FromSeconds(10));
        builder.Services.AddSingleton<HandlerCalls>();
        (addHandlers ?? SlackTestServices.AddAllHandlers)(builder.Services);

        var app = builder.Build();
        app.MapSlackReceivers();
        SlackReceiverHost? host = null;
        app.MapPost(ResponseUrlPath, async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            await host!._responseUrlPosts.Writer.WriteAsync(await reader.ReadToEndAsync());
            return Results.Ok();
        });
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        host = new SlackReceiverHost(app, new Uri(address));
        return host;
    }

    public Task StopAsync(CancellationToken ct = default) => _app.StopAsync(ct);

    public Task<string> NextResponseUrlPostAsync() => _responseUrlPosts.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

    public Task<HttpResponseMessage> PostFormAsync(string path, string form, Action<HttpRequestMessage>? adjust = null) =>
        PostSignedAsync(path, Encoding.UTF8.GetBytes(form), "application/x-www-form-urlencoded", adjust);

    public Task<HttpResponseMessage> PostJsonAsync(string path, byte[] json, Action<HttpRequestMessage>? adjust = null) =>
        PostSignedAsync(path, json, "application/json", adjust);

    /// <summary>Signs as Slack does (now, v0, the exact body bytes); <paramref name="adjust"/> may then tamper with the request.</summary>
    public Task<HttpResponseMessage> PostSignedAsync(string path, byte[] body, string contentType, Action<HttpRequestMessage>? adjust = null)
    {
        var timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add(SlackSignature.TimestampHeader, timestamp);
        request.Headers.Add(SlackSignature.SignatureHeader, SlackSignature.Sign(SigningSecret, timestamp, body));
        adjust?.Invoke(request);
        return Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }
}
