using AsyncLead.Slack.BlockKit;

namespace AsyncLead.Slack.WebApi;

/// <summary>Where a message landed: store <see cref="Ts"/> at once, it is the message's id.</summary>
public sealed record PostedMessage(string Channel, string Ts);
