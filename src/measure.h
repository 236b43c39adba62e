/*
 * measure.h — the plans, actions and indicators held (the book), and each
 * indicator measured over its windows of consultations: the readings of
 * each consultation, each window's value, each indicator's status and each
 * action's status and overdue. It computes; actions.c and evidence.c write.
 */
#ifndef REACH_MEASURE_H
#define REACH_MEASURE_H

#include "plan.h"
#include "util.h"

/* One consultation's (or one comparison's) reading of an indicator. */
struct measure_reading {
	char *slug;
	double estimate, lower, upper;  /* NaN when it gives no value */
	double hits, judged;            /* share_at_least: categories at the threshold of those judged; asked: 1 of 1 */
	double shortfall_target, shortfall_parity;      /* ratio: more responses from the group that would have
	                                   reached POLICY_PARITY_TARGET and parity (compare_shortfall); else NaN */
	char **dims;                    /* baselines: the dimensions compared with the census */
	size_t ndims;
	struct buf brief;               /* the value, short: "0.47", "2 of 3", "asked" */
	struct buf showed;              /* what it showed, in words */
	int hidden;                     /* a figure it shows rests on a count a published report withholds
	                                   (measure_mark_hidden); what it measures is the same either way */
};

/* A window of an indicator: its consultations, their readings, its value. */
struct measure_window {
	const char *from, *to, *platform;       /* NULL: no limit; platform "!NAME": every other */
	int defined;
	struct measure_reading *readings;
	size_t n, used;                 /* consultations in it; those that gave a value */
	struct plan_value value;
	double hits, judged;
	char **dims;                    /* baselines: every dimension compared in it */
	size_t ndims;
};

/* An indicator as held, with its two windows measured. */
struct measure_indicator {
	char *code, *plan, *label, *metric_name, *dimension, *group, *comparison_name, *note;
	char *span[2][3];               /* baseline, then measured window: from, to, platform; NULL if blank */
	enum plan_metric metric;
	enum plan_comparison comparison;
	double threshold, target;
	struct measure_window w[2];     /* 0: the baseline window, 1: the window measured */
	enum plan_status status;
};

/* A plan as held, with the counts `reach plan list` shows. */
struct measure_plan {
	char *code, *title, *council, *start, *end, *status, *origin;
	long actions, measurable, indicators;
};

struct measure_action {
	char *plan, *code, *role, *objective, *text, *responsible, *due_text, *due_date, *success, *connections;
	size_t *inds;                   /* its indicators, as indices into book.inds */
	size_t ninds;
	enum plan_status status;
	int overdue;
};

/* Everything `reach actions` and the report's section show. */
struct measure_book {
	struct measure_plan *plans;
	size_t nplans;
	struct measure_action *actions;
	size_t nactions;
	struct measure_indicator *inds;
	size_t ninds;
	char as_of[11];                 /* YYYY-MM-DD for overdue, set by the caller before measuring */
	int suppress;                   /* each reading's hidden at this threshold (0: none), set the same way */
};

/*
 * Loads into B every plan held, and the actions and indicators of PLAN
 * (NULL: of every plan), each indicator once; nothing is measured yet. -1
 * with ERR set when the database fails or PLAN is not held; 0 otherwise.
 * Either way B is the caller's, freed with measure_book_free.
 */
__attribute__((warn_unused_result))
int measure_load_book(struct store *s, const char *plan, struct measure_book *b, struct reach_error *err);

/*
 * Measures every indicator of B over the consultations held, comparing
 * each with the census once as O says (without the test), and sets each
 * indicator's status and each action's status and overdue as of B->as_of.
 * 0, or -1 with ERR set when a comparison fails (B is then partly
 * measured, still the caller's to free).
 */
__attribute__((warn_unused_result))
int measure_run(struct store *s, const struct taxonomy *t, const struct compare_options *o, struct measure_book *b,
    struct reach_error *err);

/* Frees what B holds (not B itself); a zeroed B is fine. */
void measure_book_free(struct measure_book *b);

/* Sets each action's status from its indicators' and whether it is overdue on B's as_of date. */
void measure_action_statuses(struct measure_book *b);

/* Sets the from, to, platform and defined of IND's two windows from its spans; reads nothing. */
void measure_define_windows(struct measure_indicator *ind);

/*
 * Reads indicator IND from comparison C (one consultation, or several
 * pooled) into R, which must be zeroed; never fails. R's estimate is NaN
 * when C gives no value, and R->showed says why. The caller frees R with
 * measure_reading_free.
 */
void measure_read(const struct measure_indicator *ind, const struct compare *c, struct measure_reading *r);

/*
 * Sets R->hidden (R read from C by measure_read) when a figure R shows —
 * the group's count, share or ratio for ratio and asked; a judged
 * category's ratio for share_at_least; the lowest or highest rate for
 * rate_ratio — belongs to a count the published report of C withholds at
 * THRESHOLD (disclose_suppress: from 1 to under it, and the further counts
 * withheld so that no total gives one away). THRESHOLD 0: never. Never
 * fails; measures nothing.
 */
void measure_mark_hidden(const struct measure_indicator *ind, const struct compare *c, const struct taxonomy *t,
    int threshold, struct measure_reading *r);

/* IND's target in words, appended to B: "0.80 or more", "all (100 %)", "a rise on the baseline beyond its margin of error". */
void measure_target_words(struct buf *b, const struct measure_indicator *ind);

/* Frees what R holds (not R itself). */
void measure_reading_free(struct measure_reading *r);

#endif
