using AsyncLead.Slack.Payloads;

namespace AsyncLead.Slack.Dispatch;

/// <summary>What a delivery found when it claimed its event.</summary>
public enum EventClaim
{
    /// <summary>This delivery handles the event.</summary>
    Claimed,

    /// <summary>An earlier delivery handled it: ack and do nothing.</summary>
    AlreadyHandled,

    /// <summary>Another delivery is handling it right now: ask Slack to deliver again later, in case that one fails.</summary>
    InProgress,
}
