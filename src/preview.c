/* preview.c — see preview.h. */
#include "preview.h"
#include "layout.h"

#include <stdlib.h>
#include <string.h>

#include "emit.h"
#include "text.h"
#include "wrap.h"

/* Where a column's header starts in the table of columns. */
#define HEADER_COLUMN 38

static int by_count_then_text(const void *a, const void *b)
{
	const struct load_value *x = *(const struct load_value *const *)a;
	const struct load_value *y = *(const struct load_value *const *)b;
	if (x->count != y->count)
		return x->count < y->count ? 1 : -1;
	return strcmp(x->raw, y->raw);
}

/* "18-24", "75+", "category white_british", "declined", … */
static void describe_tag(const char *dimension, const struct tag_result *r, FILE *out)
{
	if (r->status != TAG_CATEGORY) {
		fprintf(out, "%s", tag_status_name(r->status));
	} else if (r->code) {
		fprintf(out, "%s", r->code);
	} else if (strcmp(dimension, "age") == 0 && r->number) {
		fprintf(out, "born %ld", r->number);
	} else {
		char code[TAG_AGE_CODE_MAX];
		tag_age_code(r->age_min, r->age_max, code);
		fputs(code, out);
	}
}

/* Appends TEXT to B as a terminal may show it: control characters and invalid UTF-8 escaped (text_visible). */
static void put_visible(struct buf *b, const char *text)
{
	struct buf shown = { 0 };
	text_visible(text, &shown);
	buf_puts(b, shown.data ? shown.data : "");
	buf_free(&shown);
}

/* How the answers of question QU are tagged: its age-group codes judged from its VALUES (N of them). */
static struct tag_question question_context(const struct question *qu, const struct load_value *values, size_t n,
    const struct taxonomy *t)
{
	struct tag_question tq = { 0, -1, -1, 0 };
	/* An "age" column of small numbers under an age-group header: codes, not ages. */
	if (qu->role == ROLE_AGE && tag_age_header_coded(t, qu->text)) {
		const char **raw = xcalloc(n + 1, sizeof *raw);
		uint64_t *count = xcalloc(n + 1, sizeof *count);
		for (size_t i = 0; i < n; i++)
			raw[i] = values[i].raw, count[i] = values[i].count;
		tq.age_codes = tag_age_looks_coded(raw, count, n);
		free(raw);
		free(count);
	}
	return tq;
}

/* Writes RAW's tag in each dimension of QU, joined by ", "; returns how many are unmatched. */
static size_t write_tags(const struct question *qu, const char *raw, const struct tag_question *tq,
    const struct taxonomy *t, FILE *out)
{
	size_t unmatched = 0;
	const char *const *dims = tag_dimensions(qu->role);
	for (const char *const *d = dims; *d; d++) {
		struct tag_result r;
		tag_answer_in(t, qu->role, *d, raw, tq, &r);
		if (d != dims)
			fputs(", ", out);
		if (qu->role == ROLE_BIRTH_YEAR && r.status == TAG_CATEGORY)
			fprintf(out, "born %ld", r.number);
		else if (qu->role == ROLE_DATE_OF_BIRTH && r.status == TAG_CATEGORY) {
			char date[11];
			days_to_date(r.number, date);
			fprintf(out, "born %s", date);
		} else
			describe_tag(*d, &r, out);
		unmatched += r.status == TAG_UNMATCHED;
	}
	return unmatched;
}

/* Question Q's distinct answers, most given first; the caller frees the array. */
static const struct load_value **sorted_values(const struct load *l, size_t q, size_t *n, uint64_t *answered)
{
	const struct load_value *values;
	*n = load_values(l, q, &values);
	*answered = 0;
	const struct load_value **sorted = xmalloc((*n ? *n : 1) * sizeof *sorted);
	for (size_t i = 0; i < *n; i++)
		sorted[i] = &values[i], *answered += values[i].count;
	qsort(sorted, *n, sizeof *sorted, by_count_then_text);
	return sorted;
}

static void print_answers(const struct load *l, size_t q, const struct taxonomy *t, FILE *out)
{
	const struct columns *c = load_columns(l);
	const struct question *qu = &c->question[q];
	const struct load_value *values;
	size_t n = load_values(l, q, &values), unmatched = 0;
	uint64_t answered;
	const struct load_value **sorted = sorted_values(l, q, &n, &answered);
	struct buf heading = { 0 };
	buf_printf(&heading, "%s: column %zu", columns_role_name(qu->role), qu->columns[0] + 1);
	if (qu->ncolumns > 1)
		buf_printf(&heading, "-%zu", qu->columns[qu->ncolumns - 1] + 1);
	buf_puts(&heading, " \"");
	put_visible(&heading, qu->text);
	buf_printf(&heading, "\" (%llu answered, %llu blank)", (unsigned long long)answered,
	    (unsigned long long)(load_counts(l)->responses - answered));
	fputc('\n', out);
	wrap_line(out, heading.data, 0, 2);
	buf_free(&heading);
	const char *const *dims = tag_dimensions(qu->role);
	struct tag_question tq = question_context(qu, values, n, t);
	if (tq.age_codes)
		fputs("  (these look like the codes of age groups, not ages: left unmatched, as nothing in the file\n"
		      "   says which band each code stands for; write the bands themselves, as 16-24, and ingest again)\n",
		    out);
	for (size_t i = 0; i < n; i++) {
		char *tags = NULL;
		size_t len = 0;
		FILE *mem = open_memstream(&tags, &len);
		if (mem) {
			unmatched += write_tags(qu, sorted[i]->raw, &tq, t, mem);
			fclose(mem);
		}
		fprintf(out, "  %8llu  ", (unsigned long long)sorted[i]->count);
		struct buf raw = { 0 };
		put_visible(&raw, sorted[i]->raw);
		int width = emit_columns(raw.data);
		if (!*dims || !tags)
			fprintf(out, "%s\n", raw.data);
		else if (12 + (width > 40 ? width : 40) + 5 + emit_columns(tags) <= WRAP_WIDTH + 1)
			fprintf(out, "%s%*s  -> %s\n", raw.data, width < 40 ? 40 - width : 0, "", tags);
		else
			fprintf(out, "%s\n%12s-> %s\n", raw.data, "", tags);   /* fits 80 columns */
		buf_free(&raw);
		free(tags);
	}
	if (unmatched)
		fprintf(out, "  (%zu answers match no rule: add synonyms to a taxonomy file; see reach(1), TAXONOMY)\n",
		    unmatched);
	free(sorted);
}

/* Question Q's answers as a JSON object: role, columns, wording, counts, and each answer with its tags. */
static void json_answers(const struct load *l, size_t q, const struct taxonomy *t, FILE *out)
{
	const struct question *qu = &load_columns(l)->question[q];
	const struct load_value *values;
	size_t n = load_values(l, q, &values);
	uint64_t answered;
	const struct load_value **sorted = sorted_values(l, q, &n, &answered);
	struct tag_question tq = question_context(qu, values, n, t);
	emit_json_member_string(out, "{", "role", columns_role_name(qu->role));
	fputs(", \"columns\": [", out);
	for (size_t k = 0; k < qu->ncolumns; k++)
		fprintf(out, "%s%zu", k ? ", " : "", qu->columns[k] + 1);
	fputc(']', out);
	emit_json_member_string(out, ", ", "question", qu->text);
	emit_json_member_number(out, ", ", "answered", (double)answered);
	emit_json_member_number(out, ", ", "blank", (double)(load_counts(l)->responses - answered));
	emit_json_member_bool(out, ", ", "age_group_codes", tq.age_codes);
	fputs(", \"answers\": [", out);
	for (size_t i = 0; i < n; i++) {
		char *tags = NULL;
		size_t len = 0;
		FILE *mem = open_memstream(&tags, &len);
		if (mem) {
			write_tags(qu, sorted[i]->raw, &tq, t, mem);
			fclose(mem);
		}
		emit_json_member_string(out, i ? ", {" : "{", "answer", sorted[i]->raw);
		emit_json_member_number(out, ", ", "count", (double)sorted[i]->count);
		emit_json_member_text(out, ", ", "tag", tags);
		fputc('}', out);
		free(tags);
	}
	fputs("]}", out);
	free(sorted);
}

void preview_columns_json(const char *path, const struct load *l, const struct taxonomy *t, FILE *out)
{
	const struct columns *c = load_columns(l);
	const struct reader *in = load_reader(l);
	emit_json_member_string(out, "{\"reach_columns\": 1, ", "file", path);
	emit_json_member_string(out, ", ", "encoding", reader_encoding(in));
	emit_json_member_string(out, ", ", "delimiter", reader_delimiter_name(in));
	emit_json_member_string(out, ", ", "delimiter_how", reader_delimiter_how(in));
	emit_json_member_string(out, ", ", "layout", layout_name(c->layout));
	emit_json_member_number(out, ", ", "responses", (double)load_counts(l)->responses);
	emit_json_member_number(out, ", ", "blank_rows", (double)load_counts(l)->blank_rows);
	fputs(", \"columns\": [", out);
	for (size_t i = 0; i < c->ncolumns; i++) {
		const struct column *col = &c->column[i];
		emit_json_member_number(out, i ? ", {" : "{", "column", (double)col->position);
		emit_json_member_string(out, ", ", "role", columns_role_name(col->role));
		emit_json_member_string(out, ", ", "sure", columns_confidence_name(col->confidence));
		emit_json_member_text(out, ", ", "header", col->header);
		emit_json_member_text(out, ", ", "tag", col->tag && strcmp(col->tag, col->header) != 0 ? col->tag : NULL);
		emit_json_member_bool(out, ", ", "stored", col->question >= 0);
		emit_json_member_text(out, ", ", "why", col->why ? col->why : col->note);
		fputc('}', out);
	}
	fputs("], \"questions\": [", out);
	int first = 1;
	for (size_t q = 0; q < c->nquestions; q++)
		if (columns_is_demographic(c->question[q].role) || c->question[q].role == ROLE_POSTCODE) {
			fputs(first ? "" : ", ", out);
			json_answers(l, q, t, out);
			first = 0;
		}
	fputs("]}\n", out);
}

void preview_columns(const char *path, const struct load *l, const struct taxonomy *t, FILE *out)
{
	const struct columns *c = load_columns(l);
	const struct load_counts *n = load_counts(l);
	fputs("file:      ", out);
	emit_term(out, path, 0);
	fputc('\n', out);
	fprintf(out, "encoding:  %s\n", reader_encoding(load_reader(l)));
	fprintf(out, "delimiter: %s (%s)\n", reader_delimiter_name(load_reader(l)), reader_delimiter_how(load_reader(l)));
	fprintf(out, "layout:    %s\n", layout_name(c->layout));
	fprintf(out, "responses: %llu", (unsigned long long)n->responses);
	if (n->blank_rows)
		fprintf(out, " (%llu blank rows skipped)", (unsigned long long)n->blank_rows);
	fprintf(out, "\n\n%4s  %-21s  %-7s  %s\n", "col", "role", "sure", "header");
	/* Fits 80 columns: the header wrapped under itself, the reason on lines of its own. */
	struct buf text = { 0 };
	for (size_t i = 0; i < c->ncolumns; i++) {
		const struct column *col = &c->column[i];
		fprintf(out, "%4zu  %-21s  %-7s  ", col->position, columns_role_name(col->role),
		    columns_confidence_name(col->confidence));
		buf_reset(&text);
		put_visible(&text, *col->header ? col->header : "(no header)");
		if (col->tag && *col->tag && strcmp(col->tag, col->header) != 0) {
			buf_puts(&text, " [");
			put_visible(&text, col->tag);
			buf_putc(&text, ']');
		}
		/* The full reason (which rule dropped it, why a role was demoted), else the short one. */
		struct buf why = { 0 };
		if (col->why || col->note)
			put_visible(&why, col->why ? col->why : col->note);
		if (why.len && HEADER_COLUMN + emit_columns(text.data) + 5 + emit_columns(why.data) <= WRAP_WIDTH) {
			buf_printf(&text, "%c%c-- %s", WRAP_NO_BREAK, WRAP_NO_BREAK, why.data);
			buf_reset(&why);
		}
		wrap_line(out, text.data, HEADER_COLUMN, HEADER_COLUMN);
		if (why.len) {
			buf_reset(&text);
			buf_printf(&text, "-- %s", why.data);
			fprintf(out, "%*s", HEADER_COLUMN, "");
			wrap_line(out, text.data, HEADER_COLUMN, HEADER_COLUMN + 3);
		}
		buf_free(&why);
	}
	buf_free(&text);
	for (size_t q = 0; q < c->nquestions; q++)
		if (columns_is_demographic(c->question[q].role) || c->question[q].role == ROLE_POSTCODE)
			print_answers(l, q, t, out);
}
