/*
 * reader.h — the streaming export reader.
 *
 * Reads a consultation export of any size in constant memory: detects the
 * encoding (UTF-8 with or without BOM, UTF-16 LE/BE with BOM, Windows-1252
 * when the bytes are not valid UTF-8) and hands out records as UTF-8 fields,
 * each with the physical line on which it begins. Hashes the file (SHA-256)
 * from the same buffers the parser reads. Blank lines are skipped.
 *
 * Lines are parsed by libcsv, except plain ones, which split.c splits as
 * libcsv would, only faster. The delimiter (, ; tab |) is detected from the
 * first records, quotes respected, unless given; an Excel "sep=;" first
 * line names it too. A file that is really a workbook, a PDF or a web page
 * is refused with a message saying what it is and how to get a CSV from it.
 */
#ifndef REACH_READER_H
#define REACH_READER_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "util.h"

#define READER_MAX_FIELD   (1024 * 1024)  /* longest field accepted, bytes */
#define READER_MAX_COLUMNS 5000           /* most fields in one record */
#define READER_MAX_RECORD  (16 * 1024 * 1024) /* longest record accepted, bytes: memory stays bounded */

/* One record. Owned by the reader; valid until the next reader_next call. */
struct reader_row {
	long line;              /* physical line where the record begins */
	size_t nfields;
	const char **fields;    /* NUL-terminated UTF-8 */
	const size_t *lens;
};

struct reader;

/* An encoding the caller may insist on. */
enum reader_encoding {
	READER_ENCODING_DETECT, READER_ENCODING_UTF8, READER_ENCODING_UTF16LE,
	READER_ENCODING_UTF16BE, READER_ENCODING_WINDOWS1252
};

/* How to read a file; all zero means "detect everything". */
struct reader_options {
	enum reader_encoding encoding;
	char delimiter;         /* ',', ';', '\t' or '|'; 0 to detect */
	int libcsv_only;        /* 1: every line through libcsv, none split by split.c (tests compare the two) */
};

/* Reads "utf-8", "utf-16le", "utf-16be" or "windows-1252" (any case); 0, or -1. */
int reader_encoding_parse(const char *name, enum reader_encoding *encoding) REACH_MUST_CHECK;

/* Reads ",", ";", "tab" (or a tab character) or "|"; 0, or -1. */
int reader_delimiter_parse(const char *name, char *delimiter) REACH_MUST_CHECK;

/* Opens PATH for reading; returns NULL with ERR set when it cannot. */
struct reader *reader_open(const char *path, struct reach_error *err);

/* The same, reading as OPTS says (NULL: detect everything). */
struct reader *reader_open_with(const char *path, const struct reader_options *opts,
    struct reach_error *err);

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

/*
 * The delimiter in use, as a name (",", ";", "tab", "|"), and how it was
 * chosen ("detected", "given", "from the sep= line", or a sentence saying
 * why it is a guess). Both valid once the first record has been read.
 */
const char *reader_delimiter_name(const struct reader *in);
const char *reader_delimiter_how(const struct reader *in);

/* The file descriptor read from: its position is how far the reading thread has got. */
int reader_fd(const struct reader *in);

/* Bytes read so far, and after the end, the file's SHA-256 in hex. */
uint64_t reader_bytes(const struct reader *in);
void reader_sha256(const struct reader *in, char hex[65]);

/* The last physical line read. */
long reader_last_line(const struct reader *in);

/* Closes the file and frees the reader; accepts NULL. */
void reader_close(struct reader *in);

#endif
