using AsyncLead.SandboxMode;
using AsyncLead.Storage;
using AsyncLead.Testing.Logging;
using AsyncLead.Testing.Network;
using AsyncLead.Testing.Postgres;
using Microsoft.AspNetCore.Hosting;

namespace AsyncLead.Tests.SandboxMode;

/// <summary>
/// The host as Program.cs composes it (AsyncLead, then sandbox mode when unconfigured), in this process on a free
/// loopback port, configured only by what the test passes. Started, it has seeded its workspace.
/// </summary>
internal sealed class SandboxHost : IAsyncDisposable
{
    private SandboxHost(WebApplication app, Uri baseAddress)
    {
        App = app;
        BaseAddress = baseAddress;
        Http = new HttpClient { BaseAddress = baseAddress };
    }

    public WebApplication App { get; }

    public IServiceProvider Services => App.Services;

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    /// <summary>Builds as Program.cs does, without mapping or starting (for tests of start-up validation).</summary>
    public static WebApplication Build(IDictionary<string, string?> settings, CapturedLogs? logs = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Testing",
            ApplicationName = typeof(AsyncLeadHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs ?? new CapturedLogs());
        builder.AddAsyncLead();
        builder.AddSandboxWhenUnconfigured([]);
        return builder.Build();
    }

    /// <summary>No Slack settings, a <c>*_sandbox</c> database and a loopback port: sandbox mode, seeded.</summary>
    public static async Task<SandboxHost> StartAsync(string connectionString)
    {
        var port = LoopbackPort.Free();
        var app = Build(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = connectionString,
            ["urls"] = $"http://127.0.0.1:{port}",
        });
        app.ValidateSettings();
        app.MapSandbox();
        app.MapAsyncLead();
        await app.MigrateDatabaseAsync(CancellationToken.None);
        await app.StartAsync();
        var host = new SandboxHost(app, new Uri($"http://127.0.0.1:{port}/"));
        await app.Services.GetRequiredService<SandboxStartup>().Seeded;
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}

/// <summary>An empty database whose name ends in <c>_sandbox</c>, as sandbox mode insists; the host migrates it.</summary>
public sealed class SandboxDatabase : IAsyncLifetime
{
    public string Name { get; } = $"asynclead_{Guid.NewGuid():N}_sandbox";

    public string ConnectionString => PostgresServer.ConnectionStringFor(Name);

    public Task InitializeAsync() => PostgresServer.ExecuteAsync($"CREATE DATABASE \"{Name}\"");

    public Task DisposeAsync() => PostgresServer.DropDatabaseAsync(Name);
}
