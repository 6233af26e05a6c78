namespace AsyncLead.Jobs;

/// <summary>
/// Recognises a failure that means "not now" from a dependency, such as a rate limit, so the job is put back for the
/// time it names without being charged an attempt (as if the handler had thrown <see cref="RetryJobLaterException"/>).
/// Lets the app teach the queue once about its dependencies' signals instead of every handler catching them.
/// </summary>
public interface IRetryLaterPolicy
{
    /// <returns>How long to wait before the next run, or null when the failure is an ordinary one.</returns>
    TimeSpan? RetryAfter(Exception exception);
}
