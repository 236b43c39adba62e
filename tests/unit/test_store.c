/*
 * Unit tests for store.c and ingest.c: what a failed statement says, and
 * that an ingest which cannot be stored (a full disk, made here with
 * SQLite's max_page_count) fails with a message and leaves the database as
 * it was, instead of reporting responses stored.
 */
#include <stdlib.h>
#include <unistd.h>

#include "check.h"
#include "ingest.h"
#include "store.h"

static char *scratch_db(void)
{
	char *path = xstrdup("/tmp/reach-test-store-XXXXXX");
	int fd = mkstemp(path);
	if (fd >= 0)
		close(fd);
	unlink(path);           /* store_open creates it, 0600 */
	return path;
}

static long count_rows(struct store *s, const char *sql)
{
	sqlite3_stmt *st;
	long n = -1;
	if (sqlite3_prepare_v2(store_db(s), sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		n = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* A query that fails while reading says so, with its queries/ name: not "writing". */
static void test_failed_read_is_named(void)
{
	struct reach_error err = { 0 };
	char *path = scratch_db();
	struct store *s = store_open(path, NULL, &err);
	CHECK(s != NULL);
	if (!s)
		return;
	CHECK(store_stmt(s, "consultation_list") != NULL);
	/* The table goes after the statement was prepared: the next step cannot read. */
	CHECK(sqlite3_exec(store_db(s), "PRAGMA foreign_keys = OFF; DROP TABLE consultations", NULL, NULL, NULL) == SQLITE_OK);
	CHECK_INT(store_step(s, store_stmt_fast(s, "consultation_list")), -1);
	CHECK(strstr(store_error(s)->msg, "reading with consultation_list") != NULL);
	CHECK(strstr(store_error(s)->msg, "writing") == NULL);
	store_close(s);
	unlink(path);
	free(path);
}

/* A full disk during an ingest: -1 with the reason, and nothing stored. */
static void test_full_disk_ingest_fails(void)
{
	struct reach_error err = { 0 };
	char *path = scratch_db();
	struct store *s = store_open(path, NULL, &err);
	struct taxonomy *t = tag_load(NULL, &err);
	CHECK(s != NULL && t != NULL);
	if (!s || !t)
		return;
	long pages = count_rows(s, "PRAGMA page_count");
	char limit[64];
	snprintf(limit, sizeof limit, "PRAGMA max_page_count = %ld", pages + 3);
	CHECK(sqlite3_exec(store_db(s), limit, NULL, NULL, NULL) == SQLITE_OK);
	struct ingest_meta m = { .slug = "leisure", .title = "Leisure", .platform = "surveymonkey", .min_age = 16 };
	struct load_options lo = { 0 };
	struct ingest_result result;
	int rc = ingest_file(s, "seeds/samples/synthetic_2019_surveymonkey_leisure.csv", &m, &lo, t, &result, &err);
	CHECK_INT(rc, -1);
	CHECK(strstr(err.msg, "full") != NULL);
	CHECK_INT(count_rows(s, "SELECT count(*) FROM consultations"), 0);
	CHECK_INT(count_rows(s, "SELECT count(*) FROM response_blocks"), 0);
	tag_free(t);
	store_close(s);
	unlink(path);
	free(path);
}

int main(void)
{
	RUN(test_failed_read_is_named);
	RUN(test_full_disk_ingest_fails);
	return check_summary();
}
