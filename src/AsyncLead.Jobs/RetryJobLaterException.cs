namespace AsyncLead.Jobs;

/// <summary>
/// Thrown by a handler that was told to come back later (Slack's 429 with Retry-After): the job runs again after
/// <see cref="After"/> and the run is not charged as an attempt. The job did nothing wrong, and counting these would
/// kill healthy posts during a rate-limited burst; the server decides when the job may proceed, not the job's luck.
/// </summary>
public sealed class RetryJobLaterException : Exception
{
    /// <summary>Retries sooner than this would let a drain of due jobs spin on the same job.</summary>
    public static readonly TimeSpan MinimumDelay = TimeSpan.FromSeconds(1);

    public RetryJobLaterException(TimeSpan after, string reason)
        : base($"Retry later (after {after}): {reason}")
    {
        After = after < MinimumDelay ? MinimumDelay : after;
        Reason = reason;
    }

    public TimeSpan After { get; }

    public string Reason { get; }
}
