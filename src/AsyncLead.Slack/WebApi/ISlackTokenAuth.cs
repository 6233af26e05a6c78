using System.Net.Http.Headers;

namespace AsyncLead.Slack.WebApi;

/// <summary>
/// auth.test for a bot token the app holds itself, outside <see cref="ISlackTokenSource"/> (which may be what asks):
/// e.g. to learn which workspace <c>Slack__BotToken</c> belongs to.
/// </summary>
public interface ISlackTokenAuth
{
    Task<AuthIdentity> TestAsync(string botToken, CancellationToken cancellationToken);
}
