/*
 * actions.c — the second half of the plans module (plan.h): measuring each
 * indicator over its windows of consultations, and everything `reach
 * actions`, `reach plan list` and the report's plan section show.
 */
#include "plan.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "embedded.h"
#include "emit.h"
#include "table.h"

/* ---- measuring indicators over windows of consultations ---- */

/* One consultation's (or one comparison's) reading of an indicator. */
struct reading {
	char *slug;
	double estimate, lower, upper;  /* NaN when it gives no value */
	double hits, judged;            /* share_at_least: categories at the threshold of those judged; asked: 1 of 1 */
	char **dims;                    /* baselines: the dimensions compared with the census */
	size_t ndims;
	struct buf brief;               /* the value, short: "0.47", "2 of 3", "asked" */
	struct buf showed;              /* what it showed, in words */
};

/* A window of an indicator: its consultations, their readings, its value. */
struct window {
	const char *from, *to, *platform;       /* NULL: no limit; platform "!NAME": every other */
	int defined;
	struct reading *readings;
	size_t n, used;                 /* consultations in it; those that gave a value */
	struct plan_value value;
	double hits, judged;
	char **dims;                    /* baselines: every dimension compared in it */
	size_t ndims;
};

/* An indicator as held, with its two windows measured. */
struct indicator {
	char *code, *plan, *label, *metric_name, *dimension, *group, *comparison_name, *note;
	char *span[2][3];               /* baseline, then measured window: from, to, platform; NULL if blank */
	enum plan_metric metric;
	enum plan_comparison comparison;
	double threshold, target;
	struct window w[2];             /* 0: the baseline window, 1: the window measured */
	enum plan_status status;
};

/* Comparisons already run, one per consultation. */
struct measure {
	struct store *s;
	const struct taxonomy *t;
	const struct compare_options *o;
	char **slugs;
	struct compare **compared;
	size_t n;
	struct reach_error *err;
};

static const char *flag_words(enum stats_flag flag)
{
	switch (flag) {
	case STATS_FLAG_UNDER: return "under-represented";
	case STATS_FLAG_WELL_BELOW: return "well below parity";
	case STATS_FLAG_OVER: return "over-represented";
	case STATS_FLAG_LOW_N: return "too few answers to say";
	default: return "no clear difference from residents";
	}
}

/* "0.31 (0.22–0.44)", or "0.31" when the interval is unknown. */
static void put_ratio(struct buf *b, double estimate, double lower, double upper)
{
	buf_printf(b, "%.2f", estimate);
	if (!isnan(lower) && !isnan(upper))
		buf_printf(b, " (%.2f\xE2\x80\x93%.2f)", lower, upper);
}

static void add_name(char ***names, size_t *n, const char *name)
{
	for (size_t i = 0; i < *n; i++)
		if (strcmp((*names)[i], name) == 0)
			return;
	*names = xrealloc(*names, (*n + 1) * sizeof **names);
	(*names)[(*n)++] = xstrdup(name);
}

static void read_ratio(const struct indicator *ind, const struct compare_dimension *d, struct reading *r)
{
	const struct compare_category *cat = compare_find(d, ind->group);
	if (!cat) {
		buf_printf(&r->showed, strcmp(ind->dimension, "age") == 0 ? "%s cannot be formed from the age bands asked"
		    : "%s is not among the categories compared", ind->group);
		return;
	}
	const struct stats_interval *ratio = &cat->st.ratio;
	buf_printf(&r->showed, "%s: %.0f of %.0f answers, ", ind->group, cat->n, d->known);
	if (isnan(ratio->estimate)) {
		buf_puts(&r->showed, "no ratio (no residents counted)");
		return;
	}
	r->estimate = ratio->estimate, r->lower = ratio->lower, r->upper = ratio->upper;
	buf_puts(&r->showed, "ratio ");
	put_ratio(&r->showed, ratio->estimate, ratio->lower, ratio->upper);
	buf_printf(&r->showed, ", %s", flag_words(cat->st.flag));
	put_ratio(&r->brief, ratio->estimate, NAN, NAN);
}

static void read_rate_ratio(const struct compare_dimension *d, struct reading *r)
{
	const struct compare_category *low = NULL, *high = NULL;
	for (size_t i = 0; i < d->ncats; i++) {
		const struct compare_category *cat = &d->cats[i];
		if (isnan(cat->st.rate_per_1000))
			continue;
		if (!low || cat->st.rate_per_1000 < low->st.rate_per_1000)
			low = cat;
		if (!high || cat->st.rate_per_1000 > high->st.rate_per_1000)
			high = cat;
	}
	if (!low || isnan(d->scores.min_max_ratio)) {
		buf_puts(&r->showed, "no response rates (no residents counted)");
		return;
	}
	r->estimate = d->scores.min_max_ratio;
	buf_printf(&r->showed, "lowest rate %s (%.1f per 1,000 residents), highest %s (%.1f per 1,000): %.2f",
	    low->code, low->st.rate_per_1000, high->code, high->st.rate_per_1000, r->estimate);
	buf_printf(&r->brief, "%.2f", r->estimate);
}

static void read_share(const struct indicator *ind, const struct compare_dimension *d, struct reading *r)
{
	struct buf below = { 0 };
	size_t small = 0;
	for (size_t i = 0; i < d->ncats; i++) {
		const struct compare_category *cat = &d->cats[i];
		if (isnan(cat->population) || isnan(cat->st.ratio.estimate))
			continue;
		if (!(cat->st.expected >= 5)) {
			small++;
			continue;
		}
		r->judged++;
		if (cat->st.ratio.estimate >= ind->threshold)
			r->hits++;
		else
			buf_printf(&below, "%s%s (%.2f)", below.len ? ", " : "", cat->code, cat->st.ratio.estimate);
	}
	if (r->judged > 0) {
		r->estimate = r->hits / r->judged;
		buf_printf(&r->showed, "%.0f of %.0f categories at %.2g or more", r->hits, r->judged, ind->threshold);
		buf_printf(&r->brief, "%.0f of %.0f", r->hits, r->judged);
	} else {
		buf_puts(&r->showed, "no category large enough to judge");
	}
	if (below.len)
		buf_printf(&r->showed, "; below: %s", below.data);
	if (small)
		buf_printf(&r->showed, "; %zu too small to judge (expected count under 5)", small);
	buf_free(&below);
}

static void read_asked(const struct indicator *ind, const struct compare_dimension *d, struct reading *r)
{
	r->judged = 1;
	if (!d) {
		buf_printf(&r->showed, "%s not asked", ind->dimension);
		buf_puts(&r->brief, "not asked");
		r->estimate = 0;
		return;
	}
	r->hits = 1;
	r->estimate = 1;
	buf_puts(&r->brief, "asked");
	buf_printf(&r->showed, "%s asked", ind->dimension);
	const struct compare_category *cat = *ind->group ? compare_find(d, ind->group) : NULL;
	if (cat && d->known > 0)
		buf_printf(&r->showed, "; %s: %.0f of %.0f answers (%.1f %%)", cat->code, cat->n, d->known,
		    100 * cat->n / d->known);
	if (cat && d->compared && !isnan(cat->st.ratio.estimate)) {
		buf_puts(&r->showed, ", ratio ");
		put_ratio(&r->showed, cat->st.ratio.estimate, cat->st.ratio.lower, cat->st.ratio.upper);
	} else if (!d->compared) {
		buf_printf(&r->showed, "; no census figures for %s are held", ind->dimension);
	}
}

static void read_baselines(const struct compare *c, struct reading *r)
{
	struct buf without = { 0 };
	for (size_t i = 0; i < c->ndims; i++) {
		if (c->dims[i].compared)
			add_name(&r->dims, &r->ndims, c->dims[i].name);
		else
			buf_printf(&without, "%s%s", without.len ? ", " : "", c->dims[i].name);
	}
	r->estimate = (double)r->ndims;
	buf_printf(&r->brief, "%zu", r->ndims);
	buf_printf(&r->showed, "compared with Census 2021 figures for %s (%s): ", c->geography_name, c->geography);
	for (size_t i = 0; i < r->ndims; i++)
		buf_printf(&r->showed, "%s%s", i ? ", " : "", r->dims[i]);
	if (!r->ndims)
		buf_puts(&r->showed, "no dimension");
	if (without.len)
		buf_printf(&r->showed, "; asked without census figures: %s", without.data);
	buf_free(&without);
}

/* Reads indicator IND from comparison C (one consultation, or several pooled). */
static void read_indicator(const struct indicator *ind, const struct compare *c, struct reading *r)
{
	const struct compare_dimension *d = *ind->dimension ? compare_dimension(c, ind->dimension) : NULL;
	r->estimate = r->lower = r->upper = NAN;
	if (ind->metric == PLAN_METRIC_BASELINES) {
		read_baselines(c, r);
	} else if (ind->metric == PLAN_METRIC_ASKED) {
		read_asked(ind, d, r);
	} else if (!d) {
		buf_printf(&r->showed, "%s not asked", ind->dimension);
	} else if (!d->compared) {
		buf_printf(&r->showed, "no census figures for %s are held", ind->dimension);
	} else if (ind->metric == PLAN_METRIC_RATIO) {
		read_ratio(ind, d, r);
	} else if (ind->metric == PLAN_METRIC_RATE_RATIO) {
		read_rate_ratio(d, r);
	} else {
		read_share(ind, d, r);
	}
	if (!r->brief.len)
		buf_puts(&r->brief, "none");
}

static void reading_free(struct reading *r)
{
	free(r->slug);
	strings_free(r->dims, r->ndims);
	buf_free(&r->brief);
	buf_free(&r->showed);
}

/* The comparison of consultation SLUG, run once and kept. NULL with ERR set. */
static const struct compare *compared(struct measure *m, const char *slug)
{
	for (size_t i = 0; i < m->n; i++)
		if (strcmp(m->slugs[i], slug) == 0)
			return m->compared[i];
	char *one[1] = { (char *)slug };
	struct compare_options figures_only = *m->o;
	figures_only.no_test = 1;       /* indicators read ratios and rates, not the test */
	struct compare *c = compare_run(m->s, m->t, one, 1, &figures_only, m->err);
	if (!c)
		return NULL;
	m->slugs = xrealloc(m->slugs, (m->n + 1) * sizeof *m->slugs);
	m->compared = xrealloc(m->compared, (m->n + 1) * sizeof *m->compared);
	m->slugs[m->n] = xstrdup(slug);
	m->compared[m->n++] = c;
	return c;
}

static void measure_free(struct measure *m)
{
	for (size_t i = 0; i < m->n; i++) {
		free(m->slugs[i]);
		compare_free(m->compared[i]);
	}
	free(m->slugs);
	free(m->compared);
}

/* The consultations closing in window W, in closing order. */
static int select_window(struct measure *m, const struct window *w, char ***slugs, size_t *n)
{
	int other = w->platform && w->platform[0] == '!';
	if (compare_select(m->s, w->from, w->to, other ? NULL : w->platform, slugs, n, m->err) < 0)
		return -1;
	if (!other)
		return 0;
	char **skip;
	size_t nskip, kept = 0;
	if (compare_select(m->s, w->from, w->to, w->platform + 1, &skip, &nskip, m->err) < 0)
		return -1;
	for (size_t i = 0; i < *n; i++) {
		size_t k = 0;
		while (k < nskip && strcmp(skip[k], (*slugs)[i]) != 0)
			k++;
		if (k < nskip)
			free((*slugs)[i]);
		else
			(*slugs)[kept++] = (*slugs)[i];
	}
	*n = kept;
	strings_free(skip, nskip);
	return 0;
}

/* Pools a window's readings into its value, as the metric does. */
static void window_value(const struct indicator *ind, struct window *w)
{
	w->value = (struct plan_value){ NAN, NAN, NAN };
	if (ind->metric == PLAN_METRIC_RATIO || ind->metric == PLAN_METRIC_RATE_RATIO) {
		double *e = xcalloc(w->n + 1, sizeof *e), *lo = xcalloc(w->n + 1, sizeof *lo);
		double *hi = xcalloc(w->n + 1, sizeof *hi);
		for (size_t i = 0; i < w->n; i++)
			e[i] = w->readings[i].estimate, lo[i] = w->readings[i].lower, hi[i] = w->readings[i].upper;
		w->used = plan_window_mean(e, lo, hi, w->n, &w->value);
		free(e), free(lo), free(hi);
		return;
	}
	for (size_t i = 0; i < w->n; i++) {
		const struct reading *r = &w->readings[i];
		w->hits += r->hits;
		w->judged += r->judged;
		w->used += !isnan(r->estimate);
		for (size_t k = 0; k < r->ndims; k++)
			add_name(&w->dims, &w->ndims, r->dims[k]);
	}
	if (ind->metric == PLAN_METRIC_BASELINES && w->n > 0)
		w->value.estimate = (double)w->ndims;
	else if (ind->metric != PLAN_METRIC_BASELINES && w->judged > 0)
		w->value.estimate = w->hits / w->judged;
}

/* Measures window W of IND: selects its consultations and reads each. */
static int measure_window(struct measure *m, const struct indicator *ind, struct window *w)
{
	char **slugs;
	size_t n;
	w->value = (struct plan_value){ NAN, NAN, NAN };
	if (!w->defined)
		return 0;
	if (select_window(m, w, &slugs, &n) < 0)
		return -1;
	w->readings = xcalloc(n ? n : 1, sizeof *w->readings);
	int rc = 0;
	for (size_t i = 0; i < n; i++) {
		const struct compare *c = rc == 0 ? compared(m, slugs[i]) : NULL;
		if (!c)
			rc = -1;
		else {
			struct reading *r = &w->readings[w->n++];
			r->slug = xstrdup(slugs[i]);
			read_indicator(ind, c, r);
		}
	}
	strings_free(slugs, n);
	if (rc == 0)
		window_value(ind, w);
	return rc;
}

/* Measures both windows of IND and sets its status. */
static int measure_indicator(struct measure *m, struct indicator *ind)
{
	for (int k = 0; k < 2; k++) {
		struct window *w = &ind->w[k];
		w->from = ind->span[k][0], w->to = ind->span[k][1], w->platform = ind->span[k][2];
		w->defined = k == 1 || w->from || w->to || w->platform;
		if (measure_window(m, ind, w) < 0)
			return -1;
	}
	ind->status = plan_indicator_status(ind->comparison, ind->target, ind->w[0].defined ? &ind->w[0].value : NULL,
	    &ind->w[1].value);
	return 0;
}

static void window_free(struct window *w)
{
	for (size_t i = 0; i < w->n; i++)
		reading_free(&w->readings[i]);
	free(w->readings);
	strings_free(w->dims, w->ndims);
}

static void indicator_free(struct indicator *ind)
{
	free(ind->code), free(ind->plan), free(ind->label), free(ind->metric_name), free(ind->dimension);
	free(ind->group), free(ind->comparison_name), free(ind->note);
	for (int k = 0; k < 2; k++) {
		for (int j = 0; j < 3; j++)
			free(ind->span[k][j]);
		window_free(&ind->w[k]);
	}
}

/* ---- what is held: plans, actions, indicators ---- */

struct plan_info {
	char *code, *title, *council, *start, *end, *status, *origin;
	long actions, measurable, indicators;
};

struct action {
	char *plan, *code, *role, *objective, *text, *responsible, *due_text, *due_date, *success, *connections;
	size_t *inds;                   /* its indicators, as indices into book.inds */
	size_t ninds;
	enum plan_status status;
	int overdue;
};

/* Everything `reach actions` and the report's section show. */
struct book {
	struct plan_info *plans;
	size_t nplans;
	struct action *actions;
	size_t nactions;
	struct indicator *inds;
	size_t ninds;
	char as_of[11];
};

static char *column_text(sqlite3_stmt *st, int col)
{
	const unsigned char *v = sqlite3_column_text(st, col);
	return xstrdup(v ? (const char *)v : "");
}

static char *column_or_null(sqlite3_stmt *st, int col)
{
	const unsigned char *v = sqlite3_column_text(st, col);
	return v && *v ? xstrdup((const char *)v) : NULL;
}

static double column_number(sqlite3_stmt *st, int col)
{
	return sqlite3_column_type(st, col) == SQLITE_NULL ? NAN : sqlite3_column_double(st, col);
}

static int load_plans(struct store *s, struct book *b)
{
	sqlite3_stmt *st = store_stmt(s, "plan_list");
	while (store_step(s, st) == SQLITE_ROW) {
		b->plans = xrealloc(b->plans, (b->nplans + 1) * sizeof *b->plans);
		struct plan_info *p = &b->plans[b->nplans++];
		p->code = column_text(st, 0), p->title = column_text(st, 1), p->council = column_text(st, 2);
		p->start = column_text(st, 3), p->end = column_text(st, 4), p->status = column_text(st, 5);
		p->origin = column_text(st, 6);
		p->actions = (long)sqlite3_column_int64(st, 7);
		p->measurable = (long)sqlite3_column_int64(st, 8);
		p->indicators = (long)sqlite3_column_int64(st, 9);
	}
	return store_failed(s) ? -1 : 0;
}

static int load_actions(struct store *s, const char *plan, struct book *b)
{
	sqlite3_stmt *st = store_stmt(s, "plan_actions_list");
	store_bind_text(st, ":plan", plan);
	while (store_step(s, st) == SQLITE_ROW) {
		b->actions = xrealloc(b->actions, (b->nactions + 1) * sizeof *b->actions);
		struct action *a = &b->actions[b->nactions++];
		memset(a, 0, sizeof *a);
		a->plan = column_text(st, 0), a->code = column_text(st, 1), a->role = column_text(st, 2);
		a->objective = column_text(st, 3), a->text = column_text(st, 4), a->responsible = column_text(st, 5);
		a->due_text = column_text(st, 6), a->due_date = column_text(st, 7), a->success = column_text(st, 8);
		a->connections = column_text(st, 9);
	}
	return store_failed(s) ? -1 : 0;
}

static struct action *find_action(struct book *b, const char *plan, const char *code)
{
	for (size_t i = 0; i < b->nactions; i++)
		if (strcmp(b->actions[i].plan, plan) == 0 && strcmp(b->actions[i].code, code) == 0)
			return &b->actions[i];
	return NULL;
}

/* Reads one indicator row into IND (whose windows are not yet measured). */
static void read_indicator_row(sqlite3_stmt *st, struct indicator *ind)
{
	memset(ind, 0, sizeof *ind);
	ind->code = column_text(st, 0), ind->plan = column_text(st, 1), ind->label = column_text(st, 3);
	ind->metric_name = column_text(st, 4), ind->dimension = column_text(st, 5), ind->group = column_text(st, 6);
	ind->threshold = column_number(st, 7);
	ind->comparison_name = column_text(st, 8);
	ind->target = column_number(st, 9);
	for (int k = 0; k < 2; k++)
		for (int j = 0; j < 3; j++)
			ind->span[k][j] = column_or_null(st, 10 + 3 * k + j);
	ind->note = column_text(st, 16);
	if (plan_metric_parse(ind->metric_name, &ind->metric) < 0)
		ind->metric = PLAN_METRIC_RATIO;     /* checked on import: not reached */
	if (plan_comparison_parse(ind->comparison_name, &ind->comparison) < 0)
		ind->comparison = PLAN_AT_LEAST;
	ind->status = PLAN_NO_DATA;
}

/* Loads the indicators of PLAN (NULL: all), each once, and links them to the actions loaded. */
static int load_indicators(struct store *s, const char *plan, struct book *b)
{
	sqlite3_stmt *st = store_stmt(s, "plan_indicators_list");
	store_bind_text(st, ":plan", plan);
	while (store_step(s, st) == SQLITE_ROW) {
		const char *code = (const char *)sqlite3_column_text(st, 0), *of = (const char *)sqlite3_column_text(st, 1);
		size_t i = 0;
		while (i < b->ninds && !(strcmp(b->inds[i].code, code) == 0 && strcmp(b->inds[i].plan, of) == 0))
			i++;
		if (i == b->ninds) {
			b->inds = xrealloc(b->inds, (b->ninds + 1) * sizeof *b->inds);
			read_indicator_row(st, &b->inds[b->ninds++]);
		}
		struct action *a = find_action(b, of, (const char *)sqlite3_column_text(st, 2));
		if (a) {
			a->inds = xrealloc(a->inds, (a->ninds + 1) * sizeof *a->inds);
			a->inds[a->ninds++] = i;
		}
	}
	return store_failed(s) ? -1 : 0;
}

static void book_free(struct book *b)
{
	for (size_t i = 0; i < b->nplans; i++) {
		struct plan_info *p = &b->plans[i];
		free(p->code), free(p->title), free(p->council), free(p->start), free(p->end), free(p->status);
		free(p->origin);
	}
	for (size_t i = 0; i < b->nactions; i++) {
		struct action *a = &b->actions[i];
		free(a->plan), free(a->code), free(a->role), free(a->objective), free(a->text), free(a->responsible);
		free(a->due_text), free(a->due_date), free(a->success), free(a->connections), free(a->inds);
	}
	for (size_t i = 0; i < b->ninds; i++)
		indicator_free(&b->inds[i]);
	free(b->plans), free(b->actions), free(b->inds);
}

static const struct plan_info *find_plan(const struct book *b, const char *code)
{
	for (size_t i = 0; i < b->nplans; i++)
		if (strcmp(b->plans[i].code, code) == 0)
			return &b->plans[i];
	return NULL;
}

/* Loads PLAN (NULL: every plan) with its actions and indicators. */
static int load_book(struct store *s, const char *plan, struct book *b, struct reach_error *err)
{
	memset(b, 0, sizeof *b);
	if (load_plans(s, b) < 0 || load_actions(s, plan, b) < 0 || load_indicators(s, plan, b) < 0) {
		*err = *store_error(s);
		return -1;
	}
	if (plan && !find_plan(b, plan)) {
		error_set(err, REACH_EDATA, NULL, 0, "no plan %s is held (reach plan list shows those held)", plan);
		return -1;
	}
	return 0;
}

/* ---- reach plan list ---- */

int plan_list(struct store *s, FILE *out, struct reach_error *err)
{
	struct book b;
	if (load_book(s, NULL, &b, err) < 0) {
		book_free(&b);
		return -1;
	}
	if (b.nplans == 0)
		fputs("no plans held: reach plan import FILE\n", out);
	else
		fprintf(out, "%-10s %-10s %-10s %-8s %7s %10s %10s  %s\n", "plan", "from", "to", "status", "actions",
		    "measurable", "indicators", "title");
	for (size_t i = 0; i < b.nplans; i++) {
		const struct plan_info *p = &b.plans[i];
		fprintf(out, "%-10s %-10s %-10s %-8s %7ld %10ld %10ld  %s\n", p->code, *p->start ? p->start : "-",
		    *p->end ? p->end : "-", *p->status ? p->status : "-", p->actions, p->measurable, p->indicators, p->title);
	}
	for (size_t i = 0; i < b.nplans; i++) {
		const struct plan_info *p = &b.plans[i];
		fprintf(out, "%s%s: %s; %s%s\n", i ? "" : "\n", p->code, *p->council ? p->council : "no council given",
		    strcmp(p->origin, "built in") == 0 ? "" : "imported from ", p->origin);
	}
	book_free(&b);
	return 0;
}

/* ---- measuring every action ---- */

/* Measures every indicator of B and sets each action's status and overdue. */
static int measure_book(struct store *s, const struct taxonomy *t, const struct compare_options *o, struct book *b,
    struct reach_error *err)
{
	struct measure m = { s, t, o, NULL, NULL, 0, err };
	int rc = 0;
	for (size_t i = 0; rc == 0 && i < b->ninds; i++)
		rc = measure_indicator(&m, &b->inds[i]);
	measure_free(&m);
	for (size_t i = 0; rc == 0 && i < b->nactions; i++) {
		struct action *a = &b->actions[i];
		enum plan_status *st = xcalloc(a->ninds + 1, sizeof *st);
		for (size_t k = 0; k < a->ninds; k++)
			st[k] = b->inds[a->inds[k]].status;
		a->status = plan_action_status(st, a->ninds);
		a->overdue = plan_overdue(a->due_date, b->as_of, a->status);
		free(st);
	}
	return rc;
}

/* ---- words shared by the formats ---- */

static const char *status_words(enum plan_status s)
{
	static const char *const words[] = { "met", "improving", "not met", "no data", "not measurable by reach" };
	return (unsigned)s <= PLAN_NOT_MEASURABLE ? words[s] : "unknown";
}

/* Is the metric's value a fraction shown as a percentage? */
static int is_share(enum plan_metric m)
{
	return m == PLAN_METRIC_SHARE_AT_LEAST || m == PLAN_METRIC_ASKED;
}

/* A window's value in words: "0.41 (0.30–0.55)", "67 % (4 of 6)", "6 dimensions", "no data". */
static void put_value(struct buf *b, const struct indicator *ind, const struct window *w)
{
	const struct plan_value *v = &w->value;
	if (isnan(v->estimate))
		buf_puts(b, "no data");
	else if (is_share(ind->metric))
		buf_printf(b, "%.0f %% (%.0f of %.0f)", 100 * v->estimate, w->hits, w->judged);
	else if (ind->metric == PLAN_METRIC_BASELINES)
		buf_printf(b, "%.0f dimension%s", v->estimate, v->estimate == 1 ? "" : "s");
	else
		put_ratio(b, v->estimate, v->lower, v->upper);
}

/* The target in words: "0.80 or more", "all (100 %)", "a clear rise on the baseline". */
static void put_target(struct buf *b, const struct indicator *ind)
{
	int up = ind->comparison == PLAN_AT_LEAST;
	if (ind->comparison == PLAN_RISE || ind->comparison == PLAN_FALL)
		buf_printf(b, "a %s on the baseline beyond its margin of error", ind->comparison == PLAN_RISE ? "rise" : "fall");
	else if (is_share(ind->metric) && ind->target == (up ? 1 : 0))
		buf_puts(b, up ? "all (100 %)" : "none (0 %)");
	else if (is_share(ind->metric))
		buf_printf(b, "%.0f %% or %s", 100 * ind->target, up ? "more" : "less");
	else if (ind->metric == PLAN_METRIC_BASELINES)
		buf_printf(b, "%g dimensions or %s", ind->target, up ? "more" : "fewer");
	else
		buf_printf(b, "%.2f or %s", ind->target, up ? "more" : "less");
}

/* The window in words: "closing 2018-12-01 to 2019-11-30, on letstalk". */
static void put_span(struct buf *b, const struct window *w)
{
	if (w->from && w->to)
		buf_printf(b, "closing %s to %s", w->from, w->to);
	else if (w->from)
		buf_printf(b, "closing from %s", w->from);
	else if (w->to)
		buf_printf(b, "closing by %s", w->to);
	else
		buf_puts(b, "any closing date");
	if (w->platform && w->platform[0] == '!')
		buf_printf(b, ", on any platform but %s", w->platform + 1);
	else if (w->platform)
		buf_printf(b, ", on %s", w->platform);
}

/* A space that text wrapping does not break at. */
#define NO_BREAK '\x01'

/* The consultations behind a window's value: "parking-2018", "budget-2022 0.47, parking-2025 0.57". */
static void put_evidence(struct buf *b, const struct window *w, int with_values)
{
	size_t shown = 0;
	for (size_t i = 0; i < w->n; i++) {
		const struct reading *r = &w->readings[i];
		if (isnan(r->estimate))
			continue;
		buf_printf(b, "%s%s", shown++ ? ", " : "", r->slug);
		/* Slug and value stay on one line when text is wrapped: NO_BREAK is written as a space. */
		if (with_values) {
			buf_putc(b, NO_BREAK);
			for (const char *p = r->brief.data; *p; p++)
				buf_putc(b, *p == ' ' ? NO_BREAK : *p);
		}
	}
}

static const char *today(char out[11])
{
	days_to_date((long)(time(NULL) / 86400), out);
	return out;
}

/* ---- reach actions: text ---- */

#define TEXT_WIDTH 79

/* Columns TEXT takes on a terminal (UTF-8 characters, each one column). */
static int text_columns(const char *text, size_t len)
{
	int n = 0;
	for (size_t i = 0; i < len; i++)
		n += ((unsigned char)text[i] & 0xC0) != 0x80;
	return n;
}

/*
 * Writes TEXT from column COLUMN (what the line already holds), wrapped at
 * TEXT_WIDTH between words, later lines indented by INDENT; ends the line.
 */
static void put_wrapped(FILE *out, const char *text, int column, int indent)
{
	int at = column, first = 1;
	while (*text) {
		while (*text == ' ')
			text++;
		size_t len = strcspn(text, " ");
		if (!len)
			break;
		int width = text_columns(text, len);
		if (!first && at + 1 + width > TEXT_WIDTH) {
			fprintf(out, "\n%*s", indent, "");
			at = indent;
		} else if (!first) {
			fputc(' ', out);
			at++;
		}
		for (size_t i = 0; i < len; i++)
			fputc(text[i] == NO_BREAK ? ' ' : text[i], out);
		at += width;
		first = 0;
		text += len;
	}
	fputc('\n', out);
}

/* "  Label:   text…", wrapped under the text. */
static void text_field(FILE *out, int indent, const char *label, const char *text)
{
	fprintf(out, "%*s%-9s", indent, "", label);
	put_wrapped(out, text, indent + 9, indent + 9);
}

static void text_window(FILE *out, const char *label, const struct indicator *ind, const struct window *w)
{
	struct buf b = { 0 };
	put_value(&b, ind, w);
	if (w->used == 1) {
		buf_puts(&b, ", from ");
		put_evidence(&b, w, 0);
	} else if (w->used > 1) {
		buf_puts(&b, ind->metric == PLAN_METRIC_RATIO || ind->metric == PLAN_METRIC_RATE_RATIO ? ", mean of " : ", from ");
		put_evidence(&b, w, 1);
	}
	if (w->n == 0) {
		buf_puts(&b, ": no consultation ");
		put_span(&b, w);
	}
	text_field(out, 8, label, b.data);
	/* What the consultations without a value showed, so that the gap is explained. */
	for (size_t i = 0; i < w->n; i++)
		if (isnan(w->readings[i].estimate)) {
			buf_reset(&b);
			buf_printf(&b, "%s: %s", w->readings[i].slug, w->readings[i].showed.data);
			text_field(out, 8, "", b.data);
		}
	buf_free(&b);
}

/* An indicator in full, or (SHOWN_UNDER not NULL) a line pointing to where it was shown. */
static void text_indicator(FILE *out, const struct indicator *ind, const char *shown_under)
{
	struct buf b = { 0 };
	buf_printf(&b, "%s: %s", ind->label, status_words(ind->status));
	if (shown_under)
		buf_printf(&b, " (as shown under %s)", shown_under);
	fprintf(out, "      %s  ", ind->code);
	put_wrapped(out, b.data, 8 + (int)strlen(ind->code), 8);
	if (shown_under) {
		buf_free(&b);
		return;
	}
	if (ind->w[0].defined)
		text_window(out, "baseline", ind, &ind->w[0]);
	text_window(out, "latest", ind, &ind->w[1]);
	buf_reset(&b);
	put_target(&b, ind);
	text_field(out, 8, "target", b.data);
	if (*ind->note)
		text_field(out, 8, "note", ind->note);
	buf_free(&b);
}

/* An action; SHOWN[i] names the action indicator i was shown under so far, or is NULL. */
static void text_action(FILE *out, const struct book *bk, const struct action *a, const char **shown)
{
	struct buf b = { 0 };
	fprintf(out, "\n  %s  %s\n", a->code, *a->role ? a->role : "");
	fputs("    ", out);
	put_wrapped(out, a->text, 4, 4);
	text_field(out, 4, "Owner:", *a->responsible ? a->responsible : "none given");
	if (*a->due_text)
		buf_printf(&b, "\"%s\"", a->due_text);
	if (*a->due_date)
		buf_printf(&b, "%s%s%s, %s", b.len ? " (" : "", a->due_date, b.len ? ")" : "",
		    a->overdue ? "overdue" : "not overdue");
	if (*a->due_text && !*a->due_date)
		buf_puts(&b, ", no date to be overdue by");
	text_field(out, 4, "Due:", b.len ? b.data : "none given");
	text_field(out, 4, "Status:", status_words(a->status));
	if (*a->success)
		text_field(out, 4, "Measure:", a->success);
	if (a->ninds)
		fputs("    Indicators:\n", out);
	for (size_t k = 0; k < a->ninds; k++) {
		size_t i = a->inds[k];
		text_indicator(out, &bk->inds[i], shown[i]);
		if (!shown[i])
			shown[i] = a->code;
	}
	buf_free(&b);
}

/* Counts of the plan's actions by status, and overdue: "met 1, improving 2, …; 5 overdue". */
static void put_tally(struct buf *b, const struct book *bk, const char *plan)
{
	size_t by[PLAN_NOT_MEASURABLE + 1] = { 0 }, overdue = 0, n = 0;
	for (size_t i = 0; i < bk->nactions; i++)
		if (strcmp(bk->actions[i].plan, plan) == 0) {
			by[bk->actions[i].status]++;
			overdue += bk->actions[i].overdue;
			n++;
		}
	buf_printf(b, "%zu actions: ", n);
	for (int s = 0; s <= PLAN_NOT_MEASURABLE; s++)
		buf_printf(b, "%s%zu %s", s ? ", " : "", by[s], status_words((enum plan_status)s));
	buf_printf(b, "; %zu overdue", overdue);
}

/* The plan's heading facts: "Maidstone Borough Council, 2018-12-01 to 2019-11-30, adopted". */
static void put_plan_facts(struct buf *b, const struct plan_info *p)
{
	buf_puts(b, *p->council ? p->council : "no council given");
	if (*p->start || *p->end)
		buf_printf(b, ", %s to %s", *p->start ? p->start : "?", *p->end ? p->end : "?");
	if (*p->status)
		buf_printf(b, ", %s", p->status);
}

static void text_actions(FILE *out, const struct book *bk)
{
	const char **shown = xcalloc(bk->ninds + 1, sizeof *shown);
	fprintf(out, "Equality action plans, as of %s\n", bk->as_of);
	if (bk->nactions == 0)
		fputs("\nno actions held: reach plan import FILE adds a plan's actions (docs/plans.md)\n", out);
	for (size_t p = 0; p < bk->nplans; p++) {
		const struct plan_info *plan = &bk->plans[p];
		struct buf b = { 0 };
		int any = 0;
		for (size_t i = 0; i < bk->nactions && !any; i++)
			any = strcmp(bk->actions[i].plan, plan->code) == 0;
		if (!any)
			continue;
		fprintf(out, "\n%s  ", plan->code);
		put_wrapped(out, plan->title, (int)strlen(plan->code) + 2, 2);
		put_plan_facts(&b, plan);
		fputs("  ", out);
		put_wrapped(out, b.data, 2, 2);
		buf_reset(&b);
		put_tally(&b, bk, plan->code);
		fputs("  ", out);
		put_wrapped(out, b.data, 2, 2);
		for (size_t i = 0; i < bk->nactions; i++)
			if (strcmp(bk->actions[i].plan, plan->code) == 0)
				text_action(out, bk, &bk->actions[i], shown);
		buf_free(&b);
	}
	free(shown);
}

/* ---- reach actions: Markdown ---- */

/* A table cell: "|" escaped, line breaks as spaces. */
static void md_cell(FILE *out, const char *text)
{
	fputs(" ", out);
	for (const char *p = text; *p; p++) {
		if (*p == '|')
			fputs("\\|", out);
		else if (*p == '\n' || *p == '\r')
			fputc(' ', out);
		else
			fputc(*p, out);
	}
	fputs(" |", out);
}

static void md_action(FILE *out, const struct book *bk, const struct action *a)
{
	struct buf b = { 0 };
	size_t rows = a->ninds ? a->ninds : 1;
	for (size_t k = 0; k < rows; k++) {
		const struct indicator *ind = a->ninds ? &bk->inds[a->inds[k]] : NULL;
		fputs("|", out);
		if (k == 0) {
			buf_printf(&b, "**%s** %s", a->code, a->text);
			md_cell(out, b.data);
			md_cell(out, a->responsible);
			buf_reset(&b);
			if (*a->due_text || *a->due_date)
				buf_printf(&b, "%s%s%s%s", a->due_text, *a->due_text && *a->due_date ? " (" : "", a->due_date,
				    *a->due_text && *a->due_date ? ")" : "");
			md_cell(out, b.data);
			md_cell(out, *a->due_date ? (a->overdue ? "yes" : "no") : "");
			md_cell(out, status_words(a->status));
		} else {
			fputs("  |  |  |  |  |", out);
		}
		if (!ind) {
			fputs("  |  |  |  |  |  |\n", out);
			break;
		}
		buf_reset(&b);
		buf_printf(&b, "%s (%s)", ind->label, ind->code);
		md_cell(out, b.data);
		buf_reset(&b);
		if (ind->w[0].defined)
			put_value(&b, ind, &ind->w[0]);
		md_cell(out, b.data);
		buf_reset(&b);
		put_value(&b, ind, &ind->w[1]);
		md_cell(out, b.data);
		buf_reset(&b);
		put_target(&b, ind);
		md_cell(out, b.data);
		md_cell(out, status_words(ind->status));
		buf_reset(&b);
		if (ind->w[0].defined && ind->w[0].used) {
			buf_puts(&b, "baseline: ");
			put_evidence(&b, &ind->w[0], 0);
			buf_puts(&b, "; ");
		}
		if (ind->w[1].used) {
			buf_puts(&b, "latest: ");
			put_evidence(&b, &ind->w[1], 0);
		}
		md_cell(out, b.data);
		fputc('\n', out);
		buf_reset(&b);
	}
	buf_free(&b);
}

static void md_actions(FILE *out, const struct book *bk)
{
	fprintf(out, "# Equality action plans, as of %s\n", bk->as_of);
	for (size_t p = 0; p < bk->nplans; p++) {
		const struct plan_info *plan = &bk->plans[p];
		struct buf b = { 0 };
		put_plan_facts(&b, plan);
		buf_puts(&b, ". ");
		put_tally(&b, bk, plan->code);
		int any = 0;
		for (size_t i = 0; i < bk->nactions && !any; i++)
			any = strcmp(bk->actions[i].plan, plan->code) == 0;
		if (any) {
			fprintf(out, "\n## %s: %s\n\n%s.\n\n", plan->code, plan->title, b.data);
			fputs("| Action | Owner | Due | Overdue | Status | Indicator | Baseline | Latest | Target | "
			      "Indicator status | Evidence |\n", out);
			fputs("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n", out);
			for (size_t i = 0; i < bk->nactions; i++)
				if (strcmp(bk->actions[i].plan, plan->code) == 0)
					md_action(out, bk, &bk->actions[i]);
		}
		buf_free(&b);
	}
}

/* ---- reach actions: CSV, one row per action and indicator ---- */

static void csv_number(FILE *out, double v)
{
	if (!isnan(v))
		fprintf(out, "%.6g", v);
	fputc(',', out);
}

static void csv_text(FILE *out, const char *text)
{
	emit_csv_cell(out, text ? text : "");
	fputc(',', out);
}

static void csv_window(FILE *out, const struct window *w)
{
	struct buf b = { 0 };
	csv_number(out, w->value.estimate);
	csv_number(out, w->value.lower);
	csv_number(out, w->value.upper);
	for (size_t i = 0; i < w->n; i++)
		if (!isnan(w->readings[i].estimate))
			buf_printf(&b, "%s%s", b.len ? "; " : "", w->readings[i].slug);
	csv_text(out, b.data);
	buf_free(&b);
}

static void csv_actions(FILE *out, const struct book *bk)
{
	static const struct window none = { NULL, NULL, NULL, 0, NULL, 0, 0, { NAN, NAN, NAN }, 0, 0, NULL, 0 };
	fputs("plan,action_code,role,action,responsible,due_text,due_date,overdue,action_status,indicator_code,"
	      "indicator,metric,dimension,group,baseline,baseline_lower,baseline_upper,baseline_consultations,"
	      "latest,latest_lower,latest_upper,latest_consultations,comparison,target,indicator_status\n", out);
	for (size_t i = 0; i < bk->nactions; i++) {
		const struct action *a = &bk->actions[i];
		for (size_t k = 0; k < (a->ninds ? a->ninds : 1); k++) {
			const struct indicator *ind = a->ninds ? &bk->inds[a->inds[k]] : NULL;
			csv_text(out, a->plan);
			csv_text(out, a->code);
			csv_text(out, a->role);
			csv_text(out, a->text);
			csv_text(out, a->responsible);
			csv_text(out, a->due_text);
			csv_text(out, a->due_date);
			csv_text(out, *a->due_date ? (a->overdue ? "yes" : "no") : "");
			csv_text(out, plan_status_name(a->status));
			csv_text(out, ind ? ind->code : "");
			csv_text(out, ind ? ind->label : "");
			csv_text(out, ind ? ind->metric_name : "");
			csv_text(out, ind ? ind->dimension : "");
			csv_text(out, ind ? ind->group : "");
			csv_window(out, ind && ind->w[0].defined ? &ind->w[0] : &none);
			csv_window(out, ind ? &ind->w[1] : &none);
			csv_text(out, ind ? ind->comparison_name : "");
			csv_number(out, ind ? ind->target : NAN);
			emit_csv_cell(out, plan_status_name(ind ? ind->status : a->status));
			fputc('\n', out);
		}
	}
}

/* ---- reach actions: JSON (docs/plans.md) ---- */

/* An empty string as null. */
static void json_text(FILE *out, const char *s)
{
	emit_json_string(out, s && *s ? s : NULL);
}

/* "KEY": V, for a string member. */
static void json_member(FILE *out, const char *key, const char *value, int first)
{
	fprintf(out, "%s\"%s\": ", first ? "" : ", ", key);
	json_text(out, value);
}

static void json_window(FILE *out, const struct window *w)
{
	if (!w->defined) {
		fputs("null", out);
		return;
	}
	fputc('{', out);
	json_member(out, "from", w->from, 1);
	json_member(out, "to", w->to, 0);
	json_member(out, "platform", w->platform, 0);
	fputs(", \"value\": ", out);
	emit_json_number(out, w->value.estimate);
	fputs(", \"lower\": ", out);
	emit_json_number(out, w->value.lower);
	fputs(", \"upper\": ", out);
	emit_json_number(out, w->value.upper);
	fputs(", \"consultations\": [", out);
	for (size_t i = 0; i < w->n; i++) {
		const struct reading *r = &w->readings[i];
		fputs(i ? ",\n        {" : "\n        {", out);
		json_member(out, "slug", r->slug, 1);
		fputs(", \"value\": ", out);
		emit_json_number(out, r->estimate);
		fputs(", \"lower\": ", out);
		emit_json_number(out, r->lower);
		fputs(", \"upper\": ", out);
		emit_json_number(out, r->upper);
		json_member(out, "showed", r->showed.data, 0);
		fputc('}', out);
	}
	fputs("]}", out);
}

static void json_indicator(FILE *out, const struct indicator *ind)
{
	fputc('{', out);
	json_member(out, "code", ind->code, 1);
	json_member(out, "label", ind->label, 0);
	json_member(out, "metric", ind->metric_name, 0);
	json_member(out, "dimension", ind->dimension, 0);
	json_member(out, "group", ind->group, 0);
	fputs(", \"threshold\": ", out);
	emit_json_number(out, ind->threshold);
	json_member(out, "comparison", ind->comparison_name, 0);
	fputs(", \"target\": ", out);
	emit_json_number(out, ind->target);
	json_member(out, "status", plan_status_name(ind->status), 0);
	json_member(out, "note", ind->note, 0);
	fputs(",\n      \"baseline\": ", out);
	json_window(out, &ind->w[0]);
	fputs(",\n      \"latest\": ", out);
	json_window(out, &ind->w[1]);
	fputc('}', out);
}

static void json_action(FILE *out, const struct book *bk, const struct action *a)
{
	fputs("{", out);
	json_member(out, "code", a->code, 1);
	json_member(out, "role", a->role, 0);
	json_member(out, "objective", a->objective, 0);
	json_member(out, "action", a->text, 0);
	json_member(out, "responsible", a->responsible, 0);
	json_member(out, "due_text", a->due_text, 0);
	json_member(out, "due_date", a->due_date, 0);
	fprintf(out, ", \"overdue\": %s", a->overdue ? "true" : "false");
	json_member(out, "status", plan_status_name(a->status), 0);
	json_member(out, "success_measure", a->success, 0);
	json_member(out, "connections", a->connections, 0);
	fputs(",\n     \"indicators\": [", out);
	for (size_t k = 0; k < a->ninds; k++) {
		fputs(k ? ",\n      " : "\n      ", out);
		json_indicator(out, &bk->inds[a->inds[k]]);
	}
	fputs("]}", out);
}

static void json_actions(FILE *out, const struct book *bk)
{
	fprintf(out, "{\"reach_actions\": 1, \"as_of\": \"%s\",\n \"plans\": [", bk->as_of);
	size_t shown = 0;
	for (size_t p = 0; p < bk->nplans; p++) {
		const struct plan_info *plan = &bk->plans[p];
		size_t n = 0;
		for (size_t i = 0; i < bk->nactions; i++)
			n += strcmp(bk->actions[i].plan, plan->code) == 0;
		if (!n)
			continue;
		fputs(shown++ ? ",\n  {" : "\n  {", out);
		json_member(out, "code", plan->code, 1);
		json_member(out, "title", plan->title, 0);
		json_member(out, "council", plan->council, 0);
		json_member(out, "period_start", plan->start, 0);
		json_member(out, "period_end", plan->end, 0);
		json_member(out, "status", plan->status, 0);
		json_member(out, "origin", plan->origin, 0);
		fputs(",\n   \"actions\": [", out);
		for (size_t i = 0, k = 0; i < bk->nactions; i++)
			if (strcmp(bk->actions[i].plan, plan->code) == 0) {
				fputs(k++ ? ",\n    " : "\n    ", out);
				json_action(out, bk, &bk->actions[i]);
			}
		fputs("]}", out);
	}
	fputs("]}\n", out);
}

/* ---- reach actions ---- */

int plan_actions(struct store *s, const struct taxonomy *t, const struct plan_actions_options *o, FILE *out,
    struct reach_error *err)
{
	struct book b;
	char now[11];
	const char *format = o->format ? o->format : "text";
	int rc = load_book(s, o->plan, &b, err);
	if (rc == 0) {
		snprintf(b.as_of, sizeof b.as_of, "%s", o->as_of ? o->as_of : today(now));
		rc = measure_book(s, t, &o->compare, &b, err);
	}
	if (rc == 0 && strcmp(format, "json") == 0)
		json_actions(out, &b);
	else if (rc == 0 && strcmp(format, "csv") == 0)
		csv_actions(out, &b);
	else if (rc == 0 && strcmp(format, "md") == 0)
		md_actions(out, &b);
	else if (rc == 0)
		text_actions(out, &b);
	book_free(&b);
	return rc;
}

/* ---- the report's section: what a consultation is evidence for ---- */

/* Does consultation CC close within window W? */
static int in_window(const struct window *w, const struct compare_consultation *cc)
{
	const char *closed = cc->closed ? cc->closed : "", *platform = cc->platform ? cc->platform : "";
	if (!w->defined || ((w->from || w->to) && !*closed))
		return 0;
	if ((w->from && strcmp(closed, w->from) < 0) || (w->to && strcmp(closed, w->to) > 0))
		return 0;
	if (w->platform && w->platform[0] == '!')
		return strcmp(platform, w->platform + 1) != 0;
	return !w->platform || strcmp(platform, w->platform) == 0;
}

/* Which window of IND the consultations of C fall in: 1 measured, 0 baseline, -1 neither. */
static int window_of(struct indicator *ind, const struct compare *c)
{
	int found = -1;
	for (int k = 0; k < 2; k++) {
		struct window *w = &ind->w[k];
		w->from = ind->span[k][0], w->to = ind->span[k][1], w->platform = ind->span[k][2];
		w->defined = k == 1 || w->from || w->to || w->platform;
	}
	for (size_t i = 0; i < c->nconsultations; i++)
		for (int k = 1; k >= 0; k--)
			if (in_window(&ind->w[k], &c->consultations[i]) && k > found)
				found = k;
	return found;
}

static const char *const window_words[] = { "baseline", "measured" };

/* Do actions A and B take the consultation as evidence through the same indicators? */
static int same_evidence(const struct action *a, const struct action *b, const int *windows)
{
	size_t i = 0, k = 0;
	for (;;) {
		while (i < a->ninds && windows[a->inds[i]] < 0)
			i++;
		while (k < b->ninds && windows[b->inds[k]] < 0)
			k++;
		if (i == a->ninds || k == b->ninds)
			return i == a->ninds && k == b->ninds;
		if (a->inds[i++] != b->inds[k++])
			return 0;
	}
}

static int has_evidence(const struct action *a, const int *windows)
{
	for (size_t k = 0; k < a->ninds; k++)
		if (windows[a->inds[k]] >= 0)
			return 1;
	return 0;
}

/* The section as text: each action (actions sharing the same evidence together), then what it showed. */
static void evidence_text(FILE *out, const struct book *b, const struct reading *readings, const int *windows)
{
	size_t shown = 0;
	fputs("\nEquality action plans\n", out);
	for (size_t i = 0; i < b->nactions; i++) {
		const struct action *a = &b->actions[i];
		if (!has_evidence(a, windows))
			continue;
		if (shown++ == 0)
			fputs("  This consultation is evidence for these actions:\n", out);
		fputc('\n', out);
		size_t last = i;
		while (last + 1 < b->nactions && has_evidence(&b->actions[last + 1], windows) &&
		    same_evidence(a, &b->actions[last + 1], windows))
			last++;
		for (size_t g = i; g <= last; g++) {
			const struct action *ga = &b->actions[g];
			fprintf(out, "  %s  ", ga->code);
			put_wrapped(out, ga->text, 4 + (int)strlen(ga->code), 4 + (int)strlen(ga->code));
		}
		for (size_t k = 0; k < a->ninds; k++) {
			size_t j = a->inds[k];
			if (windows[j] < 0)
				continue;
			struct buf line = { 0 };
			buf_printf(&line, "%s (%s window): %s", b->inds[j].label, window_words[windows[j]], readings[j].showed.data);
			fputs("    - ", out);
			put_wrapped(out, line.data, 6, 6);
			buf_free(&line);
		}
		i = last;
	}
	if (!shown)
		fputs("  No action of the plans held takes this consultation as evidence: its closing date and\n"
		      "  platform fall in no indicator's window (reach actions lists them).\n", out);
}

static void evidence_json(FILE *out, const struct book *b, const struct reading *readings, const int *windows)
{
	size_t shown = 0;
	fputs("[", out);
	for (size_t i = 0; i < b->nactions; i++) {
		const struct action *a = &b->actions[i];
		for (size_t k = 0; k < a->ninds; k++) {
			size_t j = a->inds[k];
			const struct indicator *ind = &b->inds[j];
			if (windows[j] < 0)
				continue;
			fputs(shown++ ? ",\n  {" : "\n  {", out);
			json_member(out, "plan", a->plan, 1);
			json_member(out, "action", a->code, 0);
			json_member(out, "action_text", a->text, 0);
			json_member(out, "due_date", a->due_date, 0);
			json_member(out, "indicator", ind->code, 0);
			json_member(out, "label", ind->label, 0);
			json_member(out, "metric", ind->metric_name, 0);
			json_member(out, "window", window_words[windows[j]], 0);
			fputs(", \"value\": ", out);
			emit_json_number(out, readings[j].estimate);
			fputs(", \"lower\": ", out);
			emit_json_number(out, readings[j].lower);
			fputs(", \"upper\": ", out);
			emit_json_number(out, readings[j].upper);
			json_member(out, "showed", readings[j].showed.data, 0);
			fputc('}', out);
		}
	}
	fputs(shown ? "\n]" : "]", out);
}

int plan_evidence(struct store *s, const struct taxonomy *t, const struct compare *c, int json, FILE *out,
    struct reach_error *err)
{
	struct book b;
	(void)t;
	if (load_book(s, NULL, &b, err) < 0) {
		book_free(&b);
		return -1;
	}
	struct reading *readings = xcalloc(b.ninds + 1, sizeof *readings);
	int *windows = xcalloc(b.ninds + 1, sizeof *windows);
	for (size_t i = 0; i < b.ninds; i++)
		if ((windows[i] = window_of(&b.inds[i], c)) >= 0)
			read_indicator(&b.inds[i], c, &readings[i]);
	if (json)
		evidence_json(out, &b, readings, windows);
	else
		evidence_text(out, &b, readings, windows);
	for (size_t i = 0; i < b.ninds; i++)
		reading_free(&readings[i]);
	free(readings);
	free(windows);
	book_free(&b);
	return 0;
}
