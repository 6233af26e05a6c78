using System.Globalization;
using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Payloads;
using AsyncLead.Slack.Verification;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AsyncLead.Slack.Receivers;

/// <summary>
/// The three Slack HTTP endpoints. Per request: configured? → read the raw body under a size cap → verify the v0
/// signature on those exact bytes → parse → dispatch → write the ack. Nothing is parsed before it is verified,
/// except Slack's unsigned ssl_check probe, which gets an empty 200 and nothing else.
/// </summary>
internal sealed partial class SlackHttpReceiver(
    SlackDispatcher dispatcher,
    IOptionsMonitor<SlackOptions> slackOptions,
    TimeProvider time,
    ILogger<SlackHttpReceiver> logger)
{
    /// <summary>
    /// 1 MiB. Slack's largest bodies echo a whole view or message (at most 100 blocks of a few KB each), far below
    /// this; the cap bounds the memory an unauthenticated caller can make us hold before the signature is checked.
    /// </summary>
    public const int MaxBodyBytes = 1024 * 1024;

    private const string RetryNumHeader = "X-Slack-Retry-Num";
    private const string RetryReasonHeader = "X-Slack-Retry-Reason";

    public Task HandleCommandsAsync(HttpContext http) =>
        ReceiveAsync(http, body => SlackPayloadParser.ParseSlashCommand(body), allowSslCheck: true,
            async command => await WriteAckAsync(http, await dispatcher.DispatchCommandAsync(command)));

    public Task HandleInteractionsAsync(HttpContext http) =>
        ReceiveAsync(http, body => SlackPayloadParser.ParseInteraction(body), allowSslCheck: false,
            async interaction => await WriteAckAsync(http, await dispatcher.DispatchInteractionAsync(interaction)));

    public Task HandleEventsAsync(HttpContext http) =>
        ReceiveAsync(http, body => SlackPayloadParser.ParseEvents(body), allowSslCheck: false, async envelope =>
        {
            switch (envelope)
            {
                case UrlVerificationPayload verification:
                    await http.Response.WriteAsJsonAsync(new UrlVerificationAnswer(verification.Challenge), SlackJson.Options, http.RequestAborted);
                    break;
                case EventCallbackPayload callback:
                    var (retryNum, retryReason) = ReadRetry(http.Request);
                    await WriteAckAsync(http, await dispatcher.DispatchEventAsync(callback, retryNum, retryReason, http.RequestAborted));
                    break;
                default:
                    LogUnknownEnvelope(logger, envelope.Type);
                    break;
            }
        });

    /// <summary>
    /// The one path every Slack request takes, so no endpoint can skip a step: configured and under the size cap →
    /// (the unsigned ssl_check probe, commands only) → verified on the raw bytes → parsed → handled.
    /// </summary>
    private async Task ReceiveAsync<T>(HttpContext http, Func<byte[], SlackParseResult<T>> parse, bool allowSslCheck, Func<T, Task> handle)
        where T : class
    {
        var body = await ReadBodyAsync(http);
        if (body is null || (allowSslCheck && IsSslCheck(body)))
        {
            return;
        }

        if (!Verify(http, body))
        {
            await RejectAsync(http);
            return;
        }

        var parsed = parse(body);
        if (!parsed.Succeeded)
        {
            await BadRequestAsync(http, parsed.Error);
            return;
        }

        await handle(parsed.Value!);
    }

    /// <summary>Null when a response (503 or 413) has already been written.</summary>
    private async Task<byte[]?> ReadBodyAsync(HttpContext http)
    {
        if (string.IsNullOrWhiteSpace(slackOptions.CurrentValue.SigningSecret))
        {
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            await http.Response.WriteAsJsonAsync(NotConfiguredAnswer.Instance, SlackJson.Options, http.RequestAborted);
            return null;
        }

        if (http.Request.ContentLength > MaxBodyBytes)
        {
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static bool IsSslCheck(byte[] body) =>
        SlackPayloadParser.ParseForm(body).TryGetValue("ssl_check", out var value) && value == "1";

    private bool Verify(HttpContext http, byte[] body)
    {
        var check = SlackSignature.Verify(
            slackOptions.CurrentValue.SigningSecret!,
            http.Request.Headers[SlackSignature.TimestampHeader],
            http.Request.Headers[SlackSignature.SignatureHeader],
            body,
            time.GetUtcNow());
        if (!check.IsValid)
        {
            LogRejected(logger, http.Request.Path, check.Failure, check.Reason);
        }

        return check.IsValid;
    }

    private static Task RejectAsync(HttpContext http)
    {
        http.Response.StatusCode = StatusCodes.Status401Unauthorized;
        return http.Response.WriteAsJsonAsync(new ErrorAnswer("invalid request"), SlackJson.Options, http.RequestAborted);
    }

    private Task BadRequestAsync(HttpContext http, string error)
    {
        LogMalformed(logger, http.Request.Path, error);
        http.Response.StatusCode = StatusCodes.Status400BadRequest;
        return http.Response.WriteAsJsonAsync(new ErrorAnswer("invalid payload", error), SlackJson.Options, http.RequestAborted);
    }

    private static async Task WriteAckAsync(HttpContext http, SlackAck ack)
    {
        http.Response.StatusCode = ack is RetryLaterAck ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
        if (ack.ToJsonBody() is { } json)
        {
            http.Response.ContentType = "application/json; charset=utf-8";
            await http.Response.Body.WriteAsync(json, http.RequestAborted);
        }
    }

    private static (int? RetryNum, string? RetryReason) ReadRetry(HttpRequest request)
    {
        var retryNum = int.TryParse(request.Headers[RetryNumHeader], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : (int?)null;
        var reason = request.Headers[RetryReasonHeader].ToString();
        return (retryNum, string.IsNullOrEmpty(reason) ? null : reason);
    }

    private sealed record UrlVerificationAnswer(string Challenge);

    private sealed record ErrorAnswer(string Error, string? Message = null);

    private sealed record NotConfiguredAnswer(string Error, string Message)
    {
        public static NotConfiguredAnswer Instance { get; } = new(
            "slack_not_configured",
            "Slack__SigningSecret is not set, so requests from Slack cannot be verified. Copy the Signing Secret from your "
            + "Slack app's Basic Information page and set it as the environment variable Slack__SigningSecret "
            + "(or Slack:SigningSecret in configuration), then restart.");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected Slack request to {Path}: {Failure} ({Reason})")]
    private static partial void LogRejected(ILogger logger, PathString path, SignatureFailure failure, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Malformed Slack payload to {Path}: {Error}")]
    private static partial void LogMalformed(ILogger logger, PathString path, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack events envelope of type {Type} acknowledged without action")]
    private static partial void LogUnknownEnvelope(ILogger logger, string type);
}
