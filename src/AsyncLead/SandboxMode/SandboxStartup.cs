using AsyncLead.Sandbox;

namespace AsyncLead.SandboxMode;

/// <summary>
/// Seeds the sandbox once the host serves (the install goes through the bot's own pages) and says where to open it.
/// A failed seed is kept for the page to show rather than stopping the host, so the reason is visible.
/// </summary>
internal sealed partial class SandboxStartup(ISandboxControls controls, SandboxAddress address, TimeProvider clock, ILogger<SandboxStartup> logger)
    : IHostedLifecycleService
{
    private readonly TaskCompletionSource _seeded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the first seed is in (faulted if it failed).</summary>
    public Task Seeded => _seeded.Task;

    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        try
        {
            await controls.ResetAsync(cancellationToken);
            _seeded.TrySetResult();
            LogOpen(logger, address.Sandbox, (long)clock.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException or Npgsql.NpgsqlException or TaskCanceledException)
        {
            _seeded.TrySetException(ex);
            LogSeedFailed(logger, ex);
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox: open {Address} (seeded in {Milliseconds} ms; no Slack settings, so this is a local workspace, not Slack; its jobs run in the sandbox, not the queue worker)")]
    private static partial void LogOpen(ILogger logger, Uri address, long milliseconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sandbox: seeding the workspace failed")]
    private static partial void LogSeedFailed(ILogger logger, Exception exception);
}
