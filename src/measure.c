/*
 * measure.c — see measure.h. Loads the plans, actions and indicators held
 * (the book), reads each indicator from the comparison of each consultation
 * in its windows, pools the readings into each window's value, and sets
 * each indicator's and action's status and overdue. Nothing here prints.
 */
#include "measure.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "disclose.h"
#include "emit.h"
#include "policy.h"
#include "words.h"

/* ---- reading an indicator from a comparison ---- */

void measure_target_words(struct buf *b, const struct measure_indicator *ind)
{
	int up = ind->comparison == PLAN_AT_LEAST;
	int share = ind->metric == PLAN_METRIC_SHARE_AT_LEAST || ind->metric == PLAN_METRIC_ASKED;
	if (ind->comparison == PLAN_RISE || ind->comparison == PLAN_FALL)
		buf_printf(b, "a %s on the baseline beyond its margin of error", ind->comparison == PLAN_RISE ? "rise" : "fall");
	else if (share && ind->target == (up ? 1 : 0))
		buf_puts(b, up ? "all (100 %)" : "none (0 %)");
	else if (share)
		buf_printf(b, "%.0f %% or %s", 100 * ind->target, up ? "more" : "less");
	else if (ind->metric == PLAN_METRIC_BASELINES)
		buf_printf(b, "%g dimensions or %s", ind->target, up ? "more" : "fewer");
	else
		buf_printf(b, "%.2f or %s", ind->target, up ? "more" : "less");
}

static void add_name(char ***names, size_t *n, const char *name)
{
	for (size_t i = 0; i < *n; i++)
		if (strcmp((*names)[i], name) == 0)
			return;
	*names = xrealloc(*names, (*n + 1) * sizeof **names);
	(*names)[(*n)++] = xstrdup(name);
}

static void read_ratio(const struct measure_indicator *ind, const struct compare_dimension *d,
    struct measure_reading *r)
{
	const struct compare_category *cat = compare_find(d, ind->group);
	if (!cat) {
		buf_printf(&r->showed, strcmp(ind->dimension, "age") == 0 ? "%s cannot be formed from the age bands asked"
		    : "%s is not among the categories compared", ind->group);
		return;
	}
	const struct stats_interval *ratio = &cat->st.ratio;
	buf_printf(&r->showed, "%s: %.0f of %.0f answers, ", cat->label, cat->n, d->known);
	if (isnan(ratio->estimate)) {
		buf_puts(&r->showed, "no ratio (no residents counted)");
		return;
	}
	r->estimate = ratio->estimate, r->lower = ratio->lower, r->upper = ratio->upper;
	buf_puts(&r->showed, "ratio ");
	emit_interval(&r->showed, EMIT_RATIO, ratio->estimate, ratio->lower, ratio->upper);
	buf_printf(&r->showed, ", %s", words_reading(words_reading_of(cat, d->compared))->word);
	emit_interval(&r->brief, EMIT_RATIO, ratio->estimate, NAN, NAN);
	r->shortfall_target = compare_shortfall(d, cat, POLICY_PARITY_TARGET);
	r->shortfall_parity = compare_shortfall(d, cat, 1.0);
	if (r->shortfall_parity > 0 && r->shortfall_target > 0)
		buf_printf(&r->showed, "; about %.0f more response%s from %s would have reached a ratio of %g, %.0f parity",
		    r->shortfall_target, r->shortfall_target == 1 ? "" : "s", cat->label, POLICY_PARITY_TARGET,
		    r->shortfall_parity);
	else if (r->shortfall_parity > 0)
		buf_printf(&r->showed, "; about %.0f more response%s from %s would have reached parity", r->shortfall_parity,
		    r->shortfall_parity == 1 ? "" : "s", cat->label);
}

/* The categories of D with the lowest and the highest response rate (NULL when no rate is known). */
static void rate_extremes(const struct compare_dimension *d, const struct compare_category **low,
    const struct compare_category **high)
{
	*low = *high = NULL;
	for (size_t i = 0; i < d->ncats; i++) {
		const struct compare_category *cat = &d->cats[i];
		if (isnan(cat->st.rate_per_1000))
			continue;
		if (!*low || cat->st.rate_per_1000 < (*low)->st.rate_per_1000)
			*low = cat;
		if (!*high || cat->st.rate_per_1000 > (*high)->st.rate_per_1000)
			*high = cat;
	}
}

static void read_rate_ratio(const struct compare_dimension *d, struct measure_reading *r)
{
	const struct compare_category *low, *high;
	rate_extremes(d, &low, &high);
	if (!low || isnan(d->scores.min_max_ratio)) {
		buf_puts(&r->showed, "no response rates (no residents counted)");
		return;
	}
	r->estimate = d->scores.min_max_ratio;
	buf_printf(&r->showed, "lowest rate %s (%.1f per 1,000 residents), highest %s (%.1f per 1,000): %.2f",
	    low->label, low->st.rate_per_1000, high->label, high->st.rate_per_1000, r->estimate);
	buf_printf(&r->brief, "%.2f", r->estimate);
}

static void read_share(const struct measure_indicator *ind, const struct compare_dimension *d,
    struct measure_reading *r)
{
	struct buf below = { 0 };
	size_t small = 0;
	for (size_t i = 0; i < d->ncats; i++) {
		const struct compare_category *cat = &d->cats[i];
		if (isnan(cat->population) || isnan(cat->st.ratio.estimate))
			continue;
		if (words_reading_of(cat, d->compared) == READING_LOW_N) {
			small++;
			continue;
		}
		r->judged++;
		if (cat->st.ratio.estimate >= ind->threshold)
			r->hits++;
		else {
			buf_printf(&below, "%s%s (", below.len ? ", " : "", cat->label);
			emit_interval(&below, EMIT_RATIO, cat->st.ratio.estimate, NAN, NAN);
			double more = compare_shortfall(d, cat, ind->threshold);
			if (more > 0)
				buf_printf(&below, ", %.0f more to reach %g", more, ind->threshold);
			buf_putc(&below, ')');
		}
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
		buf_printf(&r->showed, "; %zu %s", small, words_reading(READING_LOW_N)->word);
	buf_free(&below);
}

static void read_asked(const struct measure_indicator *ind, const struct compare_dimension *d,
    struct measure_reading *r)
{
	r->judged = 1;
	if (!d) {
		buf_printf(&r->showed, "%s not asked", words_dimension_title(ind->dimension));
		buf_puts(&r->brief, "not asked");
		r->estimate = 0;
		return;
	}
	r->hits = 1;
	r->estimate = 1;
	buf_puts(&r->brief, "asked");
	buf_printf(&r->showed, "%s asked", words_dimension_title(ind->dimension));
	const struct compare_category *cat = *ind->group ? compare_find(d, ind->group) : NULL;
	if (cat && d->known > 0)
		buf_printf(&r->showed, "; %s: %.0f of %.0f answers (%.1f %%)", cat->label, cat->n, d->known,
		    100 * cat->n / d->known);
	if (cat && d->compared && !isnan(cat->st.ratio.estimate)) {
		buf_puts(&r->showed, ", ratio ");
		emit_interval(&r->showed, EMIT_RATIO, cat->st.ratio.estimate, cat->st.ratio.lower, cat->st.ratio.upper);
	} else if (!d->compared) {
		buf_printf(&r->showed, "; no census figures for %s are held", words_dimension_title(ind->dimension));
	}
}

static void read_baselines(const struct compare *c, struct measure_reading *r)
{
	struct buf without = { 0 };
	for (size_t i = 0; i < c->ndims; i++) {
		if (c->dims[i].compared)
			add_name(&r->dims, &r->ndims, c->dims[i].name);
		else
			buf_printf(&without, "%s%s", without.len ? ", " : "", words_dimension_title(c->dims[i].name));
	}
	r->estimate = (double)r->ndims;
	buf_printf(&r->brief, "%zu", r->ndims);
	buf_printf(&r->showed, "compared with Census 2021 figures for %s (%s): ", c->geography_name, c->geography);
	for (size_t i = 0; i < r->ndims; i++)
		buf_printf(&r->showed, "%s%s", i ? ", " : "", words_dimension_title(r->dims[i]));
	if (!r->ndims)
		buf_puts(&r->showed, "no dimension");
	if (without.len)
		buf_printf(&r->showed, "; asked without census figures: %s", without.data);
	buf_free(&without);
}

void measure_read(const struct measure_indicator *ind, const struct compare *c, struct measure_reading *r)
{
	const struct compare_dimension *d = *ind->dimension ? compare_dimension(c, ind->dimension) : NULL;
	r->estimate = r->lower = r->upper = r->shortfall_target = r->shortfall_parity = NAN;
	if (ind->metric == PLAN_METRIC_BASELINES) {
		read_baselines(c, r);
	} else if (ind->metric == PLAN_METRIC_ASKED) {
		read_asked(ind, d, r);
	} else if (!d) {
		buf_printf(&r->showed, "%s not asked", words_dimension_title(ind->dimension));
	} else if (!d->compared) {
		buf_printf(&r->showed, "no census figures for %s are held", words_dimension_title(ind->dimension));
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

/* Is CAT (a category or group of D) shown in the published report, under CATS and GROUPS? */
static int cell_shown(const struct compare_dimension *d, const struct compare_category *cat,
    const enum disclose_cell *cats, const enum disclose_cell *groups)
{
	if (cat >= d->cats && cat < d->cats + d->ncats)
		return cats[cat - d->cats] == CELL_SHOWN;
	if (cat >= d->groups && cat < d->groups + d->ngroups)
		return groups[cat - d->groups] == CELL_SHOWN;
	return 1;
}

/* Does a figure of D's reading for IND rest on a category not shown? As read_share and read_rate_ratio choose. */
static int rests_on_hidden(const struct measure_indicator *ind, const struct compare_dimension *d,
    const enum disclose_cell *cats, const enum disclose_cell *groups)
{
	if (ind->metric == PLAN_METRIC_RATIO || ind->metric == PLAN_METRIC_ASKED) {
		const struct compare_category *cat = *ind->group ? compare_find(d, ind->group) : NULL;
		return cat && !cell_shown(d, cat, cats, groups);
	}
	if (ind->metric == PLAN_METRIC_SHARE_AT_LEAST) {
		for (size_t i = 0; i < d->ncats; i++) {
			const struct compare_category *cat = &d->cats[i];
			if (!isnan(cat->population) && !isnan(cat->st.ratio.estimate) &&
			    words_reading_of(cat, d->compared) != READING_LOW_N && cats[i] != CELL_SHOWN)
				return 1;
		}
		return 0;
	}
	const struct compare_category *low, *high;
	rate_extremes(d, &low, &high);
	return (low && !cell_shown(d, low, cats, groups)) || (high && !cell_shown(d, high, cats, groups));
}

void measure_mark_hidden(const struct measure_indicator *ind, const struct compare *c, const struct taxonomy *t,
    int threshold, struct measure_reading *r)
{
	const struct compare_dimension *d = *ind->dimension ? compare_dimension(c, ind->dimension) : NULL;
	r->hidden = 0;
	if ((threshold <= 0 && !(d && d->rounding)) || !d || ind->metric == PLAN_METRIC_BASELINES)
		return;
	enum disclose_cell *cats = xcalloc(d->ncats + 1, sizeof *cats), *groups = xcalloc(d->ngroups + 1, sizeof *groups);
	enum disclose_cell extras[DISCLOSE_EXTRAS];
	disclose_suppress(d, t, threshold, cats, groups, extras);
	r->hidden = rests_on_hidden(ind, d, cats, groups);
	free(cats);
	free(groups);
}

void measure_action_statuses(struct measure_book *b)
{
	for (size_t i = 0; i < b->nactions; i++) {
		struct measure_action *a = &b->actions[i];
		enum plan_status *st = xcalloc(a->ninds + 1, sizeof *st);
		for (size_t k = 0; k < a->ninds; k++)
			st[k] = b->inds[a->inds[k]].status;
		a->status = plan_action_status(st, a->ninds);
		a->overdue = plan_overdue(a->due_date, b->as_of, a->status);
		free(st);
	}
}

void measure_reading_free(struct measure_reading *r)
{
	free(r->slug);
	strings_free(r->dims, r->ndims);
	buf_free(&r->brief);
	buf_free(&r->showed);
}

/* ---- measuring indicators over windows of consultations ---- */

/* Comparisons already run, one per consultation. */
struct comparisons {
	struct store *s;
	const struct taxonomy *t;
	const struct compare_options *o;
	int suppress;                   /* each reading's hidden at this threshold */
	char **slugs;
	struct compare **compared;
	size_t n;
	struct reach_error *err;
};

/* The comparison of consultation SLUG, run once and kept. NULL with ERR set. */
static const struct compare *compared(struct comparisons *m, const char *slug)
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

static void comparisons_free(struct comparisons *m)
{
	for (size_t i = 0; i < m->n; i++) {
		free(m->slugs[i]);
		compare_free(m->compared[i]);
	}
	free(m->slugs);
	free(m->compared);
}

/* The consultations closing in window W, in closing order. */
static int select_window(struct comparisons *m, const struct measure_window *w, char ***slugs, size_t *n)
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
static void window_value(const struct measure_indicator *ind, struct measure_window *w)
{
	w->value = (struct plan_value){ NAN, NAN, NAN };
	if (ind->metric == PLAN_METRIC_RATIO || ind->metric == PLAN_METRIC_RATE_RATIO) {
		double *e = xcalloc(w->n + 1, sizeof *e), *lo = xcalloc(w->n + 1, sizeof *lo);
		double *hi = xcalloc(w->n + 1, sizeof *hi);
		for (size_t i = 0; i < w->n; i++)
			e[i] = w->readings[i].estimate, lo[i] = w->readings[i].lower, hi[i] = w->readings[i].upper;
		struct stats_interval mean;
		w->used = stats_window_mean(e, lo, hi, w->n, &mean);
		w->value = (struct plan_value){ mean.estimate, mean.lower, mean.upper };
		free(e), free(lo), free(hi);
		return;
	}
	for (size_t i = 0; i < w->n; i++) {
		const struct measure_reading *r = &w->readings[i];
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
static int window_measure(struct comparisons *m, const struct measure_indicator *ind, struct measure_window *w)
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
			struct measure_reading *r = &w->readings[w->n++];
			r->slug = xstrdup(slugs[i]);
			measure_read(ind, c, r);
			measure_mark_hidden(ind, c, m->t, m->suppress, r);
		}
	}
	strings_free(slugs, n);
	if (rc == 0)
		window_value(ind, w);
	return rc;
}

void measure_define_windows(struct measure_indicator *ind)
{
	for (int k = 0; k < 2; k++) {
		struct measure_window *w = &ind->w[k];
		w->from = ind->span[k][0], w->to = ind->span[k][1], w->platform = ind->span[k][2];
		w->defined = k == 1 || w->from || w->to || w->platform;
	}
}

/* Measures both windows of IND and sets its status. */
static int indicator_measure(struct comparisons *m, struct measure_indicator *ind)
{
	measure_define_windows(ind);
	for (int k = 0; k < 2; k++)
		if (window_measure(m, ind, &ind->w[k]) < 0)
			return -1;
	ind->status = plan_indicator_status(ind->comparison, ind->target, ind->w[0].defined ? &ind->w[0].value : NULL,
	    &ind->w[1].value);
	return 0;
}

static void window_free(struct measure_window *w)
{
	for (size_t i = 0; i < w->n; i++)
		measure_reading_free(&w->readings[i]);
	free(w->readings);
	strings_free(w->dims, w->ndims);
}

static void indicator_free(struct measure_indicator *ind)
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

static int load_plans(struct store *s, struct measure_book *b)
{
	sqlite3_stmt *st = store_stmt(s, "plan_list");
	while (store_step(s, st) == SQLITE_ROW) {
		b->plans = xrealloc(b->plans, (b->nplans + 1) * sizeof *b->plans);
		struct measure_plan *p = &b->plans[b->nplans++];
		p->code = column_text(st, 0), p->title = column_text(st, 1), p->council = column_text(st, 2);
		p->start = column_text(st, 3), p->end = column_text(st, 4), p->status = column_text(st, 5);
		p->origin = column_text(st, 6);
		p->actions = (long)sqlite3_column_int64(st, 7);
		p->measurable = (long)sqlite3_column_int64(st, 8);
		p->indicators = (long)sqlite3_column_int64(st, 9);
	}
	return store_failed(s) ? -1 : 0;
}

static int load_actions(struct store *s, const char *plan, struct measure_book *b)
{
	sqlite3_stmt *st = store_stmt(s, "plan_actions_list");
	store_bind_text(st, ":plan", plan);
	while (store_step(s, st) == SQLITE_ROW) {
		b->actions = xrealloc(b->actions, (b->nactions + 1) * sizeof *b->actions);
		struct measure_action *a = &b->actions[b->nactions++];
		memset(a, 0, sizeof *a);
		a->plan = column_text(st, 0), a->code = column_text(st, 1), a->role = column_text(st, 2);
		a->objective = column_text(st, 3), a->text = column_text(st, 4), a->responsible = column_text(st, 5);
		a->due_text = column_text(st, 6), a->due_date = column_text(st, 7), a->success = column_text(st, 8);
		a->connections = column_text(st, 9);
	}
	return store_failed(s) ? -1 : 0;
}

static struct measure_action *find_action(struct measure_book *b, const char *plan, const char *code)
{
	for (size_t i = 0; i < b->nactions; i++)
		if (strcmp(b->actions[i].plan, plan) == 0 && strcmp(b->actions[i].code, code) == 0)
			return &b->actions[i];
	return NULL;
}

/* Reads one indicator row into IND (whose windows are not yet measured). */
static void read_indicator_row(sqlite3_stmt *st, struct measure_indicator *ind)
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
static int load_indicators(struct store *s, const char *plan, struct measure_book *b)
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
		struct measure_action *a = find_action(b, of, (const char *)sqlite3_column_text(st, 2));
		if (a) {
			a->inds = xrealloc(a->inds, (a->ninds + 1) * sizeof *a->inds);
			a->inds[a->ninds++] = i;
		}
	}
	return store_failed(s) ? -1 : 0;
}

void measure_book_free(struct measure_book *b)
{
	for (size_t i = 0; i < b->nplans; i++) {
		struct measure_plan *p = &b->plans[i];
		free(p->code), free(p->title), free(p->council), free(p->start), free(p->end), free(p->status);
		free(p->origin);
	}
	for (size_t i = 0; i < b->nactions; i++) {
		struct measure_action *a = &b->actions[i];
		free(a->plan), free(a->code), free(a->role), free(a->objective), free(a->text), free(a->responsible);
		free(a->due_text), free(a->due_date), free(a->success), free(a->connections), free(a->inds);
	}
	for (size_t i = 0; i < b->ninds; i++)
		indicator_free(&b->inds[i]);
	free(b->plans), free(b->actions), free(b->inds);
}

static const struct measure_plan *find_plan(const struct measure_book *b, const char *code)
{
	for (size_t i = 0; i < b->nplans; i++)
		if (strcmp(b->plans[i].code, code) == 0)
			return &b->plans[i];
	return NULL;
}

int measure_load_book(struct store *s, const char *plan, struct measure_book *b, struct reach_error *err)
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

/* ---- measuring every action ---- */

int measure_run(struct store *s, const struct taxonomy *t, const struct compare_options *o, struct measure_book *b,
    struct reach_error *err)
{
	struct comparisons m = { s, t, o, b->suppress, NULL, NULL, 0, err };
	int rc = 0;
	for (size_t i = 0; rc == 0 && i < b->ninds; i++)
		rc = indicator_measure(&m, &b->inds[i]);
	comparisons_free(&m);
	if (rc == 0)
		measure_action_statuses(b);
	return rc;
}

