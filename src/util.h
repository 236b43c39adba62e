/*
 * util.h — memory, growable buffers, lists of strings, errors and checked
 * numbers, shared by every module.
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

/* Lets the compiler check a printf-like function's format against its arguments. */
#define REACH_PRINTF(format_arg, first_arg) __attribute__((format(printf, format_arg, first_arg)))

/* A function whose result says whether it worked: every caller must look. */
#define REACH_MUST_CHECK __attribute__((warn_unused_result))

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
void buf_printf(struct buf *b, const char *fmt, ...) REACH_PRINTF(2, 3);
void buf_reset(struct buf *b);
void buf_free(struct buf *b);
/* Appends S as one word a POSIX shell reads back as S: as it is when that is safe, else in single quotes. */
void buf_shell_word(struct buf *b, const char *s);

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
/* Records an error; line 0 leaves the line out, NULL file leaves both out; file "-" is "standard input". */
void error_set(struct reach_error *e, int code, const char *file, long line,
    const char *fmt, ...) REACH_PRINTF(5, 6);
/* Prints "reach: MSG" to stderr and returns e->code. */
int error_print(const struct reach_error *e);

/* Parses a whole decimal integer in [min, max]; returns 0 on success. */
int parse_long(const char *s, long min, long max, long *out) REACH_MUST_CHECK;

#endif
