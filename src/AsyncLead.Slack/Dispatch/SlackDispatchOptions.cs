namespace AsyncLead.Slack.Dispatch;

public sealed class SlackDispatchOptions
{
    /// <summary>
    /// How long a handler may take before the request is acked without it. Slack allows 3 s end to end;
    /// 2.5 s leaves room for the network and for reading and verifying the request.
    /// </summary>
    public TimeSpan AckBudget { get; set; } = TimeSpan.FromSeconds(2.5);
}
