-- slack_channel_members now holds the people of every learned channel, public ones too, so who is in a team's channel is
-- read here (kept fresh by member_joined_channel / member_left_channel) instead of asked of conversations.members.
-- Public channels learned before held no members: marking them long unlearned makes the next read learn them again.
UPDATE slack_channels SET learned_at = '1970-01-01T00:00:00Z' WHERE NOT is_private;
