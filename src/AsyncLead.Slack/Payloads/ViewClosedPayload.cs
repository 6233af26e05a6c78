namespace AsyncLead.Slack.Payloads;

/// <summary><c>view_closed</c>: sent only for views opened with <c>notify_on_close</c>.</summary>
public sealed record ViewClosedPayload : InteractionPayload
{
    public required SlackView View { get; init; }
    public bool IsCleared { get; init; }
}
