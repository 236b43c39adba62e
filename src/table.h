/*
 * table.h — small CSV files read whole: seeds, profiles, user taxonomies,
 * baselines and plans. Every row keeps its line number for messages, and
 * columns are found by header name.
 */
#ifndef REACH_TABLE_H
#define REACH_TABLE_H

#include <stddef.h>

#include "util.h"

struct table {
	char *name;             /* file name used in messages */
	size_t ncols, nrows;
	char **header;          /* ncols names */
	char ***cells;          /* nrows rows of ncols cells (missing cells are "") */
	long *lines;            /* line where each row begins */
};

/* Reads an embedded seed (e.g. "seeds/taxonomy/synonyms.csv"); NULL if absent. */
struct table *table_embedded(const char *path, struct reach_error *err);

/* Reads the CSV file at PATH; NULL with ERR set ("FILE:LINE: …") on failure. */
struct table *table_file(const char *path, struct reach_error *err);

/* Index of the column named NAME, or -1. */
int table_column(const struct table *t, const char *name);

/*
 * Checks that every name in the NULL-terminated list REQUIRED is a column;
 * returns 0, or -1 with ERR naming the file and the first missing column.
 */
int table_require(const struct table *t, const char *const *required, struct reach_error *err) REACH_MUST_CHECK;

/* The cell of row R in the column named NAME, or "" when there is none. */
const char *table_get(const struct table *t, size_t r, const char *name);

void table_free(struct table *t);

#endif
