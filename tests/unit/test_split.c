/*
 * Unit tests for split.c: every line split_line reads must give the fields
 * libcsv gives (CSV_APPEND_NULL, the delimiter set, nothing else), and the
 * lines it leaves to libcsv must be the ones it cannot read. The reference is
 * libcsv itself, run here on the same line; the lines are hand-made for each
 * rule, then random (synthetic, from a fixed seed).
 */
#include <csv.h>
#include <stdint.h>
#include <stdlib.h>

#include "check.h"
#include "split.h"

#define MAX_FIELDS 64

/* What libcsv makes of one line: its records' fields, joined for comparison. */
struct parsed {
	char text[4096];
	size_t len;
	size_t fields, records;
};

static void on_field(void *data, size_t len, void *ctx)
{
	struct parsed *p = ctx;
	if (p->len + len + 1 < sizeof p->text) {
		memcpy(p->text + p->len, data, len);
		p->len += len;
		p->text[p->len++] = '\x1f';
	}
	p->fields++;
}

static void on_record(int term, void *ctx)
{
	struct parsed *p = ctx;
	(void)term;
	p->records++;
	if (p->len + 1 < sizeof p->text)
		p->text[p->len++] = '\x1e';
}

/* LINE (LEN bytes) and a line feed through libcsv, as the reader sets it up. */
static void libcsv_parse(const char *line, size_t len, char delim, struct parsed *p)
{
	struct csv_parser csv;
	memset(p, 0, sizeof *p);
	csv_init(&csv, CSV_APPEND_NULL);
	csv_set_delim(&csv, (unsigned char)delim);
	csv_parse(&csv, line, len, on_field, on_record, p);
	csv_parse(&csv, "\n", 1, on_field, on_record, p);
	csv_fini(&csv, on_field, on_record, p);
	csv_free(&csv);
}

/* The same through split_line; returns its answer. */
static size_t split_parse(const char *line, size_t len, char delim, struct parsed *p)
{
	struct split_field f[MAX_FIELDS];
	memset(p, 0, sizeof *p);
	size_t n = split_line(line, len, delim, f, MAX_FIELDS);
	if (n == SPLIT_HARD)
		return n;
	for (size_t i = 0; i < n; i++)
		on_field((void *)(line + f[i].start), f[i].len, p);
	if (n)
		on_record('\n', p);
	return n;
}

/* Does split_line read LINE as libcsv does (or leave it, when HARD)? */
static int agrees(const char *line, char delim, int hard)
{
	struct parsed want, got;
	size_t len = strlen(line);
	libcsv_parse(line, len, delim, &want);
	size_t n = split_parse(line, len, delim, &got);
	if (hard)
		return n == SPLIT_HARD;
	return n != SPLIT_HARD && got.len == want.len && memcmp(got.text, want.text, got.len) == 0 &&
	    got.records == want.records && got.fields == want.fields;
}

static void test_rules(void)
{
	/* Plain lines, read here. */
	CHECK(agrees("a,b,c", ',', 0));
	CHECK(agrees("", ',', 0));                         /* no record */
	CHECK(agrees("   \t ", ',', 0));                   /* spaces alone: no record */
	CHECK(agrees(",", ',', 0));                        /* two empty fields */
	CHECK(agrees("a,", ',', 0));
	CHECK(agrees(",a", ',', 0));
	CHECK(agrees("  a  ,\tb\t, c d ", ',', 0));      /* spaces around bare fields dropped, inside kept */
	CHECK(agrees("\"a, b\",c", ',', 0));               /* the delimiter inside quotes */
	CHECK(agrees("\"  a  \"", ',', 0));                /* spaces inside quotes kept */
	CHECK(agrees("  \"a\"  ,b", ',', 0));              /* and around them dropped */
	CHECK(agrees("\"\",\"\"", ',', 0));                /* empty quoted fields */
	CHECK(agrees("a;b,c;\"d;e\"", ';', 0));
	CHECK(agrees("a\tb\t\tc", '\t', 0));               /* a tab delimiter is no space */
	CHECK(agrees("\t", '\t', 0));
	CHECK(agrees(" \ta \t", '\t', 0));
	CHECK(agrees("a|b| c |", '|', 0));
	CHECK(agrees("Caf\xc3\xa9,na\xc3\xafve", ',', 0)); /* UTF-8 passes as bytes */
	/* Not plain: libcsv reads them. */
	CHECK(agrees("a\"b,c", ',', 1));                   /* a quote inside a bare field */
	CHECK(agrees("\"a\"\"b\",c", ',', 1));             /* an escaped quote */
	CHECK(agrees("\"a,b", ',', 1));                    /* a quote left open (a line break inside) */
	CHECK(agrees("\"a\"b,c", ',', 1));                 /* text after a closing quote */
	CHECK(agrees("\"a\" \"b\"", ',', 1));
	CHECK(agrees("a,\"\"\"\"", ',', 1));
	/* More fields than the caller has room for. */
	struct split_field f[2];
	CHECK(split_line("a,b,c", 5, ',', f, 2) == SPLIT_HARD);
	CHECK_INT(split_line("a,b", 3, ',', f, 2), 2);
}

/* A small deterministic generator (xorshift64*), so that a failure can be repeated. */
static uint64_t next_random(uint64_t *state)
{
	*state ^= *state >> 12;
	*state ^= *state << 25;
	*state ^= *state >> 27;
	return *state * 0x2545F4914F6CDD1Dull;
}

/*
 * 400,000 random lines over the characters that matter (each delimiter,
 * quotes, spaces, tabs, letters, a two-byte letter), at most 24 bytes each,
 * through both. Every line split_line reads must match libcsv exactly; both
 * kinds must be common, so that the test says something either way.
 */
static void test_random_lines(void)
{
	static const char *const pieces[] = { "a", "b", " ", "\t", ",", ";", "|", "\"", "\"\"", "\xc3\xa9", "xyz" };
	static const char delims[] = { ',', ';', '\t', '|' };
	uint64_t state = 0x9E3779B97F4A7C15ull;
	long plain = 0, hard = 0, wrong = 0;
	char line[64];
	for (int i = 0; i < 400000; i++) {
		size_t len = 0, want = next_random(&state) % 24;
		while (len < want) {
			const char *piece = pieces[next_random(&state) % (sizeof pieces / sizeof *pieces)];
			size_t n = strlen(piece);
			memcpy(line + len, piece, n);
			len += n;
		}
		line[len] = '\0';
		char delim = delims[next_random(&state) % sizeof delims];
		struct parsed want_p, got;
		libcsv_parse(line, len, delim, &want_p);
		size_t n = split_parse(line, len, delim, &got);
		if (n == SPLIT_HARD) {
			hard++;
			continue;
		}
		plain++;
		if (got.len != want_p.len || memcmp(got.text, want_p.text, got.len) != 0 ||
		    got.records != want_p.records || got.fields != want_p.fields) {
			if (wrong++ < 5)
				fprintf(stderr, "split_line and libcsv differ on [%s] with delimiter [%c]\n", line, delim);
		}
	}
	CHECK_INT(wrong, 0);
	CHECK(plain > 100000);
	CHECK(hard > 100000);
}

int main(void)
{
	RUN(test_rules);
	RUN(test_random_lines);
	return check_summary();
}
