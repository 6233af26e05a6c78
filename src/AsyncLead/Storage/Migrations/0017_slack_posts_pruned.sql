-- Finished post marks are pruned after a while (SlackPostLedger.KeptFor), oldest first, a batch with each new post.
CREATE INDEX slack_posts_posted_at ON slack_posts (posted_at) WHERE posted_at IS NOT NULL;
