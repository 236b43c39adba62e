/*
 * Unit tests for reader.c's split of plain lines (split.c): every export is
 * read twice, once as the reader reads it and once with every line through
 * libcsv, and the two must hand out the same records, field for field, on
 * the same lines, with the same hash and the same error. The exports are the
 * real ones, the written ones and the hostile ones of tests/, and a
 * synthetic file of random lines (fixed seed) over every line ending, blank
 * lines, spaces, quotes and line breaks inside quotes, larger than the
 * reader's blocks so that lines and quoted fields are cut between them.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#include "check.h"
#include "reader.h"

/* Reads PATH both ways; returns 1 when they agree, else 0 with the first difference on stderr. */
static int same_both_ways(const char *path, char delimiter, long *records)
{
	struct reader_options fast = { READER_ENCODING_DETECT, delimiter, 0 };
	struct reader_options slow = { READER_ENCODING_DETECT, delimiter, 1 };
	struct reach_error e1 = { 0 }, e2 = { 0 };
	struct reader *a = reader_open_with(path, &fast, &e1), *b = reader_open_with(path, &slow, &e2);
	int same = (a != NULL) == (b != NULL), ra = 0, rb = 0;
	*records = 0;
	while (same && a) {
		const struct reader_row *x, *y;
		ra = reader_next(a, &x, &e1);
		rb = reader_next(b, &y, &e2);
		if (ra != rb) {
			same = 0;
		} else if (ra == 1) {
			same = x->line == y->line && x->nfields == y->nfields;
			for (size_t i = 0; same && i < x->nfields; i++)
				same = x->lens[i] == y->lens[i] && memcmp(x->fields[i], y->fields[i], x->lens[i]) == 0 &&
				    x->fields[i][x->lens[i]] == '\0';
			if (!same)
				fprintf(stderr, "%s: the record of line %ld differs read both ways\n", path, x->line);
			(*records)++;
			continue;
		}
		break;
	}
	if (same && (ra < 0 || !a))
		same = strcmp(e1.msg, e2.msg) == 0 && e1.code == e2.code;
	if (same && a) {
		char h1[65], h2[65];
		reader_sha256(a, h1);
		reader_sha256(b, h2);
		same = strcmp(h1, h2) == 0 && reader_last_line(a) == reader_last_line(b);
	}
	if (!same)
		fprintf(stderr, "%s: read both ways: %d [%s] against %d [%s]\n", path, ra, e1.msg, rb, e2.msg);
	reader_close(a);
	reader_close(b);
	return same;
}

/* Every .csv file in DIR; returns how many were read. */
static int every_export(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;
	CHECK(d != NULL);
	while (d && (e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);
		if (len < 4 || strcmp(e->d_name + len - 4, ".csv") != 0)
			continue;
		char path[512];
		long records;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		CHECK(same_both_ways(path, 0, &records));
		n++;
	}
	if (d)
		closedir(d);
	return n;
}

static void test_exports(void)
{
	CHECK(every_export("tests/data/real") >= 19);
	CHECK(every_export("tests/data/exports") >= 20);
	CHECK(every_export("tests/hostile/exports") >= 10);
	CHECK(every_export("seeds/samples") >= 6);
}

static uint64_t next_random(uint64_t *state)
{
	*state ^= *state >> 12;
	*state ^= *state << 25;
	*state ^= *state >> 27;
	return *state * 0x2545F4914F6CDD1Dull;
}

/*
 * Writes about BYTES of random lines with DELIM to PATH: five fields a line,
 * each bare, quoted, quoted with a doubled quote or a line break inside, or
 * spoilt; every line ending; blank lines and lines of spaces between.
 */
static void write_random_export(const char *path, char delim, size_t bytes, uint64_t seed)
{
	static const char *const fields[] = {
		"a", "White: English", " spaced ", "", "\"q, d\"", "\"\"", "\"say \"\"hi\"\"\"",
		"\"two\nlines\"", "\"cr\r\nlf\"", "x\"y", "\"open\" end", "Caf\xc3\xa9", "\t", "  \"z\"  ",
	};
	static const char *const endings[] = { "\n", "\r\n", "\r", "\n\n", "\r\n   \r\n" };
	uint64_t state = seed;
	FILE *f = fopen(path, "wb");
	size_t written = 0;
	CHECK(f != NULL);
	if (!f)
		return;
	fputs("one,two,three,four,five\n", f);
	while (written < bytes) {
		for (int i = 0; i < 5; i++) {
			const char *field = fields[next_random(&state) % (sizeof fields / sizeof *fields)];
			written += fwrite(field, 1, strlen(field), f);
			if (i < 4)
				written += fwrite(&delim, 1, 1, f);
		}
		const char *end = endings[next_random(&state) % (sizeof endings / sizeof *endings)];
		written += fwrite(end, 1, strlen(end), f);
	}
	fclose(f);
}

static void test_random_exports(void)
{
	static const char delims[] = { ',', ';', '\t', '|' };
	char path[] = "/tmp/reach-test-reader-XXXXXX";
	int fd = mkstemp(path);
	CHECK(fd >= 0);
	if (fd < 0)
		return;
	close(fd);
	for (size_t i = 0; i < sizeof delims; i++) {
		long records;
		/* Three of the reader's 256 KiB blocks and more: lines and quotes are cut between them. */
		write_random_export(path, delims[i], 900 * 1024, 0x9E3779B97F4A7C15ull + i);
		CHECK(same_both_ways(path, delims[i], &records));
		CHECK(records > 5000);
	}
	remove(path);
}

int main(void)
{
	RUN(test_exports);
	RUN(test_random_exports);
	return check_summary();
}
