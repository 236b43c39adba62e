/*
 * A libFuzzer target for the database reader: a crafted database must be
 * refused as damaged, never crash reach or make it allocate without bound.
 * Each run starts from a good database (a synthetic export ingested once,
 * with the built-in census figures), damages a copy as the input says, and
 * reads it as report, export and unmatched do.
 *
 * The input is read in records of 12 bytes: a target (byte 0: which table
 * and column), a row (byte 1: the row's place in its table), an action
 * (byte 2: set a number, or, for a block of responses, put a byte at an
 * offset or cut it there) and an operand (bytes 4–11, little-endian).
 *   make fuzz                  (clang, libFuzzer, AddressSanitizer, UBSan)
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "baseline.h"
#include "compare.h"
#include "consult.h"
#include "export.h"
#include "ingest.h"
#include "plan.h"
#include "report.h"
#include "store.h"
#include "tag.h"

#define GOOD_DB "/tmp/reach-fuzz-good.db"
#define EXPORT "tests/data/exports/equality_synthetic.csv"

/* Each number a record may set: the table, the column, and the key naming one row. */
static const struct {
	const char *table, *column, *key;
} numbers[] = {
	{ "answer_values", "code", "question_id, code" },
	{ "answer_values", "responses", "question_id, code" },
	{ "questions", "slot", "id" },
	{ "sources", "responses", "id" },
	{ "consultations", "min_age", "id" },
	{ "response_blocks", "responses", "source_id, first_seq" },
	{ "response_blocks", "first_seq", "source_id, first_seq" },
	{ "value_tags", "code", "question_id, code, dimension" },
	{ "value_tags", "age_min", "question_id, code, dimension" },
	{ "value_tags", "age_max", "question_id, code, dimension" },
	{ "value_tags", "number", "question_id, code, dimension" },
};
static const char *const blobs[] = { "lines", "submitted", "refs", "answers" };

static struct taxonomy *taxonomy;

static int seed(struct store *s, struct reach_error *err)
{
	return baseline_seed(s, err) < 0 ? -1 : plan_seed(s, err);
}

/* Makes the good database once: the synthetic export ingested as "eq". */
static int make_good(void)
{
	struct reach_error err = { 0 };
	unlink(GOOD_DB);
	struct store *s = store_open(GOOD_DB, STORE_CREATE, seed, &err);
	struct ingest_meta m = { .slug = "eq", .title = "Synthetic", .min_age = 16 };
	struct load_options lo = { 0 };
	struct ingest_result result;
	int rc = s && ingest_file(s, EXPORT, &m, &lo, taxonomy, &result, &err) == 0 ? 0 : -1;
	store_close(s);
	if (rc < 0)
		fprintf(stderr, "fuzz_database: cannot make the good database: %s (run from the top of the tree)\n", err.msg);
	return rc;
}

static int copy_file(const char *from, const char *to)
{
	FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
	char buf[65536];
	size_t n;
	int rc = in && out ? 0 : -1;
	while (rc == 0 && (n = fread(buf, 1, sizeof buf, in)) > 0)
		rc = fwrite(buf, 1, n, out) == n ? 0 : -1;
	if (in)
		fclose(in);
	if (out && fclose(out) != 0)
		rc = -1;
	return rc;
}

/* Applies one 12-byte record R to the database DB. */
static void damage(sqlite3 *db, const uint8_t *r)
{
	int64_t operand = 0;
	char sql[512];
	for (int i = 7; i >= 0; i--)
		operand = (int64_t)((uint64_t)operand << 8 | r[4 + i]);
	size_t nnumbers = sizeof numbers / sizeof *numbers, target = r[0] % (nnumbers + 4);
	if (target < nnumbers) {
		snprintf(sql, sizeof sql, "UPDATE OR IGNORE %s SET %s = %lld WHERE (%s) IN (SELECT %s FROM %s LIMIT 1 OFFSET %d)",
		    numbers[target].table, numbers[target].column, (long long)operand, numbers[target].key,
		    numbers[target].key, numbers[target].table, r[1] % 16);
	} else {
		const char *col = blobs[target - nnumbers];
		int at = (int)((uint64_t)operand % 64) + 1;
		if (r[2] % 2)    /* cut it after AT - 1 bytes */
			snprintf(sql, sizeof sql, "UPDATE response_blocks SET %s = substr(%s, 1, %d) WHERE first_seq IN "
			    "(SELECT first_seq FROM response_blocks LIMIT 1 OFFSET %d)", col, col, at - 1, r[1] % 4);
		else            /* put byte r[3] at AT */
			snprintf(sql, sizeof sql, "UPDATE response_blocks SET %s = substr(%s, 1, %d) || x'%02x' || substr(%s, %d) "
			    "WHERE first_seq IN (SELECT first_seq FROM response_blocks LIMIT 1 OFFSET %d)",
			    col, col, at - 1, r[3], col, at + 1, r[1] % 4);
	}
	sqlite3_exec(db, sql, NULL, NULL, NULL);
}

/* Reads consultation "eq" as report, export and unmatched do, their output thrown away. */
static void read_all(const char *path, FILE *sink)
{
	struct reach_error err = { 0 };
	struct store *s = store_open(path, STORE_EXISTING, NULL, &err);
	if (!s)
		return;
	char *slugs[] = { "eq" };
	struct compare_options o = { 0 };
	o.min_age = -1;
	struct compare *c = compare_run(s, taxonomy, slugs, 1, &o, &err);
	if (c) {
		memset(&err, 0, sizeof err);
		if (report_text(s, taxonomy, c, sink, &err) < 0)
			err.code = 0;
		compare_free(c);
	}
	struct consult_view v;
	memset(&err, 0, sizeof err);
	if (consult_view_open(s, "eq", &v, &err) == 0) {
		struct export e = { &v, sink };
		export_header(&v, sink);
		if (consult_each_response(s, &v, export_row, &e, &err) < 0)
			err.code = 0;
		consult_view_free(&v);
	}
	memset(&err, 0, sizeof err);
	if (consult_unmatched(s, "eq", 0, sink, &err) < 0)
		err.code = 0;
	store_close(s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready = -1;
	static FILE *sink;
	if (ready < 0) {
		struct reach_error err = { 0 };
		taxonomy = tag_load(NULL, &err);
		sink = fopen("/dev/null", "w");
		ready = taxonomy && sink && make_good() == 0;
	}
	if (!ready)
		abort();
	char path[] = "/tmp/reach-fuzz-db-XXXXXX";
	int fd = mkstemp(path);
	if (fd < 0)
		return 0;
	close(fd);
	sqlite3 *db = NULL;
	if (copy_file(GOOD_DB, path) == 0 && sqlite3_open(path, &db) == SQLITE_OK) {
		/* One transaction, unsynced: a scratch copy needs no durability, and a sync per run is slow. */
		sqlite3_exec(db, "PRAGMA synchronous = OFF; BEGIN", NULL, NULL, NULL);
		for (size_t i = 0; i + 12 <= size && i < 12 * 16; i += 12)
			damage(db, data + i);
		sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
	}
	sqlite3_close(db);
	read_all(path, sink);
	unlink(path);
	return 0;
}
