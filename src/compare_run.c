/*
 * compare_run.c — what the three files of a comparison share (compare_run.h):
 * the dimensions reported, a run's tallies, notes, the sticky record of a
 * statistic that failed, and the ages of a seed table's row. compare.c,
 * count.c and weight.c call these; these call none of them.
 */
#include "compare_run.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "policy.h"

const char *const compare_report_dimensions[] = {
	"age", "sex", "gender_identity", "ethnicity", "ethnicity_detailed", "disability",
	"sexual_orientation", "religion", "armed_forces", "carer", NULL,
};

void compare_note(char ***notes, size_t *n, const char *fmt, ...)
{
	struct buf b = { 0 };
	va_list ap;
	va_start(ap, fmt);
	int len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	buf_grow(&b, (size_t)len);
	va_start(ap, fmt);
	vsnprintf(b.data, (size_t)len + 1, fmt, ap);
	va_end(ap);
	*notes = xrealloc(*notes, (*n + 1) * sizeof **notes);
	(*notes)[(*n)++] = b.data;
}

struct tally *compare_tally(struct run *r, const char *dimension)
{
	for (size_t i = 0; compare_report_dimensions[i]; i++)
		if (strcmp(compare_report_dimensions[i], dimension) == 0)
			return &r->tallies[i];
	return NULL;
}

int compare_category_index(const struct tag_category *cats, size_t n, const char *code)
{
	for (size_t i = 0; code && i < n; i++)
		if (strcmp(cats[i].code, code) == 0)
			return (int)i;
	return -1;
}

int compare_stats_check(struct run *r, int status, const char *what, ...)
{
	if (status == STATS_OK || r->stats_status != STATS_OK)
		return status;
	va_list ap;
	va_start(ap, what);
	vsnprintf(r->stats_failed, sizeof r->stats_failed, what, ap);
	va_end(ap);
	r->stats_status = status;
	return status;
}

int compare_table_bands(const struct table *tb, struct age_band **bands, struct reach_error *err)
{
	*bands = xcalloc(tb->nrows + 1, sizeof **bands);
	for (size_t row = 0; row < tb->nrows; row++) {
		const char *min_text = table_get(tb, row, "min_age"), *max_text = table_get(tb, row, "max_age");
		long min, max = TAG_AGE_OPEN;
		if (parse_long(min_text, 0, POLICY_AGE_LIMIT, &min) < 0) {
			error_set(err, REACH_EDATA, tb->name, tb->lines[row], "min_age \"%s\" is not an age from 0 to %d",
			    min_text, POLICY_AGE_LIMIT);
		} else if (*max_text && (parse_long(max_text, 0, POLICY_AGE_LIMIT, &max) < 0 || max < min)) {
			error_set(err, REACH_EDATA, tb->name, tb->lines[row],
			    "max_age \"%s\" is not an age from min_age (%ld) to %d", max_text, min, POLICY_AGE_LIMIT);
		} else {
			(*bands)[row] = (struct age_band){ (int)min, (int)max };
			continue;
		}
		free(*bands);
		*bands = NULL;
		return -1;
	}
	return 0;
}

double compare_rounded(const struct run *r, double x)
{
	int base = r->o->round;
	if (base <= 0 || isnan(x))
		return x;
	return floor((x + base / 2.0) / base) * base;
}

/* The length of a count of answers at P ("12 answers", "3 exact ages", "60 responses"), or 0. */
static size_t count_of_answers(const char *p)
{
	size_t len = strspn(p, "0123456789");
	if (len == 0)
		return 0;
	static const char *const nouns[] = { " answer", " response", " exact age", NULL };
	for (size_t i = 0; nouns[i]; i++)
		if (strncmp(p + len, nouns[i], strlen(nouns[i])) == 0)
			return len;
	return 0;
}

/* NOTE with every count of answers in it rounded ("12 exact ages lie …", "40 of the 60 answers given …"). */
static char *round_note(const struct run *r, const char *note)
{
	struct buf b = { 0 };
	for (const char *p = note; *p;) {
		size_t len = count_of_answers(p);
		int starts_word = p == note || p[-1] == ' ' || p[-1] == '(';
		if (starts_word && (len || (p == note && (len = strspn(p, "0123456789")) > 0 && strncmp(p + len, " of the ", 8) == 0))) {
			buf_printf(&b, "%.0f", compare_rounded(r, strtod(p, NULL)));
			p += len;
		} else
			buf_putc(&b, *p++);
	}
	return b.data ? b.data : xstrdup("");
}

void compare_round_dimension(struct run *r, struct compare_dimension *d)
{
	if (r->o->round <= 0)
		return;
	double cats = 0;
	for (size_t i = 0; i < d->ncats; i++)
		cats += d->cats[i].n;
	double left_out = d->responses - cats - d->missing - d->declined - d->unmatched;
	d->left_out = compare_rounded(r, left_out > 0 ? left_out : 0);
	d->rounding = r->o->round;
	double *counts[] = { &d->responses, &d->missing, &d->declined, &d->unmatched, &d->broad, &d->below_min_age,
		&d->not_compared, &d->overlapping, NULL };
	for (size_t i = 0; counts[i]; i++)
		*counts[i] = compare_rounded(r, *counts[i]);
	d->known = 0;
	for (size_t i = 0; i < d->ncats; i++) {
		struct compare_category *cat = &d->cats[i];
		cat->n = compare_rounded(r, cat->n);
		if (!cat->overlaps && (!d->compared || !isnan(cat->population)))
			d->known += cat->n;
	}
	for (size_t i = 0; i < d->nnotes; i++) {
		char *rounded = round_note(r, d->notes[i]);
		free(d->notes[i]);
		d->notes[i] = rounded;
	}
}

