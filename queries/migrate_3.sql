-- Schema version 3: the counts every analysis reads (see schema.sql),
-- built from each stored consultation's responses by counts_upgrade.
CREATE TABLE answer_counts (
	source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
	kind      TEXT NOT NULL,
	slots     TEXT NOT NULL,
	codes     TEXT NOT NULL,
	day       INTEGER NOT NULL,
	responses INTEGER NOT NULL,
	PRIMARY KEY (source_id, kind, slots, codes, day)
) WITHOUT ROWID;
