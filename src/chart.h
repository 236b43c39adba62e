/*
 * chart.h — charts drawn by gnuplot, run as a separate program from the
 * templates in charts/ (built into reach). Only numbers and category codes
 * reach gnuplot, through a data file: no text from an export is ever gnuplot
 * code.
 */
#ifndef REACH_CHART_H
#define REACH_CHART_H

#include <stdio.h>

#include "compare.h"
#include "util.h"

/*
 * Draws the representation ratios of D's compared categories whose SHOW[k]
 * is set (NULL: all), with their intervals and the parity line, as FORMAT
 * ("svg" or "png") into PATH. Returns 0; 1 when there is nothing to draw
 * (no file written); or -1 with ERR set when PATH cannot be given to
 * gnuplot (a quote or control character in it, or too long: ERR says which)
 * or gnuplot is missing or fails (callers warn and carry on without the chart).
 */
int chart_ratios(const struct compare_dimension *d, const int *show, const char *format, const char *path,
    struct reach_error *err);

/*
 * Draws each shown category's share of the respondents beside its share of
 * the residents (for age, the consultation's age profile against the area's),
 * as chart_ratios does, with the same returns.
 */
int chart_shares(const struct compare_dimension *d, const int *show, const char *format, const char *path,
    struct reach_error *err);

/*
 * Builds into PATH the chart file DIR/PART-PART-….FORMAT from the parts
 * (a NULL ends them: cast it, (char *)NULL), each of which must be a code
 * (text_is_code: a slug, a dimension, a category code), so that no name
 * from data can climb out of DIR. 0, or -1 with ERR saying which part.
 */
int chart_file(struct buf *path, const char *dir, const char *format, struct reach_error *err, const char *part, ...);

struct trend;
struct trend_series;

/*
 * Draws one group's ratio in each consultation by closing date, with its
 * interval, the weighted trend, parity and the review target (POLICY_PARITY_TARGET), as
 * chart_ratios does, with the same returns.
 */
int chart_trend(const struct trend_series *t, const char *format, const char *path, struct reach_error *err);

/*
 * Draws every series of TR (chart_trend) into the folder DIR as
 * trend-DIMENSION-CODE.svg and .png. Returns 0; or 1 when any chart was
 * skipped, the first reason written to WARN as "reach: warning: …" (the
 * other charts are still tried). Nothing for the caller to free.
 */
int chart_trends(const struct trend *tr, const char *dir, FILE *warn);

/*
 * The SVG file at PATH, ready to sit inside an HTML page: its XML prologue
 * dropped, role="img" and an aria label added, its title and description
 * replaced by TITLE and DESC (escaped here). The caller frees it; NULL when
 * PATH cannot be read.
 */
char *chart_inline_svg(const char *path, const char *title, const char *desc);

#endif
