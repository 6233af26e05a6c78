namespace AsyncLead.Slack.WebApi;

/// <summary>
/// Where bot tokens come from, implemented by the app: a single workspace's <c>Slack__BotToken</c>, or installs stored
/// after OAuth. Called once per Web API call, so implementations cache.
/// </summary>
public interface ISlackTokenSource
{
    ValueTask<string> GetBotTokenAsync(string teamId, CancellationToken cancellationToken);
}
