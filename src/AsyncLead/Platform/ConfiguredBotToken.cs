using AsyncLead.Slack;
using AsyncLead.Slack.WebApi;
using Microsoft.Extensions.Options;

namespace AsyncLead.Platform;

/// <summary>Single-workspace mode: every Web API call uses <c>Slack__BotToken</c>.</summary>
public sealed class ConfiguredBotToken(IOptions<SlackOptions> options) : ISlackTokenSource
{
    public ValueTask<string> GetBotTokenAsync(string teamId, CancellationToken cancellationToken) =>
        options.Value.BotToken is { Length: > 0 } token
            ? ValueTask.FromResult(token)
            : throw new InvalidOperationException(
                $"No bot token for workspace {teamId}: set Slack__BotToken, or install the app through /slack/install.");
}
