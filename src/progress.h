/*
 * progress.h — a consultation followed while it is open (reach progress):
 * from each response's submitted date, each group's representation ratio
 * at the end of every week since opening (cumulative), the shortfall to
 * the 0.8 line and to parity now, and, at the current weekly rate, each
 * group's ratio at the closing date and the responses a week from it that
 * would reach the target by then. Every figure comes from compare_run,
 * run once for each day of the series with compare_options.submitted_to;
 * the shortfalls from stats_shortfall.
 *
 * progress.c runs it and is the command; progress_calc.c holds the pure
 * arithmetic of the weeks and the projection; progress_write.c writes text,
 * JSON and the suppressed HTML page with its chart.
 */
#ifndef REACH_PROGRESS_H
#define REACH_PROGRESS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "compare.h"
#include "disclose.h"
#include "store.h"
#include "tag.h"
#include "words.h"

struct progress_options {
	const char *as_of;              /* "YYYY-MM-DD": the day followed to; NULL: today */
	struct compare_options compare;
	int suppress;                   /* the published page's threshold (the report's): counts from 1 to below it hidden;
	                                   0 with compare.round, the other way of protecting them */
};

/* Where the consultation stands on the day followed to. */
enum progress_state {
	PROGRESS_OPEN,                  /* open: a series, and a projection when the closing date is known */
	PROGRESS_CLOSED,                /* closed on or before the day: the series to the close, no projection */
	PROGRESS_NO_DATES               /* no response has a submitted date: no series, no table */
};

/* One day of the series: the position at its end. */
struct progress_point {
	char date[11];
	int week;                       /* the week of the consultation it falls in, from 1 */
	int complete;                   /* it ends that week (else it is the day followed to, within the week) */
	double responses;               /* responses submitted on or before it */
};

/* One category or roll-up group of a dimension, followed over the series. */
struct progress_group {
	char *dimension, *code, *label;
	int is_group;                   /* a roll-up or age group, not a category */
	double population_share;        /* of the eligible residents, now (NaN: none) */
	double *n, *known, *ratio;      /* per point: respondents in it, answers known in the dimension, the ratio */
	enum disclose_cell *cell;       /* per point: how a published form shows its count (disclose_suppress) */
	struct stats_interval ratio_now;        /* with its interval, at the last point */
	enum reading reading;           /* the reading now (words.h) */
	double shortfall_target, shortfall_parity;      /* responses still needed now (stats_shortfall) */
	double in_window, known_in_window;      /* responses in the rate's window, from it and in the dimension */
	double per_week, known_per_week;        /* the current rate: responses a week */
	int rate_hidden;                /* published, the rate and what rests on it are withheld: it would give a
	                                   hidden count away (its count now or before the window, or the window's, hidden) */
	double ratio_at_close;          /* projected at the current rate; NaN without a projection */
	double per_week_for_target, per_week_for_parity;        /* a week from now to the close; NaN without one */
};

struct progress {
	char *slug, *title;
	char opened[11], closed[11], as_of[11];         /* "" when not held */
	int opened_from_responses;      /* no opening date held: the series starts at the first response's date */
	enum progress_state state;
	uint64_t responses;             /* held */
	uint64_t dated, undated, after; /* submitted by the day followed to, with no date, after it */
	struct progress_point *points;
	size_t npoints;
	char rate_from[11];             /* the rate's window: responses after this day, to the last point */
	double rate_days;               /* the window's length in days */
	double weeks_left;              /* from the day followed to the close; NaN without a projection */
	char geography[32], geography_name[128], source[256];
	int min_age;
	int threshold;                  /* the suppression the cells were decided at */
	int rounding;                   /* every count of the comparisons rounded to a multiple of this; 0: exact */
	struct progress_group *groups;
	size_t ngroups;
	char **notes;
	size_t nnotes;
};

/*
 * Follows consultation SLUG to O->as_of. Returns the progress (the caller
 * frees it with progress_free), or NULL with ERR set: no such consultation,
 * no baseline, or a day followed to before the consultation opened.
 */
struct progress *progress_run(struct store *s, const struct taxonomy *t, const char *slug,
    const struct progress_options *o, struct reach_error *err);
void progress_free(struct progress *p);

/* Writes P as text, or as JSON (reach_progress 1; every count, for analysts). */
void progress_text(const struct progress *p, FILE *out);
void progress_json(const struct progress *p, FILE *out);

/*
 * Writes P as one self-contained HTML page to publish: a count hidden by
 * disclosure control hides every figure resting on it, and the rate's
 * figures are withheld when a group's responses in the window are small.
 * Draws each dimension's chart of the cumulative ratios with gnuplot;
 * returns 0, or 1 when a chart was skipped (a warning on WARN says why).
 */
int progress_html(const struct progress *p, FILE *out, FILE *warn);

/*
 * Draws dimension DIMENSION of P (its groups' cumulative ratios by day, the
 * 0.8 line, parity and the closing date) as FORMAT ("svg" or "png") into
 * PATH; when PUBLISHED, a point whose count is hidden is not drawn. 0; 1
 * with nothing to draw; -1 with ERR set (chart_progress).
 */
int progress_chart(const struct progress *p, const char *dimension, int published, const char *format,
    const char *path, struct reach_error *err);

/*
 * For reach batch: when consultation SLUG is open on AS_OF (NULL: today),
 * writes its progress page as SLUG-progress.html into FOLDER and a line
 * saying so to OUT. Returns 0 when it is not open (nothing written), 1 when
 * the page is written, 2 when written with a chart skipped, -1 with ERR set.
 */
int progress_batch_page(struct store *s, const struct taxonomy *t, const char *slug, const char *as_of,
    const struct compare_options *co, int suppress, const char *folder, FILE *out, struct reach_error *err);

/*
 * reach progress SLUG [--as-of DATE] [--format text|json|html] [--suppress N
 * | --round N] …: the command, as main.c runs it, writing to OUT (-o or
 * standard output). Its exit status.
 */
struct cli_globals;
int progress_command(const struct cli_globals *g, FILE *out, int argc, char **argv);

/* ---- the arithmetic (progress_calc.c): pure, no I/O ---- */

/*
 * The days the series ends on, from OPENED to AS_OF (days since 1970): the
 * last day of each whole week (OPENED + 7k - 1), then AS_OF itself when it
 * falls within a week. Writes at most MAX into DAYS; returns how many there
 * are (0 when AS_OF is before OPENED).
 */
size_t progress_series_days(long opened, long as_of, long *days, size_t max);

/*
 * The window the current rate is taken over: the POLICY_PROGRESS_RATE_DAYS
 * days to AS_OF, or every day since OPENED when fewer have passed. Sets
 * *BEFORE to the day whose cumulative counts are taken away (OPENED - 1:
 * nothing) and returns the window's length in days.
 */
long progress_rate_window(long opened, long as_of, long *before);

/* Responses a week: IN_WINDOW responses over DAYS days, times 7; NaN when DAYS is not positive. */
double progress_per_week(double in_window, double days);

/*
 * The ratio at the close, at the current rate: N of KNOWN answers now, PER_WEEK
 * of KNOWN_PER_WEEK continuing for WEEKS_LEFT weeks, population share Q:
 * ((N + PER_WEEK w) / (KNOWN + KNOWN_PER_WEEK w)) / Q. NaN when the
 * projected known answers are 0, Q is not positive, or an argument is NaN.
 */
double progress_ratio_at_close(double n, double known, double per_week, double known_per_week, double weeks_left,
    double q);

/*
 * The responses a week from the group, from now to the close, that would
 * bring its ratio to TARGET there, every other answer arriving at its
 * current rate: PER_WEEK + stats_shortfall(projected n, projected known, Q,
 * TARGET) / WEEKS_LEFT. NaN when WEEKS_LEFT is not positive, or
 * stats_shortfall's answer is (no known answer, TARGET * Q of 1 or more).
 */
double progress_per_week_needed(double n, double known, double per_week, double known_per_week, double weeks_left,
    double q, double target);

#endif
