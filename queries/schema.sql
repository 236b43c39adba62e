-- The reach database, schema version 3. Created by the first reach command
-- that opens a new database file; `PRAGMA user_version` records the version.
-- Later versions add queries/migrate_N.sql, run in order.

CREATE TABLE meta (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
);

-- One consultation: what the council ran.
CREATE TABLE consultations (
	id       INTEGER PRIMARY KEY,
	slug     TEXT NOT NULL UNIQUE,          -- short name used on the command line
	title    TEXT,
	platform TEXT,                          -- e.g. "Let's Talk", "Citizen Space"
	opened   TEXT,                          -- YYYY-MM-DD
	closed   TEXT,                          -- YYYY-MM-DD
	min_age  INTEGER NOT NULL DEFAULT 16,   -- youngest age invited to respond
	age_bands_offered TEXT,                 -- the age bands the form offered, "16-24,25-34,…,85+"; NULL: as answered
	created  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

-- The export file a consultation's responses came from.
CREATE TABLE sources (
	id              INTEGER PRIMARY KEY,
	consultation_id INTEGER NOT NULL UNIQUE REFERENCES consultations(id) ON DELETE CASCADE,
	file_name       TEXT NOT NULL,          -- as given on the command line
	sha256          TEXT UNIQUE,            -- of the file's bytes; set when the ingest completes
	bytes           INTEGER NOT NULL DEFAULT 0,
	responses       INTEGER NOT NULL DEFAULT 0,
	blank_rows      INTEGER NOT NULL DEFAULT 0,
	ragged_rows     INTEGER NOT NULL DEFAULT 0,
	encoding        TEXT,                   -- as read: UTF-8, UTF-16LE, Windows-1252, …
	layout          TEXT,                   -- header shape
	header_rows     INTEGER,
	kept_text       INTEGER NOT NULL DEFAULT 0,
	date_order      TEXT NOT NULL DEFAULT 'auto', -- dates read: auto (as each column shows), day-first, month-first
	ingested        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

-- Every column of the export, stored or not, and how it was read.
CREATE TABLE columns (
	source_id     INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
	position      INTEGER NOT NULL,         -- 1-based
	header        TEXT NOT NULL,
	tag           TEXT,                     -- short id or export tag above the header
	option_label  TEXT,                     -- SurveyMonkey option under a question block
	role          TEXT NOT NULL,
	confidence    TEXT NOT NULL,            -- profile, high, medium, low
	question_slot INTEGER,                  -- the question it feeds, or NULL if not stored
	note          TEXT,                     -- why it is not stored
	PRIMARY KEY (source_id, position)
) WITHOUT ROWID;

-- A stored question: one answer per response (several option columns
-- of one multi-select question are joined with "; ").
CREATE TABLE questions (
	id        INTEGER PRIMARY KEY,
	source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
	slot      INTEGER NOT NULL,             -- position in responses.answers, from 0
	text      TEXT NOT NULL,
	tag       TEXT,
	role      TEXT NOT NULL,
	multi     INTEGER NOT NULL DEFAULT 0,
	UNIQUE (source_id, slot)
);

-- Each distinct raw answer of a question, once, with how many gave it.
CREATE TABLE answer_values (
	question_id INTEGER NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
	code        INTEGER NOT NULL,           -- 1, 2, …; 0 in answers means no answer
	raw         TEXT NOT NULL,
	responses   INTEGER NOT NULL,
	PRIMARY KEY (question_id, code)
) WITHOUT ROWID;

-- The responses, in blocks of up to 256 (see src/block.h for the
-- encoding): a million responses are a few thousand rows. Read them with
-- `reach export`.
CREATE TABLE response_blocks (
	source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
	first_seq INTEGER NOT NULL,             -- seq (1, 2, … in file order) of its first response
	responses INTEGER NOT NULL,             -- how many it holds
	lines     BLOB NOT NULL,                -- varint line of each, as a difference from the last
	submitted BLOB NOT NULL,                -- varint days since 1970-01-01 plus one, 0 unknown
	refs      BLOB NOT NULL,                -- the export's response ids, each ended by a NUL
	answers   BLOB NOT NULL,                -- varint answer_values code per question slot
	PRIMARY KEY (source_id, first_seq)
) WITHOUT ROWID;

-- What every analysis reads instead of the responses (src/counts.h): how
-- many responses gave each combination of answer codes to a few questions,
-- kept by ingest in its own transaction. Counts of codes, not of tags, so a
-- retag leaves them exact.
CREATE TABLE answer_counts (
	source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
	kind      TEXT NOT NULL,                -- answers (by submitted day), or cells (the weighting cells)
	slots     TEXT NOT NULL,                -- the question slots counted together, "2,5,7"; "": the responses alone
	codes     TEXT NOT NULL,                -- an answer_values code per slot, "3,0,1" (0: no answer)
	day       INTEGER NOT NULL,             -- submitted: days since 1970-01-01 plus one; 0 unknown or not kept
	responses INTEGER NOT NULL,
	PRIMARY KEY (source_id, kind, slots, codes, day)
) WITHOUT ROWID;

-- Free-text answers, only when ingested with --keep-text.
CREATE TABLE texts (
	source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
	seq       INTEGER NOT NULL,             -- the response, as in response_blocks
	slot      INTEGER NOT NULL,             -- the question
	text      TEXT NOT NULL,
	PRIMARY KEY (source_id, seq, slot)
) WITHOUT ROWID;

-- What each distinct answer of an equality question means, in each census
-- dimension it is compared in (ethnic group: both the 19 and the 5 groups).
-- Rebuilt from the taxonomy by `reach retag`, without re-reading any export.
CREATE TABLE value_tags (
	question_id INTEGER NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
	code        INTEGER NOT NULL,           -- the answer_values code
	dimension   TEXT NOT NULL,              -- age, sex, ethnicity, ethnicity_detailed, …
	status      TEXT NOT NULL,              -- category, missing, declined, broad, unmatched
	category    TEXT,                       -- the category code, when status is category
	age_min     INTEGER,                    -- age answered as an interval [age_min, age_max]
	age_max     INTEGER,                    -- NULL: no upper limit ("75+")
	number      INTEGER,                    -- a birth year, or a date of birth as days since 1970-01-01
	PRIMARY KEY (question_id, code, dimension)
) WITHOUT ROWID;

-- Census populations: COUNT residents of GEOGRAPHY_CODE in CATEGORY of
-- DIMENSION whose age lies in [min_age, max_age] (max_age NULL: no limit).
-- Age comes by single year, so any age band's population is an exact sum.
CREATE TABLE baselines (
	geography_code TEXT NOT NULL,
	geography_name TEXT,
	census_date    TEXT,
	table_name     TEXT,                    -- e.g. TS007
	dimension      TEXT NOT NULL,
	category       TEXT NOT NULL,
	min_age        INTEGER NOT NULL,
	max_age        INTEGER,
	count          INTEGER NOT NULL,
	source         TEXT NOT NULL,           -- with its licence
	origin         TEXT NOT NULL,           -- "built in", or the file it was imported from
	PRIMARY KEY (geography_code, dimension, table_name, category, min_age)
);
