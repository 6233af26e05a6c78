using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using AsyncLead.Sandbox.Simulation;

namespace AsyncLead.LoadBench;

/// <summary>
/// Drives the host with N concurrent connections, each sending its next request as soon as the last one is answered
/// (closed loop), for a fixed time after a warm-up. Every loop is bounded by time; nothing leaves loopback.
/// </summary>
public static class LoadDriver
{
    public static async Task<RunResult> RunAsync(Uri baseAddress, int connections, TimeSpan warmUp, TimeSpan measure,
        Func<int, long, BenchRequest> next)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };

        await DriveAsync(http, connections, warmUp, next, recorder: null);
        var recorder = new LatencyRecorder();
        var elapsed = await DriveAsync(http, connections, measure, next, recorder);
        return recorder.Summarise(elapsed);
    }

    /// <summary>Sends each request once, <paramref name="connections"/> at a time; throws if any is refused.</summary>
    public static async Task RunOnceAsync(Uri baseAddress, int connections, IReadOnlyList<BenchRequest> requests)
    {
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = connections }, async (request, ct) =>
        {
            using var message = Build(request);
            using var response = await http.SendAsync(message, ct);
            response.EnsureSuccessStatusCode();
        });
    }

    private static async Task<TimeSpan> DriveAsync(HttpClient http, int connections, TimeSpan duration, Func<int, long, BenchRequest> next,
        LatencyRecorder? recorder)
    {
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, connections).Select(worker => Task.Run(async () =>
        {
            for (long sequence = 0; clock.Elapsed < duration; sequence++)
            {
                using var message = Build(next(worker, sequence));
                var started = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(message);
                await response.Content.ReadAsByteArrayAsync();
                recorder?.Record(Stopwatch.GetElapsedTime(started), response.IsSuccessStatusCode);
            }
        }));
        await Task.WhenAll(workers);
        return clock.Elapsed;
    }

    private static HttpRequestMessage Build(BenchRequest request)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, request.Path)
        {
            Content = new StringContent(request.Body, Encoding.UTF8),
        };
        message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(request.ContentType);
        if (request.Signed)
        {
            var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            message.Headers.Add("X-Slack-Request-Timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
            message.Headers.Add("X-Slack-Signature", RequestSigning.Sign(BenchHost.SigningSecret, timestamp, request.Body));
        }
        return message;
    }
}
