-- A quorum that knows who is away (issue 16). Slack's custom status is kept with each member, as it can say they are
-- out of office. A doc is ready when every reviewer answered (all) or a majority approved (majority); reviewers away
-- for the rest of the review are excused, decided live while it is open and kept here when it closes. A hold blocks
-- like a concern, with a reason, until released.
ALTER TABLE members ADD COLUMN status_text text;
ALTER TABLE members ADD COLUMN status_emoji text;
ALTER TABLE members ADD COLUMN status_expires_at timestamptz;

ALTER TABLE decisions ADD COLUMN quorum text NOT NULL DEFAULT 'all' CHECK (quorum IN ('all', 'majority'));
ALTER TABLE decision_reviewers ADD COLUMN excused text CHECK (excused IN ('away', 'out_of_office'));

ALTER TABLE decision_responses DROP CONSTRAINT decision_responses_answer_check;
ALTER TABLE decision_responses ADD CONSTRAINT decision_responses_answer_check
    CHECK (answer IN ('approve', 'concern', 'question', 'abstain', 'hold'));
ALTER TABLE decision_concerns DROP CONSTRAINT decision_concerns_kind_check;
ALTER TABLE decision_concerns ADD CONSTRAINT decision_concerns_kind_check CHECK (kind IN ('concern', 'question', 'hold'));
