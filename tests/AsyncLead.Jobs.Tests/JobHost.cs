using AsyncLead.Jobs;
using AsyncLead.Testing.Logging;
using Npgsql;

namespace AsyncLead.Jobs.Tests;

/// <summary>
/// One process's worth of the job queue, composed with <c>AddJobs</c> as the app composes it: its own
/// <see cref="NpgsqlDataSource"/> (its own connection pool), the test's clock, the <c>Jobs</c> settings given, and the
/// <see cref="RecordingHandler"/>. Several of these against one database are several hosts.
/// </summary>
public sealed class JobHost : IAsyncDisposable
{
    private readonly IHost host;
    private bool started;

    private JobHost(IHost host, CapturedLogs logs)
    {
        this.host = host;
        Logs = logs;
    }

    public IServiceProvider Services => host.Services;

    public JobQueue Queue => Services.GetRequiredService<JobQueue>();

    public JobWorker Worker => Services.GetRequiredService<JobWorker>();

    public HandlerGates Gates => Services.GetRequiredService<HandlerGates>();

    public CapturedLogs Logs { get; }

    public static JobHost Create(string connectionString, TimeProvider clock, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        var logs = new CapturedLogs();
        builder.Logging.AddProvider(logs);
        builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        builder.Services.AddSingleton<HandlerGates>();
        builder.Services.AddJobs().AddJobHandler<RecordingHandler>();
        services?.Invoke(builder.Services);
        return new JobHost(builder.Build(), logs);
    }

    public async Task StartAsync()
    {
        await host.StartAsync();
        started = true;
    }

    public async Task StopAsync()
    {
        if (started)
        {
            started = false;
            await host.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (host is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
        else
        {
            host.Dispose();
        }
    }
}
