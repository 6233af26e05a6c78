namespace AsyncLead.LoadBench;

/// <summary>Latencies of one measured run, and what they add up to.</summary>
public sealed class LatencyRecorder
{
    private readonly List<double> milliseconds = [];
    private readonly Lock gate = new();
    private int failures;

    public void Record(TimeSpan latency, bool ok)
    {
        lock (gate)
        {
            milliseconds.Add(latency.TotalMilliseconds);
            if (!ok)
            {
                failures++;
            }
        }
    }

    public RunResult Summarise(TimeSpan elapsed)
    {
        lock (gate)
        {
            var sorted = milliseconds.Order().ToArray();
            return new RunResult(sorted.Length, failures, sorted.Length / elapsed.TotalSeconds,
                Percentile(sorted, 0.50), Percentile(sorted, 0.90), Percentile(sorted, 0.99),
                sorted.Length == 0 ? double.NaN : sorted[^1]);
        }
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
