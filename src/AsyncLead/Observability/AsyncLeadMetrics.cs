using System.Diagnostics.Metrics;

namespace AsyncLead.Observability;

/// <summary>
/// The app's instruments on the meter <c>AsyncLead</c> (exported over OTLP when configured). Features record what only
/// they know, e.g. <c>metrics.RemindersSent.Add(1, new("kind", "weekly_update"))</c>.
/// </summary>
public sealed class AsyncLeadMetrics
{
    public const string MeterName = "AsyncLead";

    public AsyncLeadMetrics(IMeterFactory meters, JobQueueStats jobs)
    {
        var meter = meters.Create(MeterName);
        SlackRequests = meter.CreateCounter<long>("asynclead.slack.requests", "{request}", "Slack requests received over HTTP, by kind (commands, interactions, events).");
        AckDuration = meter.CreateHistogram<double>("asynclead.slack.ack.duration", "ms", "Time to acknowledge a Slack request, by kind; Slack allows 3 s.");
        SlackApiCalls = meter.CreateCounter<long>("asynclead.slack.api.calls", "{call}", "Slack Web API calls (each attempt), by method and outcome.");
        SlackRateLimited = meter.CreateCounter<long>("asynclead.slack.api.rate_limited", "{call}", "Slack Web API calls answered 429, by method.");
        RemindersSent = meter.CreateCounter<long>("asynclead.reminders.sent", "{reminder}", "Reminders delivered, by kind.");
        meter.CreateObservableGauge("asynclead.jobs.depth", () => jobs.Current().Depth, "{job}", "Jobs due and waiting for a worker.");
        meter.CreateObservableGauge("asynclead.jobs.lag", () => jobs.Current().LagSeconds, "s", "How long the oldest due job has been waiting.");
        meter.CreateObservableGauge("asynclead.jobs.failed", () => jobs.Current().Failed, "{job}", "Jobs that ran out of attempts (kept for the retention period).");
    }

    public Counter<long> SlackRequests { get; }

    public Histogram<double> AckDuration { get; }

    public Counter<long> SlackApiCalls { get; }

    public Counter<long> SlackRateLimited { get; }

    public Counter<long> RemindersSent { get; }
}
