/* trend.c — see trend.h. */
#include "trend.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "emit.h"

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

static void add_point(struct trend_series *s, const struct compare_consultation *cc, const struct compare_category *c)
{
	s->points = xrealloc(s->points, (s->npoints + 1) * sizeof *s->points);
	struct trend_point *p = &s->points[s->npoints++];
	p->slug = xstrdup(cc->slug);
	p->closed = xstrdup(cc->closed);
	p->year = 1970 + date_to_days(cc->closed) / 365.2425;
	p->n = c->n;
	p->ratio = c->st.ratio;
}

/* Fits each series: ratio against year, weighted by 1 / variance (from the interval's width). 0, or -1 with ERR set. */
static int fit(struct trend *tr, struct reach_error *err)
{
	for (size_t i = 0; i < tr->nseries; i++) {
		struct trend_series *s = &tr->series[i];
		double *x = xcalloc(s->npoints + 1, sizeof *x), *y = xcalloc(s->npoints + 1, sizeof *y);
		double *w = xcalloc(s->npoints + 1, sizeof *w);
		for (size_t k = 0; k < s->npoints; k++) {
			x[k] = s->points[k].year;
			y[k] = s->points[k].ratio.estimate;
			w[k] = stats_precision_weight(s->points[k].ratio.lower, s->points[k].ratio.upper, tr->confidence);
		}
		int status = stats_trend(x, y, w, s->npoints, tr->confidence, &s->fit);
		free(x);
		free(y);
		free(w);
		if (status != STATS_OK) {
			error_set(err, REACH_EDB, NULL, 0, "the statistics could not be computed: the trend of %s %s: %s",
			    s->dimension, s->code, stats_status_name(status));
			return -1;
		}
	}
	return 0;
}

struct trend *trend_run(struct store *s, const struct taxonomy *t, const char *from, const char *to,
    char *const *codes, size_t ncodes, const struct compare_options *o, struct reach_error *err)
{
	char **slugs;
	size_t n;
	if (compare_select(s, from, to, NULL, &slugs, &n, err) < 0)
		return NULL;
	struct trend *tr = xcalloc(1, sizeof *tr);
	struct compare_options quick = *o;
	quick.no_test = 1;
	tr->confidence = o->confidence > 0 ? o->confidence : STATS_CONFIDENCE_DEFAULT;
	int rc = 0;
	for (size_t i = 0; i < n && rc == 0; i++) {
		char *one[1] = { slugs[i] };
		struct compare *c = compare_run(s, t, one, 1, &quick, err);
		if (!c) {
			rc = -1;
			break;
		}
		snprintf(tr->geography, sizeof tr->geography, "%s", c->geography);
		for (size_t d = 0; d < c->ndims && c->consultations[0].closed; d++) {
			const struct compare_dimension *dim = &c->dims[d];
			if (!dim->compared)
				continue;
			for (size_t k = 0; k < dim->ncats; k++)
				if (wanted(dim->cats[k].code, codes, ncodes, 0) && !isnan(dim->cats[k].st.ratio.estimate))
					add_point(series_of(tr, dim->name, dim->cats[k].code, dim->cats[k].label),
					    &c->consultations[0], &dim->cats[k]);
			for (size_t g = 0; g < dim->ngroups; g++)
				if (wanted(dim->groups[g].code, codes, ncodes, 1) && !isnan(dim->groups[g].st.ratio.estimate))
					add_point(series_of(tr, dim->name, dim->groups[g].code, dim->groups[g].label),
					    &c->consultations[0], &dim->groups[g]);
		}
		compare_free(c);
	}
	strings_free(slugs, n);
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

void trend_text(const struct trend *tr, FILE *out)
{
	fprintf(out, "Representation ratios over time, compared with %s (Census 2021)\n", tr->geography);
	for (size_t i = 0; i < tr->nseries; i++) {
		const struct trend_series *s = &tr->series[i];
		fprintf(out, "\n%s %s (%s)\n", s->dimension, s->code, s->label);
		for (size_t k = 0; k < s->npoints; k++) {
			const struct trend_point *p = &s->points[k];
			struct buf ratio = { 0 };
			emit_interval(&ratio, EMIT_RATIO, p->ratio.estimate, p->ratio.lower, p->ratio.upper);
			fprintf(out, "  %s  %-20s %6.0f  ratio ", p->closed, p->slug, p->n);
			emit_padded(out, ratio.data, 17, 0);    /* " 0.31 (0.22–0.44)" */
			fputc('\n', out);
			buf_free(&ratio);
		}
		if (isnan(s->fit.slope))
			fputs("  trend: too few consultations to fit\n", out);
		else if (isnan(s->fit.slope_lower))
			fprintf(out, "  trend: %+.3f a year (two consultations: no interval)\n", s->fit.slope);
		else
			fprintf(out, "  trend: %+.3f a year (%.0f%% interval %+.3f to %+.3f)%s\n", s->fit.slope,
			    100 * tr->confidence, s->fit.slope_lower, s->fit.slope_upper,
			    s->fit.slope_lower > 0 ? ": rising" : s->fit.slope_upper < 0 ? ": falling" : ": no clear change");
	}
	fputs("\nThe fit weights each consultation by the precision of its ratio (1 / variance from its interval).\n", out);
}

void trend_json(const struct trend *tr, FILE *out)
{
	emit_json_member_string(out, "{\"reach_trend\": 1, ", "geography_code", tr->geography);
	emit_json_member_number(out, ", ", "confidence", tr->confidence);
	fputs(",\n \"series\": [", out);
	for (size_t i = 0; i < tr->nseries; i++) {
		const struct trend_series *s = &tr->series[i];
		emit_json_member_string(out, i ? ",\n  {" : "\n  {", "dimension", s->dimension);
		emit_json_member_string(out, ", ", "code", s->code);
		emit_json_member_string(out, ", ", "label", s->label);
		fputs(",\n   \"points\": [", out);
		for (size_t k = 0; k < s->npoints; k++) {
			const struct trend_point *p = &s->points[k];
			emit_json_member_string(out, k ? ", {" : "{", "slug", p->slug);
			emit_json_member_string(out, ", ", "closed", p->closed);
			emit_json_member_number(out, ", ", "n", p->n);
			emit_json_member_number(out, ", ", "ratio", p->ratio.estimate);
			emit_json_member_interval(out, ", ", "ratio_ci", p->ratio.lower, p->ratio.upper);
			fputc('}', out);
		}
		emit_json_member_number(out, "],\n   ", "slope_per_year", s->fit.slope);
		emit_json_member_interval(out, ", ", "slope_ci", s->fit.slope_lower, s->fit.slope_upper);
		emit_json_member_number(out, ", ", "intercept", s->fit.intercept);
		emit_json_member_number(out, ", ", "df", s->fit.df);
		fputc('}', out);
	}
	fputs("]}\n", out);
}
