namespace AsyncLead.Slack.BlockKit;

public sealed record ConversationFilter
{
    public IReadOnlyList<ConversationKind>? Include { get; init; }

    public bool? ExcludeBotUsers { get; init; }

    public bool? ExcludeExternalSharedChannels { get; init; }
}
