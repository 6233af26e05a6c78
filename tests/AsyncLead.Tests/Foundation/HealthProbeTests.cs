using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using AsyncLead.Tests.Infrastructure;

namespace AsyncLead.Tests.Foundation;

/// <summary>The container health check runs the app binary itself, since the runtime image has no curl.</summary>
public sealed class HealthProbeTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Healthcheck_verb_exits_0_against_a_live_host_and_1_when_nothing_listens()
    {
        await using var host = await AppHost.StartAsync(database.ConnectionString);
        Assert.Equal(0, await Probe(host.BaseAddress.ToString()));

        var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        Assert.Equal(1, await Probe($"http://+:{port}"));
    }

    private static async Task<int> Probe(string urls)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "AsyncLead.dll"), "healthcheck"])
        {
            RedirectStandardError = true,
            Environment = { ["ASPNETCORE_URLS"] = urls },
        };
        using var process = Process.Start(start)!;
        await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode;
    }
}
