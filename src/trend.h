/*
 * trend.h — how each group's representation has moved across consultations:
 * its representation ratio in every consultation closing in a window, by
 * closing date, and a straight line fitted to the log of the ratio, each
 * consultation weighted by its count (stats_ratio_trend), read as the
 * ratio's change a year. Counts from 1 to under the suppression threshold,
 * and those the consultation's published report withholds besides so that
 * no total gives a small one away, are withheld with their ratios and left
 * out of the fit (so the line cannot be solved for them).
 */
#ifndef REACH_TREND_H
#define REACH_TREND_H

#include <stdio.h>

#include "compare.h"

struct trend_point {
	char *slug, *closed;
	double year;                    /* the closing date as a year with its fraction */
	double n;                       /* respondents in the group */
	double known;                   /* answers in compared categories: the base of its share */
	double population_share;        /* the group's census share */
	struct stats_interval ratio;
	int withheld;                   /* n not shown in the consultation's published report (disclose_suppress):
	                                   n and ratio not shown, not fitted */
	int secondary;                  /* withheld though not small, so that no total gives a small one away */
	double weight;                  /* in the fit (stats_log_ratio_weight); 0 when not fitted */
	double log_ratio_se;            /* 1 / sqrt(weight): the log ratio's standard error; NaN when not fitted */
};

struct trend_series {
	char *dimension, *code, *label;
	struct trend_point *points;
	size_t npoints;
	struct stats_ratio_trend fit;   /* log ratio against year; the ratio's change a year */
	size_t nwithheld;               /* points withheld */
};

struct trend {
	struct trend_series *series;
	size_t nseries;
	char geography[32];
	char source[256];               /* the census figures' credit (compare.source) */
	double confidence;
	int suppress;                   /* counts from 1 to under this are withheld; 0: none */
	int rounding;           /* every count rounded to a multiple of this (--round); 0: exact */
};

/*
 * The series of the categories or groups CODES (NULL: every roll-up and age
 * group, such as bme and 75+) over the consultations closing from FROM to
 * TO (either NULL), each compared as O says. A consultation whose answers
 * cannot form a group leaves a gap in that series. A count the published
 * report withholds at SUPPRESS (0: none; disclose_suppress) is withheld with
 * its ratio and left out of the fit, which would give it away. NULL with ERR set; trend_free frees the result.
 */
struct trend *trend_run(struct store *s, const struct taxonomy *t, const char *from, const char *to,
    char *const *codes, size_t ncodes, const struct compare_options *o, int suppress, struct reach_error *err);
void trend_free(struct trend *tr);

/* Writes TR as text for a terminal, or as JSON (see docs/report-json.md, the trend document). */
void trend_text(const struct trend *tr, FILE *out);
void trend_json(const struct trend *tr, FILE *out);

#endif
