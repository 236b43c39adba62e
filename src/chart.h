/*
 * chart.h — charts drawn by gnuplot, run as a separate program from the
 * templates in charts/ (built into reach). Numbers and category labels
 * reach gnuplot through a data file; the only strings in its script are
 * reach's own words, a chart's title and the census credit, each quoted so
 * that it stays a string: no text from an export is ever gnuplot code.
 */
#ifndef REACH_CHART_H
#define REACH_CHART_H

#include <stdio.h>

#include "compare.h"
#include "util.h"

/*
 * What a chart file standing alone (reach report --charts, reach trend
 * --charts) carries beyond its key: a title and the census credit. NULL for
 * a chart inside a page, whose caption and footer say them.
 */
struct chart_caption {
	const char *title;      /* "Town centre parking charges 2025" */
	const char *subtitle;   /* "Age: representation ratios with 95% intervals" */
	const char *credit;     /* the census figures' source (compare.source) */
};

/*
 * A chart ready for gnuplot: its script (the definitions reach writes, then
 * the template from charts/, without the file names, which are added when
 * it runs) and its data file. Every chart's text is literal (set termoption
 * noenhanced), every reading has its marker shape and colour from words.h,
 * and a chart file standing alone has its title, key, n and credit.
 */
struct chart_job {
	struct buf script, data;
	size_t rows;            /* data rows: 0, nothing to draw */
};
void chart_job_free(struct chart_job *job);

/*
 * The jobs of the three charts (see the draw functions below). Never fail;
 * the caller frees JOB with chart_job_free.
 */
void chart_prepare_ratios(const struct compare_dimension *d, const int *show, const struct chart_caption *caption,
    struct chart_job *job);
void chart_prepare_shares(const struct compare_dimension *d, const int *show, const struct chart_caption *caption,
    struct chart_job *job);
struct trend_series;
void chart_prepare_trend(const struct trend_series *t, double confidence, const struct chart_caption *caption,
    struct chart_job *job);

/*
 * Draws the representation ratios of D's compared categories whose SHOW[k]
 * is set (NULL: all), with their intervals, the parity line and a key of
 * the readings drawn, as FORMAT ("svg" or "png") into PATH; CAPTION (NULL
 * inside a page) adds the title, n and the census credit. Returns 0; 1 when
 * there is nothing to draw (no file written); or -1 with ERR set when
 * gnuplot is missing or fails, or the chart cannot be written (the file at
 * PATH is then left as it was) (callers warn and carry on without the chart).
 */
int chart_ratios(const struct compare_dimension *d, const int *show, const char *format, const char *path,
    const struct chart_caption *caption, struct reach_error *err);

/*
 * Draws each shown category's share of the respondents beside its share of
 * the residents (for age, the consultation's age profile against the area's),
 * as chart_ratios does, with the same returns.
 */
int chart_shares(const struct compare_dimension *d, const int *show, const char *format, const char *path,
    const struct chart_caption *caption, struct reach_error *err);

/*
 * Builds into PATH the chart file DIR/PART-PART-….FORMAT from the parts
 * (a NULL ends them: cast it, (char *)NULL), each of which must be a code
 * (text_is_code: a slug, a dimension, a category code), so that no name
 * from data can climb out of DIR. 0, or -1 with ERR saying which part.
 */
int chart_file(struct buf *path, const char *dir, const char *format, struct reach_error *err, const char *part, ...);

struct trend;

/*
 * Draws one group's ratio in each consultation by closing date, with its
 * interval (its marker and colour by its reading, read at CONFIDENCE), the
 * weighted trend, parity and the review target (POLICY_PARITY_TARGET), as
 * chart_ratios does, with the same returns.
 */
int chart_trend(const struct trend_series *t, double confidence, const char *format, const char *path,
    const struct chart_caption *caption, struct reach_error *err);

/*
 * Draws every series of TR (chart_trend, each with its title, n and the
 * census credit) into the folder DIR as trend-DIMENSION-CODE.svg and .png.
 * Returns 0; or 1 when any chart was skipped, the first reason written to
 * WARN as "reach: warning: …" (the other charts are still tried). Nothing
 * for the caller to free.
 */
int chart_trends(const struct trend *tr, const char *dir, FILE *warn);

/*
 * Draws NSERIES lines, each a group's cumulative representation ratio
 * (LABELS name them) at NPOINTS times X (weeks since opening); Y[s *
 * NPOINTS + i] is series s at point i, NaN not drawn. Every line is the
 * respondents' colour, told apart by its marker and dashes and named in the
 * key; the 0.8 line (POLICY_PARITY_TARGET) and parity are drawn as in every
 * chart, and, when CLOSE > 0, the closing date at CLOSE weeks. CAPTION and
 * N_TEXT ("n = …") as chart_ratios; the same returns (charts/progress.gp).
 */
void chart_prepare_progress(const char *const *labels, size_t nseries, const double *x, size_t npoints,
    const double *y, double close, const struct chart_caption *caption, const char *n_text, struct chart_job *job);
int chart_progress(const char *const *labels, size_t nseries, const double *x, size_t npoints, const double *y,
    double close, const char *format, const char *path, const struct chart_caption *caption, const char *n_text,
    struct reach_error *err);

/*
 * The SVG file at PATH, ready to sit inside an HTML page: its XML prologue
 * dropped, role="img" and an aria label added, its title and description
 * replaced by TITLE and DESC (escaped here). The caller frees it; NULL when
 * PATH cannot be read.
 */
char *chart_inline_svg(const char *path, const char *title, const char *desc);

#endif
