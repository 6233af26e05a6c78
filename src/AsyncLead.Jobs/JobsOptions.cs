using Microsoft.Extensions.Options;

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

internal sealed class JobsOptionsValidator : IValidateOptions<JobsOptions>
{
    public ValidateOptionsResult Validate(string? name, JobsOptions options)
    {
        var failures = new List<string>();
        if (options.Concurrency is < 1 or > 1000)
        {
            failures.Add($"Jobs__Concurrency must be between 1 and 1000 (got {options.Concurrency}).");
        }
        if (options.BatchSize is < 1 or > 1000)
        {
            failures.Add($"Jobs__BatchSize must be between 1 and 1000 (got {options.BatchSize}).");
        }
        if (options.PollInterval < TimeSpan.FromMilliseconds(10) || options.PollInterval > TimeSpan.FromHours(1))
        {
            failures.Add($"Jobs__PollInterval must be between 00:00:00.010 and 01:00:00 (got {options.PollInterval}).");
        }
        // Heartbeats run every third of the lease; below a second they would be mostly round trips.
        if (options.LeaseDuration < TimeSpan.FromSeconds(1))
        {
            failures.Add($"Jobs__LeaseDuration must be at least 00:00:01 (got {options.LeaseDuration}).");
        }
        if (options.Retention <= TimeSpan.Zero)
        {
            failures.Add($"Jobs__Retention must be positive, e.g. 7.00:00:00 for a week (got {options.Retention}).");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
