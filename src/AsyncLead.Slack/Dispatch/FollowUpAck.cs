using AsyncLead.Slack.BlockKit;

namespace AsyncLead.Slack.Dispatch;

/// <summary>An ack and the work that follows it; see <see cref="SlackAck.AckThen"/>. The dispatcher sends only <see cref="Ack"/>.</summary>
public sealed record FollowUpAck(SlackAck Ack, Func<CancellationToken, Task<MessageAck?>> Then, string? FailureNotice) : SlackAck;
