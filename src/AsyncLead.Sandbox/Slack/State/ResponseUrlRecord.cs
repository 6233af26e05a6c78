namespace AsyncLead.Sandbox.Slack.State;

/// <summary>A response_url: up to 5 posts within 30 minutes of issue.</summary>
internal sealed class ResponseUrlRecord
{
    public const int MaxUses = 5;
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    public required string Id { get; init; }
    public required string TeamId { get; init; }
    public required string ChannelId { get; init; }
    public required string UserId { get; init; }

    /// <summary>The message the interaction came from, which replace_original / delete_original act on.</summary>
    public string? MessageTs { get; init; }

    public required DateTimeOffset IssuedAt { get; init; }
    public int Uses { get; set; }
}
