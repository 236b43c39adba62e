/*
 * compare_run.h — the working state of one comparison, shared by the three
 * files that make it and by nothing else: count.c fills the tallies from the
 * stored tags, compare.c builds each dimension against the census, weight.c
 * rakes the respondents and weighs the closed questions. Not a public
 * header: other modules use compare.h.
 */
#ifndef REACH_COMPARE_RUN_H
#define REACH_COMPARE_RUN_H

#include <stddef.h>

#include "columns.h"
#include "compare.h"
#include "table.h"

/* The dimensions reported, in order; ethnicity_detailed follows ethnicity. NULL-terminated. */
extern const char *const compare_report_dimensions[];

/* The tag of one answer code, as stored in value_tags. */
struct tag_entry {
	enum tag_status status;
	int category;           /* index into the dimension's taxonomy categories, or -1 */
	int rollup;             /* broad answers naming a roll-up ("BAME"): its index, or -1 */
	int age_min, age_max;   /* an age answered as an interval */
	long number;            /* a birth year, or a date of birth in days */
};

/* One question's tags in one dimension. */
struct question_tags {
	size_t slot;
	enum role role;
	const char *dimension;
	struct tag_entry *by_code;      /* [code - 1] */
	size_t n;
};

/* An age interval answered, or an exact age (lo == hi), with how many gave it. */
struct interval {
	int lo, hi;             /* hi -1: no upper limit */
	double n;
	int exact;              /* an age, a year or a date of birth, not a band answered */
	size_t source;          /* the consultation (index into compare.consultations) */
};

/* One consultation's age answers that are not ages: kept apart so a pooled comparison can leave it out. */
struct age_source {
	double responses, missing, declined, unmatched;
};

/* Counts of one dimension across the consultations. */
struct tally {
	const char *dimension;
	const struct tag_category *categories;
	size_t ncategories;
	double *n;              /* per category */
	double *rollup_only;    /* per roll-up: answers naming only it */
	struct interval *ages;
	size_t nages;
	struct age_source *sources;     /* age: per consultation counted */
	size_t nsources;
	double responses, missing, declined, unmatched, broad;
	double not_compared;    /* answers to a form of the question the census cannot be compared with */
	double condition_yes;   /* disability: of those, answers of a condition (the condition question alone) */
	char **notes;           /* what the counting found (the form of question asked), for the dimension */
	size_t nnotes;
};

struct age_band {
	int lo, hi;
};

/* The margins respondents are raked to (weight_margin_names in weight.h); the first is age. */
#define WEIGHT_MARGINS 3

/* A closed question of the consultation, for weighting. */
struct closed {
	size_t slot;
	char *text;
	int multi;
	char **options;                 /* its answers; for a multi-select question, each option */
	size_t noptions;
	size_t **of_code;               /* of_code[code - 1]: the options that answer gives */
	size_t *nof_code;
	size_t nvalues;                 /* answer codes 1 … nvalues */
	size_t offset;                  /* where its counts start in a cell's tally */
};

/* Respondents alike on every margin: age interval, sex and ethnic group (indexes, -1 unknown). */
struct cell {
	int key[WEIGHT_MARGINS];
	double n;
	double *tally;                  /* per closed question: answered, then each option */
};

struct run {
	struct store *s;
	const struct taxonomy *t;
	const struct compare_options *o;
	struct compare *c;
	struct tally tallies[16];       /* parallel to compare_report_dimensions */
	struct age_band *bands;         /* for exact ages (compare.c cuts them at the bands answered) */
	size_t nbands;
	int exact_ages;                 /* some ages came from an age, a year or a date of birth */
	struct closed *closed;          /* with options.weighted: the closed questions */
	size_t nclosed, tally_len;
	struct cell *cells;
	size_t ncells;
	/* The consultation being counted. */
	struct question_tags *qt;
	size_t nqt;
	const struct question_tags *age_question;       /* the age question counted (count.c), or NULL */
	size_t *cell_slots;             /* the questions its weighting cells were counted on (counts.h) */
	size_t ncell_slots;
	long closed_days;               /* its closing date, or -1 */
	long submitted_to_days;         /* options.submitted_to in days, or -1: responses after it are not counted */
	/* The first statistic that could not be computed (sticky): compare_run then fails. */
	int stats_status;               /* STATS_OK, or that statistic's status */
	char stats_failed[160];         /* what it was, e.g. "the chi-square test of age" */
	struct reach_error *err;
};

/* The tally of DIMENSION in R, or NULL when it is not reported. Defined in compare_run.c. */
struct tally *compare_tally(struct run *r, const char *dimension);

/* The index of CODE among the N categories CATS, or -1 (also for a NULL code). Defined in compare_run.c. */
int compare_category_index(const struct tag_category *cats, size_t n, const char *code);

/* Appends a printf-formatted note to *NOTES (*N of them); the notes own it. Defined in compare_run.c. */
void compare_note(char ***notes, size_t *n, const char *fmt, ...) REACH_PRINTF(3, 4);

/*
 * Records the STATUS a statistic returned; WHAT (printf-formatted) names
 * it. The first status that is not STATS_OK sticks in R, and compare_run
 * then fails naming it. Returns STATUS. Defined in compare_run.c.
 */
int compare_stats_check(struct run *r, int status, const char *what, ...) REACH_PRINTF(3, 4);

/* X rounded to the nearest multiple of the options' round, halves up; X itself when counts are exact. */
double compare_rounded(const struct run *r, double x);

/*
 * With counts rounded (compare_options.round), rounds each count of D
 * (categories, responses, missing, declined, unmatched, the answers left out
 * otherwise, once each) and the counts of answers in its notes, and makes
 * the known answers the sum of the rounded categories compared: every
 * figure computed after this rests only on rounded counts.
 */
void compare_round_dimension(struct run *r, struct compare_dimension *d);

/*
 * Reads the age band of every row of TB, a table with the columns min_age
 * and max_age (empty: no upper limit), into *BANDS (tb->nrows of them; hi
 * -1: no limit; the caller frees). 0, or -1 with ERR naming the file and
 * line of the first age that is not one from 0 to POLICY_AGE_LIMIT, or a
 * max_age below its min_age (*BANDS is then NULL). Defined in compare_run.c.
 */
int compare_table_bands(const struct table *tb, struct age_band **bands, struct reach_error *err);

#endif
