/*
 * reader.h — the streaming export reader.
 *
 * Reads a consultation export of any size in constant memory: detects the
 * encoding (UTF-8 with or without BOM, UTF-16 LE/BE with BOM, Windows-1252
 * when the bytes are not valid UTF-8) and hands out records as UTF-8 fields,
 * each with the physical line on which it begins. Hashes the file (SHA-256)
 * from the same buffers the parser reads. Blank lines are skipped.
 */
#ifndef REACH_READER_H
#define REACH_READER_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "util.h"

#define READER_MAX_FIELD   (1024 * 1024)  /* longest field accepted, bytes */
#define READER_MAX_COLUMNS 5000           /* most fields in one record */

/* One record. Owned by the reader; valid until the next reader_next call. */
struct reader_row {
	long line;              /* physical line where the record begins */
	size_t nfields;
	const char **fields;    /* NUL-terminated UTF-8 */
	const size_t *lens;
};

struct reader;

/* Opens PATH for reading; returns NULL with ERR set when it cannot. */
struct reader *reader_open(const char *path, struct reach_error *err);

/* The same for an open stream, which the reader then owns and closes. */
struct reader *reader_open_stream(FILE *fp, const char *path, struct reach_error *err);

/*
 * Reads the next record into *ROW. Returns 1 for a record, 0 at the end of
 * the file, -1 on an error (set in ERR as "FILE:LINE: message"; the reader
 * is then spent).
 */
int reader_next(struct reader *in, const struct reader_row **row, struct reach_error *err) REACH_MUST_CHECK;

/* The encoding detected so far, as a name ("UTF-8", "Windows-1252", …). */
const char *reader_encoding(const struct reader *in);

/* Bytes read so far, and after the end, the file's SHA-256 in hex. */
uint64_t reader_bytes(const struct reader *in);
void reader_sha256(const struct reader *in, char hex[65]);

/* The last physical line read. */
long reader_last_line(const struct reader *in);

/* Closes the file and frees the reader; accepts NULL. */
void reader_close(struct reader *in);

#endif
