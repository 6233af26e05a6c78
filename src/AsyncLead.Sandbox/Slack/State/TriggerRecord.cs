namespace AsyncLead.Sandbox.Slack.State;

/// <summary>A trigger_id handed to the app with an interaction: usable once, within 3 seconds.</summary>
internal sealed class TriggerRecord
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(3);

    public required string Id { get; init; }
    public required string TeamId { get; init; }
    public required string UserId { get; init; }
    public required DateTimeOffset IssuedAt { get; init; }
    public bool Exchanged { get; set; }
}
