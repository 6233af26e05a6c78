namespace AsyncLead.Slack.WebApi;

/// <summary>
/// Slack answered 429 and asked for a wait longer than <see cref="SlackWebApiOptions.MaxRetryAfterWait"/> (or kept
/// answering 429). Background jobs reschedule themselves after <see cref="RetryAfter"/> instead of blocking.
/// </summary>
public sealed class SlackRateLimitedException(string method, TimeSpan retryAfter)
    : SlackApiException(method, "ratelimited")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
