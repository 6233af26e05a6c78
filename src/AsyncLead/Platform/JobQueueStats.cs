using Dapper;
using Npgsql;

namespace AsyncLead.Platform;

/// <summary>
/// Queue depth, lag and failures for the observable gauges, read from the jobs table at most every 15 s however often
/// a metrics exporter asks (and from every replica, so the query must stay cheap: it uses the partial due indexes).
/// </summary>
public sealed partial class JobQueueStats(NpgsqlDataSource dataSource, TimeProvider clock, ILogger<JobQueueStats> logger)
{
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(15);

    private readonly Lock _gate = new();
    private Snapshot _last = new(0, 0, 0);
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;

    public sealed record Snapshot(long Depth, double LagSeconds, long Failed);

    public Snapshot Current()
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
                using var connection = dataSource.OpenConnection();
                _last = connection.QuerySingle<Snapshot>(
                    """
                    SELECT count(*) FILTER (WHERE state = 'available' AND run_at <= @now) AS Depth,
                           coalesce(extract(epoch FROM @now - min(run_at) FILTER (WHERE state = 'available' AND run_at <= @now)), 0)::float8 AS LagSeconds,
                           count(*) FILTER (WHERE state = 'failed') AS Failed
                    FROM jobs
                    WHERE state IN ('available', 'failed')
                    """,
                    new { now });
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
