-- A recorded decision can name the day to look at it again (issue 16): from that day, in the reader's own time zone,
-- its author and its team's lead find it on App Home and in the digest.
ALTER TABLE decisions ADD COLUMN revisit_on date;
