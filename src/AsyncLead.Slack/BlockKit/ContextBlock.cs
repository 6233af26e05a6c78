namespace AsyncLead.Slack.BlockKit;

/// <summary>Small grey text. Image elements are not used by AsyncLead, so elements are text objects only.</summary>
public sealed record ContextBlock(IReadOnlyList<TextObject> Elements) : Block("context");
