/*
 * embedded.h — files built into the binary: every queries/NAME.sql and the
 * reference CSV files of seeds/ (see src/embed.sh and the Makefile).
 */
#ifndef REACH_EMBEDDED_H
#define REACH_EMBEDDED_H

#include <stddef.h>

struct embedded_file {
	const char *path;       /* e.g. "queries/schema.sql" */
	const char *data;       /* NUL-terminated */
	size_t len;
};

/* The table, ending with an entry whose path is NULL. */
extern const struct embedded_file embedded_files[];

/* The file at PATH, or NULL. */
const struct embedded_file *embedded_find(const char *path);

/* The text of queries/NAME.sql; aborts when it is missing (a build fault). */
const char *embedded_query(const char *name);

#endif
