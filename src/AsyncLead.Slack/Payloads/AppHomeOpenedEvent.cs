namespace AsyncLead.Slack.Payloads;

public sealed record AppHomeOpenedEvent : SlackEvent
{
    public required string User { get; init; }
    public string? Channel { get; init; }

    /// <summary><c>home</c> or <c>messages</c>.</summary>
    public string? Tab { get; init; }

    /// <summary>The Home view last published, if any; its hash guards views.publish.</summary>
    public SlackView? View { get; init; }
}
