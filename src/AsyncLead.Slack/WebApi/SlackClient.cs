using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;

namespace AsyncLead.Slack.WebApi;

internal sealed class SlackClient(SlackApiTransport transport, ISlackTokenSource tokens, IOptions<SlackOptions> options) : ISlackClient
{
    public IOAuthApi OAuth { get; } = new OAuthApi(new SlackCaller(transport, _ => ValueTask.FromResult(ClientCredentials(options.Value))));

    public IAppsApi Apps { get; } = new AppsApi(new SlackCaller(transport, _ => ValueTask.FromResult(AppToken(options.Value))));

    public ISlackApi ForWorkspace(string teamId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(teamId);
        return new WorkspaceApi(teamId, new SlackCaller(transport, async cancellationToken => Bearer(await tokens.GetBotTokenAsync(teamId, cancellationToken))));
    }

    private static AuthenticationHeaderValue Bearer(string token) => new("Bearer", token);

    private static AuthenticationHeaderValue AppToken(SlackOptions slack) =>
        string.IsNullOrWhiteSpace(slack.AppToken)
            ? throw new InvalidOperationException("Slack__AppToken is not set; Socket Mode needs an app-level token (xapp-…).")
            : Bearer(slack.AppToken);

    private static AuthenticationHeaderValue ClientCredentials(SlackOptions slack) =>
        string.IsNullOrWhiteSpace(slack.ClientId) || string.IsNullOrWhiteSpace(slack.ClientSecret)
            ? throw new InvalidOperationException("Slack__ClientId and Slack__ClientSecret are not set; OAuth installs need both.")
            : new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{slack.ClientId}:{slack.ClientSecret}")));

    private sealed class WorkspaceApi(string teamId, SlackCaller slack) : ISlackApi
    {
        public string TeamId => teamId;

        public IChatApi Chat { get; } = new ChatApi(slack);

        public IViewsApi Views { get; } = new ViewsApi(slack);

        public IUsersApi Users { get; } = new UsersApi(slack);

        public IConversationsApi Conversations { get; } = new ConversationsApi(slack);

        public IAuthApi Auth { get; } = new AuthApi(slack);

        public IDndApi Dnd { get; } = new DndApi(slack);
    }
}
