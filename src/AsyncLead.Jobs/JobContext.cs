using System.Text.Json;

namespace AsyncLead.Jobs;

/// <summary>
/// The job a handler runs. <see cref="Attempt"/> counts runs charged against <see cref="MaxAttempts"/>; a job can run
/// more often than that (after <see cref="RetryJobLaterException"/> or a shutdown), and a worker can die after the side
/// effect but before recording it, so handlers make their side effects idempotent.
/// </summary>
public sealed record JobContext(
    long Id,
    string Kind,
    string PayloadJson,
    int Attempt,
    int MaxAttempts,
    string? JobKey,
    string? QueueName,
    string? Scope)
{
    public T Payload<T>() =>
        JsonSerializer.Deserialize<T>(PayloadJson, JobJson.Options)
        ?? throw new JsonException($"Job {Id} ({Kind}) has a null payload where a {typeof(T).Name} was expected.");
}
