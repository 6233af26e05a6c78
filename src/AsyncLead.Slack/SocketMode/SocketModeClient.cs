using AsyncLead.Slack.WebApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AsyncLead.Slack.SocketMode;

/// <summary>
/// Receives Slack over Socket Mode when <c>Slack__AppToken</c> is set: keeps one live connection, replaces it when
/// Slack asks (the new one is up before the old one is closed, so nothing is dropped), and reconnects with
/// exponential backoff and jitter when connecting fails. URLs come from the Web API client's apps.connections.open.
/// </summary>
internal sealed partial class SocketModeClient(
    IServiceProvider services,
    SocketModeEnvelopes envelopes,
    IOptionsMonitor<SlackOptions> slackOptions,
    IOptions<SocketModeOptions> socketOptions,
    TimeProvider time,
    ILogger<SocketModeClient> logger) : BackgroundService
{
    private static readonly TimeSpan CloseGrace = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!slackOptions.CurrentValue.UsesSocketMode)
        {
            return;
        }

        // Resolved only now: a host that receives over HTTP needs no Web API client for this idle service.
        var apps = services.GetRequiredService<ISlackClient>().Apps;
        var retiring = new List<Task>();
        SocketModeConnection? current = null;
        try
        {
            current = await ConnectAsync(apps, stoppingToken);
            while (true)
            {
                await Task.WhenAny(current.DisconnectRequested, current.Receiving).WaitAsync(stoppingToken);
                var next = await ConnectAsync(apps, stoppingToken);
                retiring.Add(RetireAsync(current));
                current = next;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            if (current is not null)
            {
                retiring.Add(RetireAsync(current));
            }

            await Task.WhenAll(retiring);
        }
    }

    private async Task<SocketModeConnection> ConnectAsync(IAppsApi apps, CancellationToken ct)
    {
        var options = socketOptions.Value;
        for (var failures = 1; ; failures++)
        {
            try
            {
                var url = await apps.OpenConnectionAsync(ct);
                var connection = await SocketModeConnection.ConnectAsync(url, options, envelopes, logger, ct);
                LogConnected(logger);
                return connection;
            }
            catch (Exception exception) when (!ct.IsCancellationRequested)
            {
                var delay = ReconnectBackoff.Delay(failures, options.InitialBackoff, options.MaxBackoff, Random.Shared.NextDouble());
                if (exception is SlackRateLimitedException { RetryAfter: var retryAfter } && retryAfter > delay)
                {
                    delay = retryAfter;
                }

                LogConnectFailed(logger, exception.Message, failures, delay.TotalSeconds);
                await Task.Delay(delay, time, ct);
            }
        }
    }

    private static async Task RetireAsync(SocketModeConnection connection)
    {
        await connection.CloseAsync(CloseGrace);
        await connection.DisposeAsync();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Socket Mode connected to Slack")]
    private static partial void LogConnected(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Socket Mode connect failed ({Error}); attempt {Failures}, retrying in {DelaySeconds:0.0} s")]
    private static partial void LogConnectFailed(ILogger logger, string error, int failures, double delaySeconds);
}
