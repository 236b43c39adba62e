/* consult.c — see consult.h. */
#include "consult.h"

#include <stdlib.h>
#include <string.h>

#include "emit.h"

static char *column_text(sqlite3_stmt *st, int i);

int consult_list(struct store *s, FILE *out, struct reach_error *err)
{
	sqlite3_stmt *st = store_stmt(s, "consultation_list");
	int rc, n = 0;
	while ((rc = store_step(s, st)) == SQLITE_ROW) {
		if (n++ == 0)
			fprintf(out, "%-20s  %-10s  %-10s  %9s  %-14s  %s\n", "consultation", "opened", "closed",
			    "responses", "platform", "title [file]");
		/* Every text as a terminal may show it: no escape sequence from an export or a title. */
		emit_term(out, (const char *)sqlite3_column_text(st, 0), 20);
		fputs("  ", out);
		emit_term(out, (const char *)sqlite3_column_text(st, 2), 10);
		fputs("  ", out);
		emit_term(out, (const char *)sqlite3_column_text(st, 3), 10);
		fprintf(out, "  %9lld  ", sqlite3_column_int64(st, 4));
		emit_term(out, (const char *)sqlite3_column_text(st, 6), 14);
		fputs("  ", out);
		emit_term(out, (const char *)sqlite3_column_text(st, 1), 0);
		fputs(" [", out);
		emit_term(out, (const char *)sqlite3_column_text(st, 5), 0);
		fputs("]\n", out);
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
	v->age_bands_offered = column_text(st, 10);
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
	if (!v)
		return;
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
	free(v->age_bands_offered);
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
		emit_term(out, (const char *)sqlite3_column_text(st, 2), 18);
		fprintf(out, " %9lld  ", sqlite3_column_int64(st, 4));
		emit_term(out, (const char *)sqlite3_column_text(st, 3), 0);
		fputs("  [", out);
		emit_term(out, (const char *)sqlite3_column_text(st, 1), 0);
		fputs("]\n", out);
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
