/*
 * sniff.h — what a file is, from its first bytes, before it is read as CSV:
 * a spreadsheet, PDF or web page saved under a .csv name (with what to do);
 * UTF-16 without a byte order mark; an Excel "sep=" line; and which of
 * , ; tab | separates its fields, with quotes respected. Pure: no I/O.
 */
#ifndef REACH_SNIFF_H
#define REACH_SNIFF_H

#include <stddef.h>

#define SNIFF_RECORDS 50                /* records looked at to choose the delimiter */
#define SNIFF_STEADY 0.9                /* share of them with one field count that makes a split steady */

/*
 * What a file is when its first bytes S (N of them) show it is not CSV at
 * all (.xlsx, .ods, .xls, other ZIP or Office files, PDF, HTML, Excel 2003
 * XML): a message saying so and what to do, or NULL. A static string.
 */
const char *sniff_not_csv(const unsigned char *s, size_t n);

/*
 * What NUL bytes among the first bytes S (N) may mean: a hint that the
 * file is UTF-16 LE or BE without a byte order mark, or "". A static string.
 */
const char *sniff_nul_hint(const unsigned char *s, size_t n);

/*
 * An Excel "sep=X" first line at S (N bytes): the bytes to skip past it,
 * with X in *DELIMITER; 0 when there is none.
 */
size_t sniff_sep_line(const char *s, size_t n, char *delimiter);

/* Which delimiter splits the first records, and how surely. */
struct sniff_choice {
	char best;              /* , ; tab or |, or 0 when none splits the records into 2 or more */
	size_t fields;          /* the commonest number of fields it gives */
	int steady;             /* SNIFF_STEADY of the records or more have that number */
	size_t splitting;       /* candidates that split the records at all */
	size_t given_fields;    /* the fields the delimiter GIVEN gives (0 when none was given) */
};

/*
 * Counts the fields of the first SNIFF_RECORDS records of S (N bytes) as
 * libcsv would split them (quotes respected, blank lines skipped; the last
 * record only when COMPLETE) under each candidate, and chooses: steady
 * splits beat ragged ones, and among steady ones, more fields win.
 */
void sniff_delimiter(const char *s, size_t n, int complete, char given, struct sniff_choice *out);

#endif
