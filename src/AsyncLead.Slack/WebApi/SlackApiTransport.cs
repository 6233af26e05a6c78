using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace AsyncLead.Slack.WebApi;

/// <summary>
/// One Web API call on the wire: POST to <c>{ApiBaseUrl}{method}</c>, retried through a Polly pipeline on 429 (waiting
/// <c>Retry-After</c> when short), 5xx, connection failures and timeouts; then <c>ok:false</c> becomes a
/// <see cref="SlackApiException"/>. Methods that act once per call (<see cref="IsNotIdempotent"/>) are retried on 429
/// only: after a timeout, a 5xx or a dropped connection Slack may have posted, and another attempt would post again
/// (the caller decides, knowing what it posted: <c>SlackPoster</c>). Logs method, status, error code and duration
/// only: never tokens or bodies.
/// </summary>
internal sealed partial class SlackApiTransport
{
    public const string HttpClientName = "AsyncLead.Slack.WebApi";

    private static readonly ResiliencePropertyKey<string> MethodKey = new("slack.method");

    private readonly IHttpClientFactory _httpClients;
    // Waits on the network (back-off, Retry-After, attempt timeouts) are wall-clock time, not the app's notion of
    // "now": a test that holds the app's clock still must not freeze every retried Slack call.
    private readonly TimeProvider _time = TimeProvider.System;
    private readonly ILogger<SlackApiTransport> _logger;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    public SlackApiTransport(IHttpClientFactory httpClients, IOptions<SlackWebApiOptions> options, ILogger<SlackApiTransport> logger)
    {
        _httpClients = httpClients;
        _logger = logger;
        var settings = options.Value;
        _pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _time }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = settings.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.RetryBaseDelay,
                ShouldHandle = args => ValueTask.FromResult(
                    IsWorthRetrying(args.Outcome, args.Context.Properties.GetValue(MethodKey, ""), settings.MaxRetryAfterWait)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests } limited ? RetryAfter(limited) : null),
                OnRetry = args =>
                {
                    LogRetry(args.Context.Properties.GetValue(MethodKey, "?"), args.AttemptNumber + 1, Describe(args.Outcome), args.RetryDelay.TotalMilliseconds);
                    args.Outcome.Result?.Dispose();
                    return default;
                },
            })
            .AddTimeout(settings.AttemptTimeout)
            .Build();
    }

    /// <summary>Write methods: a JSON body, always with <c>charset=utf-8</c> (Slack warns <c>missing_charset</c> otherwise).</summary>
    public Task<T> PostJsonAsync<T>(string method, AuthenticationHeaderValue authorization, object body, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), SlackJson.Options);
        return SendAsync<T>(method, authorization, () => new ByteArrayContent(bytes) { Headers = { ContentType = new MediaTypeHeaderValue("application/json", "utf-8") } }, cancellationToken);
    }

    /// <summary>Read methods and OAuth, which Slack only accepts form-encoded (and without a charset).</summary>
    /// <remarks><paramref name="withHeaders"/> adds what the answer's headers say (e.g. <c>X-OAuth-Scopes</c>) to the body read.</remarks>
    public Task<T> PostFormAsync<T>(string method, AuthenticationHeaderValue authorization, IReadOnlyList<KeyValuePair<string, string>> fields,
        CancellationToken cancellationToken, Func<T, HttpResponseHeaders, T>? withHeaders = null) =>
        SendAsync(method, authorization, () => new FormUrlEncodedContent(fields), cancellationToken, withHeaders);

    private async Task<T> SendAsync<T>(string method, AuthenticationHeaderValue authorization, Func<HttpContent> content, CancellationToken cancellationToken,
        Func<T, HttpResponseHeaders, T>? withHeaders = null)
    {
        var http = _httpClients.CreateClient(HttpClientName);
        var started = _time.GetTimestamp();
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(MethodKey, method);
        HttpResponseMessage response;
        try
        {
            response = await _pipeline.ExecuteAsync(
                static async (context, call) =>
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, call.method) { Content = call.content() };
                    request.Headers.Authorization = call.authorization;
                    return await call.http.SendAsync(request, context.CancellationToken);
                },
                context,
                (http, method, authorization, content));
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException)
        {
            LogFailure(method, 0, ex.GetType().Name, Elapsed(started));
            throw;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                LogFailure(method, status, "ratelimited", Elapsed(started));
                throw new SlackRateLimitedException(method, RetryAfter(response) ?? TimeSpan.FromSeconds(1));
            }

            if (!response.IsSuccessStatusCode)
            {
                LogFailure(method, status, "http_error", Elapsed(started));
                throw new HttpRequestException($"Slack {method} answered HTTP {status}.", null, response.StatusCode);
            }

            using var document = await JsonDocument.ParseAsync(
                await response.Content.ReadAsStreamAsync(cancellationToken), default, cancellationToken);
            var root = document.RootElement;
            if (!root.TryGetProperty("ok", out var ok) || ok.ValueKind != JsonValueKind.True)
            {
                var error = Text(root, "error") ?? "unknown_error";
                LogFailure(method, status, error, Elapsed(started));
                throw new SlackApiException(method, error, Text(root, "needed"), Text(root, "provided"));
            }

            LogSuccess(method, status, Elapsed(started));
            var body = root.Deserialize<T>(SlackJson.Options)
                ?? throw new JsonException($"Slack {method} answered ok without a body.");
            return withHeaders is null ? body : withHeaders(body, response.Headers);
        }
    }

    /// <summary>
    /// Calls that do something new each time they are made: a message, an ephemeral, a scheduled message, a shared file.
    /// Everything else the app calls reads, or writes a state that a second identical call leaves as it is.
    /// </summary>
    public static bool IsNotIdempotent(string method) =>
        method is "chat.postMessage" or "chat.postEphemeral" or "chat.scheduleMessage" or "chat.meMessage"
            or "files.upload" or "files.getUploadURLExternal" or "files.completeUploadExternal" or "files.remote.add" or "files.remote.share";

    // A 429 means Slack did nothing, so any call may wait and go again; a timeout, a dropped connection or a 5xx leaves
    // it open whether Slack acted.
    private static bool IsWorthRetrying(Outcome<HttpResponseMessage> outcome, string method, TimeSpan maxRetryAfterWait) => outcome switch
    {
        { Result.StatusCode: HttpStatusCode.TooManyRequests } => RetryAfter(outcome.Result) is not { } wait || wait <= maxRetryAfterWait,
        _ when IsNotIdempotent(method) => false,
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result.StatusCode: >= HttpStatusCode.InternalServerError } => true,
        _ => false,
    };

    private static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } when response.Headers.Date is { } now => date - now,
        _ => null,
    };

    private static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception?.GetType().Name ?? $"HTTP {(int)outcome.Result!.StatusCode}";

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private double Elapsed(long started) => _time.GetElapsedTime(started).TotalMilliseconds;

    [LoggerMessage(Level = LogLevel.Debug, Message = "Slack {Method} answered HTTP {Status} ok in {ElapsedMs:0} ms")]
    private partial void LogSuccess(string method, int status, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack {Method} failed (HTTP {Status}, {Error}) after {ElapsedMs:0} ms")]
    private partial void LogFailure(string method, int status, string error, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack {Method} attempt {Attempt} failed ({Outcome}); retrying in {DelayMs:0} ms")]
    private partial void LogRetry(string method, int attempt, string outcome, double delayMs);
}
