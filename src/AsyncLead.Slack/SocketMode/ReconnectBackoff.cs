namespace AsyncLead.Slack.SocketMode;

/// <summary>Exponential backoff with jitter, so many replicas losing Slack at once don't reconnect in lockstep.</summary>
internal static class ReconnectBackoff
{
    /// <param name="failures">Consecutive failures so far (1 for the first).</param>
    /// <param name="jitter">A random number in [0, 1): the delay lands between half and all of the exponential step.</param>
    public static TimeSpan Delay(int failures, TimeSpan initial, TimeSpan max, double jitter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failures, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(jitter);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(jitter, 1);

        var exponent = Math.Min(failures - 1, 30);
        var step = Math.Min(initial.TotalMilliseconds * Math.Pow(2, exponent), max.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(step * (0.5 + (jitter / 2)));
    }
}
