using System.Text;
using AsyncLead.Slack.Payloads;

namespace AsyncLead.Slack.WebApi;

/// <summary>The installing person; their user token is only present when user scopes were requested.</summary>
public sealed record OAuthAuthedUser(string Id)
{
    public string? Scope { get; init; }

    public string? AccessToken { get; init; }

    public string? TokenType { get; init; }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"Id = {Id}, Scope = {Scope}, TokenType = {TokenType}");
        return true;
    }
}
