namespace AsyncLead.Slack.BlockKit;

public sealed record DividerBlock() : Block("divider");
