/* consult.c — see consult.h. */
#include "consult.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "emit.h"
#include "policy.h"

static char *column_text(sqlite3_stmt *st, int i);

/*
 * Says that what the database holds for consultation SLUG fails a check
 * (FMT: which), as a damaged database; always -1. Nothing read from the
 * database is used before it is checked against its bounds.
 */
static int damaged(struct store *s, const char *slug, struct reach_error *err, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static int damaged(struct store *s, const char *slug, struct reach_error *err, const char *fmt, ...)
{
	char what[160];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	error_set(err, REACH_EDB, store_path(s), 0, "damaged database: consultation \"%s\": %s", slug, what);
	return -1;
}

int consult_list(struct store *s, int json, FILE *out, struct reach_error *err)
{
	sqlite3_stmt *st = store_stmt(s, "consultation_list");
	int rc, n = 0;
	if (json)
		fputs("{\"reach_list\": 1, \"consultations\": [", out);
	while ((rc = store_step(s, st)) == SQLITE_ROW) {
		const char *slug = (const char *)sqlite3_column_text(st, 0), *title = (const char *)sqlite3_column_text(st, 1);
		const char *opened = (const char *)sqlite3_column_text(st, 2), *closed = (const char *)sqlite3_column_text(st, 3);
		const char *file = (const char *)sqlite3_column_text(st, 5), *platform = (const char *)sqlite3_column_text(st, 6);
		long long responses = sqlite3_column_int64(st, 4);
		if (json) {
			emit_json_member_string(out, n++ ? "}, {" : "{", "slug", slug);
			emit_json_member_text(out, ", ", "title", title);
			emit_json_member_text(out, ", ", "opened", opened);
			emit_json_member_text(out, ", ", "closed", closed);
			emit_json_member_number(out, ", ", "responses", (double)responses);
			emit_json_member_text(out, ", ", "platform", platform);
			emit_json_member_text(out, ", ", "file", file);
			continue;
		}
		/* Fits 80 columns: the title and file on lines of their own. */
		if (n++ == 0)
			fprintf(out, "%-20s  %-10s  %-10s  %9s  %s\n", "consultation", "opened", "closed", "responses", "platform");
		/* Every text as a terminal may show it: no escape sequence from an export or a title. */
		emit_term(out, slug, 20);
		fputs("  ", out);
		emit_term(out, opened, 10);
		fputs("  ", out);
		emit_term(out, closed, 10);
		fprintf(out, "  %9lld%s", responses, *platform ? "  " : "");
		emit_term(out, platform, 0);
		fputc('\n', out);
		if (*title) {
			fputs("  ", out);
			emit_term(out, title, 0);
			fputc('\n', out);
		}
		if (*file) {
			fputs("  file: ", out);
			emit_term(out, file, 0);
			fputc('\n', out);
		}
	}
	if (json)
		fputs(n ? "}]}\n" : "]}\n", out);
	if (rc < 0) {
		*err = *store_error(s);
		return -1;
	}
	if (n == 0 && !json)
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
	int64_t min_age = sqlite3_column_int64(st, 6), responses = sqlite3_column_int64(st, 7);
	v->file = column_text(st, 8);
	if (date_reading_parse((const char *)sqlite3_column_text(st, 9), &v->dates) < 0)
		v->dates = DATES_AUTO;
	v->age_bands_offered = column_text(st, 10);
	if (!v->slug || min_age < 0 || min_age > POLICY_MIN_AGE_MAX || responses < 0 || responses > CONSULT_MAX_RESPONSES) {
		damaged(s, slug, err, "its minimum age (%lld) or count of responses (%lld) is out of bounds",
		    (long long)min_age, (long long)responses);
		consult_view_free(v);
		return -1;
	}
	v->min_age = (long)min_age;
	v->responses = (uint64_t)responses;
	st = store_stmt(s, "questions_of_source");
	store_bind_int(st, ":source", v->source);
	while ((rc = store_step(s, st)) == SQLITE_ROW) {
		/* Slots run 0, 1, 2, …: a response's answers are laid out by them. */
		if (sqlite3_column_int64(st, 1) != (int64_t)v->nq || v->nq == READER_MAX_COLUMNS) {
			rc = damaged(s, slug, err, "question slot %lld where %zu was due", (long long)sqlite3_column_int64(st, 1), v->nq);
			break;
		}
		v->q = xrealloc(v->q, (v->nq + 1) * sizeof *v->q);
		struct consult_question *q = &v->q[v->nq++];
		memset(q, 0, sizeof *q);
		q->id = sqlite3_column_int64(st, 0);
		q->text = column_text(st, 2);
		q->role = column_text(st, 3);
		q->multi = sqlite3_column_int(st, 4);
		enum role role;
		if (!q->role || columns_role_parse(q->role, &role) < 0) {
			rc = damaged(s, slug, err, "question slot %zu has no role reach knows", v->nq - 1);
			break;
		}
	}
	for (size_t i = 0; rc == SQLITE_DONE && i < v->nq; i++) {
		struct consult_question *q = &v->q[i];
		st = store_stmt(s, "values_of_question");
		store_bind_int(st, ":question", q->id);
		while ((rc = store_step(s, st)) == SQLITE_ROW) {
			/* Codes run 1, 2, 3, … with no gap, each a text given by at most every response. */
			int64_t code = sqlite3_column_int64(st, 0), count = sqlite3_column_int64(st, 2);
			if (code != (int64_t)q->nvalues + 1 || code > LOAD_MAX_VALUES || count < 0 || count > responses ||
			    sqlite3_column_type(st, 1) == SQLITE_NULL) {
				rc = damaged(s, slug, err, "question slot %zu: answer code %lld given %lld times, where code %zu "
				    "given at most %lld times was due", i, (long long)code, (long long)count, q->nvalues + 1,
				    (long long)responses);
				break;
			}
			q->raw = xrealloc(q->raw, (size_t)code * sizeof *q->raw);
			q->count = xrealloc(q->count, (size_t)code * sizeof *q->count);
			q->raw[code - 1] = column_text(st, 1);
			q->count[code - 1] = (uint64_t)count;
			q->nvalues = (size_t)code;
		}
	}
	if (rc < 0) {
		if (!err->code)
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
	uint64_t next_seq = 1;          /* blocks follow each other, seq 1, 2, 3, … */
	store_bind_int(st, ":source", v->source);
	while (!stop && !corrupt && (rc = store_step(s, st)) == SQLITE_ROW) {
		int64_t first = sqlite3_column_int64(st, 0), count = sqlite3_column_int64(st, 1);
		if (first != (int64_t)next_seq || count < 1 || count > BLOCK_RESPONSES ||
		    (uint64_t)count > v->responses - (next_seq - 1)) {
			corrupt = 1;
			break;
		}
		next_seq += (uint64_t)count;
		block_read_start(&br, (uint64_t)first, (size_t)count, v->nq,
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
	/* Every response the consultation counts is in its blocks. */
	if (!corrupt && !stop && rc == SQLITE_DONE && next_seq - 1 != v->responses)
		corrupt = 1;
	if (corrupt) {
		error_set(err, REACH_EDB, store_path(s), 0, "damaged database: consultation \"%s\": a damaged block of responses",
		    v->slug);
		return -1;
	}
	if (!stop && rc < 0) {
		*err = *store_error(s);
		return -1;
	}
	return 0;
}

int consult_unmatched(struct store *s, const char *slug, int json, FILE *out, struct reach_error *err)
{
	struct consult_view v;
	if (consult_view_open(s, slug, &v, err) < 0)
		return -1;
	sqlite3_stmt *st = store_stmt(s, "unmatched");
	store_bind_int(st, ":source", v.source);
	int rc, n = 0;
	long long slot = -1;
	struct buf dimension = { 0 };
	if (json) {
		emit_json_member_string(out, "{\"reach_unmatched\": 1, ", "consultation", v.slug);
		fputs(", \"answers\": [", out);
	}
	while ((rc = store_step(s, st)) == SQLITE_ROW) {
		const char *question = (const char *)sqlite3_column_text(st, 1), *dim = (const char *)sqlite3_column_text(st, 2);
		const char *answer = (const char *)sqlite3_column_text(st, 3);
		long long responses = sqlite3_column_int64(st, 4);
		if (json) {
			emit_json_member_string(out, n++ ? "}, {" : "{", "question", question);
			emit_json_member_string(out, ", ", "dimension", dim);
			emit_json_member_string(out, ", ", "answer", answer);
			emit_json_member_number(out, ", ", "responses", (double)responses);
			continue;
		}
		/* A heading a question, then its answers: fits 80 columns but for a long answer. */
		if (n++ == 0 || sqlite3_column_int64(st, 0) != slot || strcmp(dimension.data, dim) != 0) {
			fprintf(out, "%s%s: \"", n > 1 ? "\n" : "", dim);
			emit_term(out, question, 0);        /* the export's text: control characters escaped */
			fputs("\"\n", out);
			slot = sqlite3_column_int64(st, 0);
			buf_reset(&dimension);
			buf_puts(&dimension, dim);
		}
		fprintf(out, "  %8lld  ", responses);
		emit_term(out, answer, 0);
		fputc('\n', out);
	}
	if (json)
		fputs(n ? "}]}\n" : "]}\n", out);
	else if (rc >= 0 && n == 0)
		fprintf(out, "%s: every equality answer is tagged\n", v.slug);
	buf_free(&dimension);
	consult_view_free(&v);
	if (rc < 0) {
		*err = *store_error(s);
		return -1;
	}
	return 0;
}
