/*
 * trend.h — how each group's representation has moved across consultations:
 * its representation ratio in every consultation closing in a window, by
 * closing date, and a weighted straight-line fit with the slope's interval.
 */
#ifndef REACH_TREND_H
#define REACH_TREND_H

#include <stdio.h>

#include "compare.h"

struct trend_point {
	char *slug, *closed;
	double year;                    /* the closing date as a year with its fraction */
	double n;                       /* respondents in the group */
	struct stats_interval ratio;
};

struct trend_series {
	char *dimension, *code, *label;
	struct trend_point *points;
	size_t npoints;
	struct stats_trend fit;         /* ratio against year; slope per year */
};

struct trend {
	struct trend_series *series;
	size_t nseries;
	char geography[32];
	double confidence;
};

/*
 * The series of the categories or groups CODES (NULL: every roll-up and age
 * group, such as bme and 75+) over the consultations closing from FROM to
 * TO (either NULL), each compared as O says. A consultation whose answers
 * cannot form a group leaves a gap in that series. NULL with ERR set.
 */
struct trend *trend_run(struct store *s, const struct taxonomy *t, const char *from, const char *to,
    char *const *codes, size_t ncodes, const struct compare_options *o, struct reach_error *err);
void trend_free(struct trend *tr);

/* Writes TR as text for a terminal, or as JSON (see docs/report-json.md). */
void trend_text(const struct trend *tr, FILE *out);
void trend_json(const struct trend *tr, FILE *out);

#endif
