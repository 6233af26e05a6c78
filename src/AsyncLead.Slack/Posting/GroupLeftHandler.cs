using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Payloads;

namespace AsyncLead.Slack.Posting;

public sealed class GroupLeftHandler(BotChannelMembership membership) : BotChannelEvents(membership, "group_left", isMember: false);
