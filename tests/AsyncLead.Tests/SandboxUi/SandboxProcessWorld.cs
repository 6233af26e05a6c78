using System.Net.Http.Json;
using AsyncLead.Testing.Hosting;
using AsyncLead.Testing.Network;
using AsyncLead.Tests.SandboxMode;

namespace AsyncLead.Tests.SandboxUi;

/// <summary>The real binary as <c>./run.sh</c> starts it with no Slack settings: sandbox mode on a loopback port, seeded.</summary>
public sealed class SandboxProcessWorld : IAsyncLifetime
{
    private readonly SandboxDatabase database = new();
    private AsyncLeadProcess? host;

    /// <summary>How long the binary took from start to a seeded, ready sandbox.</summary>
    public TimeSpan StartedIn { get; private set; }

    public Uri PageAddress => new(host!.BaseAddress, "sandbox/");

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        var started = System.Diagnostics.Stopwatch.StartNew();
        host = await AsyncLeadProcess.StartAsync(AsyncLeadProcess.BinaryBesideTests,
            new Dictionary<string, string> { ["ConnectionStrings__Postgres"] = database.ConnectionString }, TimeSpan.FromSeconds(90), LoopbackPort.Free());
        // Ready means the page answers with the seeded workspace in it.
        using var state = await host.Http.GetAsync(new Uri("sandbox/ui/state", UriKind.Relative));
        state.EnsureSuccessStatusCode();
        StartedIn = started.Elapsed;
    }

    /// <summary>The page's Reset button: a fresh workspace and database, and the clock back at now.</summary>
    public async Task ResetAsync()
    {
        using var reset = await host!.Http.PostAsJsonAsync(new Uri("sandbox/ui/reset", UriKind.Relative), new { });
        Assert.True(reset.IsSuccessStatusCode, await reset.Content.ReadAsStringAsync() + "\n" + host.RecentOutput());
    }

    public string RecentOutput() => host?.RecentOutput() ?? "";

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        await database.DisposeAsync();
    }
}
