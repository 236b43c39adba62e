/*
 * progress.c — see progress.h: following a consultation while it is open,
 * each day of the series compared with the census by compare_run (only the
 * responses submitted by then counted), and the command reach progress.
 */
#include "progress.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "consult.h"
#include "counts.h"
#include "date.h"
#include "output.h"
#include "policy.h"
#include "published.h"
#include "stats.h"

/* ---- the submitted dates ---- */

/* The responses submitted each day (days since 1970), as counted at ingest, and how many have no day. */
struct submitted {
	long *days;
	double *responses;      /* on each of DAYS */
	size_t n, cap;
	uint64_t dated, undated;
	long first;
};

static int collect_day(const uint32_t *codes, long day, double n, void *ctx)
{
	struct submitted *d = ctx;
	(void)codes;
	if (day < 0) {
		d->undated += (uint64_t)n;
		return 0;
	}
	if (d->n == d->cap) {
		d->cap = d->cap ? 2 * d->cap : 64;
		d->days = xrealloc(d->days, d->cap * sizeof *d->days);
		d->responses = xrealloc(d->responses, d->cap * sizeof *d->responses);
	}
	if (d->n == 0 || day < d->first)
		d->first = day;
	d->days[d->n] = day;
	d->responses[d->n++] = n;
	d->dated += (uint64_t)n;
	return 0;
}

/* How many of D's responses were submitted on or before DAY. */
static double submitted_by(const struct submitted *d, long day)
{
	double n = 0;
	for (size_t i = 0; i < d->n; i++)
		n += d->days[i] <= day ? d->responses[i] : 0;
	return n;
}

/* ---- the groups followed ---- */

/* The category (IS_GROUP 0) or group CODE of D, or NULL. */
static const struct compare_category *find_group(const struct compare_dimension *d, const char *code, int is_group)
{
	size_t n = d ? (is_group ? d->ngroups : d->ncats) : 0;
	const struct compare_category *list = d ? (is_group ? d->groups : d->cats) : NULL;
	for (size_t i = 0; i < n; i++)
		if (strcmp(list[i].code, code) == 0)
			return &list[i];
	return NULL;
}

/* Is D a dimension whose ratios are shown: compared with the census, and its table not withheld? */
static int followed(const struct compare_dimension *d)
{
	return d && d->compared && d->warning == COMPARE_SHOWN;
}

/* Adds to P a group for every compared category and group of each shown dimension of NOW, with NPOINTS points. */
static void add_groups(struct progress *p, const struct compare *now, size_t npoints)
{
	for (size_t i = 0; i < now->ndims; i++) {
		const struct compare_dimension *d = &now->dims[i];
		if (!followed(d))
			continue;
		for (int is_group = 0; is_group < 2; is_group++) {
			const struct compare_category *list = is_group ? d->groups : d->cats;
			size_t n = is_group ? d->ngroups : d->ncats;
			for (size_t k = 0; k < n; k++) {
				if (isnan(list[k].population) || list[k].overlaps)
					continue;
				p->groups = xrealloc(p->groups, (p->ngroups + 1) * sizeof *p->groups);
				struct progress_group *g = &p->groups[p->ngroups++];
				memset(g, 0, sizeof *g);
				g->dimension = xstrdup(d->name);
				g->code = xstrdup(list[k].code);
				g->label = xstrdup(list[k].label ? list[k].label : list[k].code);
				g->is_group = is_group;
				g->n = xcalloc(npoints, sizeof *g->n);
				g->known = xcalloc(npoints, sizeof *g->known);
				g->ratio = xcalloc(npoints, sizeof *g->ratio);
				g->cell = xcalloc(npoints, sizeof *g->cell);
			}
		}
	}
}

/*
 * The counts of group G in C (a comparison to some day): *N in it and *KNOWN
 * in its dimension, 0 when nobody had answered yet; returns its category in C
 * (NULL when not there).
 */
static const struct compare_category *group_in(const struct compare *c, const struct progress_group *g, double *n,
    double *known)
{
	const struct compare_dimension *d = c ? compare_dimension(c, g->dimension) : NULL;
	const struct compare_category *cc = followed(d) ? find_group(d, g->code, g->is_group) : NULL;
	*known = d ? d->known : 0;
	*n = cc ? cc->n : 0;
	return cc;
}

/*
 * Fills point I of every group of P from C, each count shown as the
 * published report of C would show it (published_open: the same
 * suppression, at P's threshold).
 */
static void fill_point(struct progress *p, const struct taxonomy *t, const struct compare *c, size_t i)
{
	const struct compare_dimension *decided = NULL;
	struct published pub = { 0 };
	for (size_t k = 0; k < p->ngroups; k++) {
		struct progress_group *g = &p->groups[k];
		const struct compare_category *cc = group_in(c, g, &g->n[i], &g->known[i]);
		const struct compare_dimension *d = compare_dimension(c, g->dimension);
		g->ratio[i] = cc ? cc->st.ratio.estimate : g->known[i] > 0 ? 0 : NAN;
		g->cell[i] = CELL_SHOWN;
		if (!cc || !followed(d))
			continue;
		if (d != decided) {
			published_close(&pub);
			published_open(&pub, d, t, p->threshold);
			decided = d;
		}
		g->cell[i] = g->is_group ? pub.groups[cc - d->groups] : pub.cats[cc - d->cats];
	}
	published_close(&pub);
}

/* Is N a count disclosure control hides for being small (1 to below P's threshold)? */
static int small(const struct progress *p, double n)
{
	return n >= 1 && n < p->threshold;
}

/*
 * The figures now (the last point) and, when open, the current rate from
 * BEFORE (the comparison to the day before the rate's window; NULL: nothing
 * before it), point WINDOW_POINT of the series (-1: none); with a closing
 * date, the projection.
 */
static void fill_now(struct progress *p, const struct compare *now, const struct compare *before, long window_point)
{
	size_t last = p->npoints - 1;
	for (size_t k = 0; k < p->ngroups; k++) {
		struct progress_group *g = &p->groups[k];
		const struct compare_dimension *d = compare_dimension(now, g->dimension);
		const struct compare_category *cc = find_group(d, g->code, g->is_group);
		double n = g->n[last], known = g->known[last], n0 = 0, known0 = 0;
		g->population_share = cc->st.population_share;
		g->ratio_now = cc->st.ratio;
		g->reading = words_reading_of(cc, d->compared);
		g->shortfall_target = stats_shortfall(n, known, g->population_share, POLICY_PARITY_TARGET);
		g->shortfall_parity = stats_shortfall(n, known, g->population_share, 1.0);
		g->rate_hidden = g->cell[last] != CELL_SHOWN;
		g->per_week = g->known_per_week = g->ratio_at_close = NAN;
		g->per_week_for_target = g->per_week_for_parity = g->in_window = g->known_in_window = NAN;
		if (p->state != PROGRESS_OPEN)
			continue;
		group_in(before, g, &n0, &known0);
		/* A published rate gives away the counts it is the difference of: withheld when either is hidden. */
		g->rate_hidden = g->cell[last] != CELL_SHOWN || small(p, n - n0) || small(p, n0) ||
		    (window_point >= 0 && g->cell[window_point] != CELL_SHOWN);
		g->in_window = n - n0;
		g->known_in_window = known - known0;
		g->per_week = progress_per_week(g->in_window, p->rate_days);
		g->known_per_week = progress_per_week(g->known_in_window, p->rate_days);
		if (isnan(p->weeks_left))
			continue;
		g->ratio_at_close = progress_ratio_at_close(n, known, g->per_week, g->known_per_week, p->weeks_left,
		    g->population_share);
		g->per_week_for_target = progress_per_week_needed(n, known, g->per_week, g->known_per_week, p->weeks_left,
		    g->population_share, POLICY_PARITY_TARGET);
		g->per_week_for_parity = progress_per_week_needed(n, known, g->per_week, g->known_per_week, p->weeks_left,
		    g->population_share, 1.0);
	}
}

static void add_note(struct progress *p, const char *text)
{
	p->notes = xrealloc(p->notes, (p->nnotes + 1) * sizeof *p->notes);
	p->notes[p->nnotes++] = xstrdup(text);
}

/* The consultation compared with the census on the responses submitted by DAY; NULL with ERR set. */
static struct compare *compare_to(struct store *s, const struct taxonomy *t, const char *slug, long day,
    const struct compare_options *o, struct reach_error *err)
{
	struct compare_options to = *o;
	char date[11];
	char *one[1] = { (char *)slug };
	days_to_date(day, date);
	to.submitted_to = date;
	to.no_test = 1;
	to.weighted = 0;
	return compare_run(s, t, one, 1, &to, err);
}

/* Reads SLUG's dates and submitted days into P and D; 0, or -1 with ERR set. */
static int read_dates(struct store *s, const char *slug, struct progress *p, struct submitted *d, struct reach_error *err)
{
	struct consult_view v;
	if (consult_view_open(s, slug, &v, err) < 0)
		return -1;
	p->slug = xstrdup(v.slug);
	p->title = xstrdup(v.title ? v.title : "");
	p->responses = v.responses;
	snprintf(p->opened, sizeof p->opened, "%s", v.opened ? v.opened : "");
	snprintf(p->closed, sizeof p->closed, "%s", v.closed ? v.closed : "");
	int rc = counts_each(s, &v, COUNTS_ANSWERS, NULL, 0, collect_day, d, err);
	consult_view_free(&v);
	p->undated = d->undated;
	return rc;
}

/*
 * Decides P's state and series from the dates: the day followed to
 * (AS_OF), the day the series runs to, and the window of the rate. 0; -1
 * with ERR set when AS_OF is before the consultation opened.
 */
static int plan_series(struct progress *p, const struct submitted *d, long as_of, long **days, long *before,
    struct reach_error *err)
{
	char text[400];
	days_to_date(as_of, p->as_of);
	if (!*p->opened) {
		p->opened_from_responses = 1;
		days_to_date(d->first, p->opened);
		snprintf(text, sizeof text, "no opening date is held (reach ingest --opened, or consultations.csv): the weeks "
		    "are counted from the first response, on %s", p->opened);
		add_note(p, text);
	}
	long opened = date_to_days(p->opened), to = as_of;
	if (as_of < opened) {
		error_set(err, REACH_EDATA, NULL, 0, "consultation \"%s\" opens on %s: there is nothing to follow on %s",
		    p->slug, p->opened, p->as_of);
		return -1;
	}
	p->state = PROGRESS_OPEN;
	p->weeks_left = NAN;
	if (*p->closed && date_to_days(p->closed) <= as_of) {
		p->state = PROGRESS_CLOSED;
		to = date_to_days(p->closed);
		snprintf(text, sizeof text, "the consultation closed on %s: these are its figures at the close, with no "
		    "projection (reach report %s compares every response)", p->closed, p->slug);
		add_note(p, text);
	} else if (*p->closed) {
		p->weeks_left = (double)(date_to_days(p->closed) - as_of) / 7;
	} else {
		add_note(p, "no closing date is held (reach ingest --closed, or consultations.csv): no projection to the close");
	}
	p->npoints = progress_series_days(opened, to, NULL, 0);
	*days = xcalloc(p->npoints, sizeof **days);
	progress_series_days(opened, to, *days, p->npoints);
	p->points = xcalloc(p->npoints, sizeof *p->points);
	for (size_t i = 0; i < p->npoints; i++) {
		struct progress_point *pt = &p->points[i];
		days_to_date((*days)[i], pt->date);
		pt->week = (int)(((*days)[i] - opened) / 7) + 1;
		pt->complete = ((*days)[i] - opened) % 7 == 6;
		pt->responses = submitted_by(d, (*days)[i]);
	}
	p->dated = (uint64_t)p->points[p->npoints - 1].responses;
	p->after = d->dated - p->dated;
	p->rate_days = (double)progress_rate_window(opened, to, before);
	days_to_date(*before, p->rate_from);
	if (p->rounding) {
		snprintf(text, sizeof text, "every count is rounded to the nearest %d (halves up) before any figure is worked "
		    "out (--round)", p->rounding);
		add_note(p, text);
	}
	if (p->undated) {
		snprintf(text, sizeof text, "%llu %s no submitted date and %s left out of every figure",
		    (unsigned long long)p->undated, p->undated == 1 ? "response has" : "responses have",
		    p->undated == 1 ? "is" : "are");
		add_note(p, text);
	}
	if (p->after) {
		snprintf(text, sizeof text, "%llu %s submitted after %s %s left out", (unsigned long long)p->after,
		    p->after == 1 ? "response" : "responses", p->points[p->npoints - 1].date, p->after == 1 ? "is" : "are");
		add_note(p, text);
	}
	return 0;
}

struct progress *progress_run(struct store *s, const struct taxonomy *t, const char *slug,
    const struct progress_options *o, struct reach_error *err)
{
	struct progress *p = xcalloc(1, sizeof *p);
	struct submitted d = { 0 };
	struct compare **runs = NULL, *before = NULL;
	long *days = NULL, window_before = 0;
	int rc = read_dates(s, slug, p, &d, err);
	p->threshold = o->suppress;
	p->rounding = o->compare.round > 0 ? o->compare.round : 0;
	if (rc == 0 && d.dated == 0) {
		p->state = PROGRESS_NO_DATES;
		days_to_date(o->as_of ? date_to_days(o->as_of) : date_today(), p->as_of);
		add_note(p, "the export has no submitted dates: there is no telling who answered when, so no weekly series, "
		    "no current rate and no projection; reach report gives the position of every response");
		free(d.days);
		free(d.responses);
		return p;
	}
	if (rc == 0)
		rc = plan_series(p, &d, o->as_of ? date_to_days(o->as_of) : date_today(), &days, &window_before, err);
	/* One load of the census figures for the comparison to every day. */
	struct compare_options each = o->compare;
	struct baseline *b = NULL;
	if (rc == 0 && !(b = compare_baseline(s, &o->compare, err)))
		rc = -1;
	each.baseline = b;
	if (rc == 0)
		runs = xcalloc(p->npoints, sizeof *runs);
	for (size_t i = 0; rc == 0 && i < p->npoints; i++)
		if (!(runs[i] = compare_to(s, t, p->slug, days[i], &each, err)))
			rc = -1;
	if (rc == 0) {
		const struct compare *now = runs[p->npoints - 1];
		snprintf(p->geography, sizeof p->geography, "%s", now->geography);
		snprintf(p->geography_name, sizeof p->geography_name, "%s", now->geography_name);
		snprintf(p->source, sizeof p->source, "%s", now->source);
		p->min_age = now->min_age;
		add_groups(p, now, p->npoints);
		for (size_t i = 0; i < p->npoints; i++)
			fill_point(p, t, runs[i], i);
		int reused = 0;
		long window_point = -1;
		for (size_t i = 0; i < p->npoints; i++)
			if (days[i] == window_before)
				before = runs[i], reused = 1, window_point = (long)i;
		if (!reused && window_before >= date_to_days(p->opened) && p->state == PROGRESS_OPEN &&
		    !(before = compare_to(s, t, p->slug, window_before, &each, err)))
			rc = -1;
		if (rc == 0)
			fill_now(p, now, before, window_point);
		if (reused)
			before = NULL;
	}
	for (size_t i = 0; runs && i < p->npoints; i++)
		compare_free(runs[i]);
	compare_free(before);
	baseline_free(b);
	free(runs);
	free(days);
	free(d.days);
	free(d.responses);
	if (rc < 0) {
		progress_free(p);
		return NULL;
	}
	return p;
}

void progress_free(struct progress *p)
{
	if (!p)
		return;
	for (size_t k = 0; k < p->ngroups; k++) {
		struct progress_group *g = &p->groups[k];
		free(g->dimension);
		free(g->code);
		free(g->label);
		free(g->n);
		free(g->known);
		free(g->ratio);
		free(g->cell);
	}
	free(p->groups);
	strings_free(p->notes, p->nnotes);
	free(p->points);
	free(p->slug);
	free(p->title);
	free(p);
}

/* ---- reach batch ---- */

int progress_batch_page(struct store *s, const struct taxonomy *t, const char *slug, const char *as_of,
    const struct compare_options *co, int suppress, const char *folder, FILE *out, struct reach_error *err)
{
	struct consult_view v;
	char today[11];
	if (consult_view_open(s, slug, &v, err) < 0)
		return -1;
	if (!as_of) {
		days_to_date(date_today(), today);
		as_of = today;
	}
	int open = v.closed && strcmp(v.closed, as_of) > 0 && (!v.opened || strcmp(v.opened, as_of) <= 0);
	consult_view_free(&v);
	if (!open)
		return 0;
	struct progress_options o = { as_of, *co, suppress };
	struct progress *p = progress_run(s, t, slug, &o, err);
	if (!p)
		return -1;
	struct buf path = { 0 };
	buf_printf(&path, "%s/%s-progress.html", folder, slug);
	struct output *page = output_open(path.data, 0666, err);
	int rc = -1;
	if (page) {
		int partial = progress_html(p, output_stream(page), stderr);
		if (output_commit(page, err) == 0) {
			rc = partial ? 2 : 1;
			fprintf(out, "%s: open until %s: progress to %s in %s-progress.html\n", slug, p->closed, p->as_of, slug);
		}
	}
	buf_free(&path);
	progress_free(p);
	return rc;
}

/* ---- the command ---- */

/* Writes P's chart of each dimension into DIR as progress-DIMENSION.svg and .png; 1 when any was skipped. */
static int write_charts(const struct progress *p, const char *dir)
{
	int partial = 0;
	for (size_t k = 0; k < p->ngroups; k++) {
		if (k > 0 && strcmp(p->groups[k].dimension, p->groups[k - 1].dimension) == 0)
			continue;
		for (int f = 0; f < 2; f++) {
			struct buf path = { 0 };
			struct reach_error err = { 0 };
			buf_printf(&path, "%s/progress-%s.%s", dir, p->groups[k].dimension, f ? "png" : "svg");
			if (progress_chart(p, p->groups[k].dimension, 0, f ? "png" : "svg", path.data, &err) < 0 && !partial) {
				fprintf(stderr, "reach: warning: %s\n", err.msg);
				partial = 1;
			}
			buf_free(&path);
		}
	}
	return partial;
}

int progress_command(const struct cli_globals *g, FILE *out, int argc, char **argv)
{
	static const char *const formats[] = { "text", "json", "html", NULL };
	struct progress_options o = { NULL, { 0 }, POLICY_SUPPRESS_DEFAULT };
	const char *format = "text", *suppress = NULL, *round = NULL, *min_age = NULL, *charts = NULL;
	struct cli_option options[] = {
		{ "as-of", &o.as_of, NULL }, { "format", &format, NULL }, { "suppress", &suppress, NULL },
		{ "round", &round, NULL }, { "charts", &charts, NULL }, { "geography", &o.compare.geography, NULL },
		{ "min-age", &min_age, NULL }, { NULL, NULL, NULL },
	};
	char *slugs[1], iso[11];
	long number;
	int n, rc;
	if ((rc = cli_parse("progress", argc, argv, options, slugs, 1, &n)) ||
	    (rc = cli_check_choice("progress", "format", format, formats)))
		return rc;
	if (n != 1)
		return cli_usage_error("progress", "%s", "needs one consultation");
	if (o.as_of && (parse_date(o.as_of, 0, iso) < 0 || strcmp(iso, o.as_of) != 0))
		return cli_usage_error("progress", "--as-of \"%s\" is not a date: write it as YYYY-MM-DD, as 2025-02-25", o.as_of);
	if (suppress && parse_long(suppress, 0, 1000, &number) < 0)
		return cli_usage_error("progress", "--suppress \"%s\" is not a count from 0 (none) to 1000", suppress);
	o.suppress = suppress ? (int)number : o.suppress;
	if (round && parse_long(round, 2, 1000, &number) < 0)
		return cli_usage_error("progress", "--round \"%s\" is not a base from 2 to 1000, as 5", round);
	if (round && suppress && o.suppress > 0)
		return cli_usage_error("progress", "%s", "--round and --suppress are two ways of protecting small counts: choose one");
	if (round)
		o.compare.round = (int)number, o.suppress = 0;
	if (min_age && parse_long(min_age, 0, POLICY_MIN_AGE_MAX, &number) < 0)
		return cli_usage_error("progress", "--min-age \"%s\" is not an age from 0 to %d", min_age, POLICY_MIN_AGE_MAX);
	o.compare.min_age = min_age ? (int)number : -1;
	if (o.suppress == 0 && !round && strcmp(format, "html") == 0)
		fprintf(stderr, "reach: progress: warning: --suppress 0: disclosure control is off; do not publish this page\n");

	struct reach_error err = { 0 };
	struct taxonomy *t = NULL;
	struct store *s = NULL;
	struct progress *p = NULL;
	int partial = 0;
	/* Following a consultation only reads: the database must be there already. */
	if ((t = tag_load(NULL, &err)) && (s = store_open(g->db, STORE_EXISTING, NULL, &err)))
		p = progress_run(s, t, slugs[0], &o, &err);
	if (p && strcmp(format, "json") == 0)
		progress_json(p, out);
	else if (p && strcmp(format, "html") == 0)
		partial = progress_html(p, out, stderr);
	else if (p)
		progress_text(p, out);
	if (p && charts)
		partial |= write_charts(p, charts);
	rc = p ? (partial ? REACH_EPARTIAL : REACH_OK) : error_print(&err);
	progress_free(p);
	store_close(s);
	tag_free(t);
	return rc;
}
