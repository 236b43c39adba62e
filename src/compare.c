/*
 * compare.c — the comparison with the census: runs the counting (count.c),
 * then builds each dimension against the baseline — the categories (the age
 * bands in ages.c), the roll-up groups, the tests and the notes — and, when
 * asked, the weighting (weight.c). See compare.h.
 */
#include "compare.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ages.h"
#include "baseline.h"
#include "compare_run.h"
#include "count.h"
#include "date.h"
#include "policy.h"
#include "table.h"
#include "weight.h"

#define DEFAULT_SEED 20210321UL         /* Census Day: any fixed seed makes reports repeat */

/* ---- comparing ---- */

static void fill_stats(struct run *r, const char *dimension, struct compare_category *cat, double known,
    double population_total)
{
	double confidence = r->c->confidence;
	if (cat->overlaps) {
		/* Not in the base of the shares: no share, no ratio. */
		memset(&cat->st, 0, sizeof cat->st);
		cat->st.share = cat->st.ratio = (struct stats_interval){ NAN, NAN, NAN };
		cat->st.population_share = cat->st.rate_per_1000 = cat->st.expected = NAN;
		cat->st.p_value = cat->st.p_adjusted = NAN;
		cat->st.flag = STATS_FLAG_LOW_N;
		return;
	}
	if (isnan(cat->population) || isnan(population_total)) {
		struct stats_interval share;
		compare_stats_check(r, stats_wilson(cat->n, known, confidence, &share), "the share of %s %s", dimension,
		    cat->code);
		memset(&cat->st, 0, sizeof cat->st);
		cat->st.share = share;
		cat->st.population_share = cat->st.rate_per_1000 = cat->st.expected = NAN;
		cat->st.ratio = (struct stats_interval){ NAN, NAN, NAN };
		cat->st.p_value = cat->st.p_adjusted = NAN;
		cat->st.flag = STATS_FLAG_LOW_N;
		return;
	}
	compare_stats_check(r, stats_category(cat->n, known, cat->population, population_total, confidence, &cat->st),
	    "the figures of %s %s", dimension, cat->code);
}

/* The population of CODE in DIMENSION: held directly, or summed from a finer dimension. */
static double category_population(const struct run *r, const struct baseline *b, const char *dimension,
    const char *code, int *base_min, int *derived)
{
	*derived = 0;
	if (baseline_has(b, dimension))
		return baseline_category(b, dimension, code, r->c->min_age, base_min);
	/* The five ethnic groups from the nineteen: a category's parent names its group. */
	const struct tag_category *cats;
	size_t n = tag_categories(r->t, "ethnicity_detailed", &cats);
	double sum = 0;
	int found = 0;
	if (strcmp(dimension, "ethnicity") != 0 || !baseline_has(b, "ethnicity_detailed"))
		return NAN;
	for (size_t i = 0; i < n; i++) {
		int m;
		if (!cats[i].parent || strcmp(cats[i].parent, code) != 0)
			continue;
		double p = baseline_category(b, "ethnicity_detailed", cats[i].code, r->c->min_age, &m);
		if (!isnan(p))
			sum += p, found = 1, *base_min = m;
	}
	*derived = 1;
	return found ? sum : NAN;
}

static void build_categories(struct run *r, struct tally *t, struct compare_dimension *d, const struct baseline *b)
{
	int derived = 0, base_min = -1;
	d->cats = xcalloc(t->ncategories ? t->ncategories : 1, sizeof *d->cats);
	d->ncats = t->ncategories;
	d->population = 0;
	for (size_t i = 0; i < t->ncategories; i++) {
		struct compare_category *cat = &d->cats[i];
		int m = -1;
		cat->code = xstrdup(t->categories[i].code);
		cat->label = xstrdup(tag_label(r->t, t->dimension, cat->code));
		cat->age_min = cat->age_max = -1;
		cat->n = t->n[i];
		cat->population = b ? category_population(r, b, t->dimension, cat->code, &m, &derived) : NAN;
		if (isnan(cat->population)) {
			d->not_compared += cat->n;
			continue;
		}
		d->compared = 1;
		d->known += cat->n;
		d->population += cat->population;
		if (m >= 0)
			base_min = m;
	}
	if (!d->compared) {
		/* No census figure: shares among all categorised answers, nothing compared. */
		d->known = 0;
		for (size_t i = 0; i < d->ncats; i++)
			d->known += d->cats[i].n;
		d->not_compared = 0;
		d->population = NAN;
		return;
	}
	d->base_min_age = base_min;
	if (base_min == 0 && r->c->min_age > 0)
		compare_note(&d->notes, &d->nnotes,
		    "the census figures cover residents of all ages; the consultation invited residents aged %d and over",
		    r->c->min_age);
	else if (base_min >= 0 && base_min != r->c->min_age)
		compare_note(&d->notes, &d->nnotes,
		    "the census figures cover residents aged %d and over; the consultation invited residents aged %d and over",
		    base_min, r->c->min_age);
	if (derived)
		compare_note(&d->notes, &d->nnotes, "the five groups' populations are sums of the nineteen published categories");
	/* Census cells the taxonomy has no category for, such as "not answered": once each, at the ages compared. */
	for (size_t i = 0; i < b->nrows; i++) {
		const struct baseline_row *row = &b->rows[i];
		if (strcmp(row->dimension, t->dimension) != 0 ||
		    compare_category_index(t->categories, t->ncategories, row->category) >= 0)
			continue;
		size_t j = 0;
		while (j < i && (strcmp(b->rows[j].dimension, row->dimension) != 0 ||
		    strcmp(b->rows[j].category, row->category) != 0))
			j++;
		if (j < i)
			continue;
		int m;
		double left_out = baseline_category(b, t->dimension, row->category, r->c->min_age, &m);
		char cell[64];          /* the cell's code in words: "not_answered" as "not answered" */
		snprintf(cell, sizeof cell, "%s", row->category);
		for (char *p = cell; *p; p++)
			*p = *p == '_' ? ' ' : *p;
		if (!isnan(left_out))
			compare_note(&d->notes, &d->nnotes, "%.0f residents in the census cell \"%s\" are left out of the shares",
			    left_out, cell);
	}
	if (d->not_compared > 0)
		compare_note(&d->notes, &d->nnotes, "%.0f answers are in categories the census does not count separately: not compared",
		    d->not_compared);
}

/* Adds D's roll-up groups (for age, from seeds/taxonomy/age_groups.csv); 0, or -1 with r->err set. */
static int build_groups(struct run *r, struct compare_dimension *d, const struct tally *t)
{
	if (strcmp(d->name, "age") == 0) {
		struct age_band *bands = NULL;
		const struct table *tb = tag_age_groups_table(r->t);
		if (compare_table_bands(tb, &bands, r->err) < 0)
			return -1;
		for (size_t i = 0; i < tb->nrows; i++) {
			int lo = bands[i].lo, hi = bands[i].hi;
			double n = 0, population = 0;
			int cut = 0, members = 0;
			/* The group is the compared answer bands that lie wholly within it. */
			for (size_t k = 0; k < d->ncats; k++) {
				const struct compare_category *cat = &d->cats[k];
				int starts_in = cat->age_min >= lo && (hi < 0 || cat->age_min <= hi);
				int ends_in = hi < 0 || (cat->age_max >= 0 && cat->age_max <= hi);
				int overlaps = (hi < 0 || cat->age_min <= hi) && (cat->age_max < 0 || cat->age_max >= lo);
				if (starts_in && ends_in && !isnan(cat->population))
					n += cat->n, population += cat->population, members++;
				else if (overlaps && (!(starts_in && ends_in) || cat->overlaps))
					cut = 1;
				else if (starts_in && ends_in && cat->n > 0)
					cut = 1;        /* respondents in it the census has no figure for: the group would lose them */
			}
			if (cut || lo < r->c->min_age || (!members && d->compared)) {
				compare_note(&d->notes, &d->nnotes, "the group %s cannot be formed from these answer bands",
				    table_get(tb, i, "code"));
				continue;
			}
			d->groups = xrealloc(d->groups, (d->ngroups + 1) * sizeof *d->groups);
			struct compare_category *g = &d->groups[d->ngroups++];
			memset(g, 0, sizeof *g);
			g->code = xstrdup(table_get(tb, i, "code"));
			g->label = xstrdup(tag_label(r->t, "age", g->code));
			g->definition = xstrdup(table_get(tb, i, "definition"));
			g->age_min = lo;
			g->age_max = hi;
			g->n = n;
			g->population = d->compared ? population : NAN;
			g->partial_r = NAN;
		}
		free(bands);
		return 0;
	}
	const struct tag_rollup *u;
	size_t nu = tag_rollups(r->t, d->name, &u);
	for (size_t i = 0; i < nu; i++) {
		d->groups = xrealloc(d->groups, (d->ngroups + 1) * sizeof *d->groups);
		struct compare_category *g = &d->groups[d->ngroups++];
		memset(g, 0, sizeof *g);
		g->code = xstrdup(u[i].code);
		g->label = xstrdup(tag_label(r->t, d->name, u[i].code));
		g->definition = xstrdup(u[i].definition);
		g->age_min = g->age_max = -1;
		g->partial_r = NAN;
		g->population = d->compared ? 0 : NAN;
		for (size_t m = 0; m < u[i].nmembers; m++)
			for (size_t k = 0; k < d->ncats; k++)
				if (strcmp(d->cats[k].code, u[i].members[m]) == 0 && !isnan(d->cats[k].population)) {
					g->n += d->cats[k].n;
					g->population += d->cats[k].population;
				}
		compare_note(&d->notes, &d->nnotes, "%s: %s", g->label, g->definition);
		/* Answers naming only this group ("BAME") count in it, and in its base. */
		g->only_group = t->rollup_only ? compare_rounded(r, t->rollup_only[i]) : 0;
		g->n += g->only_group;
		if (g->only_group > 0)
			compare_note(&d->notes, &d->nnotes,
			    "%.0f answers named only the group %s: counted in it (its share is of %.0f answers), not in any one category",
			    g->only_group, g->label, d->known + g->only_group);
	}
	return 0;
}

static void build_tests(struct run *r, struct compare_dimension *d)
{
	size_t k = 0;
	long *observed = xcalloc(d->ncats ? d->ncats : 1, sizeof *observed);
	double *population = xcalloc(d->ncats ? d->ncats : 1, sizeof *population);
	double *respondents = xcalloc(d->ncats ? d->ncats : 1, sizeof *respondents);
	double *partial = xcalloc(d->ncats ? d->ncats : 1, sizeof *partial);
	for (size_t i = 0; i < d->ncats; i++) {
		d->cats[i].partial_r = NAN;
		if (isnan(d->cats[i].population))
			continue;
		observed[k] = (long)d->cats[i].n;
		respondents[k] = d->cats[i].n;
		population[k++] = d->cats[i].population;
	}
	if (r->o->no_test) {
		memset(&d->test, 0, sizeof d->test);
		d->test.statistic = d->test.p_value = d->test.effect_w = d->test.p_simulated = NAN;
	} else {
		compare_stats_check(r, stats_chisq_gof(observed, population, k, r->o->seed ? r->o->seed : DEFAULT_SEED,
		    STATS_MC_MIN_DRAWS, &d->test), "the chi-square test of %s", d->name);
	}
	compare_stats_check(r, stats_scores(respondents, population, k, partial, &d->scores),
	    "the summary scores of %s", d->name);
	for (size_t i = 0, j = 0; i < d->ncats; i++)
		if (!isnan(d->cats[i].population))
			d->cats[i].partial_r = partial[j++];
	free(observed);
	free(population);
	free(respondents);
	free(partial);
}

/*
 * When over POLICY_UNMATCHED_LIMIT of the answers given (all but missing and
 * declined) match no rule, D's shares, ratios and test would describe the
 * few that matched as if they were everyone: they are cleared, and only the
 * counts kept. With no answer known there is nothing to show but counts.
 */
static void withhold(struct compare_dimension *d)
{
	double given = d->responses - d->missing - d->declined;
	if (given > 0 && d->unmatched > POLICY_UNMATCHED_LIMIT * given)
		d->warning = COMPARE_MOSTLY_UNMATCHED;
	else if (d->known <= 0)
		d->warning = COMPARE_NONE_KNOWN;
	else
		return;
	for (size_t i = 0; i < d->ncats + d->ngroups; i++) {
		struct compare_category *cat = i < d->ncats ? &d->cats[i] : &d->groups[i - d->ncats];
		cat->st.share = cat->st.ratio = (struct stats_interval){ NAN, NAN, NAN };
		cat->st.rate_per_1000 = cat->st.expected = cat->partial_r = NAN;
	}
	d->test.statistic = d->test.p_value = d->test.effect_w = d->test.p_simulated = NAN;
	d->scores.min_max_ratio = d->scores.min_max_answered = d->scores.proportional_similarity = NAN;
	d->scores.overall_rate = NAN;
	if (d->warning == COMPARE_MOSTLY_UNMATCHED)
		compare_note(&d->notes, &d->nnotes, "%.0f of the %.0f answers given match no taxonomy rule: no shares, ratios "
		    "or test are shown, as they would speak only for the few that matched", d->unmatched, given);
	else
		compare_note(&d->notes, &d->nnotes, "none of the %.0f responses gave an answer that can be compared: "
		    "no shares, ratios or test", d->responses);
}

/* Names D's categories with residents but no respondent, the finding the min/max rate ratio leaves out. */
static void note_empty(struct compare_dimension *d)
{
	struct buf names = { 0 };
	for (size_t i = 0; i < d->ncats; i++)
		if (d->cats[i].population > 0 && d->cats[i].n == 0)
			buf_printf(&names, "%s%s (%.1f expected)", names.len ? "; " : "", d->cats[i].label,
			    d->cats[i].st.expected);
	compare_note(&d->notes, &d->nnotes, "no respondent in %s: the min/max rate ratio is of the categories "
	    "with respondents", names.data);
	buf_free(&names);
}

/* Builds the dimension of tally T against B into r->c; 0, or -1 with r->err set. */
static int build_dimension(struct run *r, struct tally *t, const struct baseline *b)
{
	struct compare *c = r->c;
	c->dims = xrealloc(c->dims, (c->ndims + 1) * sizeof *c->dims);
	struct compare_dimension *d = &c->dims[c->ndims++];
	memset(d, 0, sizeof *d);
	d->name = xstrdup(t->dimension);
	d->responses = t->responses;
	d->missing = t->missing;
	d->declined = t->declined;
	d->unmatched = t->unmatched;
	d->broad = t->broad;
	d->base_min_age = -1;
	if (strcmp(t->dimension, "age") == 0)
		ages_build(r, t, d, b);
	else
		build_categories(r, t, d, b);
	d->not_compared += t->not_compared;
	for (size_t i = 0; i < t->nnotes; i++)
		compare_note(&d->notes, &d->nnotes, "%s", t->notes[i]);
	compare_round_dimension(r, d);
	double total = d->compared ? d->population : NAN;
	for (size_t i = 0; i < d->ncats; i++)
		fill_stats(r, d->name, &d->cats[i], d->known, total);
	if (build_groups(r, d, t) < 0)
		return -1;
	for (size_t i = 0; i < d->ngroups; i++)
		fill_stats(r, d->name, &d->groups[i], d->known + d->groups[i].only_group, total);
	if (d->compared)
		build_tests(r, d);
	else {
		memset(&d->test, 0, sizeof d->test);
		d->test.p_value = d->test.statistic = d->test.effect_w = d->test.p_simulated = NAN;
		memset(&d->scores, 0, sizeof d->scores);
		d->scores.min_max_ratio = d->scores.min_max_answered = d->scores.proportional_similarity = NAN;
		d->scores.overall_rate = NAN;
		for (size_t i = 0; i < d->ncats; i++)
			d->cats[i].partial_r = NAN;
		compare_note(&d->notes, &d->nnotes, "no census figures are held for this question: counts only");
	}
	if (d->broad > 0)
		compare_note(&d->notes, &d->nnotes,
		    "%.0f answers named only a broader group (one of the five, or a roll-up such as BAME): left out of the nineteen-group comparison", d->broad);
	if (d->unmatched > 0)
		compare_note(&d->notes, &d->nnotes, "%.0f responses gave an answer that matched no taxonomy rule "
		    "(reach unmatched lists each distinct answer with its number of responses)", d->unmatched);
	withhold(d);
	if (d->compared && d->warning == COMPARE_SHOWN && d->scores.k_empty > 0)
		note_empty(d);
	return 0;
}

static int choose_min_age(struct run *r)
{
	struct compare *c = r->c;
	if (r->o->min_age >= 0) {
		c->min_age = r->o->min_age;
		return 0;
	}
	long lowest = c->consultations[0].min_age, highest = lowest;
	for (size_t i = 1; i < c->nconsultations; i++) {
		if (c->consultations[i].min_age < lowest)
			lowest = c->consultations[i].min_age;
		if (c->consultations[i].min_age > highest)
			highest = c->consultations[i].min_age;
	}
	c->min_age = (int)lowest;
	if (lowest != highest)
		compare_note(&c->notes, &c->nnotes,
		    "the consultations invited different ages (%ld and over to %ld and over): compared with residents aged %ld and over",
		    lowest, highest, lowest);
	return 0;
}

/* The categories (and groups) of C's shown, compared dimensions, each once, through VISIT. */
static size_t each_compared(struct compare *c, void (*visit)(struct compare_dimension *, struct compare_category *, void *),
    void *arg)
{
	size_t n = 0;
	for (size_t i = 0; i < c->ndims; i++) {
		struct compare_dimension *d = &c->dims[i];
		if (!d->compared || d->warning != COMPARE_SHOWN)
			continue;
		for (size_t k = 0; k < d->ncats + d->ngroups; k++) {
			struct compare_category *cat = k < d->ncats ? &d->cats[k] : &d->groups[k - d->ncats];
			if (isnan(cat->st.p_value))
				continue;
			if (visit)
				visit(d, cat, arg);
			n++;
		}
	}
	return n;
}

/* Visitors of each_compared: gather the p-values, then read each again from its adjusted one. */
struct adjusting {
	double *p;
	size_t n;
	double confidence;
	int (*hidden)(const struct compare_dimension *, const struct compare_category *, void *);
	void *arg;
};

static void gather_p(struct compare_dimension *d, struct compare_category *cat, void *arg)
{
	struct adjusting *a = arg;
	a->p[a->n++] = a->hidden && a->hidden(d, cat, a->arg) ? 1.0 : cat->st.p_value;
}

static void read_adjusted(struct compare_dimension *d, struct compare_category *cat, void *arg)
{
	(void)d;
	struct adjusting *a = arg;
	stats_category_read(&cat->st, a->p[a->n++], a->confidence);
}

/*
 * Counts the comparisons of C and, with an adjustment, reads every
 * category's evidence from its p-value adjusted across them all.
 */
static void adjust_readings(struct run *r)
{
	struct compare *c = r->c;
	c->comparisons = each_compared(c, NULL, NULL);
	if (c->adjust == STATS_ADJUST_NONE || c->comparisons == 0)
		return;
	struct adjusting a = { xcalloc(c->comparisons, sizeof *a.p), 0, c->confidence, NULL, NULL };
	each_compared(c, gather_p, &a);
	if (compare_stats_check(r, stats_p_adjust(a.p, a.n, c->adjust, a.p), "the adjusted p-values") == STATS_OK) {
		a.n = 0;
		each_compared(c, read_adjusted, &a);
	}
	free(a.p);
}

void compare_adjust_without(struct compare *c,
    int (*hidden)(const struct compare_dimension *d, const struct compare_category *cat, void *arg), void *arg)
{
	if (c->adjust == STATS_ADJUST_NONE || c->comparisons == 0)
		return;
	struct adjusting a = { xcalloc(c->comparisons, sizeof *a.p), 0, c->confidence, hidden, arg };
	each_compared(c, gather_p, &a);
	/* The p-values were adjusted once already: with the same ones, or 1, this cannot fail. */
	if (stats_p_adjust(a.p, a.n, c->adjust, a.p) == STATS_OK) {
		a.n = 0;
		each_compared(c, read_adjusted, &a);
	}
	free(a.p);
}

struct compare *compare_run(struct store *s, const struct taxonomy *t, char *const *slugs, size_t nslugs,
    const struct compare_options *o, struct reach_error *err)
{
	struct compare *c = xcalloc(1, sizeof *c);
	struct run r = { 0 };
	r.s = s, r.t = t, r.o = o, r.c = c, r.closed_days = -1, r.err = err;
	r.submitted_to_days = o->submitted_to ? date_to_days(o->submitted_to) : -1;
	int rc = 0;
	c->confidence = o->confidence > 0 ? o->confidence : STATS_CONFIDENCE_DEFAULT;
	c->adjust = o->adjust;
	c->rounding = o->round > 0 ? o->round : 0;
	count_start(&r);
	if (nslugs == 0) {
		error_set(err, REACH_EDATA, NULL, 0, "no consultations to report on");
		rc = -1;
	}
	if (rc == 0)
		rc = count_bands(&r);
	if (rc == 0 && o->weighted && o->round > 0) {
		error_set(err, REACH_EUSAGE, NULL, 0, "--weighted weighs each respondent's answers, which rounded counts cannot: "
		    "leave out --round (or --weighted)");
		rc = -1;
	}
	if (rc == 0 && o->weighted && nslugs != 1) {
		error_set(err, REACH_EUSAGE, NULL, 0, "--weighted weighs one consultation's closed questions: name one");
		rc = -1;
	}
	for (size_t i = 0; rc == 0 && i < nslugs; i++)
		rc = count_consultation(&r, slugs[i]);
	if (rc == 0 && o->baseline)
		snprintf(c->geography, sizeof c->geography, "%s", o->baseline->code);
	else if (rc == 0)
		rc = baseline_geography(s, o->geography, c->geography, err);
	const struct baseline *b = o->baseline;
	struct baseline *loaded = NULL;
	if (rc == 0 && !b && !(b = loaded = baseline_load(s, c->geography, err)))
		rc = -1;
	if (rc == 0) {
		snprintf(c->geography_name, sizeof c->geography_name, "%s", b->name);
		snprintf(c->source, sizeof c->source, "%s", b->source);
		snprintf(c->census_date, sizeof c->census_date, "%s", b->census_date);
		choose_min_age(&r);
		/* One base for the whole consultation, whatever each dimension's known answers and census table. */
		c->eligible_residents = baseline_age(b, c->min_age, -1);
		if (c->rounding) {
			c->responses = (uint64_t)compare_rounded(&r, (double)c->responses);
			for (size_t i = 0; i < c->nconsultations; i++)
				c->consultations[i].responses = (uint64_t)compare_rounded(&r, (double)c->consultations[i].responses);
		}
		c->crude_rate_per_1000 = stats_rate_per_1000((double)c->responses, c->eligible_residents);
		for (size_t i = 0; rc == 0 && compare_report_dimensions[i]; i++)
			if (r.tallies[i].responses > 0)
				rc = build_dimension(&r, &r.tallies[i], b);
		c->equality_questions = c->ndims > 0;
		adjust_readings(&r);
		if (!c->equality_questions)
			compare_note(&c->notes, &c->nnotes, "no equality questions (age, sex, ethnic group, disability …) were found "
			    "in %s: there is nothing to compare with the census", c->nconsultations == 1 ? "this export" : "these exports");
		if (rc == 0 && o->weighted)
			weight_run(&r);
		if (rc == 0 && r.stats_status != STATS_OK) {
			error_set(err, REACH_EDB, NULL, 0, "the statistics could not be computed: %s: %s", r.stats_failed,
			    stats_status_name(r.stats_status));
			rc = -1;
		}
	}
	count_free(&r);
	weight_free(&r);
	baseline_free(loaded);
	if (rc < 0) {
		compare_free(c);
		return NULL;
	}
	return c;
}

struct baseline *compare_baseline(struct store *s, const struct compare_options *o, struct reach_error *err)
{
	char geography[32];
	return baseline_geography(s, o->geography, geography, err) < 0 ? NULL : baseline_load(s, geography, err);
}

static void free_category(struct compare_category *cat)
{
	free(cat->code);
	free(cat->label);
	free(cat->definition);
}

void compare_free(struct compare *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->nconsultations; i++) {
		struct compare_consultation *cc = &c->consultations[i];
		free(cc->slug);
		free(cc->title);
		free(cc->platform);
		free(cc->opened);
		free(cc->closed);
	}
	free(c->consultations);
	for (size_t i = 0; i < c->ndims; i++) {
		struct compare_dimension *d = &c->dims[i];
		for (size_t k = 0; k < d->ncats; k++)
			free_category(&d->cats[k]);
		for (size_t k = 0; k < d->ngroups; k++)
			free_category(&d->groups[k]);
		for (size_t k = 0; k < d->nnotes; k++)
			free(d->notes[k]);
		free(d->cats);
		free(d->groups);
		free(d->notes);
		free(d->name);
		strings_free(d->not_pooled, d->nnot_pooled);
	}
	free(c->dims);
	for (size_t k = 0; k < c->nnotes; k++)
		free(c->notes[k]);
	free(c->notes);
	if (c->weights) {
		for (size_t q = 0; q < c->weights->nquestions; q++) {
			struct compare_question *cq = &c->weights->questions[q];
			for (size_t a = 0; a < cq->nanswers; a++)
				free(cq->answers[a].text);
			free(cq->answers);
			free(cq->text);
		}
		free(c->weights->questions);
		strings_free(c->weights->notes, c->weights->nnotes);
		free(c->weights->margins);
		free(c->weights);
	}
	free(c);
}

const struct compare_dimension *compare_dimension(const struct compare *c, const char *name)
{
	for (size_t i = 0; i < c->ndims; i++)
		if (strcmp(c->dims[i].name, name) == 0)
			return &c->dims[i];
	return NULL;
}

const struct compare_category *compare_find(const struct compare_dimension *d, const char *code)
{
	for (size_t i = 0; d && i < d->ncats; i++)
		if (strcmp(d->cats[i].code, code) == 0)
			return &d->cats[i];
	for (size_t i = 0; d && i < d->ngroups; i++)
		if (strcmp(d->groups[i].code, code) == 0)
			return &d->groups[i];
	return NULL;
}

double compare_shortfall(const struct compare_dimension *d, const struct compare_category *c, double target)
{
	double base = d->known + (c->definition ? c->only_group : 0);
	double x = stats_shortfall(c->n, base, c->st.population_share, target);
	if (isnan(x))
		return NAN;
	/* A whole number of responses; the tolerance keeps an exact 12 from reading 13 by rounding error. */
	double whole = ceil(x - 1e-9);
	return whole > 0 ? whole : 0.0;       /* never -0, which JSON would print as "-0" */
}

int compare_select(struct store *s, const char *from, const char *to, const char *platform, char ***slugs,
    size_t *n, struct reach_error *err)
{
	sqlite3_stmt *st = store_stmt(s, "consultations_closing");
	int rc;
	*slugs = NULL;
	*n = 0;
	store_bind_text(st, ":from", from);
	store_bind_text(st, ":to", to);
	store_bind_text(st, ":platform", platform);
	while ((rc = store_step(s, st)) == SQLITE_ROW) {
		*slugs = xrealloc(*slugs, (*n + 1) * sizeof **slugs);
		(*slugs)[(*n)++] = xstrdup((const char *)sqlite3_column_text(st, 0));
	}
	if (rc < 0) {
		*err = *store_error(s);
		return -1;
	}
	return 0;
}

int compare_bases_match(const struct compare *c)
{
	for (size_t i = 0; i < c->ndims; i++)
		if (c->dims[i].compared && c->dims[i].warning == COMPARE_SHOWN && c->dims[i].base_min_age >= 0 &&
		    c->dims[i].base_min_age != c->min_age)
			return 0;
	return 1;
}
