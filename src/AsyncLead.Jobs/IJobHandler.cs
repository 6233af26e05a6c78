namespace AsyncLead.Jobs;

/// <summary>Runs jobs of one <see cref="Kind"/>. Registered with <c>services.AddJobHandler&lt;T&gt;()</c>; resolved in a scope per job.</summary>
public interface IJobHandler
{
    string Kind { get; }

    /// <summary>
    /// Returning completes the job; throwing fails this attempt (retried with backoff until the job is dead);
    /// <see cref="RetryJobLaterException"/> reschedules it. <paramref name="cancellationToken"/> fires when the host stops
    /// (the job is then put back) or the job's lease was lost.
    /// </summary>
    Task HandleAsync(JobContext job, CancellationToken cancellationToken);
}
