namespace AsyncLead.Slack.BlockKit;

public sealed record ActionsBlock(IReadOnlyList<BlockElement> Elements) : Block("actions");
