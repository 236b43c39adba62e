/*
 * report.h — what reach prints: the dry-run column listing now; the
 * representation report (text, JSON, HTML, Markdown, CSV) as it arrives.
 */
#ifndef REACH_REPORT_H
#define REACH_REPORT_H

#include <stdio.h>

#include "compare.h"
#include "consult.h"
#include "load.h"
#include "tag.h"

/*
 * Prints how each column of the export behind L was read, and for each
 * equality-monitoring question its distinct raw answers with counts. L must
 * have been read to its end with load_next. Each answer is shown with its
 * tag in the taxonomy T.
 */
void report_columns(const char *path, const struct load *l, const struct taxonomy *t, FILE *out);

/*
 * The representation report of C: text for a terminal, or the JSON document
 * described in docs/report-json.md. The plan section comes from
 * plan_evidence. Returns 0, or -1 with ERR set.
 */
int report_text(struct store *s, const struct taxonomy *t, const struct compare *c, FILE *out,
    struct reach_error *err);
int report_json(struct store *s, const struct taxonomy *t, const struct compare *c, FILE *out,
    struct reach_error *err);

/* Writes S as a JSON string (NULL as null), and V as a JSON number (NaN as null). */
void report_json_string(FILE *out, const char *s);
void report_json_number(FILE *out, double v);

/*
 * Writes CELL as one CSV field: quoted when it must be, and with a leading
 * "'" when a spreadsheet would run it as a formula (=, +, -, @, tab, CR).
 */
void report_csv_cell(FILE *out, const char *cell);

/* The per-response export: its header row, then one row per response. */
void report_export_header(const struct consult_view *v, FILE *out);
int report_export_row(const struct block_response *r, void *ctx);   /* ctx: struct report_export */

struct report_export {
	const struct consult_view *v;
	FILE *out;
};

#endif
