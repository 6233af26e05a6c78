using System.Net.Http.Headers;

namespace AsyncLead.Slack.WebApi;

public sealed record AuthIdentity(string TeamId, string UserId)
{
    public string? Url { get; init; }

    public string? Team { get; init; }

    public string? User { get; init; }

    public string? BotId { get; init; }

    public string? EnterpriseId { get; init; }

    public bool IsEnterpriseInstall { get; init; }
}
