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

/// <summary>The Web API acting in one workspace, one small interface per area.</summary>
public interface ISlackApi
{
    string TeamId { get; }

    IChatApi Chat { get; }

    IViewsApi Views { get; }

    IUsersApi Users { get; }

    IConversationsApi Conversations { get; }

    IAuthApi Auth { get; }
}

/// <summary>
/// Where bot tokens come from, implemented by the app: a single workspace's <c>Slack__BotToken</c>, or installs stored
/// after OAuth. Called once per Web API call, so implementations cache.
/// </summary>
public interface ISlackTokenSource
{
    ValueTask<string> GetBotTokenAsync(string teamId, CancellationToken cancellationToken);
}
