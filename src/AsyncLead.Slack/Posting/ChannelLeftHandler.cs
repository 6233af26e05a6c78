using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Payloads;

namespace AsyncLead.Slack.Posting;

public sealed class ChannelLeftHandler(BotChannelMembership membership) : BotChannelEvents(membership, "channel_left", isMember: false);
