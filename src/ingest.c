/*
 * ingest.c — see ingest.h. Storing an export: the consultation and its
 * file, every response packed into blocks, the counts every analysis reads
 * (counts.h), the columns, questions and distinct answers, and each
 * answer's tag, all in one transaction; and
 * re-tagging what is stored.
 */
#include "ingest.h"
#include "counts.h"
#include "layout.h"

#include <stdlib.h>
#include <string.h>

/* Makes room for the consultation: refuses a slug in use unless replacing. */
static int64_t clear_slug(struct store *s, const struct ingest_meta *m, const char *path)
{
	sqlite3_stmt *st = store_stmt(s, "consultation_find");
	store_bind_text(st, ":slug", m->slug);
	if (store_step(s, st) != SQLITE_ROW)
		return 0;
	int64_t id = sqlite3_column_int64(st, 0);
	if (!m->replace) {
		struct reach_error e;
		const char *file = (const char *)sqlite3_column_text(st, 1);
		error_set(&e, REACH_EDATA, path, 0,
		    "consultation \"%s\" already holds %s; --replace swaps in this file", m->slug,
		    file ? file : "a file");
		store_fail(s, &e);
		return -1;
	}
	st = store_stmt(s, "consultation_delete");
	store_bind_int(st, ":id", id);
	store_step(s, st);
	return 0;
}

/*
 * The age bands offered, TEXT ("16-24, 25 to 34, 85 or over"), as their
 * codes joined by commas into OUT ("16-24,25-34,85+"). 0, or -1 with ERR
 * naming the first piece that is not an age band and FROM, where it was given.
 */
static int offered_codes(const struct taxonomy *t, const char *text, const char *from, struct buf *out,
    struct reach_error *err)
{
	for (const char *p = text; *p;) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);
		char *piece = xstrndup(p, len), code[TAG_AGE_CODE_MAX];
		int lo, hi;
		if (tag_age_interval(t, piece, &lo, &hi) < 0) {
			error_set(err, REACH_EUSAGE, NULL, 0, "%s: \"%s\" is not an age band (as 18-24 or 75+)",
			    from ? from : "the age bands offered", piece);
			free(piece);
			return -1;
		}
		free(piece);
		tag_age_code(lo, hi, code);
		buf_printf(out, "%s%s", out->len ? "," : "", code);
		p += len + (comma != NULL);
	}
	return 0;
}

static int64_t insert_consultation(struct store *s, const struct ingest_meta *m, const struct load_options *o,
    const char *path)
{
	sqlite3_stmt *st = store_stmt(s, "consultation_insert");
	store_bind_text(st, ":slug", m->slug);
	store_bind_text(st, ":title", m->title);
	store_bind_text(st, ":platform", m->platform);
	store_bind_text(st, ":opened", m->opened);
	store_bind_text(st, ":closed", m->closed);
	store_bind_int(st, ":min_age", m->min_age);
	store_bind_text(st, ":age_bands_offered", m->age_bands_offered);
	if (store_step(s, st) != SQLITE_DONE)
		return -1;
	st = store_stmt(s, "source_insert");
	store_bind_int(st, ":consultation", sqlite3_last_insert_rowid(store_db(s)));
	store_bind_text(st, ":file_name", path);
	store_bind_int(st, ":kept_text", o->keep_text);
	store_bind_text(st, ":date_order", date_reading_name(o->dates));
	if (store_step(s, st) != SQLITE_DONE)
		return -1;
	return sqlite3_last_insert_rowid(store_db(s));
}

static void insert_block(struct store *s, int64_t source, const struct block *b)
{
	if (b->count == 0)
		return;
	sqlite3_stmt *st = store_stmt(s, "block_insert");
	store_bind_int(st, ":source", source);
	store_bind_int(st, ":first_seq", (int64_t)b->first_seq);
	store_bind_int(st, ":responses", (int64_t)b->count);
	store_bind_blob(st, ":lines", b->lines.data, b->lines.len);
	store_bind_blob(st, ":submitted", b->submitted.data, b->submitted.len);
	store_bind_blob(st, ":refs", b->refs.data, b->refs.len);
	store_bind_blob(st, ":answers", b->answers.data, b->answers.len);
	store_step(s, st);
}

/* Adds a response submitted on DAYS (or -1) to the block, writing the block out when it is full. */
static void insert_response(struct store *s, int64_t source, const struct load_response *r, long days, size_t nq,
    struct block *b)
{
	if (b->count == BLOCK_RESPONSES) {
		insert_block(s, source, b);
		block_reset(b, r->seq);
	}
	block_add(b, r->line, days, r->ref, r->codes, nq);
	for (size_t q = 0; q < nq; q++) {
		if (!r->texts[q])
			continue;
		sqlite3_stmt *st = store_stmt(s, "text_insert");
		store_bind_int(st, ":source", source);
		store_bind_int(st, ":seq", (int64_t)r->seq);
		store_bind_int(st, ":slot", (int64_t)q);
		store_bind_text(st, ":text", r->texts[q]);
		store_step(s, st);
	}
}

/* Stores the columns, the questions and each question's distinct answers. */
static void insert_questions(struct store *s, int64_t source, const struct load *l)
{
	const struct columns *c = load_columns(l);
	for (size_t i = 0; i < c->ncolumns; i++) {
		const struct column *col = &c->column[i];
		sqlite3_stmt *st = store_stmt(s, "column_insert");
		store_bind_int(st, ":source", source);
		store_bind_int(st, ":position", (int64_t)col->position);
		store_bind_text(st, ":header", col->header);
		store_bind_text(st, ":tag", col->tag);
		store_bind_text(st, ":option_label", col->option);
		store_bind_text(st, ":role", columns_role_name(col->role));
		store_bind_text(st, ":confidence", columns_confidence_name(col->confidence));
		if (col->question >= 0)
			store_bind_int(st, ":question_slot", col->question);
		store_bind_text(st, ":note", col->note);
		store_step(s, st);
	}
	for (size_t q = 0; q < c->nquestions; q++) {
		const struct question *qu = &c->question[q];
		sqlite3_stmt *st = store_stmt(s, "question_insert");
		store_bind_int(st, ":source", source);
		store_bind_int(st, ":slot", (int64_t)q);
		store_bind_text(st, ":text", qu->text);
		store_bind_text(st, ":tag", qu->tag);
		store_bind_text(st, ":role", columns_role_name(qu->role));
		store_bind_int(st, ":multi", qu->multi);
		store_step(s, st);
		int64_t question = sqlite3_last_insert_rowid(store_db(s));
		const struct load_value *v;
		size_t n = load_values(l, q, &v);
		for (size_t k = 0; k < n; k++) {
			st = store_stmt(s, "value_insert");
			store_bind_int(st, ":question", question);
			store_bind_int(st, ":code", v[k].code);
			store_bind_text(st, ":raw", v[k].raw);
			store_bind_int(st, ":responses", (int64_t)v[k].count);
			store_step(s, st);
		}
	}
}

/* Refuses a file already held by another consultation. */
static void check_duplicate(struct store *s, int64_t source, const char *sha, const char *path)
{
	sqlite3_stmt *st = store_stmt(s, "source_by_sha");
	store_bind_text(st, ":sha256", sha);
	store_bind_int(st, ":source", source);
	if (store_step(s, st) == SQLITE_ROW) {
		struct reach_error e;
		struct buf slug = { 0 };
		buf_shell_word(&slug, (const char *)sqlite3_column_text(st, 0));
		error_set(&e, REACH_EDATA, path, 0,
		    "this file (same SHA-256) is already ingested as consultation \"%s\"; "
		    "to swap it, ingest with --consultation %s --replace",
		    (const char *)sqlite3_column_text(st, 0), slug.data);
		buf_free(&slug);
		store_fail(s, &e);
	}
}

static void finish_source(struct store *s, int64_t source, const struct load *l, const char *sha)
{
	const struct reader *in = load_reader(l);
	const struct load_counts *n = load_counts(l);
	sqlite3_stmt *st = store_stmt(s, "source_finish");
	store_bind_int(st, ":source", source);
	store_bind_text(st, ":sha256", sha);
	store_bind_int(st, ":bytes", (int64_t)reader_bytes(in));
	store_bind_int(st, ":responses", (int64_t)n->responses);
	store_bind_int(st, ":blank_rows", (int64_t)n->blank_rows);
	store_bind_int(st, ":ragged_rows", (int64_t)n->ragged_rows);
	store_bind_text(st, ":encoding", reader_encoding(in));
	store_bind_text(st, ":layout", layout_name(load_columns(l)->layout));
	store_bind_int(st, ":header_rows", load_columns(l)->header_rows);
	store_step(s, st);
}

static void summarise(const struct load *l, struct ingest_result *r)
{
	const struct columns *c = load_columns(l);
	memset(r, 0, sizeof *r);
	r->counts = *load_counts(l);
	r->questions = c->nquestions;
	for (size_t q = 0; q < c->nquestions; q++)
		r->demographic += columns_is_demographic(c->question[q].role);
	for (size_t i = 0; i < c->ncolumns; i++) {
		enum role role = c->column[i].role;
		r->personal += role == ROLE_PERSONAL;
		r->free_text_dropped += role == ROLE_FREE_TEXT && c->column[i].question < 0;
		r->ignored += role == ROLE_IGNORE;
		const struct column *col = &c->column[i];
		if (!col->demoted)
			continue;
		if (r->ndoubts == INGEST_DOUBTS) {
			r->more_doubts++;
			continue;
		}
		struct ingest_doubt *d = &r->doubts[r->ndoubts++];
		d->column = col->position;
		if (strlen(col->header) < sizeof d->header)
			snprintf(d->header, sizeof d->header, "%s", col->header);
		else
			snprintf(d->header, sizeof d->header, "%.*s\xE2\x80\xA6", (int)sizeof d->header - 4, col->header);
		snprintf(d->why, sizeof d->why, "%s", col->why ? col->why : "");
	}
	snprintf(r->encoding, sizeof r->encoding, "%s", reader_encoding(load_reader(l)));
	snprintf(r->layout, sizeof r->layout, "%s", layout_name(c->layout));
}

static void insert_tag(struct store *s, int64_t question, size_t code, const char *dimension,
    enum role role, const struct tag_result *r)
{
	sqlite3_stmt *st = store_stmt(s, "tag_insert");
	store_bind_int(st, ":question", question);
	store_bind_int(st, ":code", (int64_t)code);
	store_bind_text(st, ":dimension", dimension);
	store_bind_text(st, ":status", tag_status_name(r->status));
	store_bind_text(st, ":category", r->code);
	if (r->status == TAG_CATEGORY && role == ROLE_AGE) {
		store_bind_int(st, ":age_min", r->age_min);
		if (r->age_max != TAG_AGE_OPEN)
			store_bind_int(st, ":age_max", r->age_max);
	}
	if (r->status == TAG_CATEGORY && (role == ROLE_BIRTH_YEAR || role == ROLE_DATE_OF_BIRTH))
		store_bind_int(st, ":number", r->number);
	store_step(s, st);
}

/* Copies TEXT into OUT (LEN bytes), cut at a whole UTF-8 character with "…" when it does not fit. */
static void cut_text(char *out, size_t len, const char *text)
{
	size_t n = strlen(text);
	if (n < len) {
		memcpy(out, text, n + 1);
		return;
	}
	n = len - sizeof "…";
	while (n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80)
		n--;
	memcpy(out, text, n);
	memcpy(out + n, "…", sizeof "…");
}

/* Adds question Q (slot I of V, of role ROLE) to SUM, as read from the columns C. */
static struct ingest_dimension *summary_question(struct ingest_result *sum, const struct columns *c, size_t i,
    const struct consult_question *q, enum role role)
{
	if (sum->ndims == INGEST_DIMENSIONS) {
		sum->more_dims++;
		return NULL;
	}
	struct ingest_dimension *d = &sum->dims[sum->ndims++];
	memset(d, 0, sizeof *d);
	snprintf(d->dimension, sizeof d->dimension, "%s", columns_role_name(role));
	cut_text(d->question, sizeof d->question, q->text ? q->text : "");
	if (c && i < c->nquestions && c->question[i].ncolumns)
		d->column = c->column[c->question[i].columns[0]].position;
	return d;
}

/*
 * Tags every distinct answer of V's equality questions with the taxonomy T,
 * replacing the tags they had. Returns the number of answers left unmatched
 * (one per distinct answer and dimension), or -1 (the store failed). With
 * SUM, also counts each question's answers and those tagged, and the
 * responses giving unmatched answers; C gives the export's columns.
 */
static long tag_answers(struct store *s, const struct taxonomy *t, const struct consult_view *v,
    struct ingest_result *sum, const struct columns *c)
{
	long unmatched = 0;
	for (size_t i = 0; i < v->nq; i++) {
		const struct consult_question *q = &v->q[i];
		enum role role;
		if (columns_role_parse(q->role, &role) < 0 || !columns_is_demographic(role))
			continue;
		sqlite3_stmt *st = store_stmt(s, "tags_delete");
		store_bind_int(st, ":question", q->id);
		store_step(s, st);
		/* What the tagger needs to know of the question: the order of its dates, the days its
		 * answers were given in (an age or birth year impossible on all of them is unmatched),
		 * and whether its "ages" are the codes of age groups. */
		struct tag_question tq = { 0, -1, -1, 0 };
		if (v->dates == DATES_MONTH_FIRST)
			tq.month_first = 1;
		else if (v->dates == DATES_AUTO && role == ROLE_DATE_OF_BIRTH)
			tq.month_first = dates_month_first((const char *const *)q->raw, q->nvalues);
		tq.first_day = v->opened ? date_to_days(v->opened) : -1;
		tq.last_day = v->closed ? date_to_days(v->closed) : -1;
		tq.age_codes = role == ROLE_AGE && tag_age_header_coded(t, q->text) &&
		    tag_age_looks_coded((const char *const *)q->raw, q->count, q->nvalues);
		const char *const *dims = tag_dimensions(role);
		struct ingest_dimension *summary = sum && *dims ? summary_question(sum, c, i, q, role) : NULL;
		for (const char *const *dim = dims; *dim; dim++) {
			for (size_t k = 0; k < q->nvalues; k++) {
				struct tag_result r;
				if (!q->raw[k])
					continue;
				tag_answer_in(t, role, *dim, q->raw[k], &tq, &r);
				unmatched += r.status == TAG_UNMATCHED;
				if (sum && r.status == TAG_UNMATCHED)
					sum->unmatched_responses += q->count[k];
				if (summary && dim == dims && r.status != TAG_MISSING) {
					summary->answers += q->count[k];
					summary->tagged += r.status != TAG_UNMATCHED ? q->count[k] : 0;
				}
				insert_tag(s, q->id, k + 1, *dim, role, &r);
			}
		}
	}
	return store_failed(s) ? -1 : unmatched;
}

/* What one ingest works with, inside its transaction. */
struct ingest_work {
	const char *path;
	const struct ingest_meta *meta;
	const struct load_options *opts;
	const struct taxonomy *t;
	struct load *l;
	long unmatched;
	struct ingest_result tagged;    /* what tagging found, for the summary */
};

/* The body of the ingest transaction: 0, or -1 with ERR set or the store failed. */
static int ingest_body(struct store *s, void *ctx, struct reach_error *err)
{
	struct ingest_work *w = ctx;
	const struct load_response *r;
	struct block block = { 0 };
	int64_t source = -1;
	int rc = 0;
	if (clear_slug(s, w->meta, w->path) == 0)
		source = insert_consultation(s, w->meta, w->opts, w->path);
	const struct columns *c = load_columns(w->l);
	size_t nq = c->nquestions;
	/* What every analysis will read is counted as the responses go by (counts.h). */
	enum role *roles = xmalloc((nq ? nq : 1) * sizeof *roles);
	for (size_t q = 0; q < nq; q++)
		roles[q] = c->question[q].role;
	struct counts_plan plan;
	counts_plan_make(roles, nq, &plan);
	free(roles);
	struct counts *counts = counts_start(&plan, COUNTS_BUDGET);
	block_reset(&block, 1);
	while (!store_failed(s) && (rc = load_next(w->l, &r, err)) == 1) {
		insert_response(s, source, r, r->submitted_days, nq, &block);
		counts_add(counts, r->codes, r->submitted_days);
		if (counts_full(counts))
			counts_store(s, source, counts);
	}
	if (rc == 0) {
		insert_block(s, source, &block);
		counts_store(s, source, counts);
	}
	block_free(&block);
	counts_free(counts);
	counts_plan_free(&plan);
	if (rc < 0 || store_failed(s))
		return -1;      /* the reader's message, or the store's */
	if (load_counts(w->l)->responses == 0) {
		error_set(err, REACH_EDATA, w->path, reader_last_line(load_reader(w->l)),
		    "no responses: the file ends after its header");
		return -1;
	}
	char sha[65];
	reader_sha256(load_reader(w->l), sha);
	check_duplicate(s, source, sha, w->path);
	insert_questions(s, source, w->l);
	finish_source(s, source, w->l, sha);
	if (store_failed(s))
		return -1;
	/* The tags are part of what is stored: without them, nothing is. */
	struct consult_view v;
	if (consult_view_open(s, w->meta->slug, &v, err) < 0)
		return -1;
	w->unmatched = tag_answers(s, w->t, &v, &w->tagged, load_columns(w->l));
	consult_view_free(&v);
	return w->unmatched < 0 ? -1 : 0;
}

int ingest_file(struct store *s, const char *path, const struct ingest_meta *meta,
    const struct load_options *opts, const struct taxonomy *t, struct ingest_result *result,
    struct reach_error *err)
{
	/* A date of birth becomes an age at the response's date, else at the closing date. */
	static const struct ingest_result none;
	struct load_options with_closed = *opts;
	struct ingest_meta with_codes = *meta;
	struct buf codes = { 0 };
	if (meta->age_bands_offered && offered_codes(t, meta->age_bands_offered, meta->age_bands_from, &codes, err) < 0) {
		buf_free(&codes);
		return -1;
	}
	with_codes.age_bands_offered = codes.len ? codes.data : NULL;
	with_closed.closed = meta->closed;
	struct ingest_work w = { path, &with_codes, opts, t, load_open(path, &with_closed, err), 0, none };
	if (!w.l) {
		buf_free(&codes);
		return -1;
	}
	int rc = store_transaction(s, ingest_body, &w, err);
	if (rc == 0) {
		summarise(w.l, result);
		result->unmatched = w.unmatched;
		result->unmatched_responses = w.tagged.unmatched_responses;
		memcpy(result->dims, w.tagged.dims, sizeof result->dims);
		result->ndims = w.tagged.ndims;
		result->more_dims = w.tagged.more_dims;
	}
	load_close(w.l);
	buf_free(&codes);
	return rc < 0 ? -1 : 0;
}

/* What a re-tag works with, and the lines it prints once committed. */
struct retag_work {
	const struct taxonomy *t;
	char **slugs;
	size_t n;
	struct buf lines;
};

static int retag_body(struct store *s, void *ctx, struct reach_error *err)
{
	struct retag_work *w = ctx;
	for (size_t i = 0; i < w->n; i++) {
		struct consult_view v;
		if (consult_view_open(s, w->slugs[i], &v, err) < 0)
			return -1;
		long unmatched = tag_answers(s, w->t, &v, NULL, NULL);
		if (unmatched >= 0)
			buf_printf(&w->lines, "%s: retagged; %ld distinct answers unmatched\n", v.slug, unmatched);
		consult_view_free(&v);
		if (unmatched < 0)
			return -1;
	}
	return 0;
}

int ingest_retag(struct store *s, const struct taxonomy *t, const char *slug, FILE *out,
    struct reach_error *err)
{
	struct retag_work w = { t, NULL, 0, { 0 } };
	if (slug) {
		w.slugs = xmalloc(sizeof *w.slugs);
		w.slugs[w.n++] = xstrdup(slug);
	} else {
		sqlite3_stmt *st = store_stmt(s, "consultation_slugs");
		while (store_step(s, st) == SQLITE_ROW) {
			w.slugs = xrealloc(w.slugs, (w.n + 1) * sizeof *w.slugs);
			w.slugs[w.n++] = xstrdup((const char *)sqlite3_column_text(st, 0));
		}
	}
	/* Printed only once committed: a line never says "retagged" of what was rolled back. */
	int rc = store_transaction(s, retag_body, &w, err);
	if (rc == 0 && w.lines.len)
		fputs(w.lines.data, out);
	buf_free(&w.lines);
	strings_free(w.slugs, w.n);
	return rc < 0 ? -1 : 0;
}
