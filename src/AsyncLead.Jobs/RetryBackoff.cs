namespace AsyncLead.Jobs;

/// <summary>How long a failed job waits before its next attempt: doubling from 2 s, capped at an hour, ±25% jitter.</summary>
public static class RetryBackoff
{
    private static readonly TimeSpan First = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Cap = TimeSpan.FromHours(1);

    /// <param name="attempt">The attempt that just failed, from 1.</param>
    /// <param name="jitter">A uniform sample in [0, 1); jitter spreads retries of jobs that failed together.</param>
    public static TimeSpan After(int attempt, double jitter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        if (jitter is < 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(jitter), jitter, "Jitter is a sample in [0, 1).");
        }

        // 2^11 s is past the cap already; clamping the exponent keeps the arithmetic finite for any attempt.
        var exponential = First * Math.Pow(2, Math.Min(attempt - 1, 11));
        var delay = exponential < Cap ? exponential : Cap;
        return delay * (0.75 + (0.5 * jitter));
    }
}
