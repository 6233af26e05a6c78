using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;

namespace AsyncLead.Slack.Dispatch;

/// <summary>
/// Every handler run is tracked here, including those still working after their request was acked, so a graceful
/// shutdown waits for them instead of dropping them. They are cancelled only when the host's shutdown timeout expires.
/// </summary>
internal sealed class InFlightHandlers : IHostedService, IDisposable
{
    private readonly ConcurrentDictionary<Task, byte> _running = new();
    private readonly CancellationTokenSource _abandon = new();

    public int Count => _running.Count;

    /// <summary>Starts <paramref name="work"/> on the thread pool (so a handler that blocks cannot hold up the ack) and tracks it.</summary>
    public Task<T> Run<T>(Func<CancellationToken, Task<T>> work)
    {
        var task = Task.Run(() => work(_abandon.Token));
        Track(task);
        return task;
    }

    public Task Run(Func<CancellationToken, Task> work)
    {
        var task = Task.Run(() => work(_abandon.Token));
        Track(task);
        return task;
    }

    /// <summary>Returns once no handler runs, including work that follows an ack and any that started meanwhile.</summary>
    public async Task WhenIdleAsync(CancellationToken cancellationToken)
    {
        while (!_running.IsEmpty)
        {
            await Task.WhenAll(_running.Keys).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private void Track(Task task)
    {
        _running.TryAdd(task, 0);
        task.ContinueWith(finished => _running.TryRemove(finished, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        using var abandonOnTimeout = cancellationToken.Register(_abandon.Cancel);
        try
        {
            await WhenIdleAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host gave up waiting; handlers have been told to stop through their token.
        }
    }

    public void Dispose() => _abandon.Dispose();
}
