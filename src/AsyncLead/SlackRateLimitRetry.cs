using AsyncLead.Jobs;
using AsyncLead.Slack.WebApi;

namespace AsyncLead;

/// <summary>Slack said "not now" (429 with Retry-After): the job waits that long and is not charged an attempt.</summary>
public sealed class SlackRateLimitRetry : IRetryLaterPolicy
{
    public TimeSpan? RetryAfter(Exception exception) =>
        exception is SlackRateLimitedException limited ? limited.RetryAfter : null;
}
