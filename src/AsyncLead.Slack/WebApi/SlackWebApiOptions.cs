namespace AsyncLead.Slack.WebApi;

/// <summary>How patiently the Web API client deals with a busy or failing Slack.</summary>
public sealed class SlackWebApiOptions
{
    /// <summary>
    /// Retries after the first attempt, for 429s within <see cref="MaxRetryAfterWait"/>, 5xx, connection failures and
    /// timeouts; calls that post are retried on 429 only.
    /// </summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First backoff delay; it doubles per retry, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest <c>Retry-After</c> waited out in place. Longer ones surface as <see cref="SlackRateLimitedException"/>
    /// at once, so the job queue can reschedule rather than hold a worker (or a 3-second ack) hostage.
    /// </summary>
    public TimeSpan MaxRetryAfterWait { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Each attempt is abandoned (and retried) after this long.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
