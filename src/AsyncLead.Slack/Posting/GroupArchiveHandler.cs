using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Payloads;

namespace AsyncLead.Slack.Posting;

public sealed class GroupArchiveHandler(BotChannelMembership membership) : BotChannelEvents(membership, "group_archive", isMember: false);
