/* consult.c — see consult.h. */
#include "consult.h"

#include <stdlib.h>
#include <string.h>

static char *column_text(sqlite3_stmt *st, int i);

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

/* Adds a response to the block, writing the block out when it is full. */
static void insert_response(struct store *s, int64_t source, const struct load_response *r, size_t nq,
    struct block *b)
{
	if (b->count == BLOCK_RESPONSES) {
		insert_block(s, source, b);
		block_reset(b, r->seq);
	}
	block_add(b, r->line, r->submitted, r->ref, r->codes, nq);
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
    const struct load_options *opts, const struct taxonomy *t, struct consult_result *result,
    struct reach_error *err)
{
	long unmatched = 0;
	struct load *l = load_open(path, opts, err);
	if (!l)
		return -1;
	struct block block = { 0 };
	int64_t source = -1;
	const struct load_response *r;
	int rc = 0;
	if (store_begin(s) == 0 && clear_slug(s, meta, path) == 0)
		source = insert_consultation(s, meta, opts, path);
	size_t nq = load_columns(l)->nquestions;
	block_reset(&block, 1);
	while (!store_failed(s) && (rc = load_next(l, &r, err)) == 1)
		insert_response(s, source, r, nq, &block);
	if (rc == 0)
		insert_block(s, source, &block);
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
		struct consult_view v;
		if (!store_failed(s) && consult_view_open(s, meta->slug, &v, err) == 0) {
			unmatched = consult_tag(s, t, &v);
			consult_view_free(&v);
		}
		store_commit(s);
	}
	if (rc == 0 && store_failed(s)) {
		*err = *store_error(s);
		rc = -1;
	}
	if (rc < 0)
		store_rollback(s);
	else {
		summarise(l, result);
		result->unmatched = unmatched;
	}
	block_free(&block);
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

static char *column_text(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return t ? xstrdup((const char *)t) : NULL;
}

int consult_view_open(struct store *s, const char *slug, struct consult_view *v, struct reach_error *err)
{
	memset(v, 0, sizeof *v);
	sqlite3_stmt *st = store_stmt(s, "consultation_source");
	store_bind_text(st, ":slug", slug);
	int rc = store_step(s, st);
	if (rc != SQLITE_ROW) {
		if (rc < 0)
			*err = *store_error(s);
		else
			error_set(err, REACH_EDATA, NULL, 0, "no consultation \"%s\" (reach list shows those held)", slug);
		return -1;
	}
	v->consultation = sqlite3_column_int64(st, 0);
	v->source = sqlite3_column_int64(st, 1);
	v->slug = column_text(st, 2);
	v->title = column_text(st, 3);
	v->opened = column_text(st, 4);
	v->closed = column_text(st, 5);
	v->min_age = (long)sqlite3_column_int64(st, 6);
	v->responses = (uint64_t)sqlite3_column_int64(st, 7);
	v->file = column_text(st, 8);
	if (date_reading_parse((const char *)sqlite3_column_text(st, 9), &v->dates) < 0)
		v->dates = DATES_AUTO;
	st = store_stmt(s, "questions_of_source");
	store_bind_int(st, ":source", v->source);
	while ((rc = store_step(s, st)) == SQLITE_ROW) {
		v->q = xrealloc(v->q, (v->nq + 1) * sizeof *v->q);
		struct consult_question *q = &v->q[v->nq++];
		memset(q, 0, sizeof *q);
		q->id = sqlite3_column_int64(st, 0);
		q->text = column_text(st, 2);
		q->role = column_text(st, 3);
		q->multi = sqlite3_column_int(st, 4);
	}
	for (size_t i = 0; rc == SQLITE_DONE && i < v->nq; i++) {
		struct consult_question *q = &v->q[i];
		st = store_stmt(s, "values_of_question");
		store_bind_int(st, ":question", q->id);
		while ((rc = store_step(s, st)) == SQLITE_ROW) {
			size_t code = (size_t)sqlite3_column_int64(st, 0);
			if (code > q->nvalues) {
				q->raw = xrealloc(q->raw, code * sizeof *q->raw);
				q->count = xrealloc(q->count, code * sizeof *q->count);
				for (size_t k = q->nvalues; k < code; k++)
					q->raw[k] = NULL, q->count[k] = 0;
				q->nvalues = code;
			}
			q->raw[code - 1] = column_text(st, 1);
			q->count[code - 1] = (uint64_t)sqlite3_column_int64(st, 2);
		}
	}
	if (rc < 0) {
		*err = *store_error(s);
		consult_view_free(v);
		return -1;
	}
	return 0;
}

void consult_view_free(struct consult_view *v)
{
	for (size_t i = 0; i < v->nq; i++) {
		for (size_t k = 0; k < v->q[i].nvalues; k++)
			free(v->q[i].raw[k]);
		free(v->q[i].raw);
		free(v->q[i].count);
		free(v->q[i].text);
		free(v->q[i].role);
	}
	free(v->q);
	free(v->slug);
	free(v->title);
	free(v->opened);
	free(v->closed);
	free(v->file);
	memset(v, 0, sizeof *v);
}

int consult_each_response(struct store *s, const struct consult_view *v,
    int (*fn)(const struct block_response *r, void *ctx), void *ctx, struct reach_error *err)
{
	sqlite3_stmt *st = store_stmt(s, "blocks_of_source");
	struct block_reader br = { 0 };
	int rc = SQLITE_DONE, corrupt = 0, stop = 0;
	store_bind_int(st, ":source", v->source);
	while (!stop && !corrupt && (rc = store_step(s, st)) == SQLITE_ROW) {
		block_read_start(&br, (uint64_t)sqlite3_column_int64(st, 0), (size_t)sqlite3_column_int64(st, 1), v->nq,
		    sqlite3_column_blob(st, 2), (size_t)sqlite3_column_bytes(st, 2),
		    sqlite3_column_blob(st, 3), (size_t)sqlite3_column_bytes(st, 3),
		    sqlite3_column_blob(st, 4), (size_t)sqlite3_column_bytes(st, 4),
		    sqlite3_column_blob(st, 5), (size_t)sqlite3_column_bytes(st, 5));
		const struct block_response *r;
		while (!stop && (r = block_read_next(&br, &corrupt)) != NULL) {
			for (size_t q = 0; q < v->nq; q++)
				if (r->codes[q] > v->q[q].nvalues)
					corrupt = 1;
			if (corrupt)
				break;
			stop = fn(r, ctx);
		}
	}
	block_read_end(&br);
	if (corrupt) {
		error_set(err, REACH_EDB, store_path(s), 0, "consultation \"%s\": a damaged block of responses", v->slug);
		return -1;
	}
	if (!stop && rc < 0) {
		*err = *store_error(s);
		return -1;
	}
	return 0;
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

long consult_tag(struct store *s, const struct taxonomy *t, const struct consult_view *v)
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
		int month_first = v->dates == DATES_MONTH_FIRST ||
		    (v->dates == DATES_AUTO && role == ROLE_DATE_OF_BIRTH &&
		    dates_month_first((const char *const *)q->raw, q->nvalues));
		for (const char *const *dim = tag_dimensions(role); *dim; dim++) {
			for (size_t k = 0; k < q->nvalues; k++) {
				struct tag_result r;
				if (!q->raw[k])
					continue;
				tag_answer(t, role, *dim, q->raw[k], month_first, &r);
				unmatched += r.status == TAG_UNMATCHED;
				insert_tag(s, q->id, k + 1, *dim, role, &r);
			}
		}
	}
	return store_failed(s) ? -1 : unmatched;
}

int consult_retag(struct store *s, const struct taxonomy *t, const char *slug, FILE *out,
    struct reach_error *err)
{
	char **slugs = NULL;
	size_t n = 0;
	int rc;
	if (slug) {
		slugs = xmalloc(sizeof *slugs);
		slugs[n++] = xstrdup(slug);
	} else {
		sqlite3_stmt *st = store_stmt(s, "consultation_slugs");
		while ((rc = store_step(s, st)) == SQLITE_ROW) {
			slugs = xrealloc(slugs, (n + 1) * sizeof *slugs);
			slugs[n++] = column_text(st, 0);
		}
	}
	rc = store_begin(s);
	for (size_t i = 0; rc == 0 && i < n; i++) {
		struct consult_view v;
		if ((rc = consult_view_open(s, slugs[i], &v, err)) < 0)
			break;
		long unmatched = consult_tag(s, t, &v);
		if (unmatched >= 0)
			fprintf(out, "%s: retagged; %ld distinct answers unmatched\n", v.slug, unmatched);
		consult_view_free(&v);
	}
	if (rc == 0 && store_commit(s) < 0)
		rc = -1;
	if (rc < 0 && store_failed(s))
		*err = *store_error(s);
	store_rollback(s);
	strings_free(slugs, n);
	return rc;
}

int consult_unmatched(struct store *s, const char *slug, FILE *out, struct reach_error *err)
{
	struct consult_view v;
	if (consult_view_open(s, slug, &v, err) < 0)
		return -1;
	sqlite3_stmt *st = store_stmt(s, "unmatched");
	store_bind_int(st, ":source", v.source);
	int rc, n = 0;
	while ((rc = store_step(s, st)) == SQLITE_ROW) {
		if (n++ == 0)
			fprintf(out, "%-18s %9s  %s\n", "dimension", "responses", "answer  [question]");
		fprintf(out, "%-18s %9lld  %s  [%s]\n", (const char *)sqlite3_column_text(st, 2),
		    sqlite3_column_int64(st, 4), (const char *)sqlite3_column_text(st, 3),
		    (const char *)sqlite3_column_text(st, 1));
	}
	if (rc >= 0 && n == 0)
		fprintf(out, "%s: every equality answer is tagged\n", v.slug);
	consult_view_free(&v);
	if (rc < 0) {
		*err = *store_error(s);
		return -1;
	}
	return 0;
}
