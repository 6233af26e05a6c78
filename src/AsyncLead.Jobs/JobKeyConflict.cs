namespace AsyncLead.Jobs;

/// <summary>What enqueueing a job whose <see cref="JobRequest.JobKey"/> is already held by an unfinished job does.</summary>
public enum JobKeyConflict
{
    /// <summary>The existing job stands; nothing is enqueued.</summary>
    Ignore,

    /// <summary>
    /// A pending job takes the new kind, payload, run_at, queue, scope and max attempts (its attempt count starts
    /// over). A job already running finishes without retries and a new job is enqueued: what it is doing is out of date.
    /// </summary>
    Replace,
}
