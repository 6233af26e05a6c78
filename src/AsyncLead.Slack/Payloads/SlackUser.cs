namespace AsyncLead.Slack.Payloads;

/// <summary>
/// A person: the short form an interaction carries (<see cref="Id"/>, <see cref="Username"/>, <see cref="TeamId"/>)
/// or the whole of users.info, above all their time zone.
/// </summary>
public sealed record SlackUser
{
    public required string Id { get; init; }

    public string? TeamId { get; init; }

    /// <summary>The handle (users.info's <c>name</c>; on interactions also <see cref="Username"/>).</summary>
    public string? Name { get; init; }

    public string? Username { get; init; }

    public string? RealName { get; init; }

    /// <summary>IANA time zone, e.g. <c>Europe/Berlin</c>.</summary>
    public string? Tz { get; init; }

    public string? TzLabel { get; init; }

    /// <summary>Current offset from UTC in seconds (changes with DST; prefer <see cref="Tz"/>).</summary>
    public int? TzOffset { get; init; }

    public bool IsBot { get; init; }

    public bool Deleted { get; init; }

    /// <summary>A workspace admin; with <see cref="IsOwner"/>, who may change any team's setup.</summary>
    public bool IsAdmin { get; init; }

    public bool IsOwner { get; init; }

    public SlackUserProfile? Profile { get; init; }
}
