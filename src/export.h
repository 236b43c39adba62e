/*
 * export.h — reach export: every stored response of a consultation as CSV,
 * one row per response, one column per question, each cell written by
 * emit_csv_cell.
 */
#ifndef REACH_EXPORT_H
#define REACH_EXPORT_H

#include <stdio.h>

#include "consult.h"

/* Where the rows go: the consultation's view and the output. */
struct export {
	const struct consult_view *v;
	FILE *out;
};

/* Writes the header row of V's export to OUT: seq, line, response_id, submitted, then each question. */
void export_header(const struct consult_view *v, FILE *out);

/*
 * Writes response R as one CSV row; CTX is a struct export. A callback for
 * consult_each_response: returns 0 (it cannot fail; the caller checks the
 * stream for write errors).
 */
int export_row(const struct block_response *r, void *ctx);

#endif
