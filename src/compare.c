/*
 * compare.c — the comparison with the census: runs the counting (count.c),
 * then builds each dimension against the baseline — the age bands, the
 * categories, the roll-up groups, the tests and the notes — and, when asked,
 * the weighting (weight.c). See compare.h.
 */
#include "compare.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "baseline.h"
#include "compare_run.h"
#include "count.h"
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
		cat->st.flag = STATS_FLAG_LOW_N;
		return;
	}
	compare_stats_check(r, stats_category(cat->n, known, cat->population, population_total, confidence, &cat->st),
	    "the figures of %s %s", dimension, cat->code);
}

/* ---- ages ---- */

/* An age category being formed: a band answered, or a band reach chose for exact ages. */
struct age_cat {
	int lo, hi;             /* hi -1: no upper limit */
	double n;
	int overlaps;           /* a band answered that shares ages with another (or lies in such bands) */
	int answered;           /* a band answered, or offered (then maybe with n 0) */
	int inferred;           /* a part of the eligible ages no band covered, added so that none is lost */
};

/* Do the ages ALO-AHI and BLO-BHI (hi -1: no limit) share an age? */
static int ages_overlap(int alo, int ahi, int blo, int bhi)
{
	return (ahi < 0 || blo <= ahi) && (bhi < 0 || alo <= bhi);
}

/* Do the ages LO-HI lie within OLO-OHI? */
static int ages_within(int lo, int hi, int olo, int ohi)
{
	return lo >= olo && (ohi < 0 || (hi >= 0 && hi <= ohi));
}

static int by_lower_age(const void *a, const void *b)
{
	const struct age_cat *x = a, *y = b;
	if (x->lo != y->lo)
		return x->lo < y->lo ? -1 : 1;
	int xh = x->hi < 0 ? 1000 : x->hi, yh = y->hi < 0 ? 1000 : y->hi;
	return (xh > yh) - (xh < yh);
}

/* Is the entry A a band answered (not an exact age) of a consultation marked in POOLED, not wholly below MIN_AGE? */
static int answered_band(const struct interval *a, const int *pooled, int min_age)
{
	return !a->exact && pooled[a->source] && !(a->hi >= 0 && a->hi < min_age);
}

/*
 * Can consultation SRC's bands answered be pooled with those of the
 * consultations marked in POOLED (each clipped to MIN_AGE)? Exact ages fit
 * any bands. When not, *CLASH names a band of SRC and one it overlaps.
 */
static int age_fits(const struct tally *t, size_t src, const int *pooled, int min_age, char *clash, size_t len)
{
	for (size_t i = 0; i < t->nages; i++) {
		const struct interval *a = &t->ages[i];
		if (a->source != src || a->exact || (a->hi >= 0 && a->hi < min_age))
			continue;
		int alo = a->lo < min_age ? min_age : a->lo;
		for (size_t j = 0; j < t->nages; j++) {
			const struct interval *o = &t->ages[j];
			if (!answered_band(o, pooled, min_age))
				continue;
			int olo = o->lo < min_age ? min_age : o->lo;
			if (ages_overlap(alo, a->hi, olo, o->hi) && (alo != olo || a->hi != o->hi)) {
				char mine[TAG_AGE_CODE_MAX], theirs[TAG_AGE_CODE_MAX];
				tag_age_code(alo, a->hi, mine);
				tag_age_code(olo, o->hi, theirs);
				snprintf(clash, len, "its band %s overlaps %s", mine, theirs);
				return 0;
			}
		}
	}
	return 1;
}

/*
 * Chooses the consultations whose ages are pooled: the largest first, then
 * each whose bands answered fit those already pooled. The others are left
 * out of D (their responses too) and named in D's and the comparison's
 * notes. Returns POOLED[consultation] (the caller frees).
 */
static int *choose_pooled(struct run *r, const struct tally *t, struct compare_dimension *d)
{
	struct compare *c = r->c;
	size_t n = c->nconsultations;
	int *pooled = xcalloc(n ? n : 1, sizeof *pooled), *done = xcalloc(n ? n : 1, sizeof *done);
	char (*clash)[96] = xcalloc(n ? n : 1, sizeof *clash);
	for (size_t k = 0; k < n; k++) {
		size_t best = n;
		for (size_t i = 0; i < n; i++)
			if (!done[i] && (best == n || c->consultations[i].responses > c->consultations[best].responses))
				best = i;
		done[best] = 1;
		pooled[best] = age_fits(t, best, pooled, c->min_age, clash[best], sizeof clash[best]);
	}
	for (size_t i = 0; i < n && i < t->nsources; i++) {
		if (pooled[i])
			continue;
		const struct age_source *src = &t->sources[i];
		const char *slug = c->consultations[i].slug;
		d->responses -= src->responses;
		d->missing -= src->missing;
		d->declined -= src->declined;
		d->unmatched -= src->unmatched;
		d->not_pooled = xrealloc(d->not_pooled, (d->nnot_pooled + 1) * sizeof *d->not_pooled);
		d->not_pooled[d->nnot_pooled++] = xstrdup(slug);
		compare_note(&d->notes, &d->nnotes, "%s asked for ages in bands that cannot be pooled with the others (%s): "
		    "its %.0f responses are left out of this age comparison; reach report %s compares them on its own bands",
		    slug, clash[i], src->responses, slug);
		compare_note(&c->notes, &c->nnotes, "age: %s could not be pooled (%s); reach report %s compares its ages",
		    slug, clash[i], slug);
	}
	free(done);
	free(clash);
	return pooled;
}

/* Adds the category LO-HI with N answers to *CATS (*N of them), or adds N to the one it is. */
static struct age_cat *add_age_cat(struct age_cat **cats, size_t *n, int lo, int hi, double count)
{
	for (size_t i = 0; i < *n; i++)
		if ((*cats)[i].lo == lo && (*cats)[i].hi == hi) {
			(*cats)[i].n += count;
			return &(*cats)[i];
		}
	*cats = xrealloc(*cats, (*n + 1) * sizeof **cats);
	(*cats)[*n] = (struct age_cat){ lo, hi, count, 0, 0, 0 };
	return &(*cats)[(*n)++];
}

/* What placing the exact ages did, for the notes. */
struct exact_placing {
	int any, cut;
	double folded, outside;
};

/*
 * Places the exact ages of the POOLED consultations: in the bands for exact
 * ages (r->bands), each cut where a band answered (the first NANSWERED of
 * *CATS) begins or ends, so that no two bands share an age. A piece within
 * a band answered is counted in it, as every age in it is; within bands
 * that overlap, it is not compared either.
 */
static void place_exact_ages(struct run *r, const struct tally *t, const int *pooled, struct age_cat **cats,
    size_t *n, size_t nanswered, struct exact_placing *p)
{
	int min_age = r->c->min_age;
	double total = 0, placed = 0;
	for (size_t i = 0; i < t->nages; i++)
		if (t->ages[i].exact && pooled[t->ages[i].source] && t->ages[i].lo >= min_age)
			total += t->ages[i].n, p->any = 1;
	for (size_t k = 0; p->any && k < r->nbands; k++) {
		const struct age_band *bd = &r->bands[k];
		if (bd->hi >= 0 && bd->hi < min_age)
			continue;
		for (int lo = bd->lo < min_age ? min_age : bd->lo;;) {
			int hi = bd->hi;
			for (size_t j = 0; j < nanswered; j++) {
				int edges[2] = { (*cats)[j].lo, (*cats)[j].hi >= 0 ? (*cats)[j].hi + 1 : -1 };
				for (int e = 0; e < 2; e++)
					if (edges[e] > lo && (hi < 0 || edges[e] - 1 < hi))
						hi = edges[e] - 1;
			}
			double count = 0;
			for (size_t i = 0; i < t->nages; i++)
				if (t->ages[i].exact && pooled[t->ages[i].source] && ages_within(t->ages[i].lo, t->ages[i].lo, lo, hi))
					count += t->ages[i].n;
			placed += count;
			size_t within = nanswered;
			for (size_t j = 0; j < nanswered && within == nanswered; j++)
				if (ages_within(lo, hi, (*cats)[j].lo, (*cats)[j].hi))
					within = j;
			if (within == nanswered)
				add_age_cat(cats, n, lo, hi, count);
			else if ((*cats)[within].overlaps && count > 0)
				add_age_cat(cats, n, lo, hi, count)->overlaps = 1;
			else if (!(*cats)[within].overlaps)
				(*cats)[within].n += count, p->folded += count;
			if (hi != bd->hi)
				p->cut = 1;
			if (hi == bd->hi)
				break;
			lo = hi + 1;
		}
	}
	p->outside = total - placed;
}

/*
 * Adds to *CATS (*N of them, each from MIN_AGE up) a band for each part of
 * the eligible ages, MIN_AGE and over, that none of them covers: a gap
 * between bands (18-24 and 35-44 answered: 25-34), and above the highest
 * band unless it is open (up to 75-84: 85+). Each holds the exact ages of
 * the POOLED consultations that lie in it (taken from P->outside), usually
 * none. Nothing is added when *N is 0.
 */
static void infer_age_gaps(struct run *r, const struct tally *t, const int *pooled, struct age_cat **cats,
    size_t *n, struct exact_placing *p)
{
	size_t given = *n;
	int next = r->c->min_age;       /* the youngest age not yet covered; -1: every age is */
	if (!given)
		return;
	qsort(*cats, given, sizeof **cats, by_lower_age);
	for (size_t i = 0; i <= given && next >= 0; i++) {
		int lo = i < given ? (*cats)[i].lo : -1, hi = i < given ? (*cats)[i].hi : 0;
		if (i == given || lo > next) {
			int gap_hi = i < given ? lo - 1 : -1;
			double count = 0;
			for (size_t k = 0; k < t->nages; k++)
				if (t->ages[k].exact && pooled[t->ages[k].source] && ages_within(t->ages[k].lo, t->ages[k].lo, next, gap_hi))
					count += t->ages[k].n;
			p->outside -= count;
			add_age_cat(cats, n, next, gap_hi, count)->inferred = 1;
			if (i == given)
				break;
		}
		if (hi < 0)
			next = -1;
		else if (hi + 1 > next)
			next = hi + 1;
	}
}

/* "85 and over", "25 to 34" or "16": the ages LO-HI (HI -1: no limit) in words, into OUT. */
static void ages_in_words(int lo, int hi, char *out, size_t len)
{
	if (hi < 0)
		snprintf(out, len, "%d and over", lo);
	else if (hi == lo)
		snprintf(out, len, "%d", lo);
	else
		snprintf(out, len, "%d to %d", lo, hi);
}

/*
 * Notes the band CAT of D that was offered but chosen by no one, or that
 * reach added (INFERRED): its residents stay in the base, and the reader is
 * told why.
 */
static void note_added_band(struct compare_dimension *d, const struct compare_category *cat, int inferred)
{
	char aged[48], residents[80] = "";
	ages_in_words(cat->age_min, cat->age_max, aged, sizeof aged);
	if (!isnan(cat->population))
		snprintf(residents, sizeof residents, " (%.0f residents aged %s)", cat->population, aged);
	if (cat->n == 0)
		compare_note(&d->notes, &d->nnotes, "no respondent chose %s%s: shown with 0%s", cat->code, residents,
		    inferred ? ", a band added so that every age invited is covered" : "");
	else
		compare_note(&d->notes, &d->nnotes, "%.0f exact ages lie in none of the bands asked for: counted in %s%s, "
		    "a band added so that every age invited is covered", cat->n, cat->code, residents);
}

/*
 * Builds the age dimension: the bands answered clipped to the eligible age,
 * exact ages placed in bands around them, bands that overlap kept apart and
 * not compared, and the census population of each band compared.
 */
static void build_age(struct run *r, struct tally *t, struct compare_dimension *d, const struct baseline *b)
{
	int min_age = r->c->min_age, clipped = 0;
	int *pooled = choose_pooled(r, t, d);
	struct age_cat *cats = NULL;
	size_t n = 0;
	for (size_t i = 0; i < t->nages; i++) {
		const struct interval *a = &t->ages[i];
		if (!pooled[a->source])
			continue;
		if (a->hi >= 0 && a->hi < min_age) {
			d->below_min_age += a->n;       /* an exact age or a band wholly below the age invited */
			continue;
		}
		if (a->exact)
			continue;
		if (a->lo < min_age)
			clipped = 1;
		add_age_cat(&cats, &n, a->lo < min_age ? min_age : a->lo, a->hi, a->n);
	}
	/* Bands answered that share an age (18-29 and 25-34; 75+ and 85+) cannot both be compared. */
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++)
			if (ages_overlap(cats[i].lo, cats[i].hi, cats[j].lo, cats[j].hi))
				cats[i].overlaps = cats[j].overlaps = 1;
	for (size_t i = 0; i < n; i++)
		cats[i].answered = 1;
	struct exact_placing placing = { 0 };
	place_exact_ages(r, t, pooled, &cats, &n, n, &placing);
	infer_age_gaps(r, t, pooled, &cats, &n, &placing);
	if (n)
		qsort(cats, n, sizeof *cats, by_lower_age);
	d->compared = b && b->has_single_years;
	d->cats = xcalloc(n ? n : 1, sizeof *d->cats);
	d->ncats = n;
	d->population = 0;
	struct buf overlapping = { 0 };
	for (size_t i = 0; i < n; i++) {
		struct compare_category *cat = &d->cats[i];
		char code[TAG_AGE_CODE_MAX];
		tag_age_code(cats[i].lo, cats[i].hi, code);
		cat->code = xstrdup(code);
		cat->label = xstrdup(code);
		cat->age_min = cats[i].lo;
		cat->age_max = cats[i].hi;
		cat->n = cats[i].n;
		cat->overlaps = cats[i].overlaps;
		if (cat->overlaps) {
			buf_printf(&overlapping, "%s%s", overlapping.len ? ", " : "", code);
			cat->population = NAN;
			d->overlapping += cat->n;
			continue;
		}
		cat->population = d->compared ? baseline_age(b, cats[i].lo, cats[i].hi) : NAN;
		if (d->compared && isnan(cat->population)) {
			d->not_compared += cat->n;      /* above the census's last cell, 100 and over */
			continue;
		}
		d->known += cat->n;
		if (d->compared)
			d->population += cat->population;
		if (cats[i].inferred || (cats[i].answered && cat->n == 0))
			note_added_band(d, cat, cats[i].inferred);
	}
	if (overlapping.len)
		compare_note(&d->notes, &d->nnotes, "the bands %s share ages, so a respondent in one may belong in another: "
		    "their %.0f answers are not compared, and the shares, ratios and test are of the other bands only",
		    overlapping.data, d->overlapping);
	if (d->not_compared > 0)
		compare_note(&d->notes, &d->nnotes, "%.0f answers are in bands the census cannot give a population for: not compared",
		    d->not_compared);
	if (!d->compared)
		d->population = NAN;
	d->base_min_age = min_age;
	if (placing.any)
		compare_note(&d->notes, &d->nnotes, "%s", r->o->age_bands
		    ? "exact ages (an age, a year or a date of birth, at the response's date) are counted in the bands asked for"
		    : "exact ages (an age, a year or a date of birth, at the response's date) are counted in the census broad age bands");
	if (placing.cut)
		compare_note(&d->notes, &d->nnotes, "where a band answered begins or ends inside one of those bands, it is cut there, so that no two bands share an age");
	if (placing.folded > 0)
		compare_note(&d->notes, &d->nnotes, "%.0f exact ages lie within a band answered: counted in that band", placing.folded);
	if (placing.outside > 0) {
		d->unmatched += placing.outside;
		compare_note(&d->notes, &d->nnotes, "%.0f exact ages lie in none of the bands asked for: counted as unmatched",
		    placing.outside);
	}
	if (d->below_min_age > 0)
		compare_note(&d->notes, &d->nnotes, "%.0f answers gave an age below %d, the youngest age invited: left out",
		    d->below_min_age, min_age);
	if (clipped)
		compare_note(&d->notes, &d->nnotes, "answer bands that begin below %d are compared with residents aged %d and over in them",
		    min_age, min_age);
	if (d->compared) {
		double eligible = baseline_age(b, min_age, -1);
		if (eligible - d->population > 0.5)
			compare_note(&d->notes, &d->nnotes,
			    "the answer bands cover %.0f of the %.0f residents aged %d and over; the others are left out of the shares",
			    d->population, eligible, min_age);
	}
	buf_free(&overlapping);
	free(cats);
	free(pooled);
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
		cat->label = xstrdup(t->categories[i].label);
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
		if (!isnan(left_out))
			compare_note(&d->notes, &d->nnotes, "%.0f residents in the census cell \"%s\" are left out of the shares",
			    left_out, row->category);
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
		struct table *tb = table_embedded("seeds/taxonomy/age_groups.csv", r->err);
		if (!tb || compare_table_bands(tb, &bands, r->err) < 0) {
			table_free(tb);
			return -1;
		}
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
			g->label = xstrdup(table_get(tb, i, "label"));
			g->definition = xstrdup(table_get(tb, i, "definition"));
			g->age_min = lo;
			g->age_max = hi;
			g->n = n;
			g->population = d->compared ? population : NAN;
			g->partial_r = NAN;
		}
		free(bands);
		table_free(tb);
		return 0;
	}
	const struct tag_rollup *u;
	size_t nu = tag_rollups(r->t, d->name, &u);
	for (size_t i = 0; i < nu; i++) {
		d->groups = xrealloc(d->groups, (d->ngroups + 1) * sizeof *d->groups);
		struct compare_category *g = &d->groups[d->ngroups++];
		memset(g, 0, sizeof *g);
		g->code = xstrdup(u[i].code);
		g->label = xstrdup(u[i].label);
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
		g->only_group = t->rollup_only ? t->rollup_only[i] : 0;
		g->n += g->only_group;
		if (g->only_group > 0)
			compare_note(&d->notes, &d->nnotes,
			    "%.0f answers named only the group %s: counted in it (its share is of %.0f answers), not in any one category",
			    g->only_group, g->code, d->known + g->only_group);
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
			buf_printf(&names, "%s%s (%.1f expected)", names.len ? ", " : "", d->cats[i].code,
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
		build_age(r, t, d, b);
	else
		build_categories(r, t, d, b);
	d->not_compared += t->not_compared;
	for (size_t i = 0; i < t->nnotes; i++)
		compare_note(&d->notes, &d->nnotes, "%s", t->notes[i]);
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
		compare_note(&d->notes, &d->nnotes, "no census figures for %s are held: counts only", d->name);
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

struct compare *compare_run(struct store *s, const struct taxonomy *t, char *const *slugs, size_t nslugs,
    const struct compare_options *o, struct reach_error *err)
{
	struct compare *c = xcalloc(1, sizeof *c);
	struct run r = { 0 };
	r.s = s, r.t = t, r.o = o, r.c = c, r.closed_days = -1, r.err = err;
	struct baseline *b = NULL;
	int rc = 0;
	c->confidence = o->confidence > 0 ? o->confidence : STATS_CONFIDENCE_DEFAULT;
	count_start(&r);
	if (nslugs == 0) {
		error_set(err, REACH_EDATA, NULL, 0, "no consultations to report on");
		rc = -1;
	}
	if (rc == 0)
		rc = count_bands(&r);
	if (rc == 0 && o->weighted && nslugs != 1) {
		error_set(err, REACH_EUSAGE, NULL, 0, "--weighted weighs one consultation's closed questions: name one");
		rc = -1;
	}
	for (size_t i = 0; rc == 0 && i < nslugs; i++)
		rc = count_consultation(&r, slugs[i]);
	if (rc == 0)
		rc = baseline_geography(s, o->geography, c->geography, err);
	if (rc == 0 && !(b = baseline_load(s, c->geography, err)))
		rc = -1;
	if (rc == 0) {
		snprintf(c->geography_name, sizeof c->geography_name, "%s", b->name);
		snprintf(c->source, sizeof c->source, "%s", b->source);
		snprintf(c->census_date, sizeof c->census_date, "%s", b->census_date);
		choose_min_age(&r);
		for (size_t i = 0; rc == 0 && compare_report_dimensions[i]; i++)
			if (r.tallies[i].responses > 0)
				rc = build_dimension(&r, &r.tallies[i], b);
		c->equality_questions = c->ndims > 0;
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
	baseline_free(b);
	if (rc < 0) {
		compare_free(c);
		return NULL;
	}
	return c;
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
