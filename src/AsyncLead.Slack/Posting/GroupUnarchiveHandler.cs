using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Payloads;

namespace AsyncLead.Slack.Posting;

public sealed class GroupUnarchiveHandler(BotChannelMembership membership) : BotChannelEvents(membership, "group_unarchive", isMember: null);
