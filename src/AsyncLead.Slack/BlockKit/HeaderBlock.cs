namespace AsyncLead.Slack.BlockKit;

public sealed record HeaderBlock(PlainText Text) : Block("header");
