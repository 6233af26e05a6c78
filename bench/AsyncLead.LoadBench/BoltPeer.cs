using System.Diagnostics;
using AsyncLead.Testing;
using AsyncLead.Testing.Network;

namespace AsyncLead.LoadBench;

/// <summary>
/// The bare Bolt-JS app of <c>bench/bolt-peer</c> (npm <c>@slack/bolt</c>), acking <c>/weekly-update</c> with an
/// ephemeral after checking the signature: the peer our pure ack is compared with in the same run.
/// </summary>
public sealed class BoltPeer : IAsyncDisposable
{
    private readonly Process _process;

    private BoltPeer(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    public static async Task<BoltPeer> StartAsync(string signingSecret)
    {
        var directory = Path.Combine(RepositoryRoot.Path, "bench", "bolt-peer");
        if (!Directory.Exists(Path.Combine(directory, "node_modules")))
        {
            await RunAsync(new ProcessStartInfo("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"]) { WorkingDirectory = directory });
        }

        var port = LoopbackPort.Free();
        var start = new ProcessStartInfo("node", ["app.js"])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            Environment = { ["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture), ["SLACK_SIGNING_SECRET"] = signingSecret },
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start node");
        var ready = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        if (ready != "ready")
        {
            process.Kill();
            throw new InvalidOperationException($"the Bolt peer said '{ready}' instead of ready");
        }

        return new BoltPeer(process, new Uri($"http://127.0.0.1:{port}/"));
    }

    private static async Task RunAsync(ProcessStartInfo start)
    {
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}");
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{start.FileName} {string.Join(' ', start.ArgumentList)} exited with {process.ExitCode}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
