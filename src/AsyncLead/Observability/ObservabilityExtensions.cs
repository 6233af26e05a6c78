using System.Diagnostics;
using AsyncLead.Slack.WebApi;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace AsyncLead.Observability;

public static class ObservabilityExtensions
{
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string OtlpProtocolSetting = "OTEL_EXPORTER_OTLP_PROTOCOL";

    /// <summary>
    /// The meter and its instruments, Slack call counting on the Web API client, and, when
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, the OTLP export of the <c>AsyncLead</c> meter (the exporter reads the
    /// endpoint and <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>, <c>grpc</c> or <c>http/protobuf</c>, from configuration). Without
    /// an endpoint no OpenTelemetry SDK runs at all, so an idle host collects nothing.
    /// </summary>
    public static IHostApplicationBuilder AddObservability(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<JobQueueStats>();
        builder.Services.AddSingleton<AsyncLeadMetrics>();
        builder.Services.AddTransient<SlackApiCallMetrics>();
        builder.Services.AddHttpClient(SlackWebApiExtensions.HttpClientName).AddHttpMessageHandler<SlackApiCallMetrics>();
        if (builder.Configuration[OtlpEndpointSetting] is { Length: > 0 })
        {
            builder.Services.AddOpenTelemetry()
                .ConfigureResource(resource => resource.AddService("asynclead"))
                .WithMetrics(metrics => metrics.AddMeter(AsyncLeadMetrics.MeterName).AddOtlpExporter());
        }

        return builder;
    }

    /// <summary>
    /// Counts Slack's HTTP requests by kind and times their acks (the whole request, as Slack waits for it). Resolving
    /// the metrics here also creates every instrument before the host starts, so the queue gauges export from the start.
    /// </summary>
    public static WebApplication UseSlackRequestMetrics(this WebApplication app)
    {
        var metrics = app.Services.GetRequiredService<AsyncLeadMetrics>();
        app.Use(async (context, next) =>
        {
            if (KindOf(context.Request.Path) is not { } kind)
            {
                await next(context);
                return;
            }

            // Wall-clock time on purpose: the app's TimeProvider is "now" for business rules, and tests freeze it.
            var started = Stopwatch.GetTimestamp();
            try
            {
                await next(context);
            }
            finally
            {
                var tags = new TagList { { "kind", kind }, { "status", context.Response.StatusCode } };
                metrics.SlackRequests.Add(1, tags);
                metrics.AckDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, tags);
            }
        });
        return app;
    }

    private static string? KindOf(PathString path) => path.Value switch
    {
        "/slack/commands" => "commands",
        "/slack/interactions" => "interactions",
        "/slack/events" => "events",
        _ => null,
    };
}
