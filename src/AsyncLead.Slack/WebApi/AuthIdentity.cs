using System.Net.Http.Headers;
using System.Text.Json.Serialization;

namespace AsyncLead.Slack.WebApi;

public sealed record AuthIdentity(string TeamId, string UserId)
{
    public string? Url { get; init; }

    public string? Team { get; init; }

    public string? User { get; init; }

    public string? BotId { get; init; }

    public string? EnterpriseId { get; init; }

    public bool IsEnterpriseInstall { get; init; }

    /// <summary>The token's scopes, from the answer's <c>X-OAuth-Scopes</c> header; null when Slack sent none.</summary>
    [JsonIgnore]
    public IReadOnlyList<string>? Scopes { get; init; }
}
