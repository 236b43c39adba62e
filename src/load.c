/* load.c — see load.h. */
#include "load.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "content.h"
#include "date.h"
#include "layout.h"
#include "policy.h"
#include "tag.h"
#include "text.h"

#define SAMPLE_BYTES (8 * 1024 * 1024)

/* One slot of a dictionary's hash index: the value's hash and length beside it, so most probes read nothing else. */
struct dictionary_slot {
	uint64_t hash;
	uint32_t len;           /* an answer is at most a record: READER_MAX_RECORD bytes */
	uint32_t index;         /* + 1 into values; 0 = an empty slot */
};

/* The distinct answers of one question: a vector in code order, and a hash index. */
struct dictionary {
	struct load_value *values;
	size_t n, cap;
	struct dictionary_slot *slots;
	size_t nslots;
};

/* A record copied out of the reader: header rows and the sample. */
struct held_row {   /* kept until load_close: a bounded sample */
	long line;
	size_t nfields;
	char **fields;
	size_t *lens;
};

struct load {
	char *path;
	struct load_options opts;
	struct stat at_start;           /* the file as it was when reading began */
	int regular;                    /* a regular file: checked again at its end */
	struct reader *in;
	struct columns *cols;
	struct dictionary *dict;        /* one per question */
	size_t answer_bytes;            /* held by every dictionary, against LOAD_MAX_ANSWER_BYTES */
	struct held_row *held;          /* sample rows not yet handed out */
	size_t nheld, next_held;
	struct load_counts counts;
	uint32_t *codes;
	const char **texts;
	size_t *plain;                  /* one per question: its column + 1 when its answer is one cell as it stands */
	struct buf value, ref, scratch, cut;
	struct buf *text_cut;           /* one per question: a free text with its postcodes cut */
	int *dob_month_first;           /* one per question: its dates of birth are month first */
	char submitted[11];
	int month_first;                /* the submitted column writes dates month first */
	int latest_year;                /* two-digit years are read as the latest not after it: this year */
	long closed_days;               /* opts.closed in days since 1970, or -1 */
	struct load_response resp;
};

/* Eight bytes at S as a number, in whatever order the machine keeps them. */
static inline uint64_t word_at(const char *s)
{
	uint64_t w;
	memcpy(&w, s, 8);
	return w;
}

/*
 * A fast 64-bit hash of LEN bytes, sixteen at a time in two lanes (not for
 * security: equal hashes are always checked byte for byte). It runs for
 * every answer of every response, so it makes no call, even for the last
 * few bytes.
 */
static uint64_t hash_text(const char *s, size_t len)
{
	const uint64_t mul = 0x9E3779B97F4A7C15ull, mul2 = 0xC2B2AE3D27D4EB4Full;
	uint64_t a = len * mul, b = ~len * mul2;
	for (; len >= 16; s += 16, len -= 16) {
		a = (a ^ word_at(s)) * mul;
		b = (b ^ word_at(s + 8)) * mul2;
		a ^= a >> 29;
		b ^= b >> 31;
	}
	if (len >= 8) {
		a = (a ^ word_at(s)) * mul;
		b = (b ^ word_at(s + len - 8)) * mul2;
	} else if (len >= 4) {
		uint32_t lo, hi;
		memcpy(&lo, s, 4);
		memcpy(&hi, s + len - 4, 4);
		a = (a ^ ((uint64_t)hi << 32 | lo)) * mul;
	} else if (len) {
		uint64_t w = (uint64_t)(unsigned char)s[0] << 16 | (uint64_t)(unsigned char)s[len / 2] << 8 |
		    (unsigned char)s[len - 1];
		a = (a ^ w) * mul;
	}
	uint64_t h = (a ^ (b >> 32) ^ (b << 32)) * mul;
	return h ^ (h >> 32);
}

/* Are the LEN bytes at X and Y the same? Up to 32 (most answers) without a call, in overlapping words. */
static inline int same_bytes(const char *x, const char *y, size_t len)
{
	if (len > 32)
		return memcmp(x, y, len) == 0;
	if (len >= 8) {
		uint64_t diff = (word_at(x) ^ word_at(y)) | (word_at(x + len - 8) ^ word_at(y + len - 8));
		if (len > 16)
			diff |= (word_at(x + 8) ^ word_at(y + 8)) | (word_at(x + len - 16) ^ word_at(y + len - 16));
		return diff == 0;
	}
	if (len >= 4) {
		uint32_t x0, y0, x1, y1;
		memcpy(&x0, x, 4);
		memcpy(&y0, y, 4);
		memcpy(&x1, x + len - 4, 4);
		memcpy(&y1, y + len - 4, 4);
		return x0 == y0 && x1 == y1;
	}
	/* One to three bytes: the first, middle and last are all of them. */
	return !len || (x[0] == y[0] && x[len / 2] == y[len / 2] && x[len - 1] == y[len - 1]);
}

static void dictionary_rehash(struct dictionary *d)
{
	size_t nslots = d->nslots ? d->nslots * 2 : 64;
	struct dictionary_slot *slots = xcalloc(nslots, sizeof *slots);
	for (size_t i = 0; i < d->nslots; i++) {
		if (!d->slots[i].index)
			continue;
		size_t at = d->slots[i].hash & (nslots - 1);
		while (slots[at].index)
			at = (at + 1) & (nslots - 1);
		slots[at] = d->slots[i];
	}
	free(d->slots);
	d->slots = slots;
	d->nslots = nslots;
}

/* The slot of RAW (LEN bytes, hash H) in D: the one holding it, or the empty one where it would go. */
static struct dictionary_slot *dictionary_slot(const struct dictionary *d, const char *raw, size_t len, uint64_t h)
{
	size_t mask = d->nslots - 1;
	for (size_t at = h & mask;; at = (at + 1) & mask) {
		struct dictionary_slot *slot = &d->slots[at];
		if (!slot->index || (slot->hash == h && slot->len == len &&
		    same_bytes(d->values[slot->index - 1].raw, raw, len)))
			return slot;
	}
}

/* The code of RAW (LEN bytes) when it is held already, counted once more; 0 when it is not. */
static uint32_t dictionary_find(struct dictionary *d, const char *raw, size_t len)
{
	if (!d->nslots)
		return 0;
	struct dictionary_slot *slot = dictionary_slot(d, raw, len, hash_text(raw, len));
	if (!slot->index)
		return 0;
	d->values[slot->index - 1].count++;
	return slot->index;
}

/* The code of RAW in D, added if new; 0 when D is full. */
static uint32_t dictionary_code(struct dictionary *d, const char *raw, size_t len)
{
	if ((d->n + 1) * 2 > d->nslots)
		dictionary_rehash(d);
	uint64_t h = hash_text(raw, len);
	struct dictionary_slot *slot = dictionary_slot(d, raw, len, h);
	if (slot->index) {
		d->values[slot->index - 1].count++;
		return slot->index;
	}
	if (d->n >= LOAD_MAX_VALUES)
		return 0;
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 16;
		d->values = xrealloc(d->values, d->cap * sizeof *d->values);
	}
	struct load_value *v = &d->values[d->n++];
	v->raw = xstrndup(raw, len);
	v->code = (uint32_t)d->n;
	v->count = 1;
	*slot = (struct dictionary_slot){ h, (uint32_t)len, (uint32_t)d->n };
	return v->code;
}

static void held_free(struct held_row *r)
{
	for (size_t i = 0; i < r->nfields; i++)
		free(r->fields[i]);
	free(r->fields);
	free(r->lens);
}

static void hold(struct held_row *h, const struct reader_row *row)
{
	h->line = row->line;
	h->nfields = row->nfields;
	h->fields = xmalloc(row->nfields * sizeof *h->fields);
	h->lens = xmalloc(row->nfields * sizeof *h->lens);
	for (size_t i = 0; i < row->nfields; i++) {
		h->fields[i] = xstrndup(row->fields[i], row->lens[i]);
		h->lens[i] = row->lens[i];
	}
}

static int all_blank(char *const *fields, size_t n)
{
	for (size_t i = 0; i < n; i++)
		for (const char *p = fields[i]; *p; p++)
			if (!isspace((unsigned char)*p))
				return 0;
	return 1;
}

/* Reads the header rows and the sample into l->held; returns 0 or -1. */
static int read_ahead(struct load *l, struct reach_error *err)
{
	const struct reader_row *row;
	size_t cap = 0, bytes = 0;
	int rc = 0;
	while (l->nheld < 3 + LOAD_SAMPLE_ROWS && bytes < SAMPLE_BYTES &&
	    (rc = reader_next(l->in, &row, err)) == 1) {
		if (l->nheld == cap) {
			cap = cap ? cap * 2 : 64;
			l->held = xrealloc(l->held, cap * sizeof *l->held);
		}
		hold(&l->held[l->nheld++], row);
		for (size_t i = 0; i < row->nfields; i++)
			bytes += row->lens[i] + 1;
	}
	return rc < 0 ? -1 : 0;
}

static const char *const *held_fields(const struct held_row *r)
{
	return (const char *const *)r->fields;
}

/* Are the dates of birth in column COL of the sample written month first? */
static int dob_month_first(const struct load *l, size_t col, const char *const *const *sample,
    const size_t *sample_n, size_t nsample)
{
	if (l->opts.dates != DATES_AUTO)
		return l->opts.dates == DATES_MONTH_FIRST;
	const char **dates = xmalloc((nsample ? nsample : 1) * sizeof *dates);
	for (size_t i = 0; i < nsample; i++)
		dates[i] = col < sample_n[i] ? sample[i][col] : NULL;
	int month_first = dates_month_first(dates, nsample);
	free(dates);
	return month_first;
}

struct load *load_open(const char *path, const struct load_options *opts, struct reach_error *err)
{
	struct load *l = xcalloc(1, sizeof *l);
	l->path = xstrdup(path);
	l->opts = *opts;
	l->latest_year = date_current_year();
	l->closed_days = opts->closed ? date_to_days(opts->closed) : -1;
	l->regular = stat(path, &l->at_start) == 0 && S_ISREG(l->at_start.st_mode);
	l->in = reader_open_with(path, &opts->read, err);
	if (!l->in || read_ahead(l, err) < 0)
		goto fail;
	if (l->nheld == 0) {
		error_set(err, REACH_EDATA, path, 0, "no records: the file holds only blank lines");
		goto fail;
	}
	const char *const *rows[3];
	size_t nfields[3], nrows = l->nheld < 3 ? l->nheld : 3;
	for (size_t i = 0; i < nrows; i++) {
		rows[i] = held_fields(&l->held[i]);
		nfields[i] = l->held[i].nfields;
	}
	l->cols = layout_columns(rows, nfields, nrows, path, err);
	if (!l->cols || columns_assign(l->cols, opts->profile, err) < 0)
		goto fail;
	size_t first = (size_t)l->cols->header_rows;
	if (first > l->nheld)
		first = l->nheld;
	size_t nsample = l->nheld - first;
	const char *const **sample = xmalloc((nsample ? nsample : 1) * sizeof *sample);
	size_t *sample_n = xmalloc((nsample ? nsample : 1) * sizeof *sample_n);
	for (size_t i = 0; i < nsample; i++) {
		sample[i] = held_fields(&l->held[first + i]);
		sample_n[i] = l->held[first + i].nfields;
	}
	columns_decide(l->cols, sample, sample_n, nsample, opts->keep_text, opts->taxonomy);
	if (opts->dates != DATES_AUTO) {
		l->month_first = opts->dates == DATES_MONTH_FIRST;
	} else if (l->cols->submitted_column >= 0) {
		const char **dates = xmalloc((nsample ? nsample : 1) * sizeof *dates);
		for (size_t i = 0; i < nsample; i++)
			dates[i] = (size_t)l->cols->submitted_column < sample_n[i] ? sample[i][l->cols->submitted_column] : NULL;
		l->month_first = dates_month_first(dates, nsample);
		free(dates);
	}
	size_t nq = l->cols->nquestions;
	l->dob_month_first = xcalloc(nq ? nq : 1, sizeof *l->dob_month_first);
	for (size_t q = 0; q < nq; q++)
		if (l->cols->question[q].date_of_birth)
			l->dob_month_first[q] = dob_month_first(l, l->cols->question[q].columns[0], sample,
			    sample_n, nsample);
	free(sample);
	free(sample_n);
	l->next_held = first;
	l->dict = xcalloc(nq ? nq : 1, sizeof *l->dict);
	l->codes = xcalloc(nq ? nq : 1, sizeof *l->codes);
	l->texts = xcalloc(nq ? nq : 1, sizeof *l->texts);
	l->plain = xcalloc(nq ? nq : 1, sizeof *l->plain);
	for (size_t q = 0; q < nq; q++) {
		const struct question *qu = &l->cols->question[q];
		if (qu->ncolumns == 1 && qu->role != ROLE_FREE_TEXT && qu->role != ROLE_POSTCODE && !qu->date_of_birth)
			l->plain[q] = qu->columns[0] + 1;
	}
	l->text_cut = xcalloc(nq ? nq : 1, sizeof *l->text_cut);
	return l;
fail:
	load_close(l);
	return NULL;
}

const struct columns *load_columns(const struct load *l)
{
	return l->cols;
}

const struct reader *load_reader(const struct load *l)
{
	return l->in;
}

const struct load_counts *load_counts(const struct load *l)
{
	return &l->counts;
}

/* Writes the postcode district ("ME15" of "me15 6jq") into OUT, or "" when S is no postcode. */
static void postcode_district(const char *s, struct buf *out)
{
	char compact[16];
	size_t n = 0;
	buf_reset(out);
	for (; *s; s++) {
		if (isspace((unsigned char)*s))
			continue;
		if (!isalnum((unsigned char)*s) || n >= 8)
			return;
		compact[n++] = (char)toupper((unsigned char)*s);
	}
	compact[n] = '\0';
	/* A full postcode ends in digit letter letter; its district is the rest. */
	if (n >= 5 && isdigit((unsigned char)compact[n - 3]) && isalpha((unsigned char)compact[n - 2]) &&
	    isalpha((unsigned char)compact[n - 1]))
		n -= 3;
	if (n < 2 || n > 4 || !isalpha((unsigned char)compact[0]))
		return;
	size_t letters = isalpha((unsigned char)compact[1]) ? 2 : 1;
	if (!isdigit((unsigned char)compact[letters]))
		return;
	for (size_t i = letters + 1; i < n; i++)
		if (!isalnum((unsigned char)compact[i]))
			return;
	buf_append(out, compact, n);
}

/* A record being coded: its fields, each NUL-terminated, and their lengths. */
struct load_row {
	char *const *fields;
	const size_t *lens;
	size_t n;
};

/* The field of column COL of ROW ("" when the row is short of it); sets *LEN. */
static const char *cell(const struct load_row *row, size_t col, size_t *len)
{
	*len = col < row->n ? row->lens[col] : 0;
	return col < row->n ? row->fields[col] : "";
}

/* One cell of *LEN bytes, white space squeezed: the field itself when it needs nothing, else SCRATCH. */
static const char *squeezed_cell(const char *v, size_t *len, struct buf *scratch)
{
	if (text_is_squeezed(v, *len))
		return v;
	text_squeeze(v, scratch);
	*len = scratch->len;
	return scratch->data;
}

/* Does V (LEN bytes) hold a digit followed by two letters, as every full postcode does? */
static int might_hold_postcode(const char *v, size_t len)
{
	/* A postcode's inward part is a digit and two letters; most answers hold no such run. */
	const unsigned char *p = (const unsigned char *)v;
	if (len < 5)
		return 0;
	for (size_t i = 0; i + 2 < len; i++)
		if ((unsigned)(p[i] - '0') < 10u && (unsigned)((p[i + 1] | 0x20) - 'a') < 26u && (unsigned)((p[i + 2] | 0x20) - 'a') < 26u)
			return 1;
	return 0;
}

/* V (LEN bytes, NUL-terminated) with its full postcodes cut to districts, in OUT when any is cut. */
static const char *without_postcodes(const char *v, size_t *len, struct buf *out)
{
	if (!might_hold_postcode(v, *len) || content_cut_postcodes(v, out) == 0)
		return v;
	*len = out->len;
	return out->data;
}

/*
 * Writes into OUT what is stored for RAW, an answer to a date-of-birth
 * question of a response dated AT (days since 1970, -1: none): the age then ("34"); a
 * non-answer as it is; a wording saying so when there is no date to reckon at
 * (counted unmatched, and listed); a wording without digits when RAW is no date or gives no age
 * (counted unmatched). The date itself is never kept.
 */
static void age_from_birth_date(const struct load *l, const char *raw, int month_first, long at,
    struct buf *out)
{
	char born[11];
	long year;
	struct tag_result r;
	buf_reset(out);
	buf_puts(out, "");
	/* A date of birth given as a year alone is taken as 1 July of it, as the tagger does. */
	if (parse_long(raw, 1890, 2100, &year) == 0) {
		days_to_date(date_to_days_ymd(year, 7, 1), born);
	} else if (parse_date(raw, month_first, born) < 0) {
		/* Not a date: a non-answer ("Prefer not to say") is kept as it is, anything else said unreadable. */
		if (l->opts.taxonomy) {
			tag_answer(l->opts.taxonomy, ROLE_AGE, "age", raw, 0, &r);
			if (r.status == TAG_MISSING || r.status == TAG_DECLINED) {
				buf_puts(out, raw);
				return;
			}
		}
		buf_puts(out, "date of birth not readable");
		return;
	}
	if (at < 0) {
		/* Said, not left blank: the answer was given, and the ingest can be run with --closed. */
		buf_puts(out, "age not known: no response date or closing date to reckon it at");
		return;
	}
	int age = date_age_years(date_to_days(born), at);
	if (age < 0 || age > POLICY_AGE_CEILING) {
		buf_puts(out, "date of birth gives no age");
		return;
	}
	/* The age as digits, without a printf for every row. */
	char digits[4], *p = digits + sizeof digits;
	*--p = '\0';
	do
		*--p = (char)('0' + age % 10);
	while ((age /= 10) > 0);
	buf_puts(out, p);
}

/*
 * The answer to question Q in FIELDS, squeezed; multi-column questions joined
 * by "; "; a postcode as its district, and full postcodes inside any other
 * answer cut to theirs; a date of birth as an age. Sets *LEN; valid until the
 * next call.
 */
static const char *question_value(struct load *l, size_t qi, const struct load_row *row, size_t *len)
{
	const struct question *q = &l->cols->question[qi];
	const char *v;
	if (q->date_of_birth) {
		v = squeezed_cell(cell(row, q->columns[0], len), len, &l->scratch);
		if (!*len)
			return v;
		age_from_birth_date(l, v, l->dob_month_first[qi],
		    l->resp.submitted ? l->resp.submitted_days : l->closed_days, &l->value);
		*len = l->value.len;
		return l->value.data;
	}
	if (q->ncolumns == 1 && q->role != ROLE_POSTCODE) {
		return squeezed_cell(cell(row, q->columns[0], len), len, &l->scratch);
	}
	buf_reset(&l->value);
	for (size_t k = 0; k < q->ncolumns; k++) {
		v = squeezed_cell(cell(row, q->columns[k], len), len, &l->scratch);
		if (!*len)
			continue;
		if (l->value.len)
			buf_append(&l->value, "; ", 2);
		buf_append(&l->value, v, *len);
	}
	if (q->role == ROLE_POSTCODE && l->value.len) {
		postcode_district(l->value.data, &l->scratch);
		buf_reset(&l->value);
		buf_append(&l->value, l->scratch.data, l->scratch.len);
	}
	*len = l->value.len;
	return l->value.data ? l->value.data : "";
}

static int code_response(struct load *l, struct load_row *row, long line, struct reach_error *err)
{
	const struct columns *c = l->cols;
	char *const *fields = row->fields;
	size_t n = row->n;
	if (n != c->ncolumns) {
		int extra_blank = n > c->ncolumns && all_blank(fields + c->ncolumns, n - c->ncolumns);
		if (!extra_blank) {
			if (!l->opts.ragged) {
				error_set(err, REACH_EDATA, l->path, line,
				    "%zu fields where the header has %zu (--ragged keeps such rows, their missing cells empty)",
				    n, c->ncolumns);
				return -1;
			}
			if (!l->counts.ragged_rows++)
				l->counts.first_ragged_line = line;
		}
		if (n > c->ncolumns)
			row->n = n = c->ncolumns;
	}
	/* First the date: a date of birth's age is reckoned at it. */
	l->resp.submitted = NULL;
	l->resp.submitted_days = -1;
	if (c->submitted_column >= 0 && (size_t)c->submitted_column < n && fields[c->submitted_column][0]) {
		if (parse_date_latest(fields[c->submitted_column], l->month_first, l->latest_year, l->submitted) == 0) {
			l->resp.submitted = l->submitted;
			l->resp.submitted_days = date_to_days(l->submitted);
		} else
			l->counts.unreadable_dates++;
	}
	memset(l->texts, 0, c->nquestions * sizeof *l->texts);
	for (size_t q = 0; q < c->nquestions; q++) {
		const struct question *qu = &c->question[q];
		size_t len, col = l->plain[q];
		if (col--) {
			/* Most answers: one column, found as it stands (held answers are squeezed, so it needs no squeezing). */
			len = col < n ? row->lens[col] : 0;
			if (!len || (l->codes[q] = dictionary_find(&l->dict[q], fields[col], len)) != 0) {
				if (!len)
					l->codes[q] = 0;
				continue;
			}
		}
		l->codes[q] = 0;
		if (qu->role == ROLE_FREE_TEXT) {
			const char *text = cell(row, qu->columns[0], &len);
			if (len)
				l->texts[q] = without_postcodes(text, &len, &l->text_cut[q]);
			continue;
		}
		const char *value = question_value(l, q, row, &len);
		if (!len)
			continue;
		/*
		 * Every answer held is free of full postcodes (they are cut before an answer is
		 * first held), so one found as it is needs no search; only a new one is searched.
		 */
		l->codes[q] = dictionary_find(&l->dict[q], value, len);
		int full = 0;
		if (!l->codes[q]) {
			value = without_postcodes(value, &len, &l->cut);
			size_t held = l->dict[q].n;
			/* Past the budget only an answer already held (once its postcodes are cut) is taken. */
			full = l->answer_bytes + len + LOAD_VALUE_OVERHEAD > LOAD_MAX_ANSWER_BYTES;
			l->codes[q] = full ? dictionary_find(&l->dict[q], value, len) : dictionary_code(&l->dict[q], value, len);
			if (l->dict[q].n > held)
				l->answer_bytes += len + LOAD_VALUE_OVERHEAD;
		}
		if (!l->codes[q]) {
			if (full)
				error_set(err, REACH_EDATA, l->path, line,
				    "column %zu \"%.60s\": the different answers of the export's questions come to more than "
				    "%d MiB, more than reach holds; if a question is free text, say so in a profile (#%zu = free_text)",
				    qu->columns[0] + 1, qu->text, LOAD_MAX_ANSWER_BYTES >> 20, qu->columns[0] + 1);
			else
				error_set(err, REACH_EDATA, l->path, line,
				    "column %zu \"%.60s\": more than %d different answers; if it is free text, "
				    "say so in a profile (#%zu = free_text)", qu->columns[0] + 1, qu->text,
				    LOAD_MAX_VALUES, qu->columns[0] + 1);
			return -1;
		}
	}
	l->resp.ref = NULL;
	if (c->id_column >= 0 && (size_t)c->id_column < n && fields[c->id_column][0]) {
		buf_reset(&l->ref);
		buf_puts(&l->ref, fields[c->id_column]);
		l->resp.ref = l->ref.data;
	}
	l->resp.line = line;
	l->resp.seq = ++l->counts.responses;
	l->resp.codes = l->codes;
	l->resp.texts = (const char *const *)l->texts;
	return 0;
}

/*
 * At the end of a regular file: -1 with ERR set when the file changed while
 * it was read (its size or modification time is not what it was at the
 * start, or fewer or more bytes were read than it then held), else 0. A
 * file being written, cut or replaced is never stored as complete.
 */
static int check_unchanged(const struct load *l, struct reach_error *err)
{
	struct stat now;
	if (!l->regular)
		return 0;
	if (stat(l->path, &now) < 0 || now.st_size != l->at_start.st_size || now.st_ino != l->at_start.st_ino ||
	    now.st_mtim.tv_sec != l->at_start.st_mtim.tv_sec || now.st_mtim.tv_nsec != l->at_start.st_mtim.tv_nsec ||
	    reader_bytes(l->in) != (uint64_t)l->at_start.st_size) {
		error_set(err, REACH_EDATA, l->path, 0,
		    "the file changed while it was read (%lld bytes at the start, %llu read): "
		    "nothing stored; ingest it again once it is complete",
		    (long long)l->at_start.st_size, (unsigned long long)reader_bytes(l->in));
		return -1;
	}
	return 0;
}

int load_next(struct load *l, const struct load_response **resp, struct reach_error *err)
{
	for (;;) {
		struct load_row fields;
		long line;
		const struct reader_row *row;
		if (l->next_held < l->nheld) {
			struct held_row *h = &l->held[l->next_held++];
			fields = (struct load_row){ h->fields, h->lens, h->nfields };
			line = h->line;
		} else {
			int rc = reader_next(l->in, &row, err);
			if (rc == 0 && check_unchanged(l, err) < 0)
				return -1;
			if (rc <= 0)
				return rc;
			fields = (struct load_row){ (char *const *)row->fields, row->lens, row->nfields };
			line = row->line;
		}
		if (all_blank(fields.fields, fields.n)) {
			l->counts.blank_rows++;
			continue;
		}
		if (code_response(l, &fields, line, err) < 0)
			return -1;
		if (l->opts.meter && (l->counts.responses & 1023) == 0)
			meter_update(l->opts.meter, l->counts.responses, reader_fd(l->in));
		*resp = &l->resp;
		return 1;
	}
}

size_t load_values(const struct load *l, size_t q, const struct load_value **values)
{
	*values = l->dict[q].values;
	return l->dict[q].n;
}

void load_close(struct load *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->nheld; i++)
		held_free(&l->held[i]);
	free(l->held);
	for (size_t q = 0; l->cols && q < l->cols->nquestions; q++) {
		for (size_t i = 0; i < l->dict[q].n; i++)
			free(l->dict[q].values[i].raw);
		free(l->dict[q].values);
		free(l->dict[q].slots);
	}
	free(l->dict);
	free(l->codes);
	free(l->texts);
	free(l->plain);
	for (size_t q = 0; l->text_cut && q < l->cols->nquestions; q++)
		buf_free(&l->text_cut[q]);
	free(l->text_cut);
	free(l->dob_month_first);
	buf_free(&l->cut);
	buf_free(&l->value);
	buf_free(&l->ref);
	buf_free(&l->scratch);
	columns_free(l->cols);
	reader_close(l->in);
	free(l->path);
	free(l);
}
