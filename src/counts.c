/*
 * counts.c — the counts kept at ingest: which combinations of questions a
 * consultation keeps, counting responses into them as they go by, writing
 * them, building them from stored responses, and reading them back
 * checked. See counts.h.
 */
#include "counts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the plan ---- */

/* Writes N numbers as "3,0,12" into OUT (emptied first). */
static void join_numbers(struct buf *out, const uint32_t *numbers, size_t n)
{
	buf_reset(out);
	for (size_t i = 0; i < n; i++)
		buf_printf(out, "%s%u", i ? "," : "", (unsigned)numbers[i]);
}

/* SLOTS (N of them) as stored: in slot order, "2,5,7"; ORDER gets the position of each in it. */
static void slots_key(struct buf *out, const size_t *slots, size_t n, size_t *order)
{
	uint32_t *sorted = xmalloc((n ? n : 1) * sizeof *sorted);
	for (size_t i = 0; i < n; i++) {
		size_t before = 0;
		for (size_t j = 0; j < n; j++)
			before += slots[j] < slots[i] || (slots[j] == slots[i] && j < i);
		order[i] = before;
		sorted[before] = (uint32_t)slots[i];
	}
	join_numbers(out, sorted, n);
	free(sorted);
}


static void add_set(struct counts_plan *p, enum counts_kind kind, const size_t *slots, size_t nslots, int by_day)
{
	p->sets = xrealloc(p->sets, (p->nsets + 1) * sizeof *p->sets);
	struct counts_set *set = &p->sets[p->nsets++];
	set->kind = kind;
	set->slots = xmalloc((nslots ? nslots : 1) * sizeof *set->slots);
	if (nslots)
		memcpy(set->slots, slots, nslots * sizeof *slots);
	set->nslots = nslots;
	set->by_day = by_day;
	struct buf key = { 0 };
	set->order = xmalloc((nslots ? nslots : 1) * sizeof *set->order);
	slots_key(&key, slots, nslots, set->order);
	set->key = key.data ? key.data : xstrdup("");
}

/* Is ROLE one respondents are raked on (weight.h: age, sex and ethnic group)? */
static int raked_role(enum role role)
{
	return role == ROLE_AGE || role == ROLE_BIRTH_YEAR || role == ROLE_DATE_OF_BIRTH || role == ROLE_SEX ||
	    role == ROLE_ETHNICITY;
}

/* The first question of ROLE among ROLES, or NQ when there is none. */
static size_t first_of(const enum role *roles, size_t nq, enum role role)
{
	size_t q = 0;
	while (q < nq && roles[q] != role)
		q++;
	return q;
}

void counts_plan_make(const enum role *roles, size_t nq, struct counts_plan *p)
{
	memset(p, 0, sizeof *p);
	add_set(p, COUNTS_ANSWERS, NULL, 0, 1);
	for (size_t q = 0; q < nq; q++)
		if (columns_is_demographic(roles[q]))
			add_set(p, COUNTS_ANSWERS, &q, 1, 1);
	size_t pair[2] = { first_of(roles, nq, ROLE_DISABILITY_CONDITION), first_of(roles, nq, ROLE_DISABILITY_LIMITATION) };
	if (pair[0] < nq && pair[1] < nq)
		add_set(p, COUNTS_ANSWERS, pair, 2, 1);
	p->cell_slots = xmalloc((nq + 1) * sizeof *p->cell_slots);
	for (size_t q = 0; q < nq; q++)
		if (raked_role(roles[q])) {
			p->cell_slots[p->ncell_slots++] = q;
			p->cells_by_day |= roles[q] == ROLE_BIRTH_YEAR || roles[q] == ROLE_DATE_OF_BIRTH;
		}
	add_set(p, COUNTS_CELLS, p->cell_slots, p->ncell_slots, p->cells_by_day);
	for (size_t q = 0; q < nq; q++)
		if (roles[q] == ROLE_CLOSED) {
			p->cell_slots[p->ncell_slots] = q;
			add_set(p, COUNTS_CELLS, p->cell_slots, p->ncell_slots + 1, p->cells_by_day);
		}
}

void counts_plan_stored(const struct consult_view *v, struct counts_plan *p)
{
	enum role *roles = xmalloc((v->nq ? v->nq : 1) * sizeof *roles);
	for (size_t q = 0; q < v->nq; q++)
		if (columns_role_parse(v->q[q].role, &roles[q]) < 0)
			roles[q] = ROLE_UNKNOWN;
	counts_plan_make(roles, v->nq, p);
	free(roles);
}

void counts_plan_free(struct counts_plan *p)
{
	for (size_t i = 0; i < p->nsets; i++) {
		free(p->sets[i].slots);
		free(p->sets[i].key);
		free(p->sets[i].order);
	}
	free(p->sets);
	free(p->cell_slots);
	memset(p, 0, sizeof *p);
}

/*
 * ---- counting ----
 *
 * Every response bumps one count of every set, so the counting is laid out
 * for speed: a set of one question (or none) is a dense array by answer
 * code and day; the disability pair and the weighting cells go through a
 * hash table keyed by (set, day + 1, codes …), the pair's totals over every
 * day keyed by the set's number plus the number of sets; and each closed
 * question's answers are a dense array by code within the cell, up to
 * CELL_DENSE_CODES, past which they go in the hash table too.
 */

/*
 * Answer codes below this are counted within each weighting cell in a dense
 * array; the rest (a closed question of many different answers) in the hash
 * table, so that memory follows the combinations met, not cells × codes.
 */
#define CELL_DENSE_CODES 64

/* Counts by N: grown to fit whatever index is bumped. */
struct tally_array {
	uint64_t *n;
	size_t len;
};

/* Makes room in T for index I; returns the bytes it took. */
static size_t tally_grow(struct tally_array *t, size_t i)
{
	size_t len = t->len ? 2 * t->len : 8, was = t->len;
	while (len <= i)
		len *= 2;
	t->n = xrealloc(t->n, len * sizeof *t->n);
	memset(t->n + t->len, 0, (len - t->len) * sizeof *t->n);
	t->len = len;
	return (len - was) * sizeof *t->n;
}

/*
 * Adds one to T's count at I, and what T grows by to *BYTES: inline, as it
 * runs about sixteen times for every response.
 */
static inline void tally_bump(struct tally_array *t, size_t i, size_t *bytes)
{
	if (i >= t->len)
		*bytes += tally_grow(t, i);
	t->n[i]++;
}

/* One answer code's counts by day + 1 (0: not known), for days LO … LO + LEN - 1. */
struct code_days {
	uint32_t lo;
	struct tally_array by;
};

static inline void code_days_bump(struct code_days *cd, uint32_t day1, size_t *bytes)
{
	if (cd->by.len == 0)
		cd->lo = day1;
	else if (day1 < cd->lo) {
		/* An earlier day: the counts so far move up to make room. */
		size_t shift = cd->lo - day1, len = cd->by.len + shift;
		cd->by.n = xrealloc(cd->by.n, len * sizeof *cd->by.n);
		memmove(cd->by.n + shift, cd->by.n, cd->by.len * sizeof *cd->by.n);
		memset(cd->by.n, 0, shift * sizeof *cd->by.n);
		cd->by.len = len;
		cd->lo = day1;
		*bytes += shift * sizeof *cd->by.n;
	}
	tally_bump(&cd->by, day1 - cd->lo, bytes);
}

/* A set of one question (or none): its counts by answer code, then by day. */
struct dense_set {
	struct code_days *code;         /* [code] */
	size_t ncodes;
};

struct count_entry {
	uint64_t hash;          /* 0: an empty slot of the table */
	size_t key;             /* where its words start in the key arena */
	size_t id;              /* a weighting cell's index in counts.cells */
	uint64_t n;
};

struct counts {
	const struct counts_plan *plan;
	struct dense_set *dense;        /* [set]: the sets of kind answers of at most one question */
	size_t cells_set;               /* the set of the weighting cells */
	/* The hash table: the disability pair, the cells. */
	struct count_entry *table;
	size_t cap, used;               /* cap a power of two */
	uint32_t *keys;                 /* each entry's words: set, day + 1, a code per slot of its set */
	size_t keys_len, keys_cap;
	uint32_t *scratch;              /* the key being looked up */
	/* Each weighting cell's closed answers: cells[id][i] the i-th closed set's counts by code. */
	struct tally_array **cells;
	size_t ncells, cells_cap, nclosed;
	size_t bytes, budget;           /* held (roughly), and how much may be before counts_full */
};

static uint64_t key_hash(const uint32_t *w, size_t n)
{
	uint64_t h = 0x9e3779b97f4a7c15u;
	for (size_t i = 0; i < n; i++) {
		h ^= w[i];
		h *= 0xbf58476d1ce4e5b9u;
		h ^= h >> 31;
	}
	return h ? h : 1;
}

static void grow(struct counts *c)
{
	size_t cap = c->cap ? 2 * c->cap : 1024;
	struct count_entry *table = xcalloc(cap, sizeof *table);
	c->bytes += (cap - c->cap) * sizeof *table;
	for (size_t i = 0; i < c->cap; i++) {
		if (!c->table[i].hash)
			continue;
		size_t at = c->table[i].hash & (cap - 1);
		while (table[at].hash)
			at = (at + 1) & (cap - 1);
		table[at] = c->table[i];
	}
	free(c->table);
	c->table = table;
	c->cap = cap;
}

/* Adds one response to the count of the key in c->scratch (N words); returns its entry's id. */
static size_t bump(struct counts *c, size_t n)
{
	uint64_t h = key_hash(c->scratch, n);
	size_t at = h & (c->cap - 1);
	for (; c->table[at].hash; at = (at + 1) & (c->cap - 1))
		if (c->table[at].hash == h && memcmp(&c->keys[c->table[at].key], c->scratch, n * sizeof *c->scratch) == 0) {
			c->table[at].n++;
			return c->table[at].id;
		}
	if (c->keys_len + n > c->keys_cap) {
		size_t was = c->keys_cap;
		c->keys_cap = c->keys_cap ? 2 * c->keys_cap : 4096;
		c->keys = xrealloc(c->keys, c->keys_cap * sizeof *c->keys);
		c->bytes += (c->keys_cap - was) * sizeof *c->keys;
	}
	memcpy(&c->keys[c->keys_len], c->scratch, n * sizeof *c->scratch);
	size_t id = c->scratch[0] == c->cells_set ? c->ncells : 0;     /* a new cell: counts_add makes it */
	c->table[at] = (struct count_entry){ h, c->keys_len, id, 1 };
	c->keys_len += n;
	if (++c->used * 10 > c->cap * 7)
		grow(c);
	return id;
}

/* Is set I of P a dense one (answers, of at most one question)? */
static int dense(const struct counts_plan *p, size_t i)
{
	return p->sets[i].kind == COUNTS_ANSWERS && p->sets[i].nslots <= 1;
}

struct counts *counts_start(const struct counts_plan *plan, size_t budget)
{
	struct counts *c = xcalloc(1, sizeof *c);
	size_t most = 0;
	c->plan = plan;
	c->budget = budget;
	c->dense = xcalloc(plan->nsets, sizeof *c->dense);
	c->cells_set = plan->nsets;
	for (size_t i = 0; i < plan->nsets; i++) {
		if (plan->sets[i].nslots > most)
			most = plan->sets[i].nslots;
		if (plan->sets[i].kind == COUNTS_CELLS && c->cells_set == plan->nsets)
			c->cells_set = i;       /* the first set of cells; each closed question's follow it */
	}
	c->nclosed = plan->nsets - c->cells_set - (c->cells_set < plan->nsets);
	c->scratch = xmalloc((2 + most) * sizeof *c->scratch);
	grow(c);
	return c;
}

void counts_add(struct counts *c, const uint32_t *codes, long day)
{
	const struct counts_plan *p = c->plan;
	uint32_t day1 = day >= 0 ? (uint32_t)(day + 1) : 0;
	for (size_t i = 0; i < p->nsets; i++) {
		const struct counts_set *set = &p->sets[i];
		if (dense(p, i)) {
			struct dense_set *d = &c->dense[i];
			uint32_t code = set->nslots ? codes[set->slots[0]] : 0;
			if (code >= d->ncodes) {
				size_t n = 2 * (size_t)code + 8;
				d->code = xrealloc(d->code, n * sizeof *d->code);
				memset(d->code + d->ncodes, 0, (n - d->ncodes) * sizeof *d->code);
				c->bytes += (n - d->ncodes) * sizeof *d->code;
				d->ncodes = n;
			}
			code_days_bump(&d->code[code], day1, &c->bytes);
			continue;
		}
		if (i > c->cells_set)
			break;          /* the closed questions, counted with their cell below */
		c->scratch[0] = (uint32_t)i;
		c->scratch[1] = set->by_day ? day1 : 0;
		for (size_t k = 0; k < set->nslots; k++)
			c->scratch[2 + k] = codes[set->slots[k]];
		size_t id = bump(c, 2 + set->nslots);
		if (set->kind == COUNTS_ANSWERS) {
			/* Its totals over every day: the set's number past the sets, day 0. */
			c->scratch[0] = (uint32_t)(p->nsets + i);
			c->scratch[1] = 0;
			bump(c, 2 + set->nslots);
		}
		if (i != c->cells_set)
			continue;
		if (id == c->ncells) {
			if (c->ncells == c->cells_cap) {
				c->cells_cap = c->cells_cap ? 2 * c->cells_cap : 64;
				c->cells = xrealloc(c->cells, c->cells_cap * sizeof *c->cells);
			}
			c->cells[c->ncells++] = xcalloc(c->nclosed ? c->nclosed : 1, sizeof **c->cells);
			c->bytes += sizeof *c->cells + (c->nclosed ? c->nclosed : 1) * sizeof **c->cells;
		}
		for (size_t q = 0; q < c->nclosed; q++) {
			const struct counts_set *closed = &p->sets[c->cells_set + 1 + q];
			uint32_t code = codes[closed->slots[closed->nslots - 1]];
			if (code < CELL_DENSE_CODES) {
				tally_bump(&c->cells[id][q], code, &c->bytes);
				continue;
			}
			/* A question of many answers: the cell's key (still in scratch) and the answer, in the table. */
			c->scratch[0] = (uint32_t)(c->cells_set + 1 + q);
			c->scratch[2 + p->ncell_slots] = code;
			bump(c, 3 + p->ncell_slots);
		}
	}
}

int counts_full(const struct counts *c)
{
	return c->bytes > c->budget;
}

/* Frees every count C holds and its hash table; grow makes a new table. */
static void empty(struct counts *c)
{
	for (size_t i = 0; i < c->plan->nsets; i++) {
		for (size_t k = 0; k < c->dense[i].ncodes; k++)
			free(c->dense[i].code[k].by.n);
		free(c->dense[i].code);
	}
	memset(c->dense, 0, c->plan->nsets * sizeof *c->dense);
	for (size_t i = 0; i < c->ncells; i++) {
		for (size_t q = 0; q < c->nclosed; q++)
			free(c->cells[i][q].n);
		free(c->cells[i]);
	}
	free(c->cells);
	free(c->table);
	free(c->keys);
	c->cells = NULL;
	c->ncells = c->cells_cap = 0;
	c->table = NULL;
	c->cap = c->used = 0;
	c->keys = NULL;
	c->keys_len = c->keys_cap = 0;
	c->bytes = 0;
}

void counts_free(struct counts *c)
{
	if (!c)
		return;
	empty(c);
	free(c->dense);
	free(c->scratch);
	free(c);
}

/* ---- writing ---- */

static const char *kind_name(enum counts_kind kind)
{
	return kind == COUNTS_CELLS ? "cells" : kind == COUNTS_TOTALS ? "totals" : "answers";
}

/* One count to be written: its key's parts (the codes as text in an arena), and how many. */
struct count_row {
	enum counts_kind kind;
	const char *slots;
	size_t at;              /* where its codes' text starts in the arena */
	const char *codes;      /* that text, once every row is gathered */
	uint32_t day1;
	uint64_t n;
};

/* The counts to be written, gathered so that they go in in key order. */
struct count_rows {
	struct count_row *rows;
	size_t n, cap;
	struct buf text;        /* the codes of every row, each NUL-terminated */
};

/* Appends V in decimal to OUT, without printf (a count is written for every cell). */
static void put_number(struct buf *out, uint32_t v)
{
	char digits[10], *p = digits + sizeof digits;
	do
		*--p = (char)('0' + v % 10);
	while ((v /= 10) > 0);
	buf_append(out, p, (size_t)(digits + sizeof digits - p));
}

/*
 * Gathers N responses of set SET, as KIND, giving CODES (one per slot of
 * SET, in its order) on day DAY1 (day + 1, 0 not known).
 */
static void gather(struct count_rows *r, const struct counts_set *set, enum counts_kind kind,
    const uint32_t *codes, uint32_t day1, uint64_t n)
{
	if (r->n == r->cap) {
		r->cap = r->cap ? 2 * r->cap : 1024;
		r->rows = xrealloc(r->rows, r->cap * sizeof *r->rows);
	}
	r->rows[r->n++] = (struct count_row){ kind, set->key, r->text.len, NULL, day1, n };
	/* In the key's order: the code of slot k goes where slot k stands in it. */
	for (size_t at = 0; at < set->nslots; at++)
		for (size_t k = 0; k < set->nslots; k++)
			if (set->order[k] == at) {
				if (at)
					buf_putc(&r->text, ',');
				put_number(&r->text, codes[k]);
			}
	buf_putc(&r->text, '\0');
}

/* In the table's key order (kind, slots, codes, day), so that each goes in beside the one before. */
static int by_key(const void *a, const void *b)
{
	const struct count_row *x = a, *y = b;
	int c = strcmp(kind_name(x->kind), kind_name(y->kind));
	if (!c)
		c = strcmp(x->slots, y->slots);
	if (!c)
		c = strcmp(x->codes, y->codes);
	return c ? c : (x->day1 > y->day1) - (x->day1 < y->day1);
}
void counts_store(struct store *s, int64_t source, struct counts *c)
{
	const struct counts_plan *p = c->plan;
	struct count_rows r = { 0 };
	for (size_t i = 0; i < p->nsets; i++) {
		const struct dense_set *d = &c->dense[i];
		for (uint32_t code = 0; code < d->ncodes; code++) {
			uint64_t total = 0;
			for (size_t k = 0; k < d->code[code].by.len; k++) {
				total += d->code[code].by.n[k];
				if (d->code[code].by.n[k])
					gather(&r, &p->sets[i], COUNTS_ANSWERS, &code, d->code[code].lo + (uint32_t)k,
					    d->code[code].by.n[k]);
			}
			if (total && p->sets[i].nslots)
				gather(&r, &p->sets[i], COUNTS_TOTALS, &code, 0, total);
		}
	}
	uint32_t *codes = xmalloc((p->ncell_slots + 1) * sizeof *codes);
	for (size_t i = 0; i < c->cap; i++) {
		if (!c->table[i].hash)
			continue;
		const uint32_t *w = &c->keys[c->table[i].key];
		const struct counts_set *set = &p->sets[w[0] % p->nsets];
		enum counts_kind kind = w[0] >= p->nsets ? COUNTS_TOTALS : set->kind;
		gather(&r, set, kind, w + 2, w[1], c->table[i].n);
		if (w[0] != c->cells_set)
			continue;
		/* The cell's closed answers: its codes, then the answer's. */
		memcpy(codes, w + 2, p->ncell_slots * sizeof *codes);
		for (size_t q = 0; q < c->nclosed; q++) {
			const struct tally_array *t = &c->cells[c->table[i].id][q];
			for (size_t code = 0; code < t->len; code++) {
				codes[p->ncell_slots] = (uint32_t)code;
				if (t->n[code])
					gather(&r, &p->sets[c->cells_set + 1 + q], COUNTS_CELLS, codes, w[1], t->n[code]);
			}
		}
	}
	free(codes);
	for (size_t i = 0; i < r.n; i++)
		r.rows[i].codes = r.text.data + r.rows[i].at;
	if (r.n)
		qsort(r.rows, r.n, sizeof *r.rows, by_key);     /* none for a consultation stored without responses */
	sqlite3_stmt *st = store_stmt(s, "count_insert");
	store_bind_int(st, ":source", source);
	int kind = store_param(st, ":kind"), slots = store_param(st, ":slots"), text = store_param(st, ":codes");
	int day = store_param(st, ":day"), responses = store_param(st, ":responses");
	for (size_t i = 0; i < r.n && !store_failed(s); i++) {
		const struct count_row *row = &r.rows[i];
		sqlite3_bind_text(st, kind, kind_name(row->kind), -1, SQLITE_STATIC);
		sqlite3_bind_text(st, slots, row->slots, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, text, row->codes, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, day, row->day1);
		sqlite3_bind_int64(st, responses, (int64_t)row->n);
		store_step(s, st);
		sqlite3_reset(st);
	}
	free(r.rows);
	buf_free(&r.text);
	empty(c);
	grow(c);
}

/* ---- building from stored responses ---- */

/* The counts being built from stored responses, and where they are written when the budget is spent. */
struct building {
	struct store *s;
	int64_t source;
	struct counts *c;
};

static int count_stored(const struct block_response *r, void *ctx)
{
	struct building *b = ctx;
	counts_add(b->c, r->codes, r->submitted_days);
	if (counts_full(b->c))
		counts_store(b->s, b->source, b->c);
	return store_failed(b->s) ? -1 : 0;
}

int counts_build(struct store *s, const struct consult_view *v, size_t budget, struct reach_error *err)
{
	struct counts_plan plan;
	counts_plan_stored(v, &plan);
	struct counts *c = counts_start(&plan, budget);
	struct building b = { s, v->source, c };
	int rc = consult_each_response(s, v, count_stored, &b, err);
	if (rc == 0) {
		counts_store(s, v->source, c);
		if (store_failed(s)) {
			*err = *store_error(s);
			rc = -1;
		}
	}
	counts_free(c);
	counts_plan_free(&plan);
	return rc;
}

int counts_upgrade(struct store *s, struct reach_error *err)
{
	char **slugs = NULL;
	size_t n = 0;
	int rc = 0;
	sqlite3_stmt *st = store_stmt(s, "consultation_slugs");
	while (store_step(s, st) == SQLITE_ROW) {
		slugs = xrealloc(slugs, (n + 1) * sizeof *slugs);
		slugs[n++] = xstrdup((const char *)sqlite3_column_text(st, 0));
	}
	if (store_failed(s)) {
		*err = *store_error(s);
		rc = -1;
	}
	for (size_t i = 0; rc == 0 && i < n; i++) {
		struct consult_view v;
		rc = consult_view_open(s, slugs[i], &v, err);
		if (rc == 0)
			rc = counts_build(s, &v, COUNTS_BUDGET, err);
		consult_view_free(&v);
	}
	strings_free(slugs, n);
	return rc;
}

/* ---- reading ---- */

/* Reads N comma-separated codes of TEXT into CODES[ORDER[i]]; 0, or -1 when TEXT is not N numbers. */
static int parse_codes(const char *text, size_t n, const size_t *order, uint32_t *codes)
{
	const char *p = text ? text : "";
	for (size_t i = 0; i < n; i++) {
		char *end;
		if (*p < '0' || *p > '9')
			return -1;
		unsigned long code = strtoul(p, &end, 10);
		if (code > UINT32_MAX || (i + 1 < n ? *end != ',' : *end != '\0'))
			return -1;
		codes[order[i]] = (uint32_t)code;
		p = end + (i + 1 < n);
	}
	return n == 0 && *p ? -1 : 0;
}

/* One count read back: its codes, in the caller's order. */
struct read_count {
	const uint32_t *codes;
	size_t width;
	long day;
	double n;
};

/* In answer code order (the order the answers first appeared in the export), then by day. */
static int by_codes(const void *a, const void *b)
{
	const struct read_count *x = a, *y = b;
	for (size_t i = 0; i < x->width; i++)
		if (x->codes[i] != y->codes[i])
			return x->codes[i] < y->codes[i] ? -1 : 1;
	return (x->day > y->day) - (x->day < y->day);
}

int counts_each(struct store *s, const struct consult_view *v, enum counts_kind kind, const size_t *slots,
    size_t nslots, int (*fn)(const uint32_t *codes, long day, double n, void *ctx), void *ctx,
    struct reach_error *err)
{
	struct buf key = { 0 };
	size_t width = nslots ? nslots : 1;
	size_t *order = xmalloc(width * sizeof *order), *to_caller = xmalloc(width * sizeof *to_caller);
	slots_key(&key, slots, nslots, order);
	for (size_t i = 0; i < nslots; i++)
		to_caller[order[i]] = i;        /* the stored codes come in slot order */
	sqlite3_stmt *st = store_stmt(s, "counts_of_set");
	store_bind_int(st, ":source", v->source);
	store_bind_text(st, ":kind", kind_name(kind));
	store_bind_text(st, ":slots", key.data ? key.data : "");
	struct read_count *rows = NULL;
	uint32_t *codes = NULL;
	size_t nrows = 0, cap = 0;
	uint64_t total = 0;
	int rc, damaged = 0, over = 0;
	while (!damaged && (rc = store_step(s, st)) == SQLITE_ROW) {
		int64_t day = sqlite3_column_int64(st, 1), n = sqlite3_column_int64(st, 2);
		if (nrows == cap) {
			cap = cap ? 2 * cap : 256;
			rows = xrealloc(rows, cap * sizeof *rows);
			codes = xrealloc(codes, cap * width * sizeof *codes);
		}
		uint32_t *c = &codes[nrows * width];
		damaged = parse_codes((const char *)sqlite3_column_text(st, 0), nslots, to_caller, c) < 0 ||
		    day < 0 || day > INT32_MAX || n < 1;
		over = !damaged && (uint64_t)n > v->responses - total;
		damaged |= over;
		for (size_t i = 0; i < nslots && !damaged; i++)
			damaged = c[i] > v->q[slots[i]].nvalues;
		if (!damaged) {
			rows[nrows] = (struct read_count){ NULL, width, (long)day - 1, (double)n };
			nrows++;
			total += (uint64_t)n;
		}
	}
	if (!damaged && rc == SQLITE_DONE && total != v->responses)
		damaged = 1;
	if (damaged)
		error_set(err, REACH_EDB, store_path(s), 0, "damaged database: consultation \"%s\": its counts of %s%s %s",
		    v->slug, nslots ? "questions " : "responses by day", key.data ? key.data : "",
		    over || rc == SQLITE_DONE ? "do not add up to its responses" : "are out of bounds");
	else if (rc < 0)
		*err = *store_error(s);
	else {
		for (size_t i = 0; i < nrows; i++)
			rows[i].codes = &codes[i * width];
		qsort(rows, nrows, sizeof *rows, by_codes);
		for (size_t i = 0; i < nrows && fn(rows[i].codes, rows[i].day, rows[i].n, ctx) == 0; i++)
			;
	}
	free(rows);
	free(codes);
	free(key.data);
	free(order);
	free(to_caller);
	return damaged || rc < 0 ? -1 : 0;
}
