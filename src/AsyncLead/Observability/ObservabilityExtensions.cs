using AsyncLead.Platform;
using System.Diagnostics;
using AsyncLead.Slack.WebApi;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace AsyncLead.Observability;

public static class ObservabilityExtensions
{
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string OtlpProtocolSetting = "OTEL_EXPORTER_OTLP_PROTOCOL";

    /// <summary>The meter and its instruments, Slack call counting on the Web API client, and the OTLP export.</summary>
    public static IServiceCollection AddObservability(this IServiceCollection services)
    {
        services.AddSingleton<JobQueueStats>();
        services.AddSingleton<AsyncLeadMetrics>();
        services.AddTransient<SlackApiCallMetrics>();
        services.AddHttpClient(SlackWebApiExtensions.HttpClientName).AddHttpMessageHandler<SlackApiCallMetrics>();
        services.AddSingleton<OtlpMetricsExport>();
        services.AddHostedService(provider => provider.GetRequiredService<OtlpMetricsExport>());
        return services;
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

/// <summary>
/// Exports the <c>AsyncLead</c> meter over OTLP while the host runs, when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set
/// (protocol from <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>: <c>grpc</c>, the default, or <c>http/protobuf</c>).
/// </summary>
public sealed class OtlpMetricsExport(IConfiguration configuration) : IHostedService, IDisposable
{
    /// <summary>Null when export is not configured.</summary>
    public MeterProvider? Provider { get; private set; }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (configuration[ObservabilityExtensions.OtlpEndpointSetting] is not { Length: > 0 } endpoint)
        {
            return Task.CompletedTask;
        }

        var protocol = configuration[ObservabilityExtensions.OtlpProtocolSetting] == "http/protobuf" ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
        Provider = Sdk.CreateMeterProviderBuilder()
            .ConfigureResource(resource => resource.AddService("asynclead"))
            .AddMeter(AsyncLeadMetrics.MeterName)
            .AddOtlpExporter(exporter =>
            {
                exporter.Protocol = protocol;
                // Set in code, the endpoint is used as given: http/protobuf needs the signal path.
                exporter.Endpoint = protocol == OtlpExportProtocol.HttpProtobuf ? new Uri(new Uri(endpoint.TrimEnd('/') + "/"), "v1/metrics") : new Uri(endpoint);
            })
            .Build();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    // Disposing flushes what is left.
    public void Dispose()
    {
        Provider?.Dispose();
        Provider = null;
    }
}
