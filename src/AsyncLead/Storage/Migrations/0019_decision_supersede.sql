-- A decision can be superseded (issue 16): a new doc names the decided one it replaces (supersedes, a DEC number of the
-- same workspace); when the new doc is decided, the old one records it (superseded_by). A withdrawn or lapsed new doc
-- leaves the old one as it was.
ALTER TABLE decisions ADD COLUMN supersedes int;
ALTER TABLE decisions ADD COLUMN superseded_by int;
