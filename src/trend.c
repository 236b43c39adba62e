/* trend.c — see trend.h. */
#include "trend.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "disclose.h"
#include "emit.h"
#include "words.h"

static struct trend_series *series_of(struct trend *tr, const char *dimension, const char *code, const char *label)
{
	for (size_t i = 0; i < tr->nseries; i++)
		if (strcmp(tr->series[i].dimension, dimension) == 0 && strcmp(tr->series[i].code, code) == 0)
			return &tr->series[i];
	tr->series = xrealloc(tr->series, (tr->nseries + 1) * sizeof *tr->series);
	struct trend_series *s = &tr->series[tr->nseries++];
	memset(s, 0, sizeof *s);
	s->dimension = xstrdup(dimension);
	s->code = xstrdup(code);
	s->label = xstrdup(label);
	return s;
}

static int wanted(const char *code, char *const *codes, size_t ncodes, int is_group)
{
	if (!codes)
		return is_group;
	for (size_t i = 0; i < ncodes; i++)
		if (strcmp(codes[i], code) == 0)
			return 1;
	return 0;
}

/* Adds C's point to S; CELL is how the published report of its consultation shows C's count. */
static void add_point(struct trend_series *s, const struct compare_consultation *cc, const struct compare_dimension *d,
    const struct compare_category *c, enum disclose_cell cell)
{
	if (s->npoints && strcmp(s->points[s->npoints - 1].slug, cc->slug) == 0)
		return;                 /* a code that is both a category and a group: one point */
	s->points = xrealloc(s->points, (s->npoints + 1) * sizeof *s->points);
	struct trend_point *p = &s->points[s->npoints++];
	p->slug = xstrdup(cc->slug);
	p->closed = xstrdup(cc->closed);
	p->year = 1970 + date_to_days(cc->closed) / 365.2425;
	p->n = c->n;
	p->known = d->known;
	p->population_share = c->st.population_share;
	p->ratio = c->st.ratio;
	p->withheld = cell != CELL_SHOWN;
	p->secondary = cell == CELL_WITHHELD;
	s->nwithheld += p->withheld;
}

/* Fits each series: log ratio against year, weighted by count (stats_ratio_trend). 0, or -1 with ERR set. */
static int fit(struct trend *tr, struct reach_error *err)
{
	for (size_t i = 0; i < tr->nseries; i++) {
		struct trend_series *s = &tr->series[i];
		size_t m = s->npoints;
		double *year = xcalloc(m + 1, sizeof *year), *count = xcalloc(m + 1, sizeof *count);
		double *known = xcalloc(m + 1, sizeof *known), *share = xcalloc(m + 1, sizeof *share);
		for (size_t k = 0; k < m; k++) {
			struct trend_point *p = &s->points[k];
			year[k] = p->year;
			count[k] = p->withheld ? NAN : p->n;
			known[k] = p->known;
			share[k] = p->population_share;
			p->weight = p->withheld || !(share[k] > 0) ? 0 : stats_log_ratio_weight(p->n, p->known);
			p->log_ratio_se = p->weight > 0 ? 1 / sqrt(p->weight) : NAN;
		}
		int status = stats_ratio_trend(year, count, known, share, m, tr->confidence, &s->fit);
		free(year);
		free(count);
		free(known);
		free(share);
		if (status != STATS_OK) {
			error_set(err, REACH_EDB, NULL, 0, "the statistics could not be computed: the trend of %s %s: %s",
			    s->dimension, s->code, stats_status_name(status));
			return -1;
		}
	}
	return 0;
}

struct trend *trend_run(struct store *s, const struct taxonomy *t, const char *from, const char *to,
    char *const *codes, size_t ncodes, const struct compare_options *o, int suppress, struct reach_error *err)
{
	char **slugs;
	size_t n;
	if (compare_select(s, from, to, NULL, &slugs, &n, err) < 0)
		return NULL;
	struct trend *tr = xcalloc(1, sizeof *tr);
	struct compare_options quick = *o;
	quick.no_test = 1;
	tr->confidence = o->confidence > 0 ? o->confidence : STATS_CONFIDENCE_DEFAULT;
	tr->suppress = suppress;
	tr->rounding = o->round > 0 ? o->round : 0;
	/* One load of the census figures for every consultation's comparison. */
	struct baseline *b = n ? compare_baseline(s, o, err) : NULL;
	int rc = n && !b ? -1 : 0;
	quick.baseline = b;
	for (size_t i = 0; i < n && rc == 0; i++) {
		char *one[1] = { slugs[i] };
		struct compare *c = compare_run(s, t, one, 1, &quick, err);
		if (!c) {
			rc = -1;
			break;
		}
		snprintf(tr->geography, sizeof tr->geography, "%s", c->geography);
		snprintf(tr->source, sizeof tr->source, "%s", c->source);
		for (size_t d = 0; d < c->ndims && c->consultations[0].closed; d++) {
			const struct compare_dimension *dim = &c->dims[d];
			if (!dim->compared)
				continue;
			/* The cells the consultation's published report withholds, so that no output shows more. */
			enum disclose_cell *cats = xcalloc(dim->ncats + 1, sizeof *cats);
			enum disclose_cell *groups = xcalloc(dim->ngroups + 1, sizeof *groups);
			enum disclose_cell extras[DISCLOSE_EXTRAS];
			disclose_suppress(dim, t, suppress, cats, groups, extras);
			for (size_t k = 0; k < dim->ncats; k++)
				if (wanted(dim->cats[k].code, codes, ncodes, 0) && !isnan(dim->cats[k].st.ratio.estimate))
					add_point(series_of(tr, dim->name, dim->cats[k].code, tag_label(t, dim->name, dim->cats[k].code)),
					    &c->consultations[0], dim, &dim->cats[k], cats[k]);
			for (size_t g = 0; g < dim->ngroups; g++)
				if (wanted(dim->groups[g].code, codes, ncodes, 1) && !isnan(dim->groups[g].st.ratio.estimate))
					add_point(series_of(tr, dim->name, dim->groups[g].code, tag_label(t, dim->name, dim->groups[g].code)),
					    &c->consultations[0], dim, &dim->groups[g], groups[g]);
			free(cats);
			free(groups);
		}
		compare_free(c);
	}
	strings_free(slugs, n);
	baseline_free(b);
	if (rc == 0 && tr->nseries == 0) {
		error_set(err, REACH_EDATA, NULL, 0, n ? "no consultation held gives those groups (with a closing date)"
		    : "no consultations closed in those dates");
		rc = -1;
	}
	if (rc < 0) {
		trend_free(tr);
		return NULL;
	}
	if (fit(tr, err) < 0) {
		trend_free(tr);
		return NULL;
	}
	return tr;
}

void trend_free(struct trend *tr)
{
	if (!tr)
		return;
	for (size_t i = 0; i < tr->nseries; i++) {
		struct trend_series *s = &tr->series[i];
		for (size_t k = 0; k < s->npoints; k++) {
			free(s->points[k].slug);
			free(s->points[k].closed);
		}
		free(s->points);
		free(s->dimension);
		free(s->code);
		free(s->label);
	}
	free(tr->series);
	free(tr);
}

/* The closing date of the point fitted at YEAR (the line's first or last year). */
static const char *closed_at(const struct trend_series *s, double year)
{
	for (size_t k = 0; k < s->npoints; k++)
		if (s->points[k].year == year)
			return s->points[k].closed;
	return "";
}

/* Why a point shown is not in the fit, or "". */
static const char *not_fitted(const struct trend_point *p)
{
	if (p->withheld || p->weight > 0)
		return "";
	return p->n == 0 ? "  not fitted: no respondent" : "  not fitted: no log ratio";
}

/* "<5" for a small count, "[c]" for one withheld so that no total gives a small one away, or the count. */
static void count_shown(const struct trend_point *p, int suppress, char *count, size_t len)
{
	if (p->secondary)
		snprintf(count, len, "[c]");
	else if (p->withheld)
		snprintf(count, len, "<%d", suppress);
	else
		snprintf(count, len, "%.0f", p->n);
}

static void text_point(const struct trend_point *p, int suppress, FILE *out)
{
	char count[32];
	count_shown(p, suppress, count, sizeof count);
	fprintf(out, "  %s  %-20s %6s  ratio ", p->closed, p->slug, count);
	if (p->withheld) {
		fputs(" withheld\n", out);
		return;
	}
	struct buf ratio = { 0 };
	emit_interval(&ratio, EMIT_RATIO, p->ratio.estimate, p->ratio.lower, p->ratio.upper);
	emit_padded(out, ratio.data, 17, 0);    /* " 0.31 (0.22–0.44)" */
	fprintf(out, "%s\n", not_fitted(p));
	buf_free(&ratio);
}

static void text_fit(const struct trend_series *s, double confidence, FILE *out)
{
	const struct stats_ratio_trend *f = &s->fit;
	if (isnan(f->line.slope)) {
		fputs("  trend: too few consultations to fit\n", out);
		return;
	}
	if (isnan(f->change.lower))
		fprintf(out, "  trend: ratio %+.1f%% a year (two consultations: no interval)\n", 100 * f->change.estimate);
	else
		fprintf(out, "  trend: ratio %+.1f%% a year (%.0f%% interval %+.1f%% to %+.1f%%)%s\n", 100 * f->change.estimate,
		    100 * confidence, 100 * f->change.lower, 100 * f->change.upper,
		    f->change.lower > 0 ? ": rising" : f->change.upper < 0 ? ": falling" : ": no clear change");
	struct buf first = { 0 }, last = { 0 };
	emit_interval(&first, EMIT_RATIO, f->first.estimate, f->first.lower, f->first.upper);
	emit_interval(&last, EMIT_RATIO, f->last.estimate, f->last.lower, f->last.upper);
	fprintf(out, "  fitted ratio: %s on %s, %s on %s\n", first.data, closed_at(s, f->year0), last.data,
	    closed_at(s, f->year1));
	buf_free(&first);
	buf_free(&last);
}

void trend_text(const struct trend *tr, FILE *out)
{
	size_t withheld = 0;
	fprintf(out, "Representation ratios over time, compared with %s (Census 2021)\n", tr->geography);
	for (size_t i = 0; i < tr->nseries; i++) {
		const struct trend_series *s = &tr->series[i];
		fprintf(out, "\n%s: %s [%s]\n", words_dimension_title(s->dimension), s->label, s->code);
		for (size_t k = 0; k < s->npoints; k++)
			text_point(&s->points[k], tr->suppress, out);
		text_fit(s, tr->confidence, out);
		withheld += s->nwithheld;
	}
	fputs("\nThe line is fitted to the log of each ratio, weighted by the consultation's count (1 / variance\n"
	    "of the log ratio, (1 - p) / (n p), p the group's share of n known answers); its slope is read as\n"
	    "the ratio's change a year.\n", out);
	if (tr->rounding)
		fprintf(out, "Every count is rounded to the nearest %d, and every ratio and fit worked out from the rounded\n"
		    "counts%s.\n", tr->rounding, withheld ? "; a count the rounded totals would give away is withheld (\"[c]\"), with\n"
		    "its ratio, and left out of the fit" : "");
	else if (withheld)
		fprintf(out, "Counts from 1 to %d are shown as \"<%d\", and counts the consultation's published report\n"
		    "withholds so that no total gives those away as \"[c]\"; their ratios are withheld and left out\n"
		    "of the fit, which would give them away.\n", tr->suppress - 1, tr->suppress);
}

static void json_point(const struct trend_point *p, int suppress, const char *sep, FILE *out)
{
	char count[32];
	count_shown(p, suppress, count, sizeof count);
	emit_json_member_string(out, sep, "slug", p->slug);
	emit_json_member_string(out, ", ", "closed", p->closed);
	emit_json_member_number(out, ", ", "n", p->withheld ? NAN : p->n);
	emit_json_member_string(out, ", ", "n_shown", count);
	emit_json_member_bool(out, ", ", "withheld", p->withheld);
	emit_json_member_number(out, ", ", "known", p->known);
	emit_json_member_number(out, ", ", "population_share", p->population_share);
	emit_json_member_number(out, ", ", "ratio", p->withheld ? NAN : p->ratio.estimate);
	if (p->withheld)
		emit_json_member_interval(out, ", ", "ratio_ci", NAN, NAN);
	else
		emit_json_member_interval(out, ", ", "ratio_ci", p->ratio.lower, p->ratio.upper);
	emit_json_member_bool(out, ", ", "fitted", p->weight > 0);
	emit_json_member_number(out, ", ", "weight", p->weight);
	emit_json_member_number(out, ", ", "log_ratio_se", p->log_ratio_se);
	fputc('}', out);
}

static void json_fit(const struct stats_ratio_trend *f, FILE *out)
{
	emit_json_member_number(out, "],\n   ", "points_fitted", (double)f->line.n_used);
	emit_json_member_number(out, ", ", "df", (double)f->line.df);
	emit_json_member_number(out, ", ", "first_year", f->year0);
	emit_json_member_number(out, ", ", "last_year", f->year1);
	emit_json_member_number(out, ",\n   ", "change_per_year", f->change.estimate);
	emit_json_member_interval(out, ", ", "change_per_year_ci", f->change.lower, f->change.upper);
	emit_json_member_number(out, ",\n   ", "ratio_first", f->first.estimate);
	emit_json_member_interval(out, ", ", "ratio_first_ci", f->first.lower, f->first.upper);
	emit_json_member_number(out, ", ", "ratio_last", f->last.estimate);
	emit_json_member_interval(out, ", ", "ratio_last_ci", f->last.lower, f->last.upper);
	emit_json_member_number(out, ",\n   ", "log_slope", f->line.slope);
	emit_json_member_number(out, ", ", "log_slope_se", f->line.slope_se);
	emit_json_member_interval(out, ", ", "log_slope_ci", f->line.slope_lower, f->line.slope_upper);
	emit_json_member_number(out, ", ", "log_intercept", f->line.intercept);
	emit_json_member_number(out, ", ", "log_intercept_se", f->line.intercept_se);
	fputc('}', out);
}

void trend_json(const struct trend *tr, FILE *out)
{
	emit_json_member_string(out, "{\"reach_trend\": 2, ", "geography_code", tr->geography);
	emit_json_member_number(out, ", ", "confidence", tr->confidence);
	emit_json_member_number(out, ", ", "suppress", tr->suppress);
	if (tr->rounding)
		emit_json_member_number(out, ", ", "rounding", tr->rounding);
	emit_json_member_string(out, ", ", "model", "log_ratio_wls");
	fputs(",\n \"series\": [", out);
	for (size_t i = 0; i < tr->nseries; i++) {
		const struct trend_series *s = &tr->series[i];
		emit_json_member_string(out, i ? ",\n  {" : "\n  {", "dimension", s->dimension);
		emit_json_member_string(out, ", ", "code", s->code);
		emit_json_member_string(out, ", ", "label", s->label);
		fputs(",\n   \"points\": [", out);
		for (size_t k = 0; k < s->npoints; k++)
			json_point(&s->points[k], tr->suppress, k ? ",\n    {" : "\n    {", out);
		json_fit(&s->fit, out);
	}
	fputs("]}\n", out);
}
