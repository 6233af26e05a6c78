using System.Collections.Concurrent;

namespace AsyncLead.Jobs.Tests;

/// <summary>Named gates a <see cref="RecordingHandler"/> waits at, so a test can hold a job in the running state.</summary>
public sealed class HandlerGates
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> gates = new();

    public Task WaitAsync(string name, CancellationToken cancellationToken) => Gate(name).Task.WaitAsync(cancellationToken);

    public void Open(string name) => Gate(name).TrySetResult();

    private TaskCompletionSource Gate(string name) =>
        gates.GetOrAdd(name, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
