/*
 * split.h — splits the plain lines of a CSV export into fields as libcsv
 * would, only faster: most lines of an export are plain (each field bare,
 * or quoted without quotes or line breaks inside), and reading them costs a
 * fraction of libcsv's character-by-character state machine. Every other
 * line is left to libcsv (reader.c), which stays the parser of record.
 *
 * The rules are libcsv's defaults (no CSV_STRICT): spaces and tabs (unless
 * the tab is the delimiter) before a field and after a quoted one are
 * dropped, and so are those ending a bare field; a line of nothing but
 * spaces is no record. tests/unit/test_split.c checks split_line against
 * libcsv itself on random lines.
 */
#ifndef REACH_SPLIT_H
#define REACH_SPLIT_H

#include <stddef.h>

/* One field of a line: LEN bytes at START (an offset into the line). */
struct split_field {
	size_t start, len;
};

#define SPLIT_HARD ((size_t)-1)    /* not plain: libcsv reads it */

/*
 * Splits LINE (LEN bytes, without its line break, holding no CR or LF) on
 * DELIM into at most MAX fields in FIELDS. Returns their number; 0 when the
 * line is blank (no record); SPLIT_HARD when the line is not plain (a quote
 * inside a field, an escaped quote, a quote left open, text after a closing
 * quote) or has more than MAX fields, FIELDS then meaning nothing.
 */
size_t split_line(const char *line, size_t len, char delim, struct split_field *fields, size_t max);

#endif
