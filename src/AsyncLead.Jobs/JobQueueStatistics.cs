namespace AsyncLead.Jobs;

/// <param name="Depth">Jobs due and waiting for a worker.</param>
/// <param name="LagSeconds">How long the oldest due job has waited.</param>
/// <param name="Failed">Dead jobs: out of attempts, kept for inspection.</param>
public sealed record JobQueueStatistics(long Depth, double LagSeconds, long Failed);
