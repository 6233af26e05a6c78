using System.Threading.Channels;
using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AsyncLead.Jobs;

/// <summary>
/// Listening: wakes the worker loop on NOTIFY from committed enqueues (<see cref="JobQueue.NotificationChannel"/>) and
/// when a run finishes, with the poll interval as the fallback (jobs scheduled for later never notify, and a listener
/// that lost its connection hears nothing until it reconnects). Wake-ups fold into one.
/// </summary>
internal sealed partial class JobWakeups(NpgsqlDataSource dataSource, TimeProvider clock, TimeSpan pollInterval, ILogger logger)
{
    private readonly Channel<bool> wakeups = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Wake() => wakeups.Writer.TryWrite(true);

    /// <summary>Returns after a wake-up or the poll interval, whichever comes first.</summary>
    public async Task WaitAsync(CancellationToken stoppingToken)
    {
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var poll = Task.Delay(pollInterval, clock, waiting.Token);
        var wakeup = wakeups.Reader.WaitToReadAsync(waiting.Token).AsTask();
        await Task.WhenAny(poll, wakeup);
        await waiting.CancelAsync();
        wakeups.Reader.TryRead(out _);
    }

    /// <summary>
    /// Listens until <paramref name="stoppingToken"/>, reconnecting after failures. <paramref name="firstListen"/> completes
    /// once listening (or once it first failed: polling must not wait on a listener that can't connect).
    /// </summary>
    public async Task ListenAsync(TaskCompletionSource firstListen, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, _) => Wake();
                await connection.ExecuteAsync(new CommandDefinition($"LISTEN {JobQueue.NotificationChannel}", cancellationToken: stoppingToken));
                firstListen.TrySetResult();
                Wake(); // whatever was enqueued while we were not listening
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                firstListen.TrySetResult();
                LogListenFailed(logger, ex);
                try
                {
                    await Task.Delay(pollInterval, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for job notifications failed; polling until it works again")]
    private static partial void LogListenFailed(ILogger logger, Exception exception);
}
