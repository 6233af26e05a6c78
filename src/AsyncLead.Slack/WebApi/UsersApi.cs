namespace AsyncLead.Slack.WebApi;

/// <summary>users.*: who someone is and, above all, their time zone.</summary>
public interface IUsersApi
{
    Task<SlackUser> InfoAsync(string userId, CancellationToken cancellationToken = default);
}

public sealed record SlackUser(string Id)
{
    public string? TeamId { get; init; }

    public string? Name { get; init; }

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

public sealed record SlackUserProfile
{
    public string? DisplayName { get; init; }

    public string? RealName { get; init; }

    /// <summary>The custom status ("Out of office", "Vacationing"…), empty when none.</summary>
    public string? StatusText { get; init; }

    public string? StatusEmoji { get; init; }

    /// <summary>When the status clears itself, in Unix seconds; 0 when it doesn't.</summary>
    public long? StatusExpiration { get; init; }
}

internal sealed class UsersApi(SlackCaller slack) : IUsersApi
{
    public async Task<SlackUser> InfoAsync(string userId, CancellationToken cancellationToken = default) =>
        (await slack.FormAsync<UserAnswer>("users.info", cancellationToken, ("user", userId))).User;

    private sealed record UserAnswer(SlackUser User);
}
