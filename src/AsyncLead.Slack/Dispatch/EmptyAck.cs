using AsyncLead.Slack.BlockKit;

namespace AsyncLead.Slack.Dispatch;

public sealed record EmptyAck : SlackAck;
