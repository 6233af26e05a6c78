using System.Diagnostics;
using System.Net;
using AsyncLead.Testing.Network;

namespace AsyncLead.Testing.Hosting;

/// <summary>
/// The real AsyncLead binary (<c>dotnet AsyncLead.dll</c>) as an operator runs it: its own process, configured only by
/// environment variables, listening on a free loopback port. <see cref="KillAsync"/> is <c>kill -9</c>: no shutdown hook
/// runs. Disposing kills it; if the test process dies first, <see cref="ProcessOwner"/> does.
/// </summary>
public sealed class AsyncLeadProcess : IAsyncDisposable
{
    private const int KeptOutputLines = 40;

    private readonly Process _process;
    private readonly Queue<string> _output = new();
    private readonly Lock _gate = new();

    private readonly ProcessOwner _owner;

    private AsyncLeadProcess(Process process, Uri baseAddress, ProcessOwner owner)
    {
        _process = process;
        _owner = owner;
        BaseAddress = baseAddress;
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary><c>AsyncLead.dll</c> beside the running assembly: a project reference to src/AsyncLead puts it there.</summary>
    public static string BinaryBesideTests => Path.Combine(AppContext.BaseDirectory, "AsyncLead.dll");

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Starts <paramref name="binary"/> with <paramref name="environment"/> (e.g. <c>ConnectionStrings__Postgres</c>) and
    /// waits until <c>/readyz</c> answers 200; <paramref name="port"/> 0 picks a free one. The process dies with
    /// <paramref name="owner"/> (the test process unless a test of the ownership itself names another).
    /// </summary>
    public static async Task<AsyncLeadProcess> StartAsync(string binary, IReadOnlyDictionary<string, string> environment,
        TimeSpan readyTimeout, int port = 0, ProcessOwner? owner = null, string? workingDirectory = null)
    {
        if (!File.Exists(binary))
        {
            throw new InvalidOperationException($"{binary} is missing: build src/AsyncLead first.");
        }

        port = port == 0 ? LoopbackPort.Free() : port;
        var start = new ProcessStartInfo("dotnet", [binary])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? "",
            Environment =
            {
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
                ["DOTNET_ENVIRONMENT"] = "Production",
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
            },
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {binary}");
        owner ??= ProcessOwner.TestProcess;
        owner.Own(process.Id);
        var host = new AsyncLeadProcess(process, new Uri($"http://127.0.0.1:{port}/"), owner);
        process.OutputDataReceived += (_, e) => host.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => host.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await host.WaitUntilReadyAsync(readyTimeout);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }

        return host;
    }

    /// <summary>
    /// Starts one process per entry of <paramref name="environments"/> at once and waits until all are ready. If any
    /// fails to start, the others are killed before the failure is thrown: nobody else holds them yet.
    /// </summary>
    public static async Task<IReadOnlyList<AsyncLeadProcess>> StartAllAsync(string binary,
        IReadOnlyList<IReadOnlyDictionary<string, string>> environments, TimeSpan readyTimeout)
    {
        var starting = environments.Select(environment => StartAsync(binary, environment, readyTimeout)).ToList();
        try
        {
            return await Task.WhenAll(starting);
        }
        catch
        {
            foreach (var started in starting.Where(task => task.IsCompletedSuccessfully))
            {
                await started.Result.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>Polls <c>/readyz</c> until it answers 200; throws with the process's last output lines when it doesn't in time.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"AsyncLead exited with code {_process.ExitCode} before it was ready:\n{RecentOutput()}");
            }

            try
            {
                using var response = await probe.GetAsync(new Uri("readyz", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(10);
        }

        throw new TimeoutException($"AsyncLead (pid {_process.Id}) was not ready within {timeout.TotalSeconds} s:\n{RecentOutput()}");
    }

    /// <summary>SIGKILL, as <c>kill -9</c>: the process gets no chance to finish or put back what it is doing.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _owner.Release(_process.Id);
    }

    /// <summary>The process's last lines of output (stdout and stderr), for failure messages.</summary>
    public string RecentOutput()
    {
        lock (_gate)
        {
            return string.Join('\n', _output);
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _output.Enqueue(line);
            if (_output.Count > KeptOutputLines)
            {
                _output.Dequeue();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await KillAsync();
        _process.Dispose();
    }
}
