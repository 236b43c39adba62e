/*
 * ages.c — see ages.h. The age dimension of a comparison: the bands answered,
 * each on its own interval; exact ages placed in bands cut where an answered
 * band begins or ends; the ages no band covers added with 0 respondents;
 * bands that overlap listed, not compared; pooled consultations whose bands
 * cannot be put together named and left out.
 */
#include "ages.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>



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
void ages_build(struct run *r, struct tally *t, struct compare_dimension *d, const struct baseline *b)
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
