/* table.c — see table.h. Reads through the streaming reader, so files in
 * any supported encoding work, with the same line numbers and errors. */
#include "table.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "embedded.h"
#include "reader.h"

static struct table *table_from_reader(struct reader *in, const char *name, struct reach_error *err)
{
	struct table *t = xcalloc(1, sizeof *t);
	const struct reader_row *row;
	size_t cap = 0;
	int rc;
	t->name = xstrdup(name);
	while ((rc = reader_next(in, &row, err)) == 1) {
		if (!t->header) {
			t->ncols = row->nfields;
			t->header = xcalloc(t->ncols, sizeof *t->header);
			for (size_t i = 0; i < t->ncols; i++)
				t->header[i] = xstrdup(row->fields[i]);
			continue;
		}
		if (row->nfields == 1 && row->lens[0] == 0)
			continue;
		if (t->nrows == cap) {
			cap = cap ? cap * 2 : 64;
			t->cells = xrealloc(t->cells, cap * sizeof *t->cells);
			t->lines = xrealloc(t->lines, cap * sizeof *t->lines);
		}
		char **cells = xcalloc(t->ncols, sizeof *cells);
		for (size_t i = 0; i < t->ncols; i++)
			cells[i] = xstrdup(i < row->nfields ? row->fields[i] : "");
		t->lines[t->nrows] = row->line;
		t->cells[t->nrows++] = cells;
	}
	if (rc < 0) {
		table_free(t);
		return NULL;
	}
	if (!t->header) {
		error_set(err, REACH_EDATA, name, 0, "no header row");
		table_free(t);
		return NULL;
	}
	return t;
}

struct table *table_file(const char *path, struct reach_error *err)
{
	struct reader *in = reader_open(path, err);
	if (!in)
		return NULL;
	struct table *t = table_from_reader(in, path, err);
	reader_close(in);
	return t;
}

struct table *table_embedded(const char *path, struct reach_error *err)
{
	const struct embedded_file *f = embedded_find(path);
	if (!f) {
		error_set(err, REACH_EDB, path, 0, "not built into this reach");
		return NULL;
	}
	FILE *fp = fmemopen((void *)f->data, f->len ? f->len : 1, "rb");
	if (!fp) {
		error_set(err, REACH_EDB, path, 0, "cannot read the built-in copy");
		return NULL;
	}
	struct reader *in = reader_open_stream(fp, path, err);
	struct table *t = in ? table_from_reader(in, path, err) : NULL;
	reader_close(in);
	return t;
}

int table_column(const struct table *t, const char *name)
{
	for (size_t i = 0; i < t->ncols; i++)
		if (strcmp(t->header[i], name) == 0)
			return (int)i;
	return -1;
}

int table_require(const struct table *t, const char *const *required, struct reach_error *err)
{
	for (; *required; required++)
		if (table_column(t, *required) < 0) {
			error_set(err, REACH_EDATA, t->name, 1, "no column \"%s\" in the header", *required);
			return -1;
		}
	return 0;
}

const char *table_get(const struct table *t, size_t r, const char *name)
{
	int c = table_column(t, name);
	return c < 0 || r >= t->nrows ? "" : t->cells[r][c];
}

void table_free(struct table *t)
{
	if (!t)
		return;
	for (size_t r = 0; r < t->nrows; r++) {
		for (size_t i = 0; i < t->ncols; i++)
			free(t->cells[r][i]);
		free(t->cells[r]);
	}
	for (size_t i = 0; i < t->ncols; i++)
		free(t->header[i]);
	free(t->header);
	free(t->cells);
	free(t->lines);
	free(t->name);
	free(t);
}
