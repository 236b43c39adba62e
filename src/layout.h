/*
 * layout.h — an export's header shape, read from its first rows: which rows
 * are headers, what each column's wording is, and which platform wrote it.
 * The roles come after, from columns.h.
 */
#ifndef REACH_LAYOUT_H
#define REACH_LAYOUT_H

#include "columns.h"

/* The stable name of a layout ("SurveyMonkey (2 header rows)"). */
const char *layout_name(enum layout layout);

/*
 * Reads the header shape from the first NROWS records (at most 3; each an
 * array of NFIELDS[i] strings) and makes the columns. Returns NULL with ERR
 * set when the header is unusable.
 */
struct columns *layout_columns(const char *const *const *rows, const size_t *nfields,
    size_t nrows, const char *path, struct reach_error *err);

#endif
