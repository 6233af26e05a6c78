namespace AsyncLead.Jobs;

/// <summary>
/// A job to enqueue: the handler's <paramref name="Kind"/> and a payload serialised to JSON (read back with
/// <see cref="JobContext.Payload{T}"/>).
/// </summary>
public sealed record JobRequest(string Kind, object? Payload = null)
{
    public const int DefaultMaxAttempts = 20;

    /// <summary>When the job becomes due; null means now (the queue's clock).</summary>
    public DateTimeOffset? RunAt { get; init; }

    /// <summary>At most one unfinished job per key; <see cref="OnConflict"/> says what a second enqueue does.</summary>
    public string? JobKey { get; init; }

    public JobKeyConflict OnConflict { get; init; } = JobKeyConflict.Ignore;

    /// <summary>Jobs sharing a queue name run one at a time, in the order they were enqueued (e.g. posts to one Slack thread).</summary>
    public string? QueueName { get; init; }

    /// <summary>
    /// A group to cancel together with <see cref="JobQueue.CancelScopeAsync(string, CancellationToken)"/> (e.g. a decision
    /// doc). Scopes nest with <see cref="JobQueue.ScopeSeparator"/>, and
    /// <see cref="JobQueue.CancelWithinScopeAsync"/> cancels a scope with every scope within it (e.g. a workspace).
    /// </summary>
    public string? Scope { get; init; }

    /// <summary>Failed runs allowed before the job is dead (state <c>failed</c>).</summary>
    public int MaxAttempts { get; init; } = DefaultMaxAttempts;
}
