using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Payloads;

namespace AsyncLead.Slack.Posting;

public sealed class ChannelArchiveHandler(BotChannelMembership membership) : BotChannelEvents(membership, "channel_archive", isMember: false);
