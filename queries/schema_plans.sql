-- Equality action plans: the plans, every action of each, and the
-- indicators that make some actions measurable from consultations.
-- Filled from seeds/plans/ and seeds/indicators.csv when a database is
-- created; `reach plan import FILE` adds a council's own. See docs/plans.md.

-- One plan, as its document names it.
CREATE TABLE plans (
	code            TEXT PRIMARY KEY,       -- short name used on the command line, e.g. mbc-2022
	title           TEXT NOT NULL,
	council         TEXT,
	period_start    TEXT,                   -- YYYY-MM-DD: the plan's period, its "plan window"
	period_end      TEXT,                   -- YYYY-MM-DD
	status          TEXT,                   -- as the council gives it: draft, adopted, …
	source_document TEXT,                   -- the document the actions were read from
	origin          TEXT NOT NULL           -- "built in", or the file it was imported from
);

-- Every action of a plan, in the plan's order.
CREATE TABLE actions (
	plan_code       TEXT NOT NULL REFERENCES plans(code) ON DELETE CASCADE,
	code            TEXT NOT NULL,          -- unique within the plan, e.g. mbc-2022-06
	position        INTEGER NOT NULL,       -- 1, 2, … in the plan's order
	role            TEXT,                   -- "As a Community Leader", …
	objective       TEXT,                   -- the aim or "We will …" it serves
	action          TEXT NOT NULL,
	responsible     TEXT,                   -- owner(s), "; " between teams
	due_text        TEXT,                   -- the date as the plan writes it: "Review Jan 2023"
	due_date        TEXT,                   -- the same as YYYY-MM-DD (the month's last day); NULL if none
	success_measure TEXT,                   -- "How will we know that this is done?"
	connections     TEXT,                   -- connections to other plans, "; " between them
	origin          TEXT NOT NULL,
	PRIMARY KEY (plan_code, code)
);

-- What makes an action measurable: a metric over the consultations closing
-- in a window, against a target. One row per indicator and action it
-- measures (an indicator may measure several actions of its plan).
CREATE TABLE indicators (
	code              TEXT NOT NULL,
	plan_code         TEXT NOT NULL,
	action_code       TEXT NOT NULL,
	label             TEXT NOT NULL,        -- what is measured, in words
	metric            TEXT NOT NULL,        -- ratio, rate_ratio, share_at_least, asked, baselines
	dimension         TEXT,                 -- age, sex, ethnicity, … (NULL for baselines)
	group_code        TEXT,                 -- a category or roll-up group: 18-24, 75+, bme, veteran
	threshold         REAL,                 -- share_at_least: the ratio each category must reach
	comparison        TEXT NOT NULL,        -- at_least, at_most, rise, fall
	target            REAL,                 -- at_least, at_most: the value to reach
	baseline_from     TEXT,                 -- the baseline window: consultations closing from … to …
	baseline_to       TEXT,
	baseline_platform TEXT,                 -- NULL any; NAME only that platform; !NAME every other
	window_from       TEXT,                 -- the window measured
	window_to         TEXT,
	window_platform   TEXT,
	note              TEXT,                 -- shown with the indicator
	origin            TEXT NOT NULL,
	PRIMARY KEY (code, plan_code, action_code)
);
