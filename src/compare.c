/* compare.c — see compare.h. */
#include "compare.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "baseline.h"
#include "consult.h"
#include "table.h"

#define DEFAULT_SEED 20210321UL         /* Census Day: any fixed seed makes reports repeat */

/* The tag of one answer code, as stored in value_tags. */
struct tag_entry {
	enum tag_status status;
	int category;           /* index into the dimension's taxonomy categories, or -1 */
	int rollup;             /* broad answers naming a roll-up ("BAME"): its index, or -1 */
	int age_min, age_max;   /* an age answered as an interval */
	long number;            /* a birth year, or a date of birth in days */
};

/* One question's tags in one dimension. */
struct question_tags {
	size_t slot;
	enum role role;
	const char *dimension;
	struct tag_entry *by_code;      /* [code - 1] */
	size_t n;
};

/* An age interval answered, with how many gave it. */
struct interval {
	int lo, hi;             /* hi -1: no upper limit */
	double n;
};

/* Counts of one dimension across the consultations. */
struct tally {
	const char *dimension;
	const struct tag_category *categories;
	size_t ncategories;
	double *n;              /* per category */
	double *rollup_only;    /* per roll-up: answers naming only it */
	struct interval *ages;
	size_t nages;
	double responses, missing, declined, unmatched, broad;
};

/* The dimensions reported, in order; ethnicity_detailed follows ethnicity. */
static const char *const report_dimensions[] = {
	"age", "sex", "gender_identity", "ethnicity", "ethnicity_detailed", "disability",
	"sexual_orientation", "religion", "armed_forces", "carer", NULL,
};

struct age_band {
	int lo, hi;
};

/* The margins respondents are raked to, in order; the first is age. */
#define WEIGHT_MARGINS 3
static const char *const weight_dimensions[WEIGHT_MARGINS] = { "age", "sex", "ethnicity" };

/* A closed question of the consultation, for weighting. */
struct closed {
	size_t slot;
	char *text;
	int multi;
	char **options;                 /* its answers; for a multi-select question, each option */
	size_t noptions;
	size_t **of_code;               /* of_code[code - 1]: the options that answer gives */
	size_t *nof_code;
	size_t nvalues;                 /* answer codes 1 … nvalues */
	size_t offset;                  /* where its counts start in a cell's tally */
};

/* Respondents alike on every margin: age interval, sex and ethnic group (indexes, -1 unknown). */
struct cell {
	int key[WEIGHT_MARGINS];
	double n;
	double *tally;                  /* per closed question: answered, then each option */
};

struct run {
	struct store *s;
	const struct taxonomy *t;
	const struct compare_options *o;
	struct compare *c;
	struct tally tallies[16];
	struct age_band *bands;         /* for exact ages */
	size_t nbands;
	int exact_ages;                 /* some ages came from an age, a year or a date of birth */
	struct closed *closed;          /* with options.weighted: the closed questions */
	size_t nclosed, tally_len;
	struct cell *cells;
	size_t ncells;
	/* The consultation being counted. */
	struct question_tags *qt;
	size_t nqt;
	long closed_days;               /* its closing date, or -1 */
	struct reach_error *err;
};

static void add_note(char ***notes, size_t *n, const char *fmt, ...)
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

static struct tally *tally_of(struct run *r, const char *dimension)
{
	for (size_t i = 0; report_dimensions[i]; i++)
		if (strcmp(report_dimensions[i], dimension) == 0)
			return &r->tallies[i];
	return NULL;
}

/* ---- reading a consultation's tags ---- */

static int category_index(const struct tag_category *cats, size_t n, const char *code)
{
	for (size_t i = 0; code && i < n; i++)
		if (strcmp(cats[i].code, code) == 0)
			return (int)i;
	return -1;
}

static enum tag_status status_from(const char *name)
{
	for (int s = TAG_CATEGORY; s <= TAG_UNMATCHED; s++)
		if (strcmp(tag_status_name((enum tag_status)s), name) == 0)
			return (enum tag_status)s;
	return TAG_UNMATCHED;
}

static void free_question_tags(struct run *r)
{
	for (size_t i = 0; i < r->nqt; i++)
		free(r->qt[i].by_code);
	free(r->qt);
	r->qt = NULL;
	r->nqt = 0;
}

static int load_question_tags(struct run *r, const struct consult_view *v)
{
	for (size_t q = 0; q < v->nq; q++) {
		enum role role;
		if (columns_role_parse(v->q[q].role, &role) < 0 || !columns_is_demographic(role))
			continue;
		for (const char *const *dim = tag_dimensions(role); *dim; dim++) {
			r->qt = xrealloc(r->qt, (r->nqt + 1) * sizeof *r->qt);
			struct question_tags *qt = &r->qt[r->nqt++];
			qt->slot = q;
			qt->role = role;
			qt->dimension = *dim;
			qt->n = v->q[q].nvalues;
			qt->by_code = xcalloc(qt->n ? qt->n : 1, sizeof *qt->by_code);
			for (size_t k = 0; k < qt->n; k++) {
				qt->by_code[k].status = TAG_MISSING;
				qt->by_code[k].category = qt->by_code[k].rollup = -1;
			}
		}
	}
	for (size_t i = 0; i < r->nqt; i++) {
		struct question_tags *qt = &r->qt[i];
		const struct tag_category *cats;
		size_t ncats = tag_categories(r->t, qt->dimension, &cats);
		sqlite3_stmt *st = store_stmt(r->s, "tags_of_question");
		int rc;
		store_bind_int(st, ":question", v->q[qt->slot].id);
		while ((rc = store_step(r->s, st)) == SQLITE_ROW) {
			size_t code = (size_t)sqlite3_column_int64(st, 0);
			if (strcmp((const char *)sqlite3_column_text(st, 1), qt->dimension) != 0 || code == 0 || code > qt->n)
				continue;
			struct tag_entry *e = &qt->by_code[code - 1];
			e->status = status_from((const char *)sqlite3_column_text(st, 2));
			e->category = category_index(cats, ncats, (const char *)sqlite3_column_text(st, 3));
			e->rollup = -1;
			if (e->status == TAG_BROAD && sqlite3_column_type(st, 3) != SQLITE_NULL) {
				const struct tag_rollup *u;
				size_t nu = tag_rollups(r->t, qt->dimension, &u);
				for (size_t k = 0; k < nu; k++)
					if (strcmp(u[k].code, (const char *)sqlite3_column_text(st, 3)) == 0)
						e->rollup = (int)k;
			}
			e->age_min = sqlite3_column_int(st, 4);
			e->age_max = sqlite3_column_type(st, 5) == SQLITE_NULL ? -1 : sqlite3_column_int(st, 5);
			e->number = (long)sqlite3_column_int64(st, 6);
			if (e->status == TAG_CATEGORY && e->category < 0 && qt->role != ROLE_AGE &&
			    qt->role != ROLE_BIRTH_YEAR && qt->role != ROLE_DATE_OF_BIRTH)
				e->status = TAG_UNMATCHED;      /* a category the taxonomy no longer has */
		}
		if (rc < 0) {
			*r->err = *store_error(r->s);
			return -1;
		}
	}
	return 0;
}

static const struct question_tags *find_qt(const struct run *r, const char *dimension, enum role role)
{
	for (size_t i = 0; i < r->nqt; i++)
		if (r->qt[i].role == role && strcmp(r->qt[i].dimension, dimension) == 0)
			return &r->qt[i];
	return NULL;
}

static const struct tag_entry *entry(const struct question_tags *qt, const struct block_response *resp)
{
	static const struct tag_entry blank = { TAG_MISSING, -1, -1, 0, 0, 0 };
	uint32_t code = resp->codes[qt->slot];
	return code && code <= qt->n ? &qt->by_code[code - 1] : &blank;
}

/* ---- counting ---- */

/* Counts one answer of the interval LO-HI; returns the interval's index. */
static int count_interval(struct tally *t, int lo, int hi)
{
	for (size_t i = 0; i < t->nages; i++)
		if (t->ages[i].lo == lo && t->ages[i].hi == hi) {
			t->ages[i].n++;
			return (int)i;
		}
	t->ages = xrealloc(t->ages, (t->nages + 1) * sizeof *t->ages);
	t->ages[t->nages++] = (struct interval){ lo, hi, 1 };
	return (int)t->nages - 1;
}

static void count_status(struct tally *t, enum tag_status status)
{
	if (status == TAG_MISSING)
		t->missing++;
	else if (status == TAG_DECLINED)
		t->declined++;
	else if (status == TAG_BROAD)
		t->broad++;
	else
		t->unmatched++;
}

/* Whole years from the date BORN to the date AT, both in days since 1970. */
static int years_between(long born, long at)
{
	char b[11], a[11];
	days_to_date(born, b);
	days_to_date(at, a);
	int years = atoi(a) - atoi(b);
	if (strcmp(a + 5, b + 5) < 0)
		years--;
	return years;
}

/* Counts an exact age into its band (every band is listed, answered or not); returns its index or -1. */
static int count_exact_age(struct run *r, struct tally *t, int age)
{
	if (!r->exact_ages) {
		r->exact_ages = 1;
		for (size_t i = 0; i < r->nbands; i++) {
			count_interval(t, r->bands[i].lo, r->bands[i].hi);
			t->ages[t->nages - 1].n = 0;
		}
	}
	for (size_t i = 0; i < r->nbands; i++)
		if (age >= r->bands[i].lo && (r->bands[i].hi < 0 || age <= r->bands[i].hi))
			return count_interval(t, r->bands[i].lo, r->bands[i].hi);
	t->unmatched++;
	return -1;
}

/* Counts the response's age; returns the index of its interval, or -1. */
static int count_age(struct run *r, const struct block_response *resp)
{
	struct tally *t = tally_of(r, "age");
	const struct question_tags *dob = find_qt(r, "age", ROLE_DATE_OF_BIRTH);
	const struct question_tags *year = find_qt(r, "age", ROLE_BIRTH_YEAR);
	const struct question_tags *band = find_qt(r, "age", ROLE_AGE);
	const struct question_tags *qt = dob ? dob : year ? year : band;
	const struct tag_entry *e = entry(qt, resp);
	t->responses++;
	if (e->status != TAG_CATEGORY) {
		count_status(t, e->status);
		return -1;
	}
	/* A band answered; a plain age ("34") is exact, and banded like a date of birth. */
	if (qt == band && e->age_min != e->age_max)
		return count_interval(t, e->age_min, e->age_max);
	if (qt == band)
		return count_exact_age(r, t, e->age_min);
	long at = resp->submitted_days >= 0 ? resp->submitted_days : r->closed_days;
	if (at < 0) {
		t->missing++;
		return -1;
	}
	/* A year of birth alone is taken as 1 July of that year. */
	long born = qt == dob ? e->number : date_to_days_ymd(e->number, 7, 1);
	int age = years_between(born, at);
	if (age >= 0 && age <= 120)
		return count_exact_age(r, t, age);
	t->unmatched++;
	return -1;
}

/* Counts one answer; returns its category's index, or -1. */
static int count_category(struct tally *t, const struct tag_entry *e)
{
	t->responses++;
	if (e->status == TAG_BROAD && e->rollup >= 0)
		t->rollup_only[e->rollup]++;
	if (e->status == TAG_CATEGORY && e->category >= 0) {
		t->n[e->category]++;
		return e->category;
	}
	count_status(t, e->status == TAG_CATEGORY ? TAG_UNMATCHED : e->status);
	return -1;
}

static void count_disability(struct run *r, const struct block_response *resp)
{
	struct tally *t = tally_of(r, "disability");
	const struct question_tags *one = find_qt(r, "disability", ROLE_DISABILITY);
	if (one) {
		count_category(t, entry(one, resp));
		return;
	}
	const struct question_tags *cond = find_qt(r, "disability_condition", ROLE_DISABILITY_CONDITION);
	const struct question_tags *limit = find_qt(r, "disability_limitation", ROLE_DISABILITY_LIMITATION);
	const struct tag_category *ccats, *lcats;
	tag_categories(r->t, "disability_condition", &ccats);
	tag_categories(r->t, "disability_limitation", &lcats);
	const struct tag_entry *ce = entry(cond, resp), *le = limit ? entry(limit, resp) : NULL;
	struct tag_result first = { ce->status, ce->category >= 0 ? ccats[ce->category].code : NULL, 0, 0, 0 };
	struct tag_result second = { TAG_MISSING, NULL, 0, 0, 0 }, out;
	if (le)
		second = (struct tag_result){ le->status, le->category >= 0 ? lcats[le->category].code : NULL, 0, 0, 0 };
	tag_combine(r->t, "disability", &first, le ? &second : NULL, &out);
	struct tag_entry combined = { out.status, category_index(t->categories, t->ncategories, out.code), -1, 0, 0, 0 };
	count_category(t, &combined);
}

/* ---- weighting: respondents by cell ---- */

/* The index of OPTION in Q's options, added if new. */
static size_t closed_option(struct closed *q, const char *option, size_t len)
{
	for (size_t i = 0; i < q->noptions; i++)
		if (strlen(q->options[i]) == len && strncmp(q->options[i], option, len) == 0)
			return i;
	q->options = xrealloc(q->options, (q->noptions + 1) * sizeof *q->options);
	q->options[q->noptions] = xstrndup(option, len);
	return q->noptions++;
}

/* Is TEXT (LEN bytes) one of the answers RAW[0..N) given on its own? */
static int answered_alone(char *const *raw, size_t n, const char *text, size_t len)
{
	for (size_t k = 0; k < n; k++)
		if (raw[k] && strlen(raw[k]) == len && strncmp(raw[k], text, len) == 0)
			return 1;
	return 0;
}

/*
 * The separator RAW is a list of options joined by: "; " for a question of
 * one column per option; for one cell, ", " or ";" when every part is also an
 * answer given on its own ("Walking, Cycling" but not "Yes, mostly"). NULL:
 * RAW is one answer.
 */
static const char *option_separator(const struct consult_question *cq, const char *raw)
{
	static const char *const separators[] = { ", ", "; ", ";" };
	if (cq->multi)
		return "; ";
	for (size_t i = 0; i < sizeof separators / sizeof *separators; i++) {
		const char *sep = separators[i], *p = raw, *end;
		int parts = 0, alone = 1;
		if (!strstr(raw, sep))
			continue;
		do {
			end = strstr(p, sep);
			size_t len = end ? (size_t)(end - p) : strlen(p);
			alone = alone && (len == 0 || answered_alone(cq->raw, cq->nvalues, p, len));
			parts += len > 0;
			p = end ? end + strlen(sep) : p;
		} while (end && alone);
		if (alone && parts > 1)
			return sep;
	}
	return NULL;
}

/* Notes the consultation's closed questions and their answers, multi-select answers split into options. */
static void setup_closed(struct run *r, const struct consult_view *v)
{
	for (size_t i = 0; i < v->nq; i++) {
		const struct consult_question *cq = &v->q[i];
		if (strcmp(cq->role, "closed") != 0)
			continue;
		r->closed = xrealloc(r->closed, (r->nclosed + 1) * sizeof *r->closed);
		struct closed *q = &r->closed[r->nclosed++];
		memset(q, 0, sizeof *q);
		q->slot = i;
		q->text = xstrdup(cq->text);
		q->multi = cq->multi;
		q->nvalues = cq->nvalues;
		q->of_code = xcalloc(cq->nvalues ? cq->nvalues : 1, sizeof *q->of_code);
		q->nof_code = xcalloc(cq->nvalues ? cq->nvalues : 1, sizeof *q->nof_code);
		for (size_t k = 0; k < cq->nvalues; k++) {
			const char *raw = cq->raw[k] ? cq->raw[k] : "";
			const char *sep = option_separator(cq, raw);
			q->multi |= sep != NULL;
			for (const char *p = raw;;) {
				const char *end = sep ? strstr(p, sep) : NULL;
				size_t len = end ? (size_t)(end - p) : strlen(p);
				if (len) {
					q->of_code[k] = xrealloc(q->of_code[k], (q->nof_code[k] + 1) * sizeof **q->of_code);
					q->of_code[k][q->nof_code[k]++] = closed_option(q, p, len);
				}
				if (!end)
					break;
				p = end + strlen(sep);
			}
		}
	}
	for (size_t i = 0; i < r->nclosed; i++) {
		r->closed[i].offset = r->tally_len;
		r->tally_len += 1 + r->closed[i].noptions;
	}
}

static void free_closed(struct run *r)
{
	for (size_t i = 0; i < r->nclosed; i++) {
		struct closed *q = &r->closed[i];
		for (size_t k = 0; k < q->noptions; k++)
			free(q->options[k]);
		free(q->options);
		for (size_t k = 0; k < q->nvalues; k++)
			free(q->of_code[k]);
		free(q->of_code);
		free(q->nof_code);
		free(q->text);
	}
	free(r->closed);
	for (size_t i = 0; i < r->ncells; i++)
		free(r->cells[i].tally);
	free(r->cells);
}

/* Adds the response to its cell: one more respondent, and its closed answers. */
static void collect_cell(struct run *r, const int *levels, const struct block_response *resp)
{
	struct cell *c = NULL;
	for (size_t i = 0; i < r->ncells && !c; i++)
		if (memcmp(r->cells[i].key, levels, sizeof r->cells[i].key) == 0)
			c = &r->cells[i];
	if (!c) {
		r->cells = xrealloc(r->cells, (r->ncells + 1) * sizeof *r->cells);
		c = &r->cells[r->ncells++];
		memcpy(c->key, levels, sizeof c->key);
		c->n = 0;
		c->tally = xcalloc(r->tally_len ? r->tally_len : 1, sizeof *c->tally);
	}
	c->n++;
	for (size_t i = 0; i < r->nclosed; i++) {
		const struct closed *q = &r->closed[i];
		uint32_t code = resp->codes[q->slot];
		if (!code)
			continue;
		c->tally[q->offset]++;
		for (size_t k = 0; k < q->nof_code[code - 1]; k++)
			c->tally[q->offset + 1 + q->of_code[code - 1][k]]++;
	}
}

static int count_response(const struct block_response *resp, void *ctx)
{
	struct run *r = ctx;
	int levels[WEIGHT_MARGINS] = { -1, -1, -1 };
	for (size_t i = 0; report_dimensions[i]; i++) {
		const char *dim = report_dimensions[i];
		if (strcmp(dim, "age") == 0) {
			if (find_qt(r, "age", ROLE_AGE) || find_qt(r, "age", ROLE_BIRTH_YEAR) ||
			    find_qt(r, "age", ROLE_DATE_OF_BIRTH))
				levels[0] = count_age(r, resp);
		} else if (strcmp(dim, "disability") == 0) {
			if (find_qt(r, "disability", ROLE_DISABILITY) ||
			    find_qt(r, "disability_condition", ROLE_DISABILITY_CONDITION))
				count_disability(r, resp);
		} else {
			for (size_t q = 0; q < r->nqt; q++)
				if (strcmp(r->qt[q].dimension, dim) == 0) {
					int k = count_category(&r->tallies[i], entry(&r->qt[q], resp));
					if (strcmp(dim, weight_dimensions[1]) == 0)
						levels[1] = k;
					else if (strcmp(dim, weight_dimensions[2]) == 0)
						levels[2] = k;
					break;
				}
		}
	}
	if (r->o->weighted)
		collect_cell(r, levels, resp);
	return 0;
}

/* ---- comparing ---- */

static void add_consultation(struct compare *c, const struct consult_view *v, const char *platform)
{
	c->consultations = xrealloc(c->consultations, (c->nconsultations + 1) * sizeof *c->consultations);
	struct compare_consultation *cc = &c->consultations[c->nconsultations++];
	cc->slug = xstrdup(v->slug);
	cc->title = xstrdup(v->title ? v->title : "");
	cc->platform = xstrdup(platform);
	cc->opened = v->opened ? xstrdup(v->opened) : NULL;
	cc->closed = v->closed ? xstrdup(v->closed) : NULL;
	cc->min_age = v->min_age;
	cc->responses = v->responses;
	c->responses += v->responses;
}

static int count_consultation(struct run *r, const char *slug)
{
	struct consult_view v;
	if (consult_view_open(r->s, slug, &v, r->err) < 0)
		return -1;
	sqlite3_stmt *st = store_stmt(r->s, "consultation_platform");
	store_bind_int(st, ":id", v.consultation);
	const char *platform = store_step(r->s, st) == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0) : "";
	char *platform_copy = xstrdup(platform);
	add_consultation(r->c, &v, platform_copy);
	free(platform_copy);
	r->closed_days = v.closed ? date_to_days(v.closed) : -1;
	int rc = load_question_tags(r, &v);
	if (r->o->weighted)
		setup_closed(r, &v);
	if (rc == 0)
		rc = consult_each_response(r->s, &v, count_response, r, r->err);
	free_question_tags(r);
	consult_view_free(&v);
	return rc;
}

static int load_bands(struct run *r)
{
	if (r->o->age_bands) {
		const char *p = r->o->age_bands;
		while (*p) {
			const char *comma = strchr(p, ',');
			size_t len = comma ? (size_t)(comma - p) : strlen(p);
			char *piece = xstrndup(p, len);
			int lo, hi;
			if (tag_age_interval(r->t, piece, &lo, &hi) < 0) {
				error_set(r->err, REACH_EUSAGE, NULL, 0, "--age-bands: \"%s\" is not an age band (as 18-24 or 75+)", piece);
				free(piece);
				return -1;
			}
			free(piece);
			r->bands = xrealloc(r->bands, (r->nbands + 1) * sizeof *r->bands);
			r->bands[r->nbands++] = (struct age_band){ lo, hi };
			p += len + (comma != NULL);
		}
		return 0;
	}
	struct table *tb = table_embedded("seeds/taxonomy/age_bands.csv", r->err);
	if (!tb)
		return -1;
	for (size_t i = 0; i < tb->nrows; i++) {
		long lo, hi = -1;
		parse_long(table_get(tb, i, "min_age"), 0, 130, &lo);
		if (*table_get(tb, i, "max_age"))
			parse_long(table_get(tb, i, "max_age"), 0, 130, &hi);
		r->bands = xrealloc(r->bands, (r->nbands + 1) * sizeof *r->bands);
		r->bands[r->nbands++] = (struct age_band){ (int)lo, (int)hi };
	}
	table_free(tb);
	return 0;
}

static int by_lower_age(const void *a, const void *b)
{
	const struct interval *x = a, *y = b;
	if (x->lo != y->lo)
		return x->lo < y->lo ? -1 : 1;
	int xh = x->hi < 0 ? 1000 : x->hi, yh = y->hi < 0 ? 1000 : y->hi;
	return (xh > yh) - (xh < yh);
}

static char *interval_code(int lo, int hi)
{
	struct buf b = { 0 };
	if (hi < 0)
		buf_printf(&b, "%d+", lo);
	else if (lo == hi)
		buf_printf(&b, "%d", lo);
	else
		buf_printf(&b, "%d-%d", lo, hi);
	return b.data;
}

static void fill_stats(struct compare_category *cat, double known, double population_total, double confidence)
{
	if (isnan(cat->population) || isnan(population_total)) {
		struct stats_interval share;
		stats_wilson(cat->n, known, confidence, &share);
		memset(&cat->st, 0, sizeof cat->st);
		cat->st.share = share;
		cat->st.population_share = cat->st.rate_per_1000 = cat->st.expected = NAN;
		cat->st.ratio = (struct stats_interval){ NAN, NAN, NAN };
		cat->st.flag = STATS_FLAG_LOW_N;
		return;
	}
	stats_category(cat->n, known, cat->population, population_total, confidence, &cat->st);
}

/* Builds the age dimension: clips to the eligible age, merges overlaps, adds the census. */
static void build_age(struct run *r, struct tally *t, struct compare_dimension *d, const struct baseline *b)
{
	int min_age = r->c->min_age, clipped = 0, merged = 0;
	struct interval *iv = xcalloc(t->nages ? t->nages : 1, sizeof *iv);
	size_t n = 0;
	for (size_t i = 0; i < t->nages; i++) {
		struct interval a = t->ages[i];
		if (a.hi >= 0 && a.hi < min_age) {
			d->below_min_age += a.n;
			continue;
		}
		if (a.lo < min_age)
			a.lo = min_age, clipped = 1;
		iv[n++] = a;
	}
	qsort(iv, n, sizeof *iv, by_lower_age);
	/* Overlapping bands (e.g. 75+ and 85+ from two consultations) are merged. */
	size_t m = 0;
	for (size_t i = 0; i < n; i++) {
		if (m && (iv[m - 1].hi < 0 || iv[i].lo <= iv[m - 1].hi)) {
			if (iv[m - 1].lo != iv[i].lo || iv[m - 1].hi != iv[i].hi)
				merged = 1;
			if (iv[m - 1].hi >= 0 && (iv[i].hi < 0 || iv[i].hi > iv[m - 1].hi))
				iv[m - 1].hi = iv[i].hi;
			iv[m - 1].n += iv[i].n;
		} else {
			iv[m++] = iv[i];
		}
	}
	d->compared = b && b->has_single_years;
	d->cats = xcalloc(m ? m : 1, sizeof *d->cats);
	d->ncats = m;
	d->population = 0;
	for (size_t i = 0; i < m; i++) {
		struct compare_category *cat = &d->cats[i];
		cat->code = interval_code(iv[i].lo, iv[i].hi);
		cat->label = xstrdup(cat->code);
		cat->age_min = iv[i].lo;
		cat->age_max = iv[i].hi;
		cat->n = iv[i].n;
		cat->population = d->compared ? baseline_age(b, iv[i].lo, iv[i].hi) : NAN;
		if (d->compared && isnan(cat->population)) {
			d->not_compared += cat->n;      /* above the census's last cell, 100 and over */
			continue;
		}
		d->known += cat->n;
		if (d->compared)
			d->population += cat->population;
	}
	if (d->not_compared > 0)
		add_note(&d->notes, &d->nnotes, "%.0f answers are in bands the census cannot give a population for: not compared",
		    d->not_compared);
	if (!d->compared)
		d->population = NAN;
	d->base_min_age = min_age;
	if (r->exact_ages)
		add_note(&d->notes, &d->nnotes, "%s", r->o->age_bands
		    ? "exact ages (an age, a year or a date of birth, at the response's date) are counted in the bands asked for"
		    : "exact ages (an age, a year or a date of birth, at the response's date) are counted in the census broad age bands");
	if (d->below_min_age > 0)
		add_note(&d->notes, &d->nnotes, "%.0f answers gave an age below %d, the youngest age invited: left out",
		    d->below_min_age, min_age);
	if (clipped)
		add_note(&d->notes, &d->nnotes, "answer bands that begin below %d are compared with residents aged %d and over in them",
		    min_age, min_age);
	if (merged)
		add_note(&d->notes, &d->nnotes, "overlapping answer bands (from consultations that asked in different bands) are merged");
	if (d->compared) {
		double eligible = baseline_age(b, min_age, -1);
		if (eligible - d->population > 0.5)
			add_note(&d->notes, &d->nnotes,
			    "the answer bands cover %.0f of the %.0f residents aged %d and over; the others are left out of the shares",
			    d->population, eligible, min_age);
	}
	free(iv);
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
	if (base_min >= 0 && base_min < r->c->min_age)
		add_note(&d->notes, &d->nnotes,
		    "the census figures cover residents of all ages%s; the consultation invited residents aged %d and over",
		    base_min > 0 ? " from 16" : "", r->c->min_age);
	else if (base_min > r->c->min_age)
		add_note(&d->notes, &d->nnotes,
		    "the census figures cover residents aged %d and over; the consultation invited residents aged %d and over",
		    base_min, r->c->min_age);
	if (derived)
		add_note(&d->notes, &d->nnotes, "the five groups' populations are sums of the nineteen published categories");
	/* Census cells the taxonomy has no category for, such as "not answered". */
	for (size_t i = 0; i < b->nrows; i++) {
		const struct baseline_row *row = &b->rows[i];
		if (strcmp(row->dimension, t->dimension) == 0 &&
		    category_index(t->categories, t->ncategories, row->category) < 0)
			add_note(&d->notes, &d->nnotes, "%.0f residents in the census cell \"%s\" are left out of the shares",
			    row->count, row->category);
	}
	if (d->not_compared > 0)
		add_note(&d->notes, &d->nnotes, "%.0f answers are in categories the census does not count separately: not compared",
		    d->not_compared);
}

static void build_groups(struct run *r, struct compare_dimension *d, const struct tally *t)
{
	if (strcmp(d->name, "age") == 0) {
		struct table *tb = table_embedded("seeds/taxonomy/age_groups.csv", r->err);
		for (size_t i = 0; tb && i < tb->nrows; i++) {
			long lo, hi = -1;
			parse_long(table_get(tb, i, "min_age"), 0, 130, &lo);
			if (*table_get(tb, i, "max_age"))
				parse_long(table_get(tb, i, "max_age"), 0, 130, &hi);
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
				else if (overlaps && !(starts_in && ends_in))
					cut = 1;
			}
			if (cut || lo < r->c->min_age || (!members && d->compared)) {
				add_note(&d->notes, &d->nnotes, "the group %s cannot be formed from these answer bands",
				    table_get(tb, i, "code"));
				continue;
			}
			d->groups = xrealloc(d->groups, (d->ngroups + 1) * sizeof *d->groups);
			struct compare_category *g = &d->groups[d->ngroups++];
			memset(g, 0, sizeof *g);
			g->code = xstrdup(table_get(tb, i, "code"));
			g->label = xstrdup(table_get(tb, i, "label"));
			g->definition = xstrdup(table_get(tb, i, "definition"));
			g->age_min = (int)lo;
			g->age_max = (int)hi;
			g->n = n;
			g->population = d->compared ? population : NAN;
			g->partial_r = NAN;
		}
		table_free(tb);
		return;
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
		add_note(&d->notes, &d->nnotes, "%s: %s", g->label, g->definition);
		/* Answers naming only this group ("BAME") count in it, and in its base. */
		g->only_group = t->rollup_only ? t->rollup_only[i] : 0;
		g->n += g->only_group;
		if (g->only_group > 0)
			add_note(&d->notes, &d->nnotes,
			    "%.0f answers named only the group %s: counted in it (its share is of %.0f answers), not in any one category",
			    g->only_group, g->code, d->known + g->only_group);
	}
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
		stats_chisq_gof(observed, population, k, r->o->seed ? r->o->seed : DEFAULT_SEED, STATS_MC_MIN_DRAWS,
		    &d->test);
	}
	stats_scores(respondents, population, k, partial, &d->scores);
	for (size_t i = 0, j = 0; i < d->ncats; i++)
		if (!isnan(d->cats[i].population))
			d->cats[i].partial_r = partial[j++];
	free(observed);
	free(population);
	free(respondents);
	free(partial);
}

static void build_dimension(struct run *r, struct tally *t, const struct baseline *b)
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
	double total = d->compared ? d->population : NAN;
	for (size_t i = 0; i < d->ncats; i++)
		fill_stats(&d->cats[i], d->known, total, c->confidence);
	build_groups(r, d, t);
	for (size_t i = 0; i < d->ngroups; i++)
		fill_stats(&d->groups[i], d->known + d->groups[i].only_group, total, c->confidence);
	if (d->compared)
		build_tests(r, d);
	else {
		memset(&d->test, 0, sizeof d->test);
		d->test.p_value = d->test.statistic = d->test.effect_w = d->test.p_simulated = NAN;
		memset(&d->scores, 0, sizeof d->scores);
		d->scores.min_max_ratio = d->scores.proportional_similarity = d->scores.rate_cv = NAN;
		d->scores.overall_rate = d->scores.partial_r_variable = NAN;
		for (size_t i = 0; i < d->ncats; i++)
			d->cats[i].partial_r = NAN;
		add_note(&d->notes, &d->nnotes, "no census figures for %s are held: counts only", d->name);
	}
	if (d->broad > 0)
		add_note(&d->notes, &d->nnotes,
		    "%.0f answers named only a broader group (one of the five, or a roll-up such as BAME): left out of the nineteen-group comparison", d->broad);
	if (d->unmatched > 0)
		add_note(&d->notes, &d->nnotes, "%.0f answers matched no taxonomy rule (reach unmatched lists them)", d->unmatched);
}

/* ---- weighting: raking the cells, weighing the closed questions ---- */

/* The category of D an answered age interval falls in once clipped to the eligible age, or -1. */
static int age_category(const struct compare_dimension *d, const struct interval *iv, int min_age)
{
	if (iv->hi >= 0 && iv->hi < min_age)
		return -1;
	int lo = iv->lo < min_age ? min_age : iv->lo;
	for (size_t k = 0; k < d->ncats; k++)
		if (d->cats[k].age_min <= lo && (d->cats[k].age_max < 0 || lo <= d->cats[k].age_max))
			return (int)k;
	return -1;
}

static int by_weighted_count(const void *a, const void *b)
{
	const struct compare_answer *x = a, *y = b;
	return (x->n < y->n) - (x->n > y->n);
}

static void weigh_question(struct compare_weights *cw, const struct closed *q, const struct cell *cells, size_t ncells,
    const double *weights, double confidence)
{
	cw->questions = xrealloc(cw->questions, (cw->nquestions + 1) * sizeof *cw->questions);
	struct compare_question *cq = &cw->questions[cw->nquestions++];
	cq->text = xstrdup(q->text);
	cq->multi = q->multi;
	cq->answered = 0;
	cq->nanswers = q->noptions;
	cq->answers = xcalloc(q->noptions ? q->noptions : 1, sizeof *cq->answers);
	double *w = xcalloc(2 * ncells + 1, sizeof *w), *n = xcalloc(2 * ncells + 1, sizeof *n);
	double *y = xcalloc(2 * ncells + 1, sizeof *y);
	for (size_t i = 0; i < ncells; i++)
		cq->answered += cells[i].tally[q->offset];
	for (size_t o = 0; o < q->noptions; o++) {
		struct compare_answer *a = &cq->answers[o];
		size_t rows = 0;
		a->text = xstrdup(q->options[o]);
		for (size_t i = 0; i < ncells; i++) {
			double answered = cells[i].tally[q->offset], gave = cells[i].tally[q->offset + 1 + o];
			a->n += gave;
			if (answered <= 0 || weights[i] <= 0)
				continue;       /* not raked: left out of the weighted share, as R's rake leaves them */
			w[rows] = weights[i], n[rows] = gave, y[rows++] = 1;
			w[rows] = weights[i], n[rows] = answered - gave, y[rows++] = 0;
		}
		stats_wilson(a->n, cq->answered, confidence, &a->raw);
		stats_weighted_proportion(w, n, y, rows, confidence, &a->weighted);
	}
	qsort(cq->answers, cq->nanswers, sizeof *cq->answers, by_weighted_count);
	free(w);
	free(n);
	free(y);
}

/* Rakes the respondents to the census margins held and weighs every closed question. */
static void weigh(struct run *r)
{
	struct compare *c = r->c;
	const struct compare_dimension *dims[WEIGHT_MARGINS];
	size_t nm = 0;
	int which[WEIGHT_MARGINS];
	for (int m = 0; m < WEIGHT_MARGINS; m++) {
		const struct compare_dimension *d = compare_dimension(c, weight_dimensions[m]);
		if (d && d->compared)
			dims[nm] = d, which[nm++] = m;
	}
	if (nm == 0 || r->ncells == 0) {
		add_note(&c->notes, &c->nnotes, "no census margins (age, sex, ethnic group) to weight to: not weighted");
		return;
	}
	struct compare_weights *cw = xcalloc(1, sizeof *cw);
	struct buf names = { 0 };
	struct stats_margin margins[WEIGHT_MARGINS];
	double *targets[WEIGHT_MARGINS];
	int *compact[WEIGHT_MARGINS];
	for (size_t m = 0; m < nm; m++) {
		const struct compare_dimension *d = dims[m];
		size_t levels = 0;
		targets[m] = xcalloc(d->ncats ? d->ncats : 1, sizeof *targets[m]);
		compact[m] = xcalloc(d->ncats ? d->ncats : 1, sizeof *compact[m]);
		for (size_t k = 0; k < d->ncats; k++) {
			compact[m][k] = isnan(d->cats[k].population) ? -1 : (int)levels;
			if (!isnan(d->cats[k].population))
				targets[m][levels++] = d->cats[k].population;
		}
		margins[m] = (struct stats_margin){ levels, targets[m] };
		buf_printf(&names, "%s%s", m ? ", " : "", d->name);
	}
	long *levels = xcalloc(r->ncells * nm, sizeof *levels);
	double *counts = xcalloc(r->ncells, sizeof *counts), *weights = xcalloc(r->ncells, sizeof *weights);
	const struct tally *ages = tally_of(r, "age");
	for (size_t i = 0; i < r->ncells; i++) {
		counts[i] = r->cells[i].n;
		for (size_t m = 0; m < nm; m++) {
			int key = r->cells[i].key[which[m]], k = key;
			if (key >= 0 && which[m] == 0)
				k = age_category(dims[m], &ages->ages[key], c->min_age);
			levels[i * nm + m] = k >= 0 ? compact[m][k] : -1;
		}
	}
	struct stats_rake_options opts = stats_rake_defaults();
	if (r->o->weight_cap != 0)
		opts.cap = r->o->weight_cap > 0 ? r->o->weight_cap : 0;
	stats_rake(counts, levels, r->ncells, margins, nm, &opts, weights, &cw->result);
	cw->margins = names.data;
	cw->cap = opts.cap;
	cw->excluded = cw->result.excluded;
	for (size_t i = 0; i < r->ncells; i++)
		cw->raked += weights[i] > 0 ? r->cells[i].n : 0;
	for (size_t q = 0; q < r->nclosed; q++)
		weigh_question(cw, &r->closed[q], r->cells, r->ncells, weights, c->confidence);
	c->weights = cw;
	for (size_t m = 0; m < nm; m++) {
		free(targets[m]);
		free(compact[m]);
	}
	free(levels);
	free(counts);
	free(weights);
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
		add_note(&c->notes, &c->nnotes,
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
	for (size_t i = 0; report_dimensions[i]; i++) {
		struct tally *tl = &r.tallies[i];
		tl->dimension = report_dimensions[i];
		tl->ncategories = tag_categories(t, tl->dimension, &tl->categories);
		tl->n = xcalloc(tl->ncategories ? tl->ncategories : 1, sizeof *tl->n);
		const struct tag_rollup *u;
		size_t nu = tag_rollups(t, tl->dimension, &u);
		tl->rollup_only = xcalloc(nu ? nu : 1, sizeof *tl->rollup_only);
	}
	if (nslugs == 0) {
		error_set(err, REACH_EDATA, NULL, 0, "no consultations to report on");
		rc = -1;
	}
	if (rc == 0)
		rc = load_bands(&r);
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
		snprintf(c->census_date, sizeof c->census_date, "%s", b->census_date);
		snprintf(c->source, sizeof c->source, "Office for National Statistics, Census 2021, Open Government Licence v3.0");
		choose_min_age(&r);
		for (size_t i = 0; report_dimensions[i]; i++)
			if (r.tallies[i].responses > 0)
				build_dimension(&r, &r.tallies[i], b);
		if (o->weighted)
			weigh(&r);
	}
	for (size_t i = 0; report_dimensions[i]; i++) {
		free(r.tallies[i].n);
		free(r.tallies[i].rollup_only);
		free(r.tallies[i].ages);
	}
	free(r.bands);
	free_closed(&r);
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
