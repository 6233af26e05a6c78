using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Payloads;

namespace AsyncLead.Slack.Posting;

public sealed class ChannelUnarchiveHandler(BotChannelMembership membership) : BotChannelEvents(membership, "channel_unarchive", isMember: null);
