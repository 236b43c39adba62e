/*
 * scratch.h — what the unit tests that open a database share: a path for a
 * scratch database, and a query's single number.
 */
#ifndef SCRATCH_H
#define SCRATCH_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store.h"

/* A path for a scratch database named after NAME, not made yet (store_open makes it, 0600). The caller frees it. */
static inline char *scratch_db(const char *name)
{
	size_t size = strlen(name) + 32;
	char *path = xmalloc(size);
	snprintf(path, size, "/tmp/reach-test-%s-XXXXXX", name);
	int fd = mkstemp(path);
	if (fd >= 0)
		close(fd);
	unlink(path);
	return path;
}

/* The first column of SQL's first row, as a number; -1 when it cannot be read. */
static inline long count_rows(struct store *s, const char *sql)
{
	sqlite3_stmt *st;
	long n = -1;
	if (sqlite3_prepare_v2(store_db(s), sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		n = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

#endif
