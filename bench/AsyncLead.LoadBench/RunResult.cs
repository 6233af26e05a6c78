namespace AsyncLead.LoadBench;

public sealed record RunResult(int Requests, int Failures, double RequestsPerSecond, double P50, double P90, double P99, double Max);
