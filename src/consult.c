/* consult.c — see consult.h. */
#include "consult.h"

#include <stdlib.h>
#include <string.h>

/* Makes room for the consultation: refuses a slug in use unless replacing. */
static int64_t clear_slug(struct store *s, const struct consult_meta *m, const char *path)
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

static int64_t insert_consultation(struct store *s, const struct consult_meta *m, const struct load_options *o,
    const char *path)
{
	sqlite3_stmt *st = store_stmt(s, "consultation_insert");
	store_bind_text(st, ":slug", m->slug);
	store_bind_text(st, ":title", m->title);
	store_bind_text(st, ":platform", m->platform);
	store_bind_text(st, ":opened", m->opened);
	store_bind_text(st, ":closed", m->closed);
	store_bind_int(st, ":min_age", m->min_age);
	if (store_step(s, st) != SQLITE_DONE)
		return -1;
	st = store_stmt(s, "source_insert");
	store_bind_int(st, ":consultation", sqlite3_last_insert_rowid(store_db(s)));
	store_bind_text(st, ":file_name", path);
	store_bind_int(st, ":kept_text", o->keep_text);
	if (store_step(s, st) != SQLITE_DONE)
		return -1;
	return sqlite3_last_insert_rowid(store_db(s));
}

static void insert_response(struct store *s, int64_t source, const struct load_response *r, size_t nq,
    struct buf *blob)
{
	buf_reset(blob);
	buf_grow(blob, nq * 5);
	for (size_t q = 0; q < nq; q++)
		blob->len += varint_put((unsigned char *)blob->data + blob->len, r->codes[q]);
	sqlite3_stmt *st = store_stmt(s, "response_insert");
	store_bind_int(st, ":source", source);
	store_bind_int(st, ":seq", (int64_t)r->seq);
	store_bind_int(st, ":line", r->line);
	store_bind_text(st, ":ref", r->ref);
	store_bind_text(st, ":submitted", r->submitted);
	store_bind_blob(st, ":answers", blob->data, blob->len);
	store_step(s, st);
	for (size_t q = 0; q < nq; q++) {
		if (!r->texts[q])
			continue;
		st = store_stmt(s, "text_insert");
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
		error_set(&e, REACH_EDATA, path, 0,
		    "this file (same SHA-256) is already ingested as consultation \"%s\"; "
		    "to swap it, ingest with --consultation %s --replace",
		    (const char *)sqlite3_column_text(st, 0), (const char *)sqlite3_column_text(st, 0));
		store_fail(s, &e);
	}
}

static void finish_source(struct store *s, int64_t source, const struct load *l, const char *sha)
{
	const struct ingest *in = load_reader(l);
	const struct load_counts *n = load_counts(l);
	sqlite3_stmt *st = store_stmt(s, "source_finish");
	store_bind_int(st, ":source", source);
	store_bind_text(st, ":sha256", sha);
	store_bind_int(st, ":bytes", (int64_t)ingest_bytes(in));
	store_bind_int(st, ":responses", (int64_t)n->responses);
	store_bind_int(st, ":blank_rows", (int64_t)n->blank_rows);
	store_bind_int(st, ":ragged_rows", (int64_t)n->ragged_rows);
	store_bind_text(st, ":encoding", ingest_encoding(in));
	store_bind_text(st, ":layout", columns_layout_name(load_columns(l)->layout));
	store_bind_int(st, ":header_rows", load_columns(l)->header_rows);
	store_step(s, st);
}

static void summarise(const struct load *l, struct consult_result *r)
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
	}
	snprintf(r->encoding, sizeof r->encoding, "%s", ingest_encoding(load_reader(l)));
	snprintf(r->layout, sizeof r->layout, "%s", columns_layout_name(c->layout));
}

int consult_ingest(struct store *s, const char *path, const struct consult_meta *meta,
    const struct load_options *opts, struct consult_result *result, struct reach_error *err)
{
	struct load *l = load_open(path, opts, err);
	if (!l)
		return -1;
	struct buf blob = { 0 };
	int64_t source = -1;
	const struct load_response *r;
	int rc = 0;
	if (store_begin(s) == 0 && clear_slug(s, meta, path) == 0)
		source = insert_consultation(s, meta, opts, path);
	size_t nq = load_columns(l)->nquestions;
	while (!store_failed(s) && (rc = load_next(l, &r, err)) == 1)
		insert_response(s, source, r, nq, &blob);
	if (rc == 0 && !store_failed(s) && load_counts(l)->responses == 0) {
		error_set(err, REACH_EDATA, path, ingest_last_line(load_reader(l)),
		    "no responses: the file ends after its header");
		rc = -1;
	}
	if (rc == 0 && !store_failed(s)) {
		char sha[65];
		ingest_sha256(load_reader(l), sha);
		check_duplicate(s, source, sha, path);
		insert_questions(s, source, l);
		finish_source(s, source, l, sha);
		store_commit(s);
	}
	if (rc == 0 && store_failed(s)) {
		*err = *store_error(s);
		rc = -1;
	}
	if (rc < 0)
		store_rollback(s);
	else
		summarise(l, result);
	buf_free(&blob);
	load_close(l);
	return rc;
}

int consult_list(struct store *s, FILE *out, struct reach_error *err)
{
	sqlite3_stmt *st = store_stmt(s, "consultation_list");
	int rc, n = 0;
	while ((rc = store_step(s, st)) == SQLITE_ROW) {
		if (n++ == 0)
			fprintf(out, "%-20s  %-10s  %-10s  %9s  %-14s  %s\n", "consultation", "opened", "closed",
			    "responses", "platform", "title [file]");
		fprintf(out, "%-20s  %-10s  %-10s  %9lld  %-14s  %s [%s]\n", (const char *)sqlite3_column_text(st, 0),
		    (const char *)sqlite3_column_text(st, 2), (const char *)sqlite3_column_text(st, 3),
		    sqlite3_column_int64(st, 4), (const char *)sqlite3_column_text(st, 6),
		    (const char *)sqlite3_column_text(st, 1), (const char *)sqlite3_column_text(st, 5));
	}
	if (rc < 0) {
		*err = *store_error(s);
		return -1;
	}
	if (n == 0)
		fprintf(out, "no consultations yet: add one with reach ingest EXPORT.csv --consultation SLUG\n");
	return 0;
}
