namespace AsyncLead.Slack.WebApi;

/// <summary>The Web API acting in one workspace, one small interface per area.</summary>
public interface ISlackApi
{
    string TeamId { get; }

    IChatApi Chat { get; }

    IViewsApi Views { get; }

    IUsersApi Users { get; }

    IConversationsApi Conversations { get; }

    IAuthApi Auth { get; }

    IDndApi Dnd { get; }
}
