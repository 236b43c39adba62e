/*
 * count.c — counting: reads each consultation's stored tags and the counts
 * kept at ingest (counts.h), and counts every answer into per-dimension tallies — ages banded from intervals, exact
 * ages, years and dates of birth; disability from whichever form was
 * asked — and, when weighting, into its cell (weight.c). See count.h.
 */
#include "count.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "consult.h"
#include "counts.h"
#include "policy.h"
#include "table.h"
#include "weight.h"

/* ---- reading a consultation's tags ---- */

/* The status called NAME; -1 when there is none (a damaged database). */
static int status_from(const char *name)
{
	for (int s = TAG_CATEGORY; s <= TAG_UNMATCHED; s++)
		if (name && strcmp(tag_status_name((enum tag_status)s), name) == 0)
			return s;
	return -1;
}

/*
 * 1 when a stored tag's numbers are within their bounds: an age interval
 * within a life (AGE_MAX -1: open), a birth year or a date of birth's day
 * (since 1970) within a million of 0.
 */
static int tag_in_bounds(int64_t age_min, int64_t age_max, int64_t number)
{
	return age_min >= 0 && age_min <= POLICY_AGE_LIMIT &&
	    (age_max == -1 || (age_max >= age_min && age_max <= POLICY_AGE_LIMIT)) &&
	    number >= -1000000 && number <= 1000000;
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
			int64_t code = sqlite3_column_int64(st, 0);
			const char *dimension = (const char *)sqlite3_column_text(st, 1);
			if (dimension && strcmp(dimension, qt->dimension) != 0)
				continue;
			int status = status_from((const char *)sqlite3_column_text(st, 2));
			if (!dimension || code < 1 || (uint64_t)code > qt->n || status < 0) {
				error_set(r->err, REACH_EDB, store_path(r->s), 0,
				    "damaged database: consultation \"%s\": a tag of answer code %lld out of bounds",
				    v->slug, (long long)code);
				return -1;
			}
			struct tag_entry *e = &qt->by_code[code - 1];
			e->status = (enum tag_status)status;
			e->category = compare_category_index(cats, ncats, (const char *)sqlite3_column_text(st, 3));
			e->rollup = -1;
			if (e->status == TAG_BROAD && sqlite3_column_type(st, 3) != SQLITE_NULL) {
				const struct tag_rollup *u;
				size_t nu = tag_rollups(r->t, qt->dimension, &u);
				for (size_t k = 0; k < nu; k++)
					if (strcmp(u[k].code, (const char *)sqlite3_column_text(st, 3)) == 0)
						e->rollup = (int)k;
			}
			int64_t age_min = sqlite3_column_int64(st, 4), number = sqlite3_column_int64(st, 6);
			int64_t age_max = sqlite3_column_type(st, 5) == SQLITE_NULL ? -1 : sqlite3_column_int64(st, 5);
			if (!tag_in_bounds(age_min, age_max, number)) {
				error_set(r->err, REACH_EDB, store_path(r->s), 0,
				    "damaged database: consultation \"%s\": the tag of answer code %lld is out of bounds",
				    v->slug, (long long)code);
				return -1;
			}
			e->age_min = (int)age_min;
			e->age_max = (int)age_max;
			e->number = (long)number;
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

static const struct tag_entry *entry(const struct question_tags *qt, uint32_t code)
{
	static const struct tag_entry blank = { TAG_MISSING, -1, -1, 0, 0, 0 };
	return code && code <= qt->n ? &qt->by_code[code - 1] : &blank;
}

/* The first of R's question tags in DIMENSION, or NULL. */
static const struct question_tags *find_dimension(const struct run *r, const char *dimension)
{
	for (size_t i = 0; i < r->nqt; i++)
		if (strcmp(r->qt[i].dimension, dimension) == 0)
			return &r->qt[i];
	return NULL;
}

/* ---- counting ---- */

/*
 * Counts N age answers of consultation SOURCE: the interval LO-HI answered,
 * or (EXACT) an exact age LO == HI. Returns its entry's index in T->ages.
 */
static int count_interval(struct tally *t, int lo, int hi, int exact, size_t source, double n)
{
	for (size_t i = 0; i < t->nages; i++)
		if (t->ages[i].lo == lo && t->ages[i].hi == hi && t->ages[i].exact == exact && t->ages[i].source == source) {
			t->ages[i].n += n;
			return (int)i;
		}
	t->ages = xrealloc(t->ages, (t->nages + 1) * sizeof *t->ages);
	t->ages[t->nages++] = (struct interval){ lo, hi, n, exact, source };
	return (int)t->nages - 1;
}

/*
 * Adds the bands consultation V's form offered (v->age_bands_offered, stored
 * as codes by ingest) to T as bands answered by no one yet, so that a band
 * nobody chose is laid out all the same. 0, or -1 with r->err set when the
 * stored text is not age bands.
 */
static int offer_age_bands(struct run *r, struct tally *t, const struct consult_view *v)
{
	for (const char *p = v->age_bands_offered; p && *p;) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);
		char *piece = xstrndup(p, len);
		int lo, hi, found = 0;
		if (tag_age_interval(r->t, piece, &lo, &hi) < 0) {
			error_set(r->err, REACH_EDB, store_path(r->s), 0,
			    "consultation \"%s\": the age bands offered \"%s\" cannot be read", v->slug, piece);
			free(piece);
			return -1;
		}
		free(piece);
		for (size_t i = 0; i < t->nages && !found; i++)
			found = t->ages[i].lo == lo && t->ages[i].hi == hi && !t->ages[i].exact &&
			    t->ages[i].source == t->nsources - 1;
		if (!found) {
			t->ages = xrealloc(t->ages, (t->nages + 1) * sizeof *t->ages);
			t->ages[t->nages++] = (struct interval){ lo, hi, 0, 0, t->nsources - 1 };
		}
		p += len + (comma != NULL);
	}
	return 0;
}

static void count_status(struct tally *t, enum tag_status status, double n)
{
	if (status == TAG_MISSING)
		t->missing += n;
	else if (status == TAG_DECLINED)
		t->declined += n;
	else if (status == TAG_BROAD)
		t->broad += n;
	else
		t->unmatched += n;
}

/* Counts N age answers that are not ages, also for the consultation being counted (T's last source). */
static void count_age_status(struct tally *t, enum tag_status status, double n)
{
	struct age_source *src = &t->sources[t->nsources - 1];
	count_status(t, status, n);
	if (status == TAG_MISSING)
		src->missing += n;
	else if (status == TAG_DECLINED)
		src->declined += n;
	else if (status != TAG_BROAD)
		src->unmatched += n;
}

/*
 * Reads E, an answer to the age question counted given on DAY (-1: not
 * known): the interval LO-HI answered, EXACT when it is an age (a plain age
 * "34", or one worked out from a year or date of birth at DAY, else at the
 * closing date) rather than a band. Returns TAG_CATEGORY, or the status the
 * answer counts as.
 */
static enum tag_status age_read(const struct run *r, const struct tag_entry *e, long day, int *lo, int *hi, int *exact)
{
	const struct question_tags *qt = r->age_question;
	if (e->status != TAG_CATEGORY)
		return e->status;
	if (qt->role == ROLE_AGE) {
		*lo = e->age_min, *hi = e->age_max, *exact = e->age_min == e->age_max;
		return TAG_CATEGORY;
	}
	long at = day >= 0 ? day : r->closed_days;
	if (at < 0)
		return TAG_MISSING;
	/* A year of birth alone is taken as 1 July of that year. */
	long born = qt->role == ROLE_DATE_OF_BIRTH ? e->number : date_to_days_ymd(e->number, 7, 1);
	int age = date_age_years(born, at);
	if (age < 0 || age > POLICY_AGE_CEILING)
		return TAG_UNMATCHED;
	*lo = *hi = age, *exact = 1;
	return TAG_CATEGORY;
}

/* Counts N answers CODE on DAY to the age question (compare.c places exact ages in bands later). */
static void count_age(struct run *r, uint32_t code, long day, double n)
{
	struct tally *t = compare_tally(r, "age");
	int lo, hi, exact;
	t->responses += n;
	t->sources[t->nsources - 1].responses += n;
	enum tag_status status = age_read(r, entry(r->age_question, code), day, &lo, &hi, &exact);
	if (status != TAG_CATEGORY) {
		count_age_status(t, status, n);
		return;
	}
	r->exact_ages |= exact;
	count_interval(t, lo, hi, exact, t->nsources - 1, n);
}

/* The index in the age tally of answer CODE on DAY as count_age counted it, or -1 when it is not an age. */
static int age_level(struct run *r, uint32_t code, long day)
{
	struct tally *t = compare_tally(r, "age");
	int lo, hi, exact;
	if (age_read(r, entry(r->age_question, code), day, &lo, &hi, &exact) != TAG_CATEGORY)
		return -1;
	for (size_t i = 0; i < t->nages; i++)
		if (t->ages[i].lo == lo && t->ages[i].hi == hi && t->ages[i].exact == exact &&
		    t->ages[i].source == t->nsources - 1)
			return (int)i;
	return -1;
}

/* The category of answer E, or -1. */
static int category_of(const struct tag_entry *e)
{
	return e->status == TAG_CATEGORY && e->category >= 0 ? e->category : -1;
}

/* Counts N answers E. */
static void count_category(struct tally *t, const struct tag_entry *e, double n)
{
	t->responses += n;
	if (e->status == TAG_BROAD && e->rollup >= 0)
		t->rollup_only[e->rollup] += n;
	if (category_of(e) >= 0)
		t->n[e->category] += n;
	else
		count_status(t, e->status == TAG_CATEGORY ? TAG_UNMATCHED : e->status, n);
}

/*
 * The census counts as disabled under the Equality Act (TS038) those whose
 * day-to-day activities are limited a lot or a little by a condition
 * lasting 12 months or more. The response's disability is read from the
 * form its consultation asked: the single question as it is tagged; the
 * Equality Act pair (condition CE, then limitation LE) and the Census 2021
 * limitation question alone, both by seeds/taxonomy/combined.csv; the
 * condition question alone cannot say "limited", so its answers are counted
 * as not compared (count_disability_form notes why). Counts N such answers;
 * CE or LE is NULL when that question was not asked.
 */
static void count_disability_pair(struct run *r, const struct tag_entry *ce, const struct tag_entry *le, double n)
{
	struct tally *t = compare_tally(r, "disability");
	const struct tag_category *ccats, *lcats;
	tag_categories(r->t, "disability_condition", &ccats);
	tag_categories(r->t, "disability_limitation", &lcats);
	struct tag_result first = { TAG_MISSING, NULL, 0, 0, 0 }, second = first, out;
	if (ce)
		first = (struct tag_result){ ce->status, ce->category >= 0 ? ccats[ce->category].code : NULL, 0, 0, 0 };
	if (ce && !le && ce->status == TAG_CATEGORY && ce->category >= 0) {
		/* A condition answered that no row reads without its limitation ("yes"): at most disabled. */
		tag_combine(r->t, "disability", &first, NULL, &out);
		t->responses += n;
		t->not_compared += n;
		t->condition_yes += out.status != TAG_CATEGORY ? n : 0;
		return;
	}
	if (le)
		second = (struct tag_result){ le->status, le->category >= 0 ? lcats[le->category].code : NULL, 0, 0, 0 };
	tag_combine(r->t, "disability", ce ? &first : NULL, le ? &second : NULL, &out);
	struct tag_entry combined = { out.status, compare_category_index(t->categories, t->ncategories, out.code), -1, 0, 0, 0 };
	count_category(t, &combined, n);
}

/* Whether the consultation being counted asked about disability in any form. */
static int asks_disability(const struct run *r)
{
	return find_qt(r, "disability", ROLE_DISABILITY) ||
	    find_qt(r, "disability_condition", ROLE_DISABILITY_CONDITION) ||
	    find_qt(r, "disability_limitation", ROLE_DISABILITY_LIMITATION);
}

/*
 * Notes on the disability tally the form the consultation just counted
 * asked, when it is one question of the Equality Act pair alone; NOT_COMPARED
 * and CONDITION_YES are the tally's counts before it was counted.
 */
static void count_disability_form(struct run *r, double not_compared, double condition_yes)
{
	struct tally *t = compare_tally(r, "disability");
	int cond = find_qt(r, "disability_condition", ROLE_DISABILITY_CONDITION) != NULL;
	int limit = find_qt(r, "disability_limitation", ROLE_DISABILITY_LIMITATION) != NULL;
	char note[400] = "";
	if (find_qt(r, "disability", ROLE_DISABILITY))
		snprintf(note, sizeof note, "asked as one question of whether respondents consider themselves disabled: "
		    "TS038 counts residents whose day-to-day activities are limited by a long-term condition (the "
		    "Equality Act definition), and the two need not agree");
	else if (cond == limit)
		return;
	else if (limit)
		snprintf(note, sizeof note, "asked as the Census 2021 limitation question alone: disabled = limited a lot "
		    "or a little, as TS038");
	else {
		double yes = t->condition_yes - condition_yes, answered = t->not_compared - not_compared;
		snprintf(note, sizeof note, "asked as the condition question alone (a physical or mental health condition "
		    "lasting 12 months or more): it cannot say whether day-to-day activities are limited, which TS038 counts "
		    "as disabled, so its %.0f yes and %.0f no answers are not compared (taking yes as disabled would "
		    "over-count: at most %.0f are disabled)", yes, answered - yes, yes);
	}
	for (size_t i = 0; i < t->nnotes; i++)
		if (strcmp(t->notes[i], note) == 0)
			return;
	compare_note(&t->notes, &t->nnotes, "%s", note);
}

/* ---- reading the counts kept at ingest (counts.h) ---- */

/* What a callback of counts_each counts into. */
struct counting {
	struct run *r;
	struct tally *t;                        /* the dimension counted */
	const struct question_tags *qt[2];      /* its questions, in the order of the codes */
	size_t closed;                          /* weighting: the closed question counted (index into r->closed) */
};

/* Was a response given on DAY (-1: not known) submitted by the day counted to (reach progress)? */
static int in_window(const struct run *r, long day)
{
	return r->submitted_to_days < 0 || (day >= 0 && day <= r->submitted_to_days);
}

static int counted_age(const uint32_t *codes, long day, double n, void *ctx)
{
	struct counting *k = ctx;
	if (in_window(k->r, day))
		count_age(k->r, codes[0], day, n);
	return 0;
}

static int counted_category(const uint32_t *codes, long day, double n, void *ctx)
{
	struct counting *k = ctx;
	if (in_window(k->r, day))
		count_category(k->t, entry(k->qt[0], codes[0]), n);
	return 0;
}

/* The disability pair, or one question of it alone (k->qt[0] the condition, k->qt[1] the limitation; either NULL). */
static int counted_disability_pair(const uint32_t *codes, long day, double n, void *ctx)
{
	struct counting *k = ctx;
	if (!in_window(k->r, day))
		return 0;
	const struct tag_entry *ce = k->qt[0] ? entry(k->qt[0], codes[0]) : NULL;
	const struct tag_entry *le = k->qt[1] ? entry(k->qt[1], codes[k->qt[0] != NULL]) : NULL;
	count_disability_pair(k->r, ce, le, n);
	return 0;
}

/* Notes which of consultation V's questions its weighting cells were counted on (counts.h). */
static void plan_cells(struct run *r, const struct consult_view *v)
{
	struct counts_plan plan;
	counts_plan_stored(v, &plan);
	r->cell_slots = plan.cell_slots;
	r->ncell_slots = plan.ncell_slots;
	plan.cell_slots = NULL;
	counts_plan_free(&plan);
}

/* The code among a cell's CODES of QT's answer (each cell question is counted); 0 (no answer) without QT. */
static uint32_t cell_code(const struct run *r, const struct question_tags *qt, const uint32_t *codes)
{
	for (size_t i = 0; qt && i < r->ncell_slots; i++)
		if (r->cell_slots[i] == qt->slot)
			return codes[i];
	return 0;
}

/* The levels on each margin (age interval, sex, ethnic group; -1 unknown) of respondents of cell CODES on DAY. */
static void cell_levels(struct run *r, const uint32_t *codes, long day, int *levels)
{
	const struct question_tags *sex = find_dimension(r, weight_margin_names[1]);
	const struct question_tags *ethnicity = find_dimension(r, weight_margin_names[2]);
	levels[0] = r->age_question ? age_level(r, cell_code(r, r->age_question, codes), day) : -1;
	levels[1] = sex ? category_of(entry(sex, cell_code(r, sex, codes))) : -1;
	levels[2] = ethnicity ? category_of(entry(ethnicity, cell_code(r, ethnicity, codes))) : -1;
}

static int counted_cell(const uint32_t *codes, long day, double n, void *ctx)
{
	struct counting *k = ctx;
	int levels[WEIGHT_MARGINS];
	cell_levels(k->r, codes, day, levels);
	weight_cell(k->r, levels)->n += n;
	return 0;
}

static int counted_closed(const uint32_t *codes, long day, double n, void *ctx)
{
	struct counting *k = ctx;
	int levels[WEIGHT_MARGINS];
	cell_levels(k->r, codes, day, levels);
	weight_count_answer(k->r, weight_cell(k->r, levels), k->closed, codes[k->r->ncell_slots], n);
	return 0;
}

/* Counts dimension DIM (an index into compare_report_dimensions) of consultation V. 0, or -1 with r->err set. */
static int count_dimension(struct run *r, const struct consult_view *v, size_t dim)
{
	const char *name = compare_report_dimensions[dim];
	struct counting k = { r, &r->tallies[dim], { NULL, NULL }, 0 };
	size_t slots[2];
	/* By day only when the day counts: following a consultation to a day, an age from a year or date of birth. */
	enum counts_kind kind = r->submitted_to_days >= 0 ? COUNTS_ANSWERS : COUNTS_TOTALS;
	if (strcmp(name, "age") == 0) {
		if (!r->age_question)
			return 0;
		slots[0] = r->age_question->slot;
		return counts_each(r->s, v, r->age_question->role == ROLE_AGE ? kind : COUNTS_ANSWERS, slots, 1, counted_age,
		    &k, r->err);
	}
	if (strcmp(name, "disability") == 0 && !find_qt(r, "disability", ROLE_DISABILITY)) {
		k.qt[0] = find_qt(r, "disability_condition", ROLE_DISABILITY_CONDITION);
		k.qt[1] = find_qt(r, "disability_limitation", ROLE_DISABILITY_LIMITATION);
		size_t n = 0;
		for (int i = 0; i < 2; i++)
			if (k.qt[i])
				slots[n++] = k.qt[i]->slot;
		return n ? counts_each(r->s, v, kind, slots, n, counted_disability_pair, &k, r->err) : 0;
	}
	if (!(k.qt[0] = find_dimension(r, name)))
		return 0;
	slots[0] = k.qt[0]->slot;
	return counts_each(r->s, v, kind, slots, 1, counted_category, &k, r->err);
}

/* Counts consultation V's respondents into the weighting cells, with their closed answers. 0, or -1 with r->err set. */
static int count_cells(struct run *r, const struct consult_view *v)
{
	struct counting k = { r, NULL, { NULL, NULL }, 0 };
	size_t *slots = xmalloc((r->ncell_slots + 1) * sizeof *slots);
	memcpy(slots, r->cell_slots, r->ncell_slots * sizeof *slots);
	int rc = counts_each(r->s, v, COUNTS_CELLS, slots, r->ncell_slots, counted_cell, &k, r->err);
	for (k.closed = 0; rc == 0 && k.closed < r->nclosed; k.closed++) {
		slots[r->ncell_slots] = r->closed[k.closed].slot;
		rc = counts_each(r->s, v, COUNTS_CELLS, slots, r->ncell_slots + 1, counted_closed, &k, r->err);
	}
	free(slots);
	return rc;
}

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

/*
 * The question a response's age is counted from: a date of birth, else a
 * year of birth, else of the age questions the one with the most exact ages
 * (a date of birth is stored as the age it gives, beside any question of
 * bands), the first when none has more.
 */
static const struct question_tags *choose_age_question(const struct run *r)
{
	const struct question_tags *best = find_qt(r, "age", ROLE_DATE_OF_BIRTH);
	if (!best)
		best = find_qt(r, "age", ROLE_BIRTH_YEAR);
	if (best)
		return best;
	size_t most = 0;
	for (size_t i = 0; i < r->nqt; i++) {
		const struct question_tags *qt = &r->qt[i];
		if (qt->role != ROLE_AGE || strcmp(qt->dimension, "age") != 0)
			continue;
		size_t exact = 0;
		for (size_t k = 0; k < qt->n; k++)
			exact += qt->by_code[k].status == TAG_CATEGORY && qt->by_code[k].age_min == qt->by_code[k].age_max;
		if (!best || exact > most)
			best = qt, most = exact;
	}
	return best;
}

int count_consultation(struct run *r, const char *slug)
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
	struct tally *ages = compare_tally(r, "age");
	ages->sources = xrealloc(ages->sources, (ages->nsources + 1) * sizeof *ages->sources);
	ages->sources[ages->nsources++] = (struct age_source){ 0, 0, 0, 0 };
	int rc = load_question_tags(r, &v);
	plan_cells(r, &v);
	r->age_question = rc == 0 ? choose_age_question(r) : NULL;
	if (r->o->weighted)
		weight_add_questions(r, &v);
	struct tally *dis = compare_tally(r, "disability");
	double not_compared = dis->not_compared, condition_yes = dis->condition_yes;
	if (rc == 0 && r->age_question)
		rc = offer_age_bands(r, ages, &v);
	for (size_t i = 0; rc == 0 && compare_report_dimensions[i]; i++)
		rc = count_dimension(r, &v, i);
	if (rc == 0 && r->o->weighted)
		rc = count_cells(r, &v);
	if (rc == 0 && asks_disability(r))
		count_disability_form(r, not_compared, condition_yes);
	free(r->cell_slots);
	r->cell_slots = NULL;
	free_question_tags(r);
	consult_view_free(&v);
	return rc;
}

int count_bands(struct run *r)
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
	const struct table *tb = tag_age_bands_table(r->t);
	int rc = compare_table_bands(tb, &r->bands, r->err);
	r->nbands = rc == 0 ? tb->nrows : 0;
	return rc;
}

void count_start(struct run *r)
{
	for (size_t i = 0; compare_report_dimensions[i]; i++) {
		struct tally *tl = &r->tallies[i];
		tl->dimension = compare_report_dimensions[i];
		tl->ncategories = tag_categories(r->t, tl->dimension, &tl->categories);
		tl->n = xcalloc(tl->ncategories ? tl->ncategories : 1, sizeof *tl->n);
		const struct tag_rollup *u;
		size_t nu = tag_rollups(r->t, tl->dimension, &u);
		tl->rollup_only = xcalloc(nu ? nu : 1, sizeof *tl->rollup_only);
	}
}

void count_free(struct run *r)
{
	for (size_t i = 0; compare_report_dimensions[i]; i++) {
		free(r->tallies[i].n);
		free(r->tallies[i].rollup_only);
		free(r->tallies[i].ages);
		free(r->tallies[i].sources);
		for (size_t k = 0; k < r->tallies[i].nnotes; k++)
			free(r->tallies[i].notes[k]);
		free(r->tallies[i].notes);
	}
	free(r->bands);
}
