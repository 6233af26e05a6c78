using System.Text;
using AsyncLead.Slack.Payloads;

namespace AsyncLead.Slack.WebApi;

/// <summary>An install's credentials. Holds secrets: its <see cref="object.ToString"/> leaves them out.</summary>
public sealed record OAuthAccess(string AccessToken)
{
    public string? TokenType { get; init; }

    public string? Scope { get; init; }

    public string? BotUserId { get; init; }

    public string? AppId { get; init; }

    /// <summary>Absent for org-wide installs (<see cref="IsEnterpriseInstall"/>).</summary>
    public SlackTeam? Team { get; init; }

    public SlackEnterprise? Enterprise { get; init; }

    public bool IsEnterpriseInstall { get; init; }

    public OAuthAuthedUser? AuthedUser { get; init; }

    /// <summary>With token rotation: the <c>xoxe-</c> token that renews <see cref="AccessToken"/>.</summary>
    public string? RefreshToken { get; init; }

    /// <summary>With token rotation: seconds until <see cref="AccessToken"/> expires.</summary>
    public int? ExpiresIn { get; init; }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"TokenType = {TokenType}, Scope = {Scope}, BotUserId = {BotUserId}, AppId = {AppId}, Team = {Team}, ")
            .Append($"Enterprise = {Enterprise}, IsEnterpriseInstall = {IsEnterpriseInstall}, AuthedUser = {AuthedUser?.Id}, ExpiresIn = {ExpiresIn}");
        return true;
    }
}
