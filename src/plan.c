/*
 * plan.c — see plan.h. The status rules (pure), and importing plan,
 * plans-index and indicator files, with the built-in plans and indicators
 * seeded into a new database. Measuring indicators is measure.c's job;
 * writing `reach plan list` and `reach actions` is actions.c's, and the
 * report's section evidence.c's.
 */
#include "plan.h"

#include <assert.h>
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "embedded.h"
#include "table.h"
#include "text.h"

/* ---- status rules ---- */

static const char *const status_names[] = { "met", "improving", "not_met", "no_data", "not_measurable" };
static_assert(sizeof status_names / sizeof *status_names == PLAN_NOT_MEASURABLE + 1, "a name for every status");

const char *plan_status_name(enum plan_status status)
{
	return (unsigned)status <= PLAN_NOT_MEASURABLE ? status_names[status] : "unknown";
}

static const char *const comparison_names[] = { "at_least", "at_most", "rise", "fall", NULL };
static_assert(sizeof comparison_names / sizeof *comparison_names == PLAN_FALL + 2, "a name for every comparison");

int plan_comparison_parse(const char *name, enum plan_comparison *out)
{
	for (int i = 0; comparison_names[i]; i++)
		if (strcmp(name, comparison_names[i]) == 0) {
			*out = (enum plan_comparison)i;
			return 0;
		}
	return -1;
}

enum plan_status plan_indicator_status(enum plan_comparison cmp, double target, const struct plan_value *baseline,
    const struct plan_value *latest)
{
	double base = baseline ? baseline->estimate : NAN;
	if (!latest || isnan(latest->estimate))
		return PLAN_NO_DATA;
	double value = latest->estimate;
	if (cmp == PLAN_AT_LEAST || cmp == PLAN_AT_MOST) {
		int up = cmp == PLAN_AT_LEAST;
		if (!isnan(target) && (up ? value >= target : value <= target))
			return PLAN_MET;
		if (!isnan(base) && (up ? value > base : value < base))
			return PLAN_IMPROVING;
		return PLAN_NOT_MET;
	}
	if (isnan(base))
		return PLAN_NO_DATA;
	double change = cmp == PLAN_RISE ? value - base : base - value;
	if (!(change > 0))
		return PLAN_NOT_MET;
	struct stats_interval before = { baseline->estimate, baseline->lower, baseline->upper };
	struct stats_interval after = { latest->estimate, latest->lower, latest->upper };
	double margin = stats_change_margin(&before, &after);
	return !isnan(margin) && change > margin ? PLAN_MET : PLAN_IMPROVING;
}

enum plan_status plan_action_status(const enum plan_status *indicators, size_t n)
{
	size_t judged = 0, met = 0, progress = 0;
	if (n == 0)
		return PLAN_NOT_MEASURABLE;
	for (size_t i = 0; i < n; i++) {
		if (indicators[i] == PLAN_NO_DATA || indicators[i] == PLAN_NOT_MEASURABLE)
			continue;
		judged++;
		met += indicators[i] == PLAN_MET;
		progress += indicators[i] == PLAN_MET || indicators[i] == PLAN_IMPROVING;
	}
	if (judged == 0)
		return PLAN_NO_DATA;
	if (met == judged)
		return PLAN_MET;
	return progress ? PLAN_IMPROVING : PLAN_NOT_MET;
}

int plan_overdue(const char *due_date, const char *as_of, enum plan_status status)
{
	if (!due_date || !*due_date || !as_of || status == PLAN_MET)
		return 0;
	return strcmp(due_date, as_of) < 0;
}

/* ---- importing plans, plans indexes and indicators ---- */

static const char *const metric_names[] = { "ratio", "rate_ratio", "share_at_least", "asked", "baselines", NULL };
static_assert(sizeof metric_names / sizeof *metric_names == PLAN_METRIC_BASELINES + 2, "a name for every metric");

int plan_metric_parse(const char *name, enum plan_metric *out)
{
	for (int i = 0; metric_names[i]; i++)
		if (strcmp(name, metric_names[i]) == 0) {
			*out = (enum plan_metric)i;
			return 0;
		}
	return -1;
}

/* A plan's own columns, in a plans index and (optionally) in a plan file. */
enum { PC_TITLE, PC_COUNCIL, PC_START, PC_END, PC_STATUS, PC_SOURCE, PC_COUNT };
static const char *const plan_columns[] = { "title", "council", "period_start", "period_end", "status",
	"source_document", NULL };

/* One import of one file (or one built-in seed). */
struct import {
	struct store *s;
	const struct taxonomy *t;       /* NULL: built-in data, not checked against the taxonomy */
	struct table *tb;
	const char *origin;             /* "built in", or the file's name */
	struct buf summary;             /* lines printed once the import is committed */
	struct reach_error *err;
};

/* Records "FILE:LINE: message" for row R (R past the end: the file alone); returns -1. */
static REACH_PRINTF(3, 4) int row_error(struct import *im, size_t r, const char *fmt, ...)
{
	char msg[768];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	error_set(im->err, REACH_EDATA, im->tb->name, r < im->tb->nrows ? im->tb->lines[r] : 0, "%s", msg);
	return -1;
}

/* Is S empty or a date written YYYY-MM-DD? */
static int is_date_or_blank(const char *s)
{
	return !*s || date_is_iso(s);
}

/* Reads a finite number filling the whole of S. */
static int parse_number(const char *s, double *out)
{
	char *end;
	if (!*s)
		return -1;
	*out = strtod(s, &end);
	return *end || !isfinite(*out) ? -1 : 0;
}

static const char *blank_null(const char *s)
{
	return s && *s ? s : NULL;
}

/* Checks that the code in COLUMN of row R is a code; 0 or -1. */
static int check_code(struct import *im, size_t r, const char *column)
{
	const char *v = table_get(im->tb, r, column);
	if (!*v)
		return row_error(im, r, "column %s: empty", column);
	if (!text_is_code(v))
		return row_error(im, r, "column %s: \"%s\" is not a code (" TEXT_CODE_RULE ")", column, v);
	return 0;
}

static int check_date_column(struct import *im, size_t r, const char *column)
{
	const char *v = table_get(im->tb, r, column);
	if (!is_date_or_blank(v))
		return row_error(im, r, "column %s: \"%s\" is not a date YYYY-MM-DD", column, v);
	return 0;
}

/* A plan named in a file, with the plan columns its rows give. */
struct file_plan {
	const char *code;
	size_t first_row;
	const char *cols[PC_COUNT];     /* "" where no row gives it */
	size_t actions;
};

/* Collects the plans of the file and their columns; rows must agree. */
static int gather_plans(struct import *im, struct file_plan **plans, size_t *n)
{
	for (size_t r = 0; r < im->tb->nrows; r++) {
		if (check_code(im, r, "plan_code") < 0 || check_date_column(im, r, "period_start") < 0 ||
		    check_date_column(im, r, "period_end") < 0)
			return -1;
		const char *code = table_get(im->tb, r, "plan_code");
		size_t p = 0;
		while (p < *n && strcmp((*plans)[p].code, code) != 0)
			p++;
		if (p == *n) {
			*plans = xrealloc(*plans, (*n + 1) * sizeof **plans);
			struct file_plan *fp = &(*plans)[(*n)++];
			memset(fp, 0, sizeof *fp);
			fp->code = code;
			fp->first_row = r;
			for (int c = 0; c < PC_COUNT; c++)
				fp->cols[c] = "";
		}
		struct file_plan *fp = &(*plans)[p];
		fp->actions++;
		for (int c = 0; c < PC_COUNT; c++) {
			const char *v = table_get(im->tb, r, plan_columns[c]);
			if (!*v)
				continue;
			if (*fp->cols[c] && strcmp(fp->cols[c], v) != 0)
				return row_error(im, r, "column %s: \"%s\" differs from \"%s\", given for plan %s at line %ld",
				    plan_columns[c], v, fp->cols[c], code, im->tb->lines[fp->first_row]);
			fp->cols[c] = v;
		}
	}
	return 0;
}

/* Writes the plan's own row: the file's columns over those held. */
static int write_plan(struct import *im, const struct file_plan *fp)
{
	char *held[PC_COUNT] = { 0 };
	sqlite3_stmt *st = store_stmt(im->s, "plan_find");
	store_bind_text(st, ":code", fp->code);
	int found = store_step(im->s, st) == SQLITE_ROW;
	for (int c = 0; found && c < PC_COUNT; c++)
		held[c] = xstrdup((const char *)sqlite3_column_text(st, c + 1));
	const char *v[PC_COUNT];
	for (int c = 0; c < PC_COUNT; c++)
		v[c] = *fp->cols[c] ? fp->cols[c] : held[c] ? held[c] : "";
	int rc = 0;
	if (!*v[PC_TITLE])
		rc = row_error(im, fp->first_row, "plan %s is not held, and the file gives no title for it "
		    "(columns title, council, period_start, period_end, status, source_document: see docs/plans.md)",
		    fp->code);
	else if (*v[PC_START] && *v[PC_END] && strcmp(v[PC_START], v[PC_END]) > 0)
		rc = row_error(im, fp->first_row, "plan %s: period_start %s is after period_end %s", fp->code,
		    v[PC_START], v[PC_END]);
	if (rc == 0) {
		st = store_stmt(im->s, "plan_upsert");
		store_bind_text(st, ":code", fp->code);
		store_bind_text(st, ":title", v[PC_TITLE]);
		store_bind_text(st, ":council", blank_null(v[PC_COUNCIL]));
		store_bind_text(st, ":period_start", blank_null(v[PC_START]));
		store_bind_text(st, ":period_end", blank_null(v[PC_END]));
		store_bind_text(st, ":status", blank_null(v[PC_STATUS]));
		store_bind_text(st, ":source_document", blank_null(v[PC_SOURCE]));
		store_bind_text(st, ":origin", im->origin);
		store_step(im->s, st);
	}
	for (int c = 0; c < PC_COUNT; c++)
		free(held[c]);
	return rc;
}

static long held_actions(struct import *im, const char *plan)
{
	sqlite3_stmt *st = store_stmt(im->s, "plan_action_count");
	store_bind_text(st, ":plan_code", plan);
	return store_step(im->s, st) == SQLITE_ROW ? (long)sqlite3_column_int64(st, 0) : 0;
}

/* Checks row R of a plan file: its code, date and action, and that no earlier row of its plan has its code. */
static int check_action(struct import *im, size_t r)
{
	const struct table *tb = im->tb;
	if (check_code(im, r, "action_code") < 0 || check_date_column(im, r, "due_date") < 0)
		return -1;
	if (!*table_get(tb, r, "action"))
		return row_error(im, r, "column action: empty");
	for (size_t q = 0; q < r; q++)
		if (strcmp(table_get(tb, q, "plan_code"), table_get(tb, r, "plan_code")) == 0 &&
		    strcmp(table_get(tb, q, "action_code"), table_get(tb, r, "action_code")) == 0)
			return row_error(im, r, "column action_code: %s is given twice (first at line %ld)",
			    table_get(tb, r, "action_code"), tb->lines[q]);
	return 0;
}

/* A plan file: each plan's actions replace those held. */
static int import_actions(struct import *im)
{
	static const char *const required[] = { "plan_code", "action_code", "action", NULL };
	static const char *const texts[] = { "role", "objective", "action", "responsible", "due_text", "due_date",
		"success_measure", "connections", NULL };
	struct file_plan *plans = NULL;
	size_t nplans = 0;
	int rc = table_require(im->tb, required, im->err);
	if (rc == 0)
		rc = gather_plans(im, &plans, &nplans);
	for (size_t r = 0; rc == 0 && r < im->tb->nrows; r++)
		rc = check_action(im, r);
	for (size_t p = 0; rc == 0 && p < nplans; p++) {
		long before = held_actions(im, plans[p].code);
		sqlite3_stmt *st = store_stmt(im->s, "plan_find");
		store_bind_text(st, ":code", plans[p].code);
		int existed = store_step(im->s, st) == SQLITE_ROW;
		if ((rc = write_plan(im, &plans[p])) < 0)
			break;
		st = store_stmt(im->s, "plan_actions_clear");
		store_bind_text(st, ":plan_code", plans[p].code);
		store_step(im->s, st);
		buf_printf(&im->summary, "%s: plan %s, %zu action%s", im->tb->name, plans[p].code, plans[p].actions,
		    plans[p].actions == 1 ? "" : "s");
		if (existed)
			buf_printf(&im->summary, " (replacing %ld)\n", before);
		else
			buf_puts(&im->summary, " (new plan)\n");
	}
	for (size_t r = 0, position = 0; rc == 0 && r < im->tb->nrows && !store_failed(im->s); r++) {
		sqlite3_stmt *st = store_stmt(im->s, "plan_action_insert");
		const char *plan = table_get(im->tb, r, "plan_code");
		position = 1;
		for (size_t q = 0; q < r; q++)
			position += strcmp(table_get(im->tb, q, "plan_code"), plan) == 0;
		store_bind_text(st, ":plan_code", plan);
		store_bind_text(st, ":code", table_get(im->tb, r, "action_code"));
		store_bind_int(st, ":position", (int64_t)position);
		for (size_t c = 0; texts[c]; c++) {
			char param[32];
			snprintf(param, sizeof param, ":%s", texts[c]);
			store_bind_text(st, param, blank_null(table_get(im->tb, r, texts[c])));
		}
		store_bind_text(st, ":origin", im->origin);
		store_step(im->s, st);
	}
	free(plans);
	return rc < 0 || store_failed(im->s) ? -1 : 0;
}

/* A plans index: one row a plan, its own columns; actions held are kept. */
static int import_plans(struct import *im)
{
	static const char *const required[] = { "plan_code", "title", NULL };
	struct file_plan *plans = NULL;
	size_t nplans = 0;
	int rc = table_require(im->tb, required, im->err);
	for (size_t r = 0; rc == 0 && r < im->tb->nrows; r++)
		for (size_t q = 0; rc == 0 && q < r; q++)
			if (strcmp(table_get(im->tb, q, "plan_code"), table_get(im->tb, r, "plan_code")) == 0)
				rc = row_error(im, r, "column plan_code: %s is given twice (first at line %ld)",
				    table_get(im->tb, r, "plan_code"), im->tb->lines[q]);
	if (rc == 0)
		rc = gather_plans(im, &plans, &nplans);
	for (size_t p = 0; rc == 0 && p < nplans; p++)
		rc = write_plan(im, &plans[p]);
	if (rc == 0)
		buf_printf(&im->summary, "%s: %zu plan%s\n", im->tb->name, nplans, nplans == 1 ? "" : "s");
	free(plans);
	return rc < 0 || store_failed(im->s) ? -1 : 0;
}

/* Splits "a; b;c" into trimmed, non-empty pieces; the caller frees each and the array. */
static size_t split_list(const char *s, char ***out)
{
	size_t n = 0;
	*out = NULL;
	while (*s) {
		const char *semi = strchr(s, ';');
		size_t len = semi ? (size_t)(semi - s) : strlen(s);
		const char *a = s, *b = s + len;
		while (a < b && isspace((unsigned char)*a))
			a++;
		while (b > a && isspace((unsigned char)b[-1]))
			b--;
		if (b > a) {
			*out = xrealloc(*out, (n + 1) * sizeof **out);
			(*out)[n++] = xstrndup(a, (size_t)(b - a));
		}
		s += len + (semi != NULL);
	}
	return n;
}


/* Does the comparison report DIMENSION? */
static int known_dimension(const struct taxonomy *t, const char *dimension)
{
	const struct tag_category *cats;
	return strcmp(dimension, "age") == 0 || tag_categories(t, dimension, &cats) > 0;
}

/* Is GROUP a category or roll-up group of DIMENSION (for age: a band written 18-24, 75+ or 30)? */
static int known_group(const struct taxonomy *t, const char *dimension, const char *group)
{
	if (strcmp(dimension, "age") == 0) {
		int lo, hi;
		char code[TAG_AGE_CODE_MAX];
		if (tag_age_interval(t, group, &lo, &hi) < 0)
			return 0;
		tag_age_code(lo, hi, code);
		return strcmp(code, group) == 0;
	}
	const struct tag_category *cats;
	const struct tag_rollup *rollups;
	size_t n = tag_categories(t, dimension, &cats);
	for (size_t i = 0; i < n; i++)
		if (strcmp(cats[i].code, group) == 0)
			return 1;
	n = tag_rollups(t, dimension, &rollups);
	for (size_t i = 0; i < n; i++)
		if (strcmp(rollups[i].code, group) == 0)
			return 1;
	return 0;
}

static int plan_held(struct store *s, const char *plan)
{
	sqlite3_stmt *st = store_stmt(s, "plan_find");
	store_bind_text(st, ":code", plan);
	return store_step(s, st) == SQLITE_ROW;
}

static int action_held(struct store *s, const char *plan, const char *action)
{
	sqlite3_stmt *st = store_stmt(s, "plan_action_exists");
	store_bind_text(st, ":plan_code", plan);
	store_bind_text(st, ":code", action);
	return store_step(s, st) == SQLITE_ROW;
}

/* Checks the metric, dimension, group, numbers and comparison of indicator row R. */
static int check_measure(struct import *im, size_t r)
{
	const struct table *tb = im->tb;
	const char *metric_name = table_get(tb, r, "metric"), *dimension = table_get(tb, r, "dimension");
	const char *group = table_get(tb, r, "group"), *comparison_name = table_get(tb, r, "comparison");
	const char *threshold = table_get(tb, r, "threshold"), *target = table_get(tb, r, "target");
	enum plan_metric metric;
	enum plan_comparison cmp;
	double number;
	if (plan_metric_parse(metric_name, &metric) < 0)
		return row_error(im, r, "column metric: \"%s\" is not a metric (ratio, rate_ratio, share_at_least, asked, baselines)",
		    metric_name);
	if (metric != PLAN_METRIC_BASELINES && !*dimension)
		return row_error(im, r, "column dimension: empty (metric %s needs one)", metric_name);
	if (*dimension && im->t && !known_dimension(im->t, dimension))
		return row_error(im, r, "column dimension: \"%s\" is not a dimension of the taxonomy", dimension);
	if (metric == PLAN_METRIC_RATIO && !*group)
		return row_error(im, r, "column group: empty (metric ratio needs a category or group)");
	if (*group && im->t && !known_group(im->t, dimension, group))
		return row_error(im, r, "column group: \"%s\" is not a category or group of %s%s", group, dimension,
		    strcmp(dimension, "age") == 0 ? " (write ages as 18-24, 75+ or 30)" : "");
	if (metric == PLAN_METRIC_SHARE_AT_LEAST && !*threshold)
		return row_error(im, r, "column threshold: empty (metric share_at_least needs a number)");
	if (*threshold && parse_number(threshold, &number) < 0)
		return row_error(im, r, "column threshold: \"%s\" is not a number", threshold);
	if (plan_comparison_parse(comparison_name, &cmp) < 0)
		return row_error(im, r, "column comparison: \"%s\" is not at_least, at_most, rise or fall", comparison_name);
	if ((cmp == PLAN_AT_LEAST || cmp == PLAN_AT_MOST) && !*target)
		return row_error(im, r, "column target: empty (comparison %s needs a number)", comparison_name);
	if (*target && parse_number(target, &number) < 0)
		return row_error(im, r, "column target: \"%s\" is not a number", target);
	if ((cmp == PLAN_RISE || cmp == PLAN_FALL) && !*table_get(tb, r, "baseline_from") &&
	    !*table_get(tb, r, "baseline_to") && !*table_get(tb, r, "baseline_platform"))
		return row_error(im, r, "column comparison: %s needs a baseline window (baseline_from, baseline_to or baseline_platform)",
		    comparison_name);
	return 0;
}

/* Checks the two windows of indicator row R. */
static int check_windows(struct import *im, size_t r)
{
	static const char *const pairs[][2] = { { "baseline_from", "baseline_to" }, { "window_from", "window_to" } };
	static const char *const platforms[] = { "baseline_platform", "window_platform" };
	for (int w = 0; w < 2; w++) {
		const char *from = table_get(im->tb, r, pairs[w][0]), *to = table_get(im->tb, r, pairs[w][1]);
		const char *platform = table_get(im->tb, r, platforms[w]);
		if (check_date_column(im, r, pairs[w][0]) < 0 || check_date_column(im, r, pairs[w][1]) < 0)
			return -1;
		if (*from && *to && strcmp(from, to) > 0)
			return row_error(im, r, "column %s: %s is after %s %s", pairs[w][0], from, pairs[w][1], to);
		if (strcmp(platform, "!") == 0)
			return row_error(im, r, "column %s: \"!\" names no platform (!NAME: every platform but NAME)",
			    platforms[w]);
	}
	return 0;
}

static void bind_number(sqlite3_stmt *st, const char *param, const char *text)
{
	double v;
	if (parse_number(text, &v) == 0)
		sqlite3_bind_double(st, sqlite3_bind_parameter_index(st, param), v);
}

static void insert_indicator(struct import *im, size_t r, const char *action)
{
	static const char *const texts[] = { "label", "metric", "dimension", "comparison", "baseline_from",
		"baseline_to", "baseline_platform", "window_from", "window_to", "window_platform", "note", NULL };
	sqlite3_stmt *st = store_stmt(im->s, "plan_indicator_insert");
	store_bind_text(st, ":code", table_get(im->tb, r, "indicator_code"));
	store_bind_text(st, ":plan_code", table_get(im->tb, r, "plan_code"));
	store_bind_text(st, ":action_code", action);
	store_bind_text(st, ":group_code", blank_null(table_get(im->tb, r, "group")));
	for (size_t c = 0; texts[c]; c++) {
		char param[32];
		snprintf(param, sizeof param, ":%s", texts[c]);
		store_bind_text(st, param, blank_null(table_get(im->tb, r, texts[c])));
	}
	bind_number(st, ":threshold", table_get(im->tb, r, "threshold"));
	bind_number(st, ":target", table_get(im->tb, r, "target"));
	store_bind_text(st, ":origin", im->origin);
	store_step(im->s, st);
}

/* An indicators file: each indicator replaces the one of the same code and plan. */
static int import_indicators(struct import *im)
{
	static const char *const required[] = { "indicator_code", "plan_code", "action_code", "label", "metric",
		"comparison", NULL };
	const struct table *tb = im->tb;
	size_t links = 0;
	int rc = table_require(tb, required, im->err);
	for (size_t r = 0; rc == 0 && r < tb->nrows && !store_failed(im->s); r++) {
		const char *code = table_get(tb, r, "indicator_code"), *plan = table_get(tb, r, "plan_code");
		char **actions;
		size_t nactions = split_list(table_get(tb, r, "action_code"), &actions);
		if (check_code(im, r, "indicator_code") < 0 || check_code(im, r, "plan_code") < 0)
			rc = -1;
		else if (!*table_get(tb, r, "label"))
			rc = row_error(im, r, "column label: empty");
		else if (!plan_held(im->s, plan))
			rc = row_error(im, r, "column plan_code: plan %s is not held (import its actions first)", plan);
		else if (nactions == 0)
			rc = row_error(im, r, "column action_code: empty");
		for (size_t q = 0; rc == 0 && q < r; q++)
			if (strcmp(table_get(tb, q, "indicator_code"), code) == 0 && strcmp(table_get(tb, q, "plan_code"), plan) == 0)
				rc = row_error(im, r, "column indicator_code: %s of plan %s is given twice (first at line %ld)",
				    code, plan, tb->lines[q]);
		for (size_t a = 0; rc == 0 && a < nactions; a++) {
			if (!action_held(im->s, plan, actions[a]))
				rc = row_error(im, r, "column action_code: plan %s has no action %s", plan, actions[a]);
			for (size_t b = 0; rc == 0 && b < a; b++)
				if (strcmp(actions[a], actions[b]) == 0)
					rc = row_error(im, r, "column action_code: %s is given twice", actions[a]);
		}
		if (rc == 0 && (check_measure(im, r) < 0 || check_windows(im, r) < 0))
			rc = -1;
		if (rc == 0) {
			sqlite3_stmt *st = store_stmt(im->s, "plan_indicator_clear");
			store_bind_text(st, ":code", code);
			store_bind_text(st, ":plan_code", plan);
			store_step(im->s, st);
			for (size_t a = 0; a < nactions; a++)
				insert_indicator(im, r, actions[a]);
			links += nactions;
		}
		strings_free(actions, nactions);
	}
	if (rc == 0)
		buf_printf(&im->summary, "%s: %zu indicator%s, measuring %zu action%s\n", tb->name, tb->nrows,
		    tb->nrows == 1 ? "" : "s", links, links == 1 ? "" : "s");
	return rc < 0 || store_failed(im->s) ? -1 : 0;
}

/* Refuses an import that leaves an indicator measuring an action no longer held. */
static int check_orphans(struct import *im)
{
	sqlite3_stmt *st = store_stmt(im->s, "plan_orphans");
	if (store_step(im->s, st) != SQLITE_ROW)
		return store_failed(im->s) ? -1 : 0;
	error_set(im->err, REACH_EDATA, im->tb->name, 0,
	    "plan %s would no longer have action %s, which indicator %s measures: keep the action, "
	    "or import the plan's indicators again without it",
	    (const char *)sqlite3_column_text(st, 1), (const char *)sqlite3_column_text(st, 2),
	    (const char *)sqlite3_column_text(st, 0));
	return -1;
}

/* Collapses runs of white space in every cell (line breaks pasted from a document) and trims them. */
static void squeeze_cells(struct table *tb)
{
	struct buf b = { 0 };
	for (size_t r = 0; r < tb->nrows; r++)
		for (size_t c = 0; c < tb->ncols; c++) {
			char *cell = tb->cells[r][c];
			if (text_is_squeezed(cell, strlen(cell)))
				continue;
			text_squeeze(cell, &b);
			free(cell);
			tb->cells[r][c] = xstrdup(b.data ? b.data : "");
		}
	buf_free(&b);
}

/* Imports TB by its header: an indicators file, a plan file, or a plans index. */
static int import_table(struct import *im)
{
	int rc;
	squeeze_cells(im->tb);
	if (table_column(im->tb, "indicator_code") >= 0)
		rc = import_indicators(im);
	else if (table_column(im->tb, "action") >= 0 || table_column(im->tb, "action_code") >= 0)
		rc = import_actions(im);
	else if (table_column(im->tb, "plan_code") >= 0 && table_column(im->tb, "title") >= 0)
		rc = import_plans(im);
	else {
		error_set(im->err, REACH_EDATA, im->tb->name, 1, "not a plan file (columns plan_code, action_code, "
		    "action, …), a plans index (plan_code, title, …) or an indicators file (indicator_code, …): "
		    "see docs/plans.md");
		return -1;
	}
	if (rc == 0 && im->tb->nrows == 0) {
		error_set(im->err, REACH_EDATA, im->tb->name, 0, "no rows under the header");
		rc = -1;
	}
	if (rc == 0)
		rc = check_orphans(im);
	if (rc < 0 && !im->err->code)
		*im->err = *store_error(im->s);
	return rc;
}

static int import_body(struct store *s, void *ctx, struct reach_error *err)
{
	(void)s;
	(void)err;      /* import_table sets it through the import */
	return import_table(ctx);
}

int plan_import(struct store *s, const struct taxonomy *t, const char *path, FILE *out, struct reach_error *err)
{
	struct import im = { s, t, table_file(path, err), path, { 0 }, err };
	if (!im.tb)
		return -1;
	int rc = store_transaction(s, import_body, &im, err) < 0 ? -1 : 0;
	if (rc == 0 && im.summary.data)
		fputs(im.summary.data, out);
	buf_free(&im.summary);
	table_free(im.tb);
	return rc;
}

/* The built-in seeds: the plans index first, then each plan, then the indicators. */
int plan_seed(struct store *s, struct reach_error *err)
{
	static const char index[] = "seeds/plans/plans.csv", dir[] = "seeds/plans/";
	int rc = 0;
	for (int pass = 0; pass < 3 && rc == 0; pass++)
		for (const struct embedded_file *f = embedded_files; rc == 0 && f->path; f++) {
			size_t len = strlen(f->path);
			int is_index = strcmp(f->path, index) == 0;
			int is_plan = !is_index && strncmp(f->path, dir, sizeof dir - 1) == 0 && len > 4 &&
			    strcmp(f->path + len - 4, ".csv") == 0;
			int is_indicators = strcmp(f->path, "seeds/indicators.csv") == 0;
			if (!(pass == 0 ? is_index : pass == 1 ? is_plan : is_indicators))
				continue;
			struct import im = { s, NULL, table_embedded(f->path, err), "built in", { 0 }, err };
			rc = im.tb ? import_table(&im) : -1;
			buf_free(&im.summary);
			table_free(im.tb);
		}
	return rc;
}
