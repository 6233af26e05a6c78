namespace AsyncLead.Sandbox.Slack;

/// <summary>Every recorded item in arrival order, plus waiting for one that has not arrived yet.</summary>
internal sealed class CallLog<T>
{
    private readonly Lock _gate = new();
    private readonly List<T> _items = [];
    private readonly List<(Func<T, bool> Match, TaskCompletionSource<T> Done)> _waiters = [];

    public void Add(T item)
    {
        List<TaskCompletionSource<T>> satisfied;
        lock (_gate)
        {
            _items.Add(item);
            var matching = _waiters.Where(w => w.Match(item)).ToList();
            _waiters.RemoveAll(matching.Contains);
            satisfied = matching.Select(w => w.Done).ToList();
        }

        foreach (var done in satisfied)
        {
            done.TrySetResult(item);
        }
    }

    /// <summary>Forgets what was recorded; waiters keep waiting for a new match.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _items.Clear();
        }
    }

    public IReadOnlyList<T> Snapshot(Func<T, bool>? filter = null)
    {
        lock (_gate)
        {
            return filter is null ? [.. _items] : _items.Where(filter).ToList();
        }
    }

    /// <summary>The first item (already recorded or still to come) that matches.</summary>
    public async Task<T> WaitAsync(Func<T, bool> match, TimeSpan timeout, Func<string> describeOnTimeout)
    {
        TaskCompletionSource<T> done;
        (Func<T, bool>, TaskCompletionSource<T>) waiter;
        lock (_gate)
        {
            var existing = _items.FirstOrDefault(match);
            if (existing is not null)
            {
                return existing;
            }

            done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            waiter = (match, done);
            _waiters.Add(waiter);
        }

        try
        {
            return await done.Task.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            lock (_gate)
            {
                _waiters.Remove(waiter);
            }

            throw new TimeoutException(describeOnTimeout());
        }
    }
}
