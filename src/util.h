/*
 * util.h — memory, growable buffers, errors and text helpers shared by every
 * module.
 *
 * The memory rule, stated once: functions that return a pointer to a new
 * object hand ownership to the caller, who frees it with the matching
 * *_free / free(); every *_free accepts NULL. Allocation never fails
 * visibly: xmalloc and friends print "reach: out of memory" and abort, so no
 * caller checks for NULL.
 */
#ifndef REACH_UTIL_H
#define REACH_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

/* Exit codes, as listed in reach.1 under EXIT STATUS. */
enum reach_exit {
	REACH_OK = 0,        /* success */
	REACH_EDATA = 1,     /* bad input data: the file is not what it should be */
	REACH_EUSAGE = 2,    /* misuse of the command line */
	REACH_EDB = 3,       /* database or I/O failure */
	REACH_EPARTIAL = 4   /* a partial result, e.g. charts skipped */
};

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* A growable byte buffer, always NUL-terminated after the first append. */
struct buf {
	char *data;
	size_t len, cap;
};
void buf_grow(struct buf *b, size_t more);
void buf_append(struct buf *b, const void *s, size_t n);
void buf_puts(struct buf *b, const char *s);
void buf_putc(struct buf *b, char c);
void buf_printf(struct buf *b, const char *fmt, ...);
void buf_reset(struct buf *b);
void buf_free(struct buf *b);

/* Frees the N strings of LIST and LIST itself; accepts NULL. */
void strings_free(char **list, size_t n);

/*
 * An error report: the exit code it maps to and one line of text in the
 * form "FILE:LINE: message" (without the "reach: " prefix, which is added
 * when it is printed). A zeroed struct means no error.
 */
struct reach_error {
	int code;
	char msg[1024];
};
/* Records an error; line 0 leaves the line out, NULL file leaves both out. */
void error_set(struct reach_error *e, int code, const char *file, long line,
    const char *fmt, ...);
/* Prints "reach: MSG" to stderr and returns e->code. */
int error_print(const struct reach_error *e);

/*
 * Writes the matching form of TEXT into OUT (replacing its contents): lower
 * case, Latin accents folded, "&" as " and ", every run of other characters
 * than letters and digits as one space, no leading or trailing space. Used
 * for header rules and taxonomy synonyms alike.
 */
void text_normalize(const char *text, struct buf *out);

/* Collapses runs of white space (including newlines) to one space, trims. */
void text_squeeze(const char *text, struct buf *out);

/* Is TEXT (LEN bytes) already as text_squeeze would make it? */
int text_is_squeezed(const char *text, size_t len);

/* Compares ASCII strings ignoring case, like strcasecmp. */
int strcasecmp_ascii(const char *a, const char *b);

/* Parses a whole decimal integer in [min, max]; returns 0 on success. */
int parse_long(const char *s, long min, long max, long *out);

/*
 * Reads a calendar date at the start of S: YYYY-MM-DD, YYYY/MM/DD, or
 * DD/MM/YYYY and DD-MM-YYYY (day first; month first when MONTH_FIRST is set
 * or the first field is above 12), with an optional time after it. Writes
 * "YYYY-MM-DD" (11 bytes with the NUL) and returns 0, or -1 when S holds no
 * valid date.
 */
int parse_date(const char *s, int month_first, char out[11]);

/* The same with a fixed order, never falling back to the other one. */
enum date_order { DATE_DAY_FIRST, DATE_MONTH_FIRST };
int parse_date_order(const char *s, enum date_order order, char out[11]);

/*
 * Do the N dates VALUES (NULLs skipped) read month first (US style)? Only
 * when some reads as a date that way alone, and none the other way alone.
 */
int dates_month_first(const char *const *values, size_t n);

/* How a command was told to read dates: as their column shows, or fixed. */
enum date_reading { DATES_AUTO, DATES_DAY_FIRST, DATES_MONTH_FIRST };

/* Parses "auto", "day-first" or "month-first"; -1 for anything else. */
int date_reading_parse(const char *word, enum date_reading *out);
const char *date_reading_name(enum date_reading r);

/* Days from 1970-01-01 to the date "YYYY-MM-DD" (negative before), and back. */
long date_to_days(const char *iso);
long date_to_days_ymd(long year, long month, long day);
void days_to_date(long days, char out[11]);

/* Encodes V as a LEB128 varint at P; returns the bytes written (1..10). */
size_t varint_put(unsigned char *p, uint64_t v);
/* Decodes a varint from P (at most END); returns bytes read, 0 if truncated. */
size_t varint_get(const unsigned char *p, const unsigned char *end, uint64_t *v);

#endif
