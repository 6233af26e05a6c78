namespace AsyncLead.Slack.Payloads;

/// <summary><c>view_submission</c>: a modal's submit button. The ack may carry a <c>response_action</c>.</summary>
public sealed record ViewSubmissionPayload : InteractionPayload
{
    public string? TriggerId { get; init; }
    public required SlackView View { get; init; }
    public IReadOnlyList<ViewResponseUrl> ResponseUrls { get; init; } = [];
}
