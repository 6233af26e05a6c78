namespace AsyncLead.Slack.WebApi;

/// <summary>
/// The Slack Web API. Workspace methods need that workspace's bot token, so they hang off <see cref="ForWorkspace"/>;
/// OAuth and Apps authenticate as the app itself.
/// </summary>
public interface ISlackClient
{
    /// <summary>The API acting as the bot installed in <paramref name="teamId"/> (its token comes from <see cref="ISlackTokenSource"/>).</summary>
    ISlackApi ForWorkspace(string teamId);

    /// <summary>Uses <c>Slack__ClientId</c> and <c>Slack__ClientSecret</c>.</summary>
    IOAuthApi OAuth { get; }

    /// <summary>Uses <c>Slack__AppToken</c>.</summary>
    IAppsApi Apps { get; }
}
