using Microsoft.Extensions.Options;

namespace AsyncLead.Jobs;

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
