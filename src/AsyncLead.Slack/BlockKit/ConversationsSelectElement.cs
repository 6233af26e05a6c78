namespace AsyncLead.Slack.BlockKit;

public sealed record ConversationsSelectElement(string ActionId) : BlockElement("conversations_select", ActionId)
{
    public string? InitialConversation { get; init; }

    public bool? DefaultToCurrentConversation { get; init; }

    public ConversationFilter? Filter { get; init; }

    /// <summary>In modals: include a <c>response_url</c> for the picked conversation in view_submission.</summary>
    public bool? ResponseUrlEnabled { get; init; }

    public PlainText? Placeholder { get; init; }

    public ConfirmDialog? Confirm { get; init; }
}
