/*
 * A libFuzzer target that reads the input as an export twice, as the reader
 * reads it (plain lines split by split.c) and with every line through
 * libcsv, and stops at the first record, line, hash or error that differs:
 * the split of plain lines must never change what is read.
 *   make fuzz-reader           (clang, libFuzzer, AddressSanitizer, UBSan)
 */
#include <string.h>

#include "fuzz_file.h"
#include "reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[FUZZ_PATH];
	if (fuzz_write(data, size, path) < 0)
		return 0;
	/* The delimiter detected, or each given one: the input's size picks. */
	static const char delimiters[] = { 0, ',', ';', '\t', '|' };
	char delimiter = delimiters[size % sizeof delimiters];
	struct reader_options fast = { READER_ENCODING_DETECT, delimiter, 0 };
	struct reader_options slow = { READER_ENCODING_DETECT, delimiter, 1 };
	struct reach_error e1 = { 0 }, e2 = { 0 };
	struct reader *a = reader_open_with(path, &fast, &e1), *b = reader_open_with(path, &slow, &e2);
	if (!a != !b)
		abort();
	int ra = 0, rb = 0;
	while (a) {
		const struct reader_row *x, *y;
		ra = reader_next(a, &x, &e1);
		rb = reader_next(b, &y, &e2);
		if (ra != rb)
			abort();
		if (ra != 1)
			break;
		if (x->line != y->line || x->nfields != y->nfields)
			abort();
		for (size_t i = 0; i < x->nfields; i++)
			if (x->lens[i] != y->lens[i] || memcmp(x->fields[i], y->fields[i], x->lens[i] + 1) != 0)
				abort();
	}
	if (e1.code != e2.code || strcmp(e1.msg, e2.msg) != 0)
		abort();
	if (a) {
		char h1[65], h2[65];
		reader_sha256(a, h1);
		reader_sha256(b, h2);
		if (strcmp(h1, h2) != 0 || reader_last_line(a) != reader_last_line(b))
			abort();
	}
	reader_close(a);
	reader_close(b);
	return 0;
}
