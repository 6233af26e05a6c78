using AsyncLead.Jobs;
using Npgsql;

namespace AsyncLead.Observability;

/// <summary>
/// Queue depth, lag and failures for the observable gauges, read from the queue at most every 15 s however often a
/// metrics exporter asks (and from every replica, so the read must stay cheap).
/// </summary>
public sealed partial class JobQueueStats(JobQueue queue, TimeProvider clock, ILogger<JobQueueStats> logger)
{
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(15);

    private readonly Lock _gate = new();
    private JobQueueStatistics _last = new(0, 0, 0);
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;

    public JobQueueStatistics Current()
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            if (now - _readAt < RefreshEvery)
            {
                return _last;
            }

            _readAt = now;
            try
            {
                // Observable instruments are read synchronously by the exporter's thread.
                _last = queue.ReadStatistics();
            }
            catch (NpgsqlException ex)
            {
                LogUnavailable(logger, ex.Message);
            }

            return _last;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job queue metrics unavailable: {Error}")]
    private static partial void LogUnavailable(ILogger logger, string error);
}
