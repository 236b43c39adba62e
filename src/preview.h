/*
 * preview.h — the dry run of reach columns: how each column of an export
 * would be read, and each equality question's distinct answers with the tag
 * the taxonomy gives them. Nothing is stored.
 */
#ifndef REACH_PREVIEW_H
#define REACH_PREVIEW_H

#include <stdio.h>

#include "load.h"
#include "tag.h"

/*
 * Prints how each column of the export at PATH, read by L, was read, and for
 * each equality-monitoring question its distinct raw answers with counts,
 * each with its tag in the taxonomy T. L must have been read to its end with
 * load_next. Cannot fail; nothing for the caller to free.
 */
void preview_columns(const char *path, const struct load *l, const struct taxonomy *t, FILE *out);

/* The same as one JSON document (documented in reach(1), JSON OF THE LISTS). */
void preview_columns_json(const char *path, const struct load *l, const struct taxonomy *t, FILE *out);

#endif
