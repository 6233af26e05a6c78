namespace AsyncLead.Slack.WebApi;

/// <summary>What Slack's error codes mean for the caller: the one place that knows which codes say what.</summary>
public static class SlackErrors
{
    /// <summary>
    /// The bot can no longer post in (or read) the channel: it was removed, the channel was archived or deleted, or it is
    /// private and the bot was never in it (Slack then answers as if there were no such channel). Retrying cannot help
    /// until a person invites the bot again.
    /// </summary>
    public static bool IsChannelGone(this SlackApiException exception) =>
        exception.Error is "not_in_channel" or "channel_not_found" or "is_archived" or "channel_is_archived";

    /// <summary>The person is not in the channel, so nothing can be shown to them there (an ephemeral).</summary>
    public static bool IsPersonNotInChannel(this SlackApiException exception) => exception.Error is "user_not_in_channel";

    /// <summary>The message was deleted (or never was in that channel).</summary>
    public static bool IsMessageGone(this SlackApiException exception) => exception.Error is "message_not_found";

    /// <summary>Slack said "not now" (429): nothing was done, and <see cref="SlackRateLimitedException.RetryAfter"/> says when to ask again.</summary>
    public static bool IsRateLimited(this Exception exception) => exception is SlackRateLimitedException;

    /// <summary>
    /// Whether a failed write may still have happened. Slack documents <c>internal_error</c> and <c>fatal_error</c> as
    /// "it's possible some aspect of the operation succeeded"; every other <c>ok:false</c>, and a 429, means it did not.
    /// A timeout, a dropped connection or a 5xx (not a <see cref="SlackApiException"/>) leaves it open too.
    /// </summary>
    public static bool MayHaveActed(Exception exception) =>
        exception is not SlackApiException api || api.Error is "internal_error" or "fatal_error" or "service_unavailable" or "request_timeout";
}
