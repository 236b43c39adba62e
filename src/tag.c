/* tag.c — see tag.h. */
#include "tag.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "match.h"
#include "policy.h"
#include "table.h"
#include "text.h"

/* The meanings of the words in seeds/taxonomy/age_words.csv. */
enum age_word { AGE_RANGE, AGE_OPEN_UPPER, AGE_BELOW, AGE_NOISE, AGE_CODED_HEADER };

struct dimension {
	char *name;
	struct matcher user, seeds;     /* synonyms; value = index into categories */
	struct tag_category *categories;
	size_t ncategories;
	struct tag_rollup *rollups;
	size_t nrollups;
};

struct combination {
	char *dimension, *first, *second, *code;
};

struct taxonomy {
	struct dimension *dims;
	size_t ndims;
	struct matcher user_nonanswers, nonanswers;     /* value: TAG_MISSING or TAG_DECLINED */
	struct matcher age_words;                       /* value: enum age_word */
	char **symbols;                                 /* age words that are punctuation ("+", "-") */
	int *symbol_meaning;
	size_t nsymbols;
	struct combination *combinations;
	size_t ncombinations;
	struct tag_category *age_groups;                /* seeds/taxonomy/age_groups.csv: code and label */
	size_t nage_groups;
	struct table *age_groups_table;                 /* the same file as read, for its ages */
	struct table *age_bands_table;                  /* seeds/taxonomy/age_bands.csv */
	char **strings;                                 /* everything the tables own */
	size_t nstrings;
};

static const char *keep(struct taxonomy *t, const char *s)
{
	t->strings = xrealloc(t->strings, (t->nstrings + 1) * sizeof *t->strings);
	return t->strings[t->nstrings++] = xstrdup(s);
}

static struct dimension *find_dimension(const struct taxonomy *t, const char *name)
{
	for (size_t i = 0; i < t->ndims; i++)
		if (strcmp(t->dims[i].name, name) == 0)
			return &t->dims[i];
	return NULL;
}

static struct dimension *add_dimension(struct taxonomy *t, const char *name)
{
	struct dimension *d = find_dimension(t, name);
	if (d)
		return d;
	t->dims = xrealloc(t->dims, (t->ndims + 1) * sizeof *t->dims);
	d = &t->dims[t->ndims++];
	memset(d, 0, sizeof *d);
	d->name = xstrdup(name);
	return d;
}

static int category_index(const struct dimension *d, const char *code)
{
	for (size_t i = 0; i < d->ncategories; i++)
		if (strcmp(d->categories[i].code, code) == 0)
			return (int)i;
	return -1;
}

static int rollup_index(const struct dimension *d, const char *code)
{
	for (size_t i = 0; i < d->nrollups; i++)
		if (strcmp(d->rollups[i].code, code) == 0)
			return (int)i;
	return -1;
}

static struct table *open_table(const char *path, const char *const *columns, struct reach_error *err)
{
	struct table *t = table_embedded(path, err);
	if (t && table_require(t, columns, err) < 0) {
		table_free(t);
		return NULL;
	}
	return t;
}

static int load_categories(struct taxonomy *t, struct reach_error *err)
{
	static const char *const cols[] = { "dimension", "code", "label", "parent", "sort", NULL };
	struct table *tb = open_table("seeds/taxonomy/categories.csv", cols, err);
	if (!tb)
		return -1;
	for (size_t r = 0; r < tb->nrows; r++) {
		struct dimension *d = add_dimension(t, table_get(tb, r, "dimension"));
		d->categories = xrealloc(d->categories, (d->ncategories + 1) * sizeof *d->categories);
		struct tag_category *c = &d->categories[d->ncategories++];
		c->code = keep(t, table_get(tb, r, "code"));
		c->label = keep(t, table_get(tb, r, "label"));
		c->parent = *table_get(tb, r, "parent") ? keep(t, table_get(tb, r, "parent")) : NULL;
	}
	table_free(tb);
	return 0;
}

/* The age groups' codes and labels ("75+", "Aged 75 and over"), for tag_label. */
/* Reads the age groups (seeds/taxonomy/age_groups.csv) and keeps it with the census broad bands (age_bands.csv). */
static int load_age_groups(struct taxonomy *t, struct reach_error *err)
{
	static const char *const cols[] = { "code", "label", NULL };
	struct table *tb = open_table("seeds/taxonomy/age_groups.csv", cols, err);
	if (!tb)
		return -1;
	t->age_groups = xcalloc(tb->nrows + 1, sizeof *t->age_groups);
	for (size_t r = 0; r < tb->nrows; r++) {
		struct tag_category *g = &t->age_groups[t->nage_groups++];
		g->code = keep(t, table_get(tb, r, "code"));
		g->label = keep(t, table_get(tb, r, "label"));
	}
	t->age_groups_table = tb;
	t->age_bands_table = table_embedded("seeds/taxonomy/age_bands.csv", err);
	return t->age_bands_table ? 0 : -1;
}

static int load_rollups(struct taxonomy *t, struct reach_error *err)
{
	static const char *const cols[] = { "dimension", "rollup", "label", "definition", "member", NULL };
	struct table *tb = open_table("seeds/taxonomy/rollups.csv", cols, err);
	if (!tb)
		return -1;
	for (size_t r = 0; r < tb->nrows; r++) {
		struct dimension *d = find_dimension(t, table_get(tb, r, "dimension"));
		const char *code = table_get(tb, r, "rollup");
		if (!d || category_index(d, table_get(tb, r, "member")) < 0) {
			error_set(err, REACH_EDATA, tb->name, tb->lines[r], "unknown dimension or member category");
			table_free(tb);
			return -1;
		}
		struct tag_rollup *u = NULL;
		for (size_t i = 0; i < d->nrollups; i++)
			if (strcmp(d->rollups[i].code, code) == 0)
				u = &d->rollups[i];
		if (!u) {
			d->rollups = xrealloc(d->rollups, (d->nrollups + 1) * sizeof *d->rollups);
			u = &d->rollups[d->nrollups++];
			memset(u, 0, sizeof *u);
			u->dimension = d->name;
			u->code = keep(t, code);
			u->label = keep(t, table_get(tb, r, "label"));
			u->definition = keep(t, table_get(tb, r, "definition"));
		}
		u->members = xrealloc(u->members, (u->nmembers + 1) * sizeof *u->members);
		u->members[u->nmembers++] = d->categories[category_index(d, table_get(tb, r, "member"))].code;
	}
	table_free(tb);
	return 0;
}

/* Adds the synonyms of TB (a seed or the user's file) to each dimension's user or seed rules. */
static int add_synonyms(struct taxonomy *t, struct table *tb, int user, struct reach_error *err)
{
	for (size_t r = 0; r < tb->nrows; r++) {
		const char *dim = table_get(tb, r, "dimension"), *code = table_get(tb, r, "code");
		enum match_kind kind;
		if (match_kind_parse(table_get(tb, r, "match"), &kind) < 0) {
			error_set(err, REACH_EDATA, tb->name, tb->lines[r],
			    "match \"%s\" is not exact, prefix or contains", table_get(tb, r, "match"));
			return -1;
		}
		const char *source = keep(t, tb->name);
		if (strcmp(dim, "*") == 0) {
			int kind_of = strcmp(code, "missing") == 0 ? TAG_MISSING
			    : strcmp(code, "declined") == 0 ? TAG_DECLINED : -1;
			if (kind_of < 0) {
				error_set(err, REACH_EDATA, tb->name, tb->lines[r],
				    "a rule for every dimension (*) needs the code missing or declined");
				return -1;
			}
			matcher_add(user ? &t->user_nonanswers : &t->nonanswers, kind,
			    table_get(tb, r, "pattern"), kind_of, source, tb->lines[r]);
			continue;
		}
		struct dimension *d = find_dimension(t, dim);
		int index = d ? category_index(d, code) : -1;
		if (index < 0 && d && (index = rollup_index(d, code)) >= 0)
			index = -2 - index;     /* an answer that names only a roll-up, as "BAME" */
		else if (index < 0) {
			error_set(err, REACH_EDATA, tb->name, tb->lines[r],
			    "no category or roll-up \"%s\" in dimension \"%s\"", code, dim);
			return -1;
		}
		matcher_add(user ? &d->user : &d->seeds, kind, table_get(tb, r, "pattern"), index, source,
		    tb->lines[r]);
	}
	return 0;
}

static int load_words(struct taxonomy *t, struct reach_error *err)
{
	static const char *const na_cols[] = { "match", "pattern", "kind", NULL };
	static const char *const age_cols[] = { "match", "pattern", "meaning", NULL };
	static const char *const meanings[] = { "range", "open_upper", "below", "noise", "coded_header" };
	struct table *tb = open_table("seeds/taxonomy/nonanswers.csv", na_cols, err);
	if (!tb)
		return -1;
	for (size_t r = 0; r < tb->nrows; r++) {
		enum match_kind kind;
		const char *k = table_get(tb, r, "kind");
		if (match_kind_parse(table_get(tb, r, "match"), &kind) < 0 ||
		    (strcmp(k, "missing") != 0 && strcmp(k, "declined") != 0)) {
			error_set(err, REACH_EDATA, tb->name, tb->lines[r], "bad match or kind");
			table_free(tb);
			return -1;
		}
		matcher_add(&t->nonanswers, kind, table_get(tb, r, "pattern"),
		    strcmp(k, "missing") == 0 ? TAG_MISSING : TAG_DECLINED, "seeds/taxonomy/nonanswers.csv", tb->lines[r]);
	}
	table_free(tb);
	if (!(tb = open_table("seeds/taxonomy/age_words.csv", age_cols, err)))
		return -1;
	for (size_t r = 0; r < tb->nrows; r++) {
		const char *pattern = table_get(tb, r, "pattern"), *meaning = table_get(tb, r, "meaning");
		int m = -1;
		for (int i = 0; i < (int)(sizeof meanings / sizeof *meanings); i++)
			if (strcmp(meaning, meanings[i]) == 0)
				m = i;
		if (m < 0) {
			error_set(err, REACH_EDATA, tb->name, tb->lines[r], "unknown meaning \"%s\"", meaning);
			table_free(tb);
			return -1;
		}
		struct buf norm = { 0 };
		text_normalize(pattern, &norm);
		if (norm.len == 0) {            /* punctuation: "+", "-" */
			t->symbols = xrealloc(t->symbols, (t->nsymbols + 1) * sizeof *t->symbols);
			t->symbol_meaning = xrealloc(t->symbol_meaning, (t->nsymbols + 1) * sizeof *t->symbol_meaning);
			t->symbols[t->nsymbols] = xstrdup(pattern);
			t->symbol_meaning[t->nsymbols++] = m;
		} else {
			matcher_add(&t->age_words, MATCH_CONTAINS, pattern, m, "seeds/taxonomy/age_words.csv", tb->lines[r]);
		}
		buf_free(&norm);
	}
	table_free(tb);
	return 0;
}

static int load_combinations(struct taxonomy *t, struct reach_error *err)
{
	static const char *const cols[] = { "dimension", "first", "second", "code", NULL };
	struct table *tb = open_table("seeds/taxonomy/combined.csv", cols, err);
	if (!tb)
		return -1;
	for (size_t r = 0; r < tb->nrows; r++) {
		t->combinations = xrealloc(t->combinations, (t->ncombinations + 1) * sizeof *t->combinations);
		struct combination *c = &t->combinations[t->ncombinations++];
		c->dimension = (char *)keep(t, table_get(tb, r, "dimension"));
		c->first = (char *)keep(t, table_get(tb, r, "first"));
		c->second = (char *)keep(t, table_get(tb, r, "second"));
		c->code = (char *)keep(t, table_get(tb, r, "code"));
	}
	table_free(tb);
	return 0;
}

struct taxonomy *tag_load(const char *user_file, struct reach_error *err)
{
	static const char *const syn_cols[] = { "dimension", "match", "pattern", "code", NULL };
	struct taxonomy *t = xcalloc(1, sizeof *t);
	struct table *tb = NULL;
	if (load_categories(t, err) < 0 || load_rollups(t, err) < 0 || load_age_groups(t, err) < 0 ||
	    load_words(t, err) < 0 || load_combinations(t, err) < 0)
		goto fail;
	if (!(tb = open_table("seeds/taxonomy/synonyms.csv", syn_cols, err)) || add_synonyms(t, tb, 0, err) < 0)
		goto fail;
	table_free(tb);
	tb = NULL;
	if (user_file) {
		tb = table_file(user_file, err);
		if (!tb || table_require(tb, syn_cols, err) < 0 || add_synonyms(t, tb, 1, err) < 0)
			goto fail;
		table_free(tb);
	}
	return t;
fail:
	table_free(tb);
	tag_free(t);
	return NULL;
}

void tag_free(struct taxonomy *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->ndims; i++) {
		struct dimension *d = &t->dims[i];
		matcher_free(&d->user);
		matcher_free(&d->seeds);
		free(d->categories);
		for (size_t k = 0; k < d->nrollups; k++)
			free(d->rollups[k].members);
		free(d->rollups);
		free(d->name);
	}
	free(t->dims);
	free(t->age_groups);
	table_free(t->age_groups_table);
	table_free(t->age_bands_table);
	matcher_free(&t->user_nonanswers);
	matcher_free(&t->nonanswers);
	matcher_free(&t->age_words);
	for (size_t i = 0; i < t->nsymbols; i++)
		free(t->symbols[i]);
	free(t->symbols);
	free(t->symbol_meaning);
	free(t->combinations);
	for (size_t i = 0; i < t->nstrings; i++)
		free(t->strings[i]);
	free(t->strings);
	free(t);
}

const char *const *tag_dimensions(enum role role)
{
	static const char *const age[] = { "age", NULL }, *const sex[] = { "sex", TAG_SEX_GENDER_IDENTITY, NULL },
	    *const gender[] = { "gender_identity", NULL },
	    *const ethnicity[] = { "ethnicity_detailed", "ethnicity", NULL },
	    *const disability[] = { "disability", NULL },
	    *const condition[] = { "disability_condition", NULL },
	    *const limitation[] = { "disability_limitation", NULL },
	    *const religion[] = { "religion", NULL }, *const orientation[] = { "sexual_orientation", NULL },
	    *const forces[] = { "armed_forces", NULL }, *const carer[] = { "carer", NULL },
	    *const none[] = { NULL };
	switch (role) {
	case ROLE_AGE:
	case ROLE_BIRTH_YEAR:
	case ROLE_DATE_OF_BIRTH: return age;
	case ROLE_SEX: return sex;
	case ROLE_GENDER_IDENTITY: return gender;
	case ROLE_ETHNICITY: return ethnicity;
	case ROLE_DISABILITY: return disability;
	case ROLE_DISABILITY_CONDITION: return condition;
	case ROLE_DISABILITY_LIMITATION: return limitation;
	case ROLE_RELIGION: return religion;
	case ROLE_SEXUAL_ORIENTATION: return orientation;
	case ROLE_ARMED_FORCES: return forces;
	case ROLE_CARER: return carer;
	default: return none;
	}
}

const char *tag_status_name(enum tag_status s)
{
	static const char *names[] = { "category", "missing", "declined", "broad", "unmatched" };
	return names[s];
}

/*
 * The category of NORM in D by its rules (user rules first): its index, -2 - k
 * for an answer naming only the roll-up k, or -1.
 */
static int synonym(const struct dimension *d, const char *norm)
{
	const struct match_rule *r = matcher_find(&d->user, norm);
	if (!r)
		r = matcher_find(&d->seeds, norm);
	return r ? r->value : -1;
}

static int nonanswer(const struct taxonomy *t, const char *norm)
{
	if (!*norm)
		return TAG_MISSING;
	const struct match_rule *r = matcher_find(&t->user_nonanswers, norm);
	if (!r)
		r = matcher_find(&t->nonanswers, norm);
	return r ? r->value : -1;
}

static int has_symbol(const struct taxonomy *t, const char *raw, int meaning)
{
	for (size_t i = 0; i < t->nsymbols; i++)
		if (t->symbol_meaning[i] == meaning && strstr(raw, t->symbols[i]))
			return 1;
	/* An en or em dash between numbers is a range, as "-" is. */
	return meaning == AGE_RANGE && (strstr(raw, "\xE2\x80\x93") || strstr(raw, "\xE2\x80\x94"));
}

static int has_word(const struct taxonomy *t, const char *norm, int meaning)
{
	for (size_t i = 0; i < t->age_words.n; i++) {
		const struct match_rule *r = &t->age_words.rules[i];
		if (r->value != meaning)
			continue;
		struct matcher one = { (struct match_rule *)r, 1, 1 };
		if (matcher_find(&one, norm))
			return 1;
	}
	return 0;
}

/* Is NORM only numbers and noise words? */
static int only_noise(const struct taxonomy *t, const char *norm)
{
	struct buf word = { 0 };
	int ok = 1;
	for (const char *p = norm; *p && ok;) {
		const char *end = strchr(p, ' ');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		buf_reset(&word);
		buf_append(&word, p, len);
		if (!isdigit((unsigned char)word.data[0])) {
			const struct match_rule *r = matcher_find(&t->age_words, word.data);
			ok = r && r->value == AGE_NOISE;
		}
		p += len + (end != NULL);
	}
	buf_free(&word);
	return ok;
}

void tag_age_code(int age_min, int age_max, char out[TAG_AGE_CODE_MAX])
{
	if (age_max == TAG_AGE_OPEN)
		snprintf(out, TAG_AGE_CODE_MAX, "%d+", age_min);
	else if (age_min == age_max)
		snprintf(out, TAG_AGE_CODE_MAX, "%d", age_min);
	else
		snprintf(out, TAG_AGE_CODE_MAX, "%d-%d", age_min, age_max);
}

int tag_age_interval(const struct taxonomy *t, const char *raw, int *age_min, int *age_max)
{
	long nums[3];
	size_t n = 0;
	for (const char *p = raw; *p;) {
		if (!isdigit((unsigned char)*p)) {
			p++;
			continue;
		}
		char *end;
		long v = strtol(p, &end, 10);
		if (n == 3 || v > POLICY_AGE_LIMIT)
			return -1;
		nums[n++] = v;
		p = end;
	}
	struct buf norm = { 0 };
	text_normalize(raw, &norm);
	int rc = -1;
	int range = has_word(t, norm.data, AGE_RANGE) || has_symbol(t, raw, AGE_RANGE);
	int open = has_word(t, norm.data, AGE_OPEN_UPPER) || has_symbol(t, raw, AGE_OPEN_UPPER);
	int below = has_word(t, norm.data, AGE_BELOW) || has_symbol(t, raw, AGE_BELOW);
	if (n == 2 && range && !open && !below && nums[0] <= nums[1]) {
		*age_min = (int)nums[0], *age_max = (int)nums[1], rc = 0;
	} else if (n == 1 && open && !below) {
		*age_min = (int)nums[0], *age_max = TAG_AGE_OPEN, rc = 0;
	} else if (n == 1 && below && !open && nums[0] > 0) {
		*age_min = 0, *age_max = (int)nums[0] - 1, rc = 0;
	} else if (n == 1 && !range && !open && !below && only_noise(t, norm.data)) {
		*age_min = *age_max = (int)nums[0], rc = 0;
	}
	buf_free(&norm);
	return rc;
}

/* A year of birth: four digits, alone. */
static int birth_year(const char *raw, long *year)
{
	struct buf b = { 0 };
	text_squeeze(raw, &b);
	int rc = parse_long(b.data, 1890, 2100, year);
	buf_free(&b);
	return rc;
}

/* Could someone born on day BORN be 0 to POLICY_AGE_CEILING on some day from FIRST to LAST? */
static int age_possible(long born, long first, long last)
{
	return date_age_years(born, last) >= 0 && date_age_years(born, first) <= POLICY_AGE_CEILING;
}

/*
 * Reads RAW as a date of birth into *BORN (days since 1970); 0, or -1 when it
 * is no date, gives no possible age from FIRST to LAST, or has a two-digit
 * year that two centuries fit.
 */
static int birth_date(const char *raw, int month_first, long first, long last, long *born)
{
	char latest[11], earlier[11], last_iso[11];
	days_to_date(last, last_iso);
	int year = atoi(last_iso);
	if (parse_date_latest(raw, month_first, year, latest) < 0)
		return -1;
	/* A two-digit year reads a century apart with the pivot a century back; four digits do not move. */
	int two_digit = parse_date_latest(raw, month_first, year - 100, earlier) < 0 || strcmp(latest, earlier) != 0;
	int fits_latest = age_possible(date_to_days(latest), first, last);
	int fits_earlier = two_digit && parse_date_latest(raw, month_first, year - 100, earlier) == 0 &&
	    age_possible(date_to_days(earlier), first, last);
	if (fits_latest == fits_earlier)
		return -1;      /* neither (out of range) or both (ambiguous): unmatched */
	*born = date_to_days(fits_latest ? latest : earlier);
	return 0;
}

/* Is RAW a bare whole number, as an age group's code ("3")? */
static int bare_number(const char *raw)
{
	struct buf b = { 0 };
	long v;
	text_squeeze(raw, &b);
	int rc = b.len > 0 && parse_long(b.data, 0, 999, &v) == 0;
	buf_free(&b);
	return rc;
}

/* Tags an age, a birth year or a date of birth (see tag_answer_in). */
static void tag_age(const struct taxonomy *t, enum role role, const char *raw, const struct tag_question *q,
    struct tag_result *out)
{
	long last = q->last_day >= 0 ? q->last_day : date_today();
	long first = q->first_day >= 0 && q->first_day <= last ? q->first_day : last;
	long year, born;
	if (role == ROLE_AGE) {
		if (q->age_codes && bare_number(raw))
			return;         /* "3" of "age group": a code, not an age */
		if (tag_age_interval(t, raw, &out->age_min, &out->age_max) == 0 &&
		    (out->age_min != out->age_max || out->age_min <= POLICY_AGE_CEILING))
			out->status = TAG_CATEGORY;
		return;
	}
	if (birth_year(raw, &year) == 0) {
		/* A year alone is taken as 1 July of it, as count.c does. */
		born = date_to_days_ymd(year, 7, 1);
		if (!age_possible(born, first, last))
			return;
		out->status = TAG_CATEGORY;
		out->number = role == ROLE_BIRTH_YEAR ? year : born;
	} else if (birth_date(raw, q->month_first, first, last, &born) == 0) {
		char iso[11];
		days_to_date(born, iso);
		out->status = TAG_CATEGORY;
		out->number = role == ROLE_BIRTH_YEAR ? strtol(iso, NULL, 10) : born;
	}
}

/* Is DIMENSION one that ROLE's question feeds beside its own (a sex question's gender identity)? */
static int fed_dimension(enum role role, const char *dimension)
{
	return role == ROLE_SEX && strcmp(dimension, TAG_SEX_GENDER_IDENTITY) == 0;
}

void tag_answer_in(const struct taxonomy *t, enum role role, const char *dimension, const char *raw,
    const struct tag_question *q, struct tag_result *out)
{
	struct buf norm = { 0 };
	const struct dimension *d = find_dimension(t, dimension);
	memset(out, 0, sizeof *out);
	out->status = TAG_UNMATCHED;
	text_normalize(raw, &norm);
	if (role == ROLE_AGE || role == ROLE_BIRTH_YEAR || role == ROLE_DATE_OF_BIRTH) {
		tag_age(t, role, raw, q, out);
	} else if (d) {
		int k = synonym(d, norm.data), other;
		const struct dimension *detailed = find_dimension(t, "ethnicity_detailed");
		const struct dimension *broad = find_dimension(t, "ethnicity");
		if (k >= 0) {
			out->status = TAG_CATEGORY;
			out->code = d->categories[k].code;
		} else if (k <= -2) {
			out->status = TAG_BROAD;        /* only a roll-up: "BAME" */
			out->code = d->rollups[-2 - k].code;
		} else if (role == ROLE_ETHNICITY && d == broad && detailed && (other = synonym(detailed, norm.data)) != -1) {
			out->status = other >= 0 ? TAG_CATEGORY : TAG_BROAD;
			out->code = other >= 0 ? detailed->categories[other].parent : NULL;
		} else if (role == ROLE_ETHNICITY && d == detailed && broad && synonym(broad, norm.data) != -1) {
			out->status = TAG_BROAD;
		}
	}
	if (out->status == TAG_UNMATCHED) {
		int kind = nonanswer(t, norm.data);
		if (kind >= 0)
			out->status = (enum tag_status)kind;
		else if (fed_dimension(role, dimension))
			out->status = TAG_MISSING;      /* unmatched once, in the question's own dimension */
	}
	buf_free(&norm);
}

void tag_answer(const struct taxonomy *t, enum role role, const char *dimension, const char *raw,
    int month_first, struct tag_result *out)
{
	struct tag_question q = { month_first, -1, -1, 0 };
	tag_answer_in(t, role, dimension, raw, &q, out);
}

int tag_age_looks_coded(const char *const *values, const uint64_t *counts, size_t n)
{
	int seen[21] = { 0 }, distinct = 0;
	for (size_t i = 0; i < n; i++) {
		if (!values[i] || (counts && counts[i] == 0) || !strpbrk(values[i], "0123456789"))
			continue;
		struct buf b = { 0 };
		long v;
		text_squeeze(values[i], &b);
		int number = parse_long(b.data, 0, 20, &v) == 0;
		buf_free(&b);
		if (!number)
			return 0;       /* "34", "18-24", "Under 18": ages, not codes */
		distinct += !seen[v]++;
	}
	return distinct > 0 && distinct <= 12;
}

int tag_age_header_coded(const struct taxonomy *t, const char *header)
{
	struct buf norm = { 0 };
	text_normalize(header ? header : "", &norm);
	int rc = has_word(t, norm.data, AGE_CODED_HEADER);
	buf_free(&norm);
	return rc;
}

size_t tag_categories(const struct taxonomy *t, const char *dimension, const struct tag_category **out)
{
	const struct dimension *d = find_dimension(t, dimension);
	*out = d ? d->categories : NULL;
	return d ? d->ncategories : 0;
}

const char *tag_label(const struct taxonomy *t, const char *dimension, const char *code)
{
	const struct dimension *d = find_dimension(t, dimension);
	int k = d ? category_index(d, code) : -1;
	if (k >= 0)
		return d->categories[k].label;
	if ((k = d ? rollup_index(d, code) : -1) >= 0)
		return d->rollups[k].label;
	for (size_t i = 0; strcmp(dimension, "age") == 0 && i < t->nage_groups; i++)
		if (strcmp(t->age_groups[i].code, code) == 0)
			return t->age_groups[i].label;
	return code;
}

const char *tag_dimension_at(const struct taxonomy *t, size_t i)
{
	return i < t->ndims ? t->dims[i].name : NULL;
}

size_t tag_rollups(const struct taxonomy *t, const char *dimension, const struct tag_rollup **out)
{
	const struct dimension *d = find_dimension(t, dimension);
	*out = d ? d->rollups : NULL;
	return d ? d->nrollups : 0;
}

void tag_combine(const struct taxonomy *t, const char *dimension, const struct tag_result *first,
    const struct tag_result *second, struct tag_result *out)
{
	/* The answer read first: the first question's, or the second's when the first was not asked. */
	const struct tag_result *lead = first ? first : second;
	memset(out, 0, sizeof *out);
	out->status = !lead ? TAG_MISSING : lead->status == TAG_CATEGORY ? TAG_UNMATCHED : lead->status;
	if (!lead || lead->status != TAG_CATEGORY)
		return;
	for (size_t i = 0; i < t->ncombinations; i++) {
		const struct combination *c = &t->combinations[i];
		if (strcmp(c->dimension, dimension) != 0 || strcmp(c->first, first ? first->code : "-") != 0)
			continue;
		int any = first && strcmp(c->second, "*") == 0;
		int fits = any || (second && second->status == TAG_CATEGORY && strcmp(c->second, second->code) == 0);
		if (!fits)
			continue;
		const struct dimension *d = find_dimension(t, dimension);
		int k = d ? category_index(d, c->code) : -1;
		if (k >= 0) {
			out->status = TAG_CATEGORY;
			out->code = d->categories[k].code;
		}
		return;
	}
	/* A condition whose effect was not answered: as the second answer is. */
	if (first && second && (second->status == TAG_MISSING || second->status == TAG_DECLINED))
		out->status = second->status;
	else if (!second)
		out->status = TAG_MISSING;
}

const struct table *tag_age_groups_table(const struct taxonomy *t)
{
	return t->age_groups_table;
}

const struct table *tag_age_bands_table(const struct taxonomy *t)
{
	return t->age_bands_table;
}
