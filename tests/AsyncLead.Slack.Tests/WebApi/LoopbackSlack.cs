using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AsyncLead.Slack.Tests.WebApi;

/// <summary>
/// A bare HTTP server on 127.0.0.1:0 standing in for Slack's Web API at the wire level: it records every request
/// exactly as it arrived (content type, authorization, raw body) and answers with scripted replies, so tests can
/// check headers and bodies byte for byte and inject 429s, 5xx, dropped connections and slow answers.
/// </summary>
internal sealed class LoopbackSlack : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<WireRequest> _requests = new();
    private readonly ConcurrentQueue<Reply> _script = new();
    private Func<WireRequest, Reply> _responder = _ => Reply.Ok(new JsonObject());

    private LoopbackSlack(WebApplication app) => _app = app;

    public string ApiBaseUrl { get; private set; } = "";

    public IReadOnlyList<WireRequest> Requests => [.. _requests];

    public static async Task<LoopbackSlack> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new LoopbackSlack(app);
        app.MapPost("/api/{method}", server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.ApiBaseUrl = address.TrimEnd('/') + "/api/";
        return server;
    }

    /// <summary>Replies for the next requests, in order; after them <see cref="Respond"/> answers.</summary>
    public void Script(params Reply[] replies)
    {
        foreach (var reply in replies)
        {
            _script.Enqueue(reply);
        }
    }

    public void Respond(Func<WireRequest, Reply> responder) => _responder = responder;

    private async Task HandleAsync(HttpContext http, string method)
    {
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var request = new WireRequest(method, http.Request.ContentType, http.Request.Headers.Authorization.ToString(), await reader.ReadToEndAsync());
        _requests.Enqueue(request);

        var reply = _script.TryDequeue(out var scripted) ? scripted : _responder(request);
        if (reply.Delay > TimeSpan.Zero)
        {
            await Task.Delay(reply.Delay, http.RequestAborted);
        }

        if (reply.DropConnection)
        {
            http.Abort();
            return;
        }

        http.Response.StatusCode = reply.Status;
        if (reply.RetryAfterSeconds is { } seconds)
        {
            http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.WriteAsync(reply.Body);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One request as it arrived on the wire.</summary>
internal sealed record WireRequest(string Method, string? ContentType, string Authorization, string Body)
{
    public JsonObject Json => JsonNode.Parse(Body)!.AsObject();

    public IReadOnlyDictionary<string, string> Form =>
        QueryHelpers.ParseQuery(Body).ToDictionary(pair => pair.Key, pair => pair.Value.ToString());
}

internal sealed record Reply(int Status, string Body)
{
    public int? RetryAfterSeconds { get; init; }

    public TimeSpan Delay { get; init; }

    public bool DropConnection { get; init; }

    public static Reply Ok(JsonObject fields)
    {
        fields["ok"] = true;
        return new Reply(200, fields.ToJsonString());
    }

    public static Reply Error(string error, JsonObject? fields = null)
    {
        fields ??= [];
        fields["ok"] = false;
        fields["error"] = error;
        return new Reply(200, fields.ToJsonString());
    }

    public static Reply RateLimited(int retryAfterSeconds) =>
        new(429, """{"ok":false,"error":"ratelimited"}""") { RetryAfterSeconds = retryAfterSeconds };

    public static Reply ServerError(int status = 503) => new(status, "<html>upstream unavailable</html>");

    public static Reply Dropped() => new(0, "") { DropConnection = true };
}
