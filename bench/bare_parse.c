/*
 * bare_parse.c — the benchmark's baseline: the least work any libcsv-based
 * ingester must do. Reads FILE with fread in 64 KiB blocks, runs csv_parse
 * with callbacks that only count fields and rows, and prints
 *
 *   rows N fields N
 *
 * Rows include the header row(s). Exit 0 on success, 1 on a parse or read
 * error, 2 on misuse.
 */
#include <csv.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#define PROG "bare_parse"
#define BLOCK (64 * 1024)

struct counts {
	unsigned long long rows, fields;
};

static void on_field(void *data, size_t len, void *user)
{
	(void)data;
	(void)len;
	((struct counts *)user)->fields++;
}

static void on_row(int terminator, void *user)
{
	(void)terminator;
	((struct counts *)user)->rows++;
}

int main(int argc, char **argv)
{
	static char block[BLOCK];
	struct csv_parser parser;
	struct counts counts = { 0, 0 };
	FILE *f;
	size_t n;
	int status = 0;

	if (argc != 2) {
		fprintf(stderr, "usage: %s FILE\n", PROG);
		return 2;
	}
	if (!(f = fopen(argv[1], "rb"))) {
		fprintf(stderr, "%s: %s: %s\n", PROG, argv[1], strerror(errno));
		return 1;
	}
	if (csv_init(&parser, 0) != 0) {
		fprintf(stderr, "%s: csv_init failed\n", PROG);
		fclose(f);
		return 1;
	}
	while ((n = fread(block, 1, sizeof block, f)) > 0) {
		if (csv_parse(&parser, block, n, on_field, on_row, &counts) != n) {
			fprintf(stderr, "%s: %s: %s\n", PROG, argv[1], csv_strerror(csv_error(&parser)));
			status = 1;
			break;
		}
	}
	if (status == 0 && ferror(f)) {
		fprintf(stderr, "%s: %s: read error\n", PROG, argv[1]);
		status = 1;
	}
	if (status == 0 && csv_fini(&parser, on_field, on_row, &counts) != 0) {
		fprintf(stderr, "%s: %s: %s\n", PROG, argv[1], csv_strerror(csv_error(&parser)));
		status = 1;
	}
	csv_free(&parser);
	fclose(f);
	if (status == 0)
		printf("rows %llu fields %llu\n", counts.rows, counts.fields);
	return status;
}
