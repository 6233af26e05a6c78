namespace AsyncLead.Jobs;

/// <summary>The job worker's settings, bound from the <c>Jobs</c> section (env: <c>Jobs__*</c>).</summary>
public sealed class JobsOptions
{
    public const string SectionName = "Jobs";

    /// <summary>Whether this process runs jobs in the background. Enqueueing works either way.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How many jobs this process runs at once (handlers mostly wait on Slack, so more than cores).</summary>
    public int Concurrency { get; set; } = 10;

    /// <summary>How often to look for due jobs when no notification arrives (jobs scheduled for later never notify).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a running job stays ours without a heartbeat; after that another worker may rescue it.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The most jobs one claim takes.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>How long completed and cancelled jobs are kept before pruning (dead jobs are kept).</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);
}
