using AsyncLead.Jobs;
using AsyncLead.Slack.WebApi;

namespace AsyncLead.LoadBench;

public sealed record BenchReminder(string Target, long Sequence);
