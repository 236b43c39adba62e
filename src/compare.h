/*
 * compare.h — who was reached: a consultation's respondents (or several
 * consultations' pooled) against the census population, dimension by
 * dimension. Counts respondents per category from the stored tags (ages
 * from intervals, years or dates of birth; the two-question disability form
 * combined), finds each category's eligible population in the baseline, and
 * hands the numbers to stats.c. No printing: report.c writes the result.
 */
#ifndef REACH_COMPARE_H
#define REACH_COMPARE_H

#include <stddef.h>
#include <stdint.h>

#include "baseline.h"
#include "stats.h"
#include "store.h"
#include "tag.h"

struct compare_options {
	const char *geography;  /* census area; NULL: the default (see baseline_geography) */
	int min_age;            /* eligible residents' youngest age; -1: the consultations' own */
	double confidence;      /* of every interval; 0: 0.95 */
	const char *age_bands;  /* bands for exact ages, "16-24,25-44,45-64,65+"; NULL: census broad bands */
	unsigned long seed;     /* of the Monte Carlo test; 0: the default, so reports repeat */
	int weighted;           /* also rake to the census and weight the closed questions */
	int no_test;            /* skip the chi-square test (and its Monte Carlo draws): figures only */
	double weight_cap;      /* largest weight as a multiple of the mean; 0: the default (5), < 0: none */
	enum stats_adjust adjust;       /* of the parity p-values across the report, for the readings */
	int round;              /* round every count to a multiple of this before any figure (0: exact) */
	const char *submitted_to;       /* "YYYY-MM-DD": count only the responses submitted on or before it, those
	                                   with no submitted date left out (reach progress); NULL: every response */
	const struct baseline *baseline;        /* the census figures compared with, loaded once (baseline_load) by a
	                                           caller running many comparisons; NULL: those of GEOGRAPHY, loaded */
};

/* One category or roll-up group of a dimension. */
struct compare_category {
	char *code, *label;
	char *definition;       /* groups: what they hold; NULL for categories */
	int age_min, age_max;   /* age: the interval (age_max -1: no limit); otherwise -1, -1 */
	double n;               /* respondents */
	double population;      /* eligible residents; NaN when the census has no figure */
	struct stats_category st;       /* share, population share, ratio, rate per 1,000, p-values, reading */
	double partial_r;       /* unconditional partial R-indicator; NaN for groups */
	double only_group;      /* groups: answers that named only the group ("BAME"), in n and its base */
	int overlaps;           /* age: its band shares ages with another band answered: not compared */
};

/* Why a dimension's table is not shown (words.h words each). */
enum compare_warning {
	COMPARE_SHOWN,                  /* nothing withheld */
	COMPARE_MOSTLY_UNMATCHED,       /* over half the answers given match no rule: counts only */
	COMPARE_NONE_KNOWN              /* no answer in a compared category: nothing to show */
};

struct compare_dimension {
	char *name;
	enum compare_warning warning;   /* COMPARE_SHOWN, or why only counts are given */             /* age, sex, ethnicity, ethnicity_detailed, disability, … */
	double responses;       /* responses to consultations that asked it */
	double known;           /* answers in compared categories: the base of every share */
	double missing, declined, unmatched;
	double broad;           /* ethnicity_detailed: answered only at the five-group level */
	double below_min_age;   /* age: younger than the eligible age, left out */
	double not_compared;    /* answers in categories the census has no figure for */
	double overlapping;     /* age: answers in bands that overlap another band answered, not compared */
	char **not_pooled;      /* age, pooled: the consultations whose bands could not be pooled */
	size_t nnot_pooled;
	int compared;           /* a census baseline is held for it */
	struct compare_category *cats;
	size_t ncats;
	struct compare_category *groups;
	size_t ngroups;
	double population;      /* eligible residents in the compared categories */
	int base_min_age;       /* youngest age the census figures cover (0: all ages) */
	int rounding;           /* counts rounded to a multiple of this (compare_options.round); 0: exact */
	double left_out;        /* rounded: the answers left out otherwise, rounded once (exact: derived) */
	struct stats_chisq test;
	struct stats_scores scores;
	char **notes;
	size_t nnotes;
};

/* One answer to a closed question, raw and weighted. */
struct compare_answer {
	char *text;
	double n;                       /* respondents giving it */
	struct stats_interval raw;      /* share of those answering, with Wilson interval */
	struct stats_weighted weighted; /* share of the same respondents, weighted; interval from the raked design */
};

struct compare_question {
	char *text;
	int multi;                      /* options ticked separately: shares may sum past 1 */
	double answered;                /* respondents answering */
	struct compare_answer *answers;
	size_t nanswers;
};

/* How many notes the weighting may leave (compare_weights.notes). */

/*
 * Every respondent raked to census margins (age, sex, ethnic group), a
 * respondent whose category is not known on a margin in a group of its own,
 * and what that changes.
 */
struct compare_weights {
	char *margins;                  /* the dimensions raked on, e.g. "age, sex, ethnicity" */
	double raked;                   /* respondents weighted: all of them */
	double cap;                     /* largest weight allowed, as a multiple of the mean; 0: none */
	struct stats_rake_result result;
	char **notes;                   /* what was pooled, how the not known were weighted */
	size_t nnotes;
	struct compare_question *questions;
	size_t nquestions;
};

struct compare_consultation {
	char *slug, *title, *platform, *opened, *closed;
	long min_age;
	uint64_t responses;
};

struct compare {
	struct compare_consultation *consultations;
	size_t nconsultations;
	uint64_t responses;
	char geography[32], geography_name[128], census_date[16], source[256];
	int min_age;
	double eligible_residents;      /* aged min_age and over, from single years of age; NaN without them */
	double crude_rate_per_1000;     /* every response per 1,000 eligible residents: the rate to quote; NaN as above */
	double confidence;
	enum stats_adjust adjust;       /* how the readings' p-values were adjusted */
	int rounding;                   /* every count rounded to a multiple of this; 0: exact */
	size_t comparisons;     /* categories and groups compared with a residents' share (a p-value each) */
	struct compare_dimension *dims;
	size_t ndims;
	char **notes;           /* about the whole comparison */
	size_t nnotes;
	int equality_questions; /* some consultation asked an equality question (ndims > 0) */
	struct compare_weights *weights;        /* with options.weighted, one consultation; else NULL */
};

/*
 * Compares the consultations SLUGS (one, or several pooled) with the
 * census. Returns NULL with ERR set when a consultation or the baseline is
 * missing. The caller frees the result with compare_free.
 */
struct compare *compare_run(struct store *s, const struct taxonomy *t, char *const *slugs, size_t nslugs,
    const struct compare_options *o, struct reach_error *err);
void compare_free(struct compare *c);

/*
 * The census figures O compares with (O's geography, else the default one):
 * for a caller that runs many comparisons to load once and give each as
 * o->baseline. NULL with ERR set when none are held; the caller frees it
 * with baseline_free.
 */
struct baseline *compare_baseline(struct store *s, const struct compare_options *o, struct reach_error *err);

/*
 * Reads every compared category's evidence of C again from p-values
 * adjusted across the report (compare_options.adjust), with 1 in place of
 * the p-value of each category HIDDEN(d, category, ARG) says is hidden:
 * the readings then rest on nothing hidden, and are no less cautious than
 * with the true p-values (Holm and BH adjust a p-value down only for
 * smaller ones). Nothing changes without an adjustment.
 */
void compare_adjust_without(struct compare *c,
    int (*hidden)(const struct compare_dimension *d, const struct compare_category *cat, void *arg), void *arg);

/* The dimension NAME of C, or NULL when no consultation asked it. */
const struct compare_dimension *compare_dimension(const struct compare *c, const char *name);

/* The category or group CODE of D ("18-24", "75+", "bme", "female"), or NULL. */
const struct compare_category *compare_find(const struct compare_dimension *d, const char *code);

/*
 * The shortfall of category or group C of D: how many more responses from
 * it, every other answer unchanged, would have brought its representation
 * ratio to TARGET (POLICY_PARITY_TARGET, or 1 for parity), by
 * stats_shortfall over the base of its share, rounded up to whole
 * responses; 0 when it reaches TARGET; NaN when it has no census share (or
 * no number of responses reaches TARGET).
 */
double compare_shortfall(const struct compare_dimension *d, const struct compare_category *c, double target);

/*
 * The slugs of the consultations closing from FROM to TO (either may be
 * NULL) on PLATFORM (NULL: any), in closing order. The caller frees each
 * slug and the array. 0, or -1 with ERR set.
 */
int compare_select(struct store *s, const char *from, const char *to, const char *platform, char ***slugs,
    size_t *n, struct reach_error *err);

/*
 * Do the census figures of every dimension of C that is shown compared cover
 * exactly the ages invited (C's min_age)? When not, a report's heading must
 * not claim them for every dimension.
 */
int compare_bases_match(const struct compare *c);

#endif
