using AsyncLead.Slack.Payloads;

namespace AsyncLead.Slack.Dispatch;

/// <summary>
/// Durable receipts of event deliveries, shared by every replica, so each event is acted on once and a failed one is
/// acted on again when Slack redelivers it. A delivery claims its event_id before the handler runs; the receipt is
/// marked handled only after the handler succeeded, and a failed handler releases its claim, so Slack's redelivery
/// (it retries a non-2xx or a late answer, with the same event_id) is the retry. A claim left by a process that died
/// mid-handler lapses after a lease far longer than any handler runs. The app implements it in Postgres.
/// </summary>
public interface ISlackEventReceipts
{
    /// <param name="teamId">The workspace id, or the enterprise id when an org-level event carries no team.</param>
    ValueTask<EventClaim> ClaimAsync(string eventId, string teamId, CancellationToken ct);

    /// <summary>The handler succeeded: every later delivery of this event is a duplicate.</summary>
    ValueTask CompleteAsync(string eventId, CancellationToken ct);

    /// <summary>The handler failed: the next delivery of this event may claim it again.</summary>
    ValueTask ReleaseAsync(string eventId, CancellationToken ct);
}
