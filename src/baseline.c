/* baseline.c — see baseline.h. */
#include "baseline.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "embedded.h"
#include "emit.h"
#include "policy.h"
#include "table.h"
#include "text.h"

#define CENSUS_DATE "2021-03-21"

/* One figure on its way into the store. */
struct figure {
	const char *code, *name, *census_date, *table, *dimension, *category, *source, *origin;
	int min_age, max_age;
	long long count;
};

/* Geography and dimension pairs already cleared in this import. */
struct cleared {
	char **keys;
	size_t n;
};

static void insert_figure(struct store *s, const struct figure *f, struct cleared *c)
{
	struct buf key = { 0 };
	buf_printf(&key, "%s\t%s\t%s", f->code, f->dimension, f->table ? f->table : "");
	size_t i = 0;
	while (i < c->n && strcmp(c->keys[i], key.data) != 0)
		i++;
	if (i == c->n) {
		sqlite3_stmt *st = store_stmt(s, "baseline_clear");
		store_bind_text(st, ":geography_code", f->code);
		store_bind_text(st, ":dimension", f->dimension);
		store_bind_text(st, ":table_name", f->table && *f->table ? f->table : NULL);
		store_step(s, st);
		c->keys = xrealloc(c->keys, (c->n + 1) * sizeof *c->keys);
		c->keys[c->n++] = key.data;
	} else {
		buf_free(&key);
	}
	sqlite3_stmt *st = store_stmt(s, "baseline_insert");
	store_bind_text(st, ":geography_code", f->code);
	store_bind_text(st, ":geography_name", f->name && *f->name ? f->name : NULL);
	store_bind_text(st, ":census_date", f->census_date && *f->census_date ? f->census_date : NULL);
	store_bind_text(st, ":table_name", f->table && *f->table ? f->table : NULL);
	store_bind_text(st, ":dimension", f->dimension);
	store_bind_text(st, ":category", f->category);
	store_bind_int(st, ":min_age", f->min_age);
	if (f->max_age >= 0)
		store_bind_int(st, ":max_age", f->max_age);
	store_bind_int(st, ":count", f->count);
	store_bind_text(st, ":source", f->source);
	store_bind_text(st, ":origin", f->origin);
	store_step(s, st);
}

static void cleared_free(struct cleared *c)
{
	for (size_t i = 0; i < c->n; i++)
		free(c->keys[i]);
	free(c->keys);
}

/* ---- the plain long format ---- */

static int parse_count(const char *s, long long *out)
{
	long v;
	if (parse_long(s, 0, 2000000000L, &v) < 0)
		return -1;
	*out = v;
	return 0;
}

static int import_long(struct store *s, const struct taxonomy *t, struct table *tb, const char *geography,
    const char *origin, size_t *rows, struct reach_error *err)
{
	static const char *const cols[] = { "geography_code", "dimension", "category", "min_age", "max_age",
		"count", "source", NULL };
	struct cleared cleared = { 0 };
	if (table_require(tb, cols, err) < 0)
		return -1;
	for (size_t r = 0; r < tb->nrows && !store_failed(s); r++) {
		struct figure f = { 0 };
		long min_age, max_age = -1;
		const struct tag_category *cats;
		f.code = table_get(tb, r, "geography_code");
		if (geography && strcmp(f.code, geography) != 0)
			continue;
		f.name = table_get(tb, r, "geography_name");
		f.census_date = table_get(tb, r, "census_date");
		f.table = table_get(tb, r, "table");
		f.dimension = table_get(tb, r, "dimension");
		f.category = table_get(tb, r, "category");
		f.source = table_get(tb, r, "source");
		f.origin = origin;
		const char *max_text = table_get(tb, r, "max_age");
		size_t ncats = t ? tag_categories(t, f.dimension, &cats) : 0, k = 0;
		while (k < ncats && strcmp(cats[k].code, f.category) != 0)
			k++;
		const char *problem = !*f.code ? "no geography_code"
		    : !text_is_code(f.code) ? "geography_code is not a code (" TEXT_CODE_RULE ")"
		    : parse_long(table_get(tb, r, "min_age"), 0, POLICY_AGE_LIMIT, &min_age) < 0 ? "min_age is not an age"
		    : *max_text && (parse_long(max_text, 0, POLICY_AGE_LIMIT, &max_age) < 0 || max_age < min_age) ? "max_age is not an age at or above min_age"
		    : parse_count(table_get(tb, r, "count"), &f.count) < 0 ? "count is not a whole number"
		    : !*f.source ? "no source (name the table and its licence)"
		    : t && strcmp(f.dimension, "age") != 0 && !ncats ? "unknown dimension"
		    : t && strcmp(f.dimension, "age") != 0 && k == ncats ? "unknown category for its dimension"
		    : NULL;
		if (problem) {
			error_set(err, REACH_EDATA, tb->name, tb->lines[r], "%s", problem);
			cleared_free(&cleared);
			return -1;
		}
		f.min_age = (int)min_age;
		f.max_age = (int)max_age;
		insert_figure(s, &f, &cleared);
		(*rows)++;
	}
	cleared_free(&cleared);
	return store_failed(s) ? -1 : 0;
}

/* ---- Nomis bulk files (TS007, TS007A) ---- */

/*
 * Reads a whole age from 0 to POLICY_AGE_LIMIT at *S (digits only: no sign),
 * moving *S past it; 0, or -1.
 */
static int nomis_number(const char **s, int *age)
{
	long v = 0;
	const char *p = *s;
	for (; *p >= '0' && *p <= '9' && v <= POLICY_AGE_LIMIT; p++)
		v = v * 10 + (*p - '0');
	if (p == *s || (*p >= '0' && *p <= '9') || v > POLICY_AGE_LIMIT)
		return -1;
	*s = p;
	*age = (int)v;
	return 0;
}

/*
 * Reads a Nomis age column label ("Age: Aged 20 years; measures: Value",
 * "Age: Aged 5 to 9 years", "Age: Aged under 1 year", "Age: Aged 4 years and
 * under", "Age: Aged 100 years and over", "Age: Total"). Returns 1 for an
 * interval, 2 for the total, 0 for a column that is no age; -1 for an "Age: "
 * label that names no age from 0 to POLICY_AGE_LIMIT, or a band whose ends
 * are the wrong way round, with *WHY saying which.
 */
static int nomis_age(const char *label, int *lo, int *hi, const char **why)
{
	char text[128];
	if (strncmp(label, "Age: ", 5) != 0)
		return 0;
	snprintf(text, sizeof text, "%s", label + 5);
	char *semi = strchr(text, ';');
	if (semi)
		*semi = '\0';
	*why = "is not an age column reach reads (as \"Age: Aged 5 to 9 years\")";
	if (strcmp(text, "Total") == 0)
		return 2;
	if (strcmp(text, "Aged under 1 year") == 0) {
		*lo = *hi = 0;
		return 1;
	}
	const char *p = text + 5;
	int a, b;
	if (strncmp(text, "Aged ", 5) != 0)
		return -1;
	if (nomis_number(&p, &a) < 0) {
		*why = "names no age from 0 to " POLICY_TEXT(POLICY_AGE_LIMIT);
		return -1;
	}
	if (strncmp(p, " to ", 4) == 0) {
		p += 4;
		if (nomis_number(&p, &b) < 0) {
			*why = "names no age from 0 to " POLICY_TEXT(POLICY_AGE_LIMIT);
			return -1;
		}
		if (strcmp(p, " years") != 0)
			return -1;
		if (b < a) {
			*why = "is a band whose ends are the wrong way round";
			return -1;
		}
		*lo = a, *hi = b;
		return 1;
	}
	if (strncmp(p, " year", 5) != 0)
		return -1;
	p += 5;
	if (*p == 's')
		p++;
	if (*p == '\0')
		*lo = *hi = a;
	else if (strcmp(p, " and over") == 0)
		*lo = a, *hi = -1;
	else if (strcmp(p, " and under") == 0)
		*lo = 0, *hi = a;
	else
		return -1;
	return 1;
}

/*
 * Reads the sex of a Nomis TS009 column label ("Sex: Female; Age: Aged 16
 * years; measures: Value"): the taxonomy code, or NULL for "All persons"
 * and anything else. *AGE is set to the label's age part ("Age: …").
 */
static const char *nomis_sex(const char *label, const char **age)
{
	static const struct { const char *label, *code; } sexes[] = {
		{ "Sex: Female; ", "female" }, { "Sex: Male; ", "male" },
	};
	*age = label;
	for (size_t i = 0; i < sizeof sexes / sizeof sexes[0]; i++) {
		size_t len = strlen(sexes[i].label);
		if (strncmp(label, sexes[i].label, len) == 0) {
			*age = label + len;
			return sexes[i].code;
		}
	}
	return NULL;
}

/* The columns of a Nomis bulk file: what each holds. */
struct nomis_columns {
	int *kind;              /* 1 an age interval kept, 2 a total, 0 left out */
	int *lo, *hi;
	const char **sex;       /* TS009: "female" or "male"; NULL for TS007 */
	int by_sex;             /* the file is TS009, sex by age */
};

/*
 * Reads TB's header. A file with single years keeps those and the open top
 * above them (100+ in TS007, 90+ in TS009), dropping its bands; TS009's
 * "All persons" columns are left out, its female and male kept.
 */
static int nomis_header(struct table *tb, struct nomis_columns *nc, struct reach_error *err)
{
	int single = 0, top = -1;
	nc->kind = xcalloc(tb->ncols, sizeof *nc->kind);
	nc->lo = xcalloc(tb->ncols, sizeof *nc->lo);
	nc->hi = xcalloc(tb->ncols, sizeof *nc->hi);
	nc->sex = xcalloc(tb->ncols, sizeof *nc->sex);
	nc->by_sex = 0;
	for (size_t c = 0; c < tb->ncols; c++)
		if (strncmp(tb->header[c], "Sex: ", 5) == 0)
			nc->by_sex = 1;
	for (size_t c = 0; c < tb->ncols; c++) {
		const char *age;
		nc->sex[c] = nomis_sex(tb->header[c], &age);
		if (nc->by_sex && !nc->sex[c])
			continue;
		const char *why;
		nc->kind[c] = nomis_age(age, &nc->lo[c], &nc->hi[c], &why);
		if (nc->kind[c] < 0) {
			error_set(err, REACH_EDATA, tb->name, 1, "column \"%.200s\" %s", tb->header[c], why);
			return -1;
		}
		if (nc->kind[c] == 1 && nc->lo[c] == nc->hi[c]) {
			single++;
			if (nc->lo[c] > top)
				top = nc->lo[c];
		}
	}
	for (size_t c = 0; c < tb->ncols; c++)
		if (single && nc->kind[c] == 1 && nc->lo[c] != nc->hi[c] && !(nc->hi[c] < 0 && nc->lo[c] > top))
			nc->kind[c] = 0;
	return 0;
}

static void nomis_columns_free(struct nomis_columns *nc)
{
	free(nc->kind);
	free(nc->lo);
	free(nc->hi);
	free(nc->sex);
}

/*
 * Imports the rows of a Nomis bulk file: TS007 or TS007A (age), or TS009
 * (sex by single year of age). Each area's kept cells must add up to its
 * published total (each sex's, for TS009). *BY_SEX tells which.
 */
static int import_nomis(struct store *s, struct table *tb, const char *geography, const char *origin,
    size_t *rows, size_t *areas, int *by_sex, struct reach_error *err)
{
	int code_col = table_column(tb, "geography code"), name_col = table_column(tb, "geography");
	struct nomis_columns nc;
	int rc = 0, single = 0;
	struct cleared cleared = { 0 };
	if (nomis_header(tb, &nc, err) < 0) {
		nomis_columns_free(&nc);
		return -1;
	}
	for (size_t c = 0; c < tb->ncols; c++)
		single += nc.kind[c] == 1 && nc.lo[c] == nc.hi[c];
	*by_sex = nc.by_sex;
	const char *table_name = nc.by_sex ? "TS009" : single ? "TS007" : "TS007A";
	char source[128];
	snprintf(source, sizeof source, "ONS Census 2021 %s (Nomis bulk download), Open Government Licence v3.0",
	    table_name);
	for (size_t r = 0; r < tb->nrows && rc == 0 && !store_failed(s); r++) {
		const char *code = tb->cells[r][code_col];
		if (geography && strcmp(code, geography) != 0)
			continue;
		for (int pass = 0; pass < (nc.by_sex ? 2 : 1) && rc == 0; pass++) {
			const char *sex = nc.by_sex ? (pass == 0 ? "female" : "male") : NULL;
			long long sum = 0, total = -1;
			for (size_t c = 0; c < tb->ncols && rc == 0; c++) {
				long long count;
				if (!nc.kind[c] || (sex && strcmp(nc.sex[c], sex) != 0))
					continue;
				if (parse_count(tb->cells[r][c], &count) < 0) {
					error_set(err, REACH_EDATA, tb->name, tb->lines[r], "\"%s\" is not a count (column \"%s\")",
					    tb->cells[r][c], tb->header[c]);
					rc = -1;
					break;
				}
				if (nc.kind[c] == 2) {
					total = count;
					continue;
				}
				char category[TAG_AGE_CODE_MAX];
				if (!sex)
					tag_age_code(nc.lo[c], nc.hi[c], category);
				struct figure f = { code, tb->cells[r][name_col], CENSUS_DATE, table_name, sex ? "sex" : "age",
					sex ? sex : category, source, origin, nc.lo[c], nc.hi[c], count };
				insert_figure(s, &f, &cleared);
				sum += count;
				(*rows)++;
			}
			if (rc == 0 && total >= 0 && sum != total) {
				error_set(err, REACH_EDATA, tb->name, tb->lines[r], "the ages of %s%s%s add up to %lld, not to its total %lld",
				    sex ? sex : "", sex ? " residents of " : "", code, sum, total);
				rc = -1;
			}
		}
		(*areas)++;
	}
	nomis_columns_free(&nc);
	cleared_free(&cleared);
	return rc < 0 || store_failed(s) ? -1 : 0;
}

/* What one import works with, inside its transaction. */
struct import_work {
	const struct taxonomy *t;
	struct table *tb;
	const char *path, *geography;
	int nomis, by_sex;
	size_t rows, areas;
};

static int import_body(struct store *s, void *ctx, struct reach_error *err)
{
	struct import_work *w = ctx;
	int rc = w->nomis ? import_nomis(s, w->tb, w->geography, w->path, &w->rows, &w->areas, &w->by_sex, err)
	    : import_long(s, w->t, w->tb, w->geography, w->path, &w->rows, err);
	if (rc == 0 && w->rows == 0) {
		if (w->geography)
			error_set(err, REACH_EDATA, w->path, 0, "no figures for geography %s", w->geography);
		else
			error_set(err, REACH_EDATA, w->path, 0, "no figures");
		rc = -1;
	}
	return rc;
}

int baseline_import(struct store *s, const struct taxonomy *t, const char *path, const char *geography,
    FILE *out, struct reach_error *err)
{
	struct import_work w = { t, table_file(path, err), path, geography, 0, 0, 0, 0 };
	if (!w.tb)
		return -1;
	w.nomis = table_column(w.tb, "geography code") >= 0 && table_column(w.tb, "geography") >= 0;
	int rc = store_transaction(s, import_body, &w, err) < 0 ? -1 : 0;
	if (rc == 0 && w.nomis && w.by_sex)
		fprintf(out, "%s: %zu figures for %zu areas (sex by single year of age)\n", path, w.rows, w.areas);
	else if (rc == 0 && w.nomis)
		fprintf(out, "%s: %zu figures for %zu areas (age by %s)\n", path, w.rows, w.areas,
		    w.rows > w.areas * 30 ? "single year" : "band");
	else if (rc == 0)
		fprintf(out, "%s: %zu figures\n", path, w.rows);
	table_free(w.tb);
	return rc;
}

int baseline_seed(struct store *s, struct reach_error *err)
{
	int rc = 0;
	for (const struct embedded_file *f = embedded_files; rc == 0 && f->path; f++) {
		size_t len = strlen(f->path);
		if (strncmp(f->path, "seeds/baselines/", 16) != 0 || len < 4 || strcmp(f->path + len - 4, ".csv") != 0)
			continue;
		struct table *tb = table_embedded(f->path, err);
		size_t rows = 0;
		rc = tb ? import_long(s, NULL, tb, NULL, "built in", &rows, err) : -1;
		table_free(tb);
	}
	if (rc < 0 && !err->code)
		*err = *store_error(s);
	return rc;
}

int baseline_list(struct store *s, int json, FILE *out, struct reach_error *err)
{
	sqlite3_stmt *st;
	int rc, n = 0;
	char code[32];
	struct reach_error ignored = { 0 };
	int chosen = baseline_geography(s, NULL, code, &ignored) == 0;
	if (json) {
		emit_json_member_string(out, "{\"reach_baselines\": 1, ", "default_geography", chosen ? code : NULL);
		fputs(", \"source\": \"Office for National Statistics, Census 2021, Open Government Licence v3.0\", "
		      "\"tables\": [", out);
	}
	st = store_stmt(s, "baseline_list");
	while ((rc = store_step(s, st)) == SQLITE_ROW) {
		if (json) {
			emit_json_member_string(out, n++ ? "}, {" : "{", "geography", (const char *)sqlite3_column_text(st, 0));
			emit_json_member_text(out, ", ", "name", (const char *)sqlite3_column_text(st, 1));
			emit_json_member_string(out, ", ", "dimension", (const char *)sqlite3_column_text(st, 2));
			emit_json_member_number(out, ", ", "rows", (double)sqlite3_column_int64(st, 3));
			emit_json_member_number(out, ", ", "residents", (double)sqlite3_column_int64(st, 4));
			emit_json_member_number(out, ", ", "min_age", (double)sqlite3_column_int64(st, 5));
			emit_json_member_text(out, ", ", "table", (const char *)sqlite3_column_text(st, 6));
			emit_json_member_text(out, ", ", "origin", (const char *)sqlite3_column_text(st, 7));
			continue;
		}
		/* Fits 80 columns: the origin on a line of its own when it is a file. */
		if (n++ == 0)
			fprintf(out, "%-9s  %-16s  %-18s  %4s  %9s  %4s  %s\n", "geography", "name", "dimension", "rows",
			    "residents", "ages", "table");
		fprintf(out, "%-9s  %-16.16s  %-18s  %4lld  %9lld  %3lld+  %s\n", (const char *)sqlite3_column_text(st, 0),
		    (const char *)sqlite3_column_text(st, 1), (const char *)sqlite3_column_text(st, 2),
		    sqlite3_column_int64(st, 3), sqlite3_column_int64(st, 4), sqlite3_column_int64(st, 5),
		    (const char *)sqlite3_column_text(st, 6));
		const char *origin = (const char *)sqlite3_column_text(st, 7);
		if (origin && strcmp(origin, "built in") != 0)
			fprintf(out, "  from %s\n", origin);
	}
	if (json)
		fputs(n ? "}]}\n" : "]}\n", out);
	if (rc < 0) {
		*err = *store_error(s);
		return -1;
	}
	if (json)
		return 0;
	if (n == 0)
		fprintf(out, "no census figures held: reach baseline import FILE\n");
	else if (chosen)
		fprintf(out, "\nreports compare with %s unless --geography says otherwise\n", code);
	fprintf(out, "Source: Office for National Statistics, Census 2021, Open Government Licence v3.0\n");
	return 0;
}

static int geography_held(struct store *s, const char *code)
{
	sqlite3_stmt *st = store_stmt(s, "baseline_rows");
	store_bind_text(st, ":geography_code", code);
	return store_step(s, st) == SQLITE_ROW;
}

int baseline_use(struct store *s, const char *code, struct reach_error *err)
{
	if (!geography_held(s, code)) {
		error_set(err, REACH_EDATA, NULL, 0, "no census figures for %s (reach baseline list shows those held)", code);
		return -1;
	}
	sqlite3_stmt *st = store_stmt(s, "meta_set");
	store_bind_text(st, ":key", "geography");
	store_bind_text(st, ":value", code);
	if (store_step(s, st) < 0) {
		*err = *store_error(s);
		return -1;
	}
	return 0;
}

int baseline_geography(struct store *s, const char *requested, char out[32], struct reach_error *err)
{
	if (requested) {
		if (!geography_held(s, requested)) {
			error_set(err, REACH_EDATA, NULL, 0, "no census figures for %s (reach baseline list shows those held)",
			    requested);
			return -1;
		}
		snprintf(out, 32, "%s", requested);
		return 0;
	}
	sqlite3_stmt *st = store_stmt(s, "meta_get");
	store_bind_text(st, ":key", "geography");
	if (store_step(s, st) == SQLITE_ROW) {
		snprintf(out, 32, "%s", (const char *)sqlite3_column_text(st, 0));
		return 0;
	}
	st = store_stmt(s, "baseline_geographies");
	int n = 0, rc;
	while ((rc = store_step(s, st)) == SQLITE_ROW)
		if (n++ == 0)
			snprintf(out, 32, "%s", (const char *)sqlite3_column_text(st, 0));
	if (rc < 0) {
		*err = *store_error(s);
		return -1;
	}
	if (n == 1)
		return 0;
	error_set(err, REACH_EUSAGE, NULL, 0, n == 0
	    ? "no local authority's census figures held: reach baseline import FILE"
	    : "census figures for several areas held: choose one with --geography CODE, or once with reach baseline use CODE");
	return -1;
}

/* The credit of the built-in figures, and of any geography holding no source. */
#define ONS_CREDIT "Office for National Statistics, Census 2021, Open Government Licence v3.0"

/*
 * Writes the credit for geography CODE's figures into OUT (SIZE bytes): the
 * ONS for the built-in figures, and each import's own source as imported
 * (a council's figures are credited to what the council imported), joined
 * by "; ". 0, or -1 with ERR set.
 */
static int load_credit(struct store *s, const char *code, char *out, size_t size, struct reach_error *err)
{
	sqlite3_stmt *st = store_stmt(s, "baseline_credits");
	struct buf credit = { 0 };
	int rc;
	store_bind_text(st, ":geography_code", code);
	while ((rc = store_step(s, st)) == SQLITE_ROW) {
		const char *source = sqlite3_column_type(st, 0) == SQLITE_NULL ? ONS_CREDIT
		    : (const char *)sqlite3_column_text(st, 0);
		buf_printf(&credit, "%s%s", credit.len ? "; " : "", source);
	}
	if (rc < 0) {
		*err = *store_error(s);
		buf_free(&credit);
		return -1;
	}
	snprintf(out, size, "%s", credit.len ? credit.data : ONS_CREDIT);
	buf_free(&credit);
	return 0;
}

struct baseline *baseline_load(struct store *s, const char *code, struct reach_error *err)
{
	struct baseline *b = xcalloc(1, sizeof *b);
	sqlite3_stmt *st = store_stmt(s, "baseline_rows");
	int rc;
	snprintf(b->code, sizeof b->code, "%s", code);
	for (int i = 0; i <= 100; i++)
		b->single_year[i] = 0;
	store_bind_text(st, ":geography_code", code);
	while ((rc = store_step(s, st)) == SQLITE_ROW) {
		b->rows = xrealloc(b->rows, (b->nrows + 1) * sizeof *b->rows);
		struct baseline_row *r = &b->rows[b->nrows++];
		r->dimension = xstrdup((const char *)sqlite3_column_text(st, 0));
		r->category = xstrdup((const char *)sqlite3_column_text(st, 1));
		r->table = xstrdup((const char *)sqlite3_column_text(st, 7));
		r->min_age = sqlite3_column_int(st, 2);
		r->max_age = sqlite3_column_type(st, 3) == SQLITE_NULL ? -1 : sqlite3_column_int(st, 3);
		r->count = (double)sqlite3_column_int64(st, 4);
		snprintf(b->name, sizeof b->name, "%s", (const char *)sqlite3_column_text(st, 5));
		if (*(const char *)sqlite3_column_text(st, 6))
			snprintf(b->census_date, sizeof b->census_date, "%s", (const char *)sqlite3_column_text(st, 6));
		if (strcmp(r->dimension, "age") != 0)
			continue;
		if (r->min_age == r->max_age && r->min_age <= 100) {
			b->single_year[r->min_age] += r->count;
			b->has_single_years = 1;
		} else if (r->max_age < 0 && r->min_age == 100) {
			b->single_year[100] += r->count;
		}
	}
	if (rc < 0) {
		*err = *store_error(s);
		baseline_free(b);
		return NULL;
	}
	b->by_dimension = 1;
	for (size_t i = 1; i < b->nrows && b->by_dimension; i++)
		b->by_dimension = strcmp(b->rows[i - 1].dimension, b->rows[i].dimension) <= 0;
	if (b->nrows == 0) {
		error_set(err, REACH_EDATA, NULL, 0, "no census figures for %s (reach baseline list shows those held)", code);
		baseline_free(b);
		return NULL;
	}
	if (load_credit(s, code, b->source, sizeof b->source, err) < 0) {
		baseline_free(b);
		return NULL;
	}
	return b;
}

void baseline_free(struct baseline *b)
{
	if (!b)
		return;
	for (size_t i = 0; i < b->nrows; i++) {
		free(b->rows[i].dimension);
		free(b->rows[i].category);
		free(b->rows[i].table);
	}
	free(b->rows);
	free(b);
}

double baseline_age(const struct baseline *b, int lo, int hi)
{
	/* The census's last cell is 100 and over: nothing finer above it. */
	if (!b->has_single_years || lo > 100)
		return NAN;
	if (hi < 0 || hi > 100)
		hi = 100;
	double sum = 0;
	for (int a = lo; a <= hi; a++)
		sum += b->single_year[a];
	return sum;
}

/*
 * The rows of DIMENSION: B's rows FROM … TO - 1 (none: FROM == TO). They
 * are read in order of dimension (queries/baseline_rows.sql), so they lie
 * together and are found by halving; rows out of order are looked through.
 */
static void dimension_rows(const struct baseline *b, const char *dimension, size_t *from, size_t *to)
{
	*from = 0, *to = b->nrows;
	if (!b->by_dimension)
		return;
	size_t lo = 0, hi = b->nrows;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(b->rows[mid].dimension, dimension) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	*from = *to = lo;
	while (*to < b->nrows && strcmp(b->rows[*to].dimension, dimension) == 0)
		(*to)++;
}

int baseline_has(const struct baseline *b, const char *dimension)
{
	size_t from, to;
	dimension_rows(b, dimension, &from, &to);
	for (size_t i = from; i < to; i++)
		if (strcmp(b->rows[i].dimension, dimension) == 0)
			return 1;
	return 0;
}

/* Does row R count for residents aged MIN_AGE and over? Not when wholly younger. */
static int row_eligible(const struct baseline_row *r, int min_age)
{
	return r->max_age < 0 || r->max_age >= min_age;
}

/*
 * The youngest age that TABLE's figures of DIMENSION cover for residents
 * aged MIN_AGE and over: MIN_AGE when the table is by age and can be cut
 * there, younger when a row straddles it (or the table covers all ages: 0),
 * older when it starts above it. -1 when the table holds no such row.
 */
static int table_base(const struct baseline *b, const char *dimension, const char *table, int min_age)
{
	int youngest = -1;
	size_t from, to;
	dimension_rows(b, dimension, &from, &to);
	for (size_t i = from; i < to; i++) {
		const struct baseline_row *r = &b->rows[i];
		if (strcmp(r->dimension, dimension) == 0 && strcmp(r->table, table) == 0 && row_eligible(r, min_age) &&
		    (youngest < 0 || r->min_age < youngest))
			youngest = r->min_age;
	}
	return youngest;
}

/*
 * The table of DIMENSION whose figures come nearest to residents aged
 * MIN_AGE and over: one that starts exactly there, else the one starting
 * nearest below (the smallest population that still holds them all: an
 * age-specific table before one of all ages), else the nearest above. Ties
 * go to the first table by name. NULL when DIMENSION is not held; *BASE is
 * set to the table's youngest age.
 */
static const char *choose_table(const struct baseline *b, const char *dimension, int min_age, int *base)
{
	const char *best = NULL, *scored[16];
	size_t nscored = 0;
	int best_score = 0;
	size_t from, to;
	*base = -1;
	dimension_rows(b, dimension, &from, &to);
	for (size_t i = from; i < to; i++) {
		const struct baseline_row *r = &b->rows[i];
		int seen = 0;
		for (size_t k = 0; k < nscored && !seen; k++)
			seen = strcmp(r->table, scored[k]) == 0;
		if (seen || strcmp(r->dimension, dimension) != 0)
			continue;
		if (nscored < sizeof scored / sizeof *scored)
			scored[nscored++] = r->table;   /* each table is scored once (past 16, again: slower, the same) */
		int youngest = table_base(b, dimension, r->table, min_age);
		if (youngest < 0)
			continue;
		int score = youngest <= min_age ? min_age - youngest : 1000 + youngest - min_age;
		if (!best || score < best_score || (score == best_score && strcmp(r->table, best) < 0)) {
			best = r->table;
			best_score = score;
			*base = youngest;
		}
	}
	return best;
}

double baseline_category(const struct baseline *b, const char *dimension, const char *category,
    int min_age, int *base_min)
{
	double sum = 0;
	int found = 0, base;
	const char *table = choose_table(b, dimension, min_age, &base);
	size_t from, to;
	dimension_rows(b, dimension, &from, &to);
	for (size_t i = from; table && i < to; i++) {
		const struct baseline_row *r = &b->rows[i];
		if (strcmp(r->dimension, dimension) != 0 || strcmp(r->category, category) != 0 ||
		    strcmp(r->table, table) != 0 || !row_eligible(r, min_age))
			continue;
		sum += r->count;
		found = 1;
	}
	*base_min = found ? base : -1;
	return found ? sum : NAN;
}
