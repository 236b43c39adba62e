/*
 * disclose.c — see disclose.h. How each set's totals bound its hidden
 * counts, and which shown count joins them when one is left with a single
 * possible value.
 */
#include "disclose.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

double disclose_extra_count(const struct compare_dimension *d, enum disclose_extra e)
{
	double cats = 0;
	switch (e) {
	case DISCLOSE_MISSING:
		return d->missing;
	case DISCLOSE_DECLINED:
		return d->declined;
	case DISCLOSE_UNMATCHED:
		return d->unmatched;
	default:
		if (d->rounding)
			return d->left_out;
		for (size_t k = 0; k < d->ncats; k++)
			cats += d->cats[k].n;
		cats = d->responses - cats - d->missing - d->declined - d->unmatched;
		return cats > 0 ? cats : 0;
	}
}

static int rollup_has(const struct tag_rollup *u, const char *code)
{
	for (size_t m = 0; m < u->nmembers; m++)
		if (strcmp(u->members[m], code) == 0)
			return 1;
	return 0;
}

/* Is category K of D a member of group G? */
int disclose_in_group(const struct compare_dimension *d, const struct taxonomy *t, size_t g, size_t k)
{
	const struct compare_category *grp = &d->groups[g], *cat = &d->cats[k];
	if (grp->age_min >= 0) {
		/* As compare.c sums an age group: the compared bands wholly within it, an open band ("85+") in an open group. */
		int starts_in = cat->age_min >= grp->age_min && (grp->age_max < 0 || cat->age_min <= grp->age_max);
		int ends_in = grp->age_max < 0 || (cat->age_max >= 0 && cat->age_max <= grp->age_max);
		return starts_in && ends_in && !isnan(cat->population);
	}
	const struct tag_rollup *u;
	size_t n = tag_rollups(t, d->name, &u);
	for (size_t i = 0; i < n; i++)
		if (strcmp(u[i].code, grp->code) == 0)
			return rollup_has(&u[i], cat->code);
	return 0;
}

/*
 * The counts of a dimension under protection: the categories, then the
 * extra counts (disclose_extra), each with its value and how it is shown.
 */
struct cells {
	size_t n;
	double *value, most;    /* most: the largest any count can be, the responses */
	enum disclose_cell *cell;
	int threshold;
};

/*
 * In one set of counts (MEMBER[i]) whose total is shown: when a hidden
 * count has only one value the total allows, given the other hidden counts'
 * ranges (small: 1 to threshold - 1; withheld: 0 to the responses), the
 * smallest positive shown count is withheld. Returns 1 if it
 * acted, -1 when a count is given away and no positive shown one is left.
 */
static int protect(struct cells *c, const int *member)
{
	double hidden_sum = 0, low = 0, high = 0;
	size_t hidden = 0, pick = (size_t)-1;
	for (size_t i = 0; i < c->n; i++) {
		if (!member[i])
			continue;
		if (c->cell[i] != CELL_SHOWN) {
			hidden++;
			hidden_sum += c->value[i];
			low += c->cell[i] == CELL_SMALL ? 1 : 0;
			high += c->cell[i] == CELL_SMALL ? c->threshold - 1 : c->most;
		} else if (pick == (size_t)-1 || (c->value[i] > 0 &&
		    (c->value[pick] == 0 || c->value[i] < c->value[pick])))
			pick = i;
	}
	if (hidden == 0)
		return 0;
	int pinned = 0;
	for (size_t i = 0; i < c->n && !pinned; i++) {
		if (!member[i] || c->cell[i] == CELL_SHOWN)
			continue;
		double own_low = c->cell[i] == CELL_SMALL ? 1 : 0;
		double own_high = c->cell[i] == CELL_SMALL ? c->threshold - 1 : c->most;
		double from = fmax(own_low, hidden_sum - (high - own_high));
		double to = fmin(own_high, hidden_sum - (low - own_low));
		pinned = from >= to;
	}
	if (!pinned)
		return 0;
	if (pick == (size_t)-1 || c->value[pick] == 0)
		return -1;          /* a withheld 0 would be given away with the rest */
	c->cell[pick] = CELL_WITHHELD;
	return 1;
}

/* The whole counts from *LOW to *HIGH that round to R at BASE, halves up. */
static void rounded_range(double r, int base, double *low, double *high)
{
	*low = fmax(0, ceil(r - base / 2.0));
	*high = ceil(r + base / 2.0) - 1;
}

/*
 * Counts rounded to BASE: the rounded parts of the responses (every
 * category and extra count) and the rounded responses leave each true part
 * a range; when one part's range shrinks to one value (every part at the
 * end of its range), the smallest shown part is withheld, until none does.
 * The other totals shown (the known answers, the groups) are sums of
 * rounded parts, so they say nothing more.
 */
static void protect_rounded(struct cells *c, double responses, int base)
{
	double total_low, total_high;
	rounded_range(responses, base, &total_low, &total_high);
	for (;;) {
		double low = 0, high = 0;
		for (size_t i = 0; i < c->n; i++) {
			double l = 0, h = total_high;
			if (c->cell[i] == CELL_SHOWN)
				rounded_range(c->value[i], base, &l, &h);
			low += l, high += h;
		}
		int pinned = 0;
		size_t pick = (size_t)-1;
		for (size_t i = 0; i < c->n; i++) {
			double l = 0, h = total_high;
			if (c->cell[i] == CELL_SHOWN) {
				rounded_range(c->value[i], base, &l, &h);
				/* A withheld 0 would still end its range at 0: the smallest count above 0 is withheld. */
				if (c->value[i] > 0 && (pick == (size_t)-1 || c->value[i] < c->value[pick]))
					pick = i;
			}
			pinned |= l < h && fmax(l, total_low - (high - h)) >= fmin(h, total_high - (low - l));
		}
		if (!pinned || pick == (size_t)-1)
			return;
		c->cell[pick] = CELL_WITHHELD;
	}
}

size_t disclose_suppress(const struct compare_dimension *d, const struct taxonomy *t, int threshold,
    enum disclose_cell *cats, enum disclose_cell *groups, enum disclose_cell *extras)
{
	struct cells c = { d->ncats + DISCLOSE_EXTRAS, NULL, d->responses, NULL, threshold };
	c.value = xcalloc(c.n, sizeof *c.value);
	c.cell = xcalloc(c.n, sizeof *c.cell);
	int *all = xcalloc(c.n, sizeof *all), *member = xcalloc(c.n, sizeof *member), *other = xcalloc(c.n, sizeof *other);
	int *known = xcalloc(c.n, sizeof *known), *rest = xcalloc(c.n, sizeof *rest);
	double sum = 0;
	for (size_t i = 0; i < c.n; i++) {
		c.value[i] = i < d->ncats ? d->cats[i].n : disclose_extra_count(d, (enum disclose_extra)(i - d->ncats));
		c.cell[i] = threshold > 0 && c.value[i] > 0 && c.value[i] < threshold ? CELL_SMALL : CELL_SHOWN;
		all[i] = 1;
		known[i] = i < d->ncats && (!d->compared || !isnan(d->cats[i].population));
		rest[i] = !known[i];
		sum += c.value[i];
	}
	if (c.most < sum)
		c.most = sum;
	for (size_t g = 0; g < d->ngroups; g++)
		groups[g] = threshold > 0 && d->groups[g].n > 0 && d->groups[g].n < threshold ? CELL_SMALL : CELL_SHOWN;
	/* Categories with a parent (the nineteen ethnic groups) add up to it, shown in another table. */
	const struct tag_category *tax;
	size_t ntax = tag_categories(t, d->name, &tax);
	if (d->rounding)
		protect_rounded(&c, d->responses, d->rounding);
	for (int changed = threshold > 0; changed;) {
		changed = (protect(&c, all) > 0) | (protect(&c, known) > 0) | (protect(&c, rest) > 0);
		for (size_t p = 0; p < ntax; p++) {
			int any = 0;
			for (size_t k = 0; k < c.n; k++) {
				member[k] = 0;
				for (size_t j = 0; j < ntax && k < d->ncats; j++)
					if (tax[j].parent && tax[p].parent && strcmp(tax[j].code, d->cats[k].code) == 0 &&
					    strcmp(tax[j].parent, tax[p].parent) == 0)
						member[k] = any = 1;
			}
			if (any)
				changed |= protect(&c, member) > 0;
		}
		for (size_t g = 0; g < d->ngroups; g++) {
			if (groups[g] != CELL_SHOWN)
				continue;
			/* A shown group total reveals a lone hidden member, or hidden counts outside it. */
			for (size_t k = 0; k < c.n; k++) {
				member[k] = k < d->ncats && disclose_in_group(d, t, g, k);
				other[k] = known[k] && !member[k];
			}
			int inside = protect(&c, member), outside = protect(&c, other);
			for (size_t k = 0; k < c.n; k++)
				other[k] = !member[k];
			int beyond = protect(&c, other);
			/* Nothing shown is left to join a count the group gives away: the group is withheld. */
			if (inside < 0 || outside < 0 || beyond < 0)
				groups[g] = CELL_WITHHELD;
			changed |= inside != 0 || outside != 0 || beyond != 0;
		}
	}
	size_t hidden = 0;
	for (size_t i = 0; i < c.n; i++) {
		if (i < d->ncats)
			cats[i] = c.cell[i];
		else if (extras)
			extras[i - d->ncats] = c.cell[i];
		hidden += c.cell[i] != CELL_SHOWN;
	}
	for (size_t g = 0; g < d->ngroups; g++)
		hidden += groups[g] != CELL_SHOWN;
	free(c.value);
	free(c.cell);
	free(all);
	free(member);
	free(other);
	free(known);
	free(rest);
	return hidden;
}
