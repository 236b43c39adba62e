/*
 * Unit tests for store.c and ingest.c: what a failed statement says, and
 * that an ingest which cannot be stored (a full disk, made here with
 * SQLite's max_page_count) fails with a message and leaves the database as
 * it was, instead of reporting responses stored; that a read-only opening
 * never creates a database; that no transaction is left open between
 * transactions; and (load.c) that an export changed while it is read is
 * refused. The exports here are synthetic, written by the tests.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "scratch.h"
#include "ingest.h"
#include "store.h"

/* A query that fails while reading says so, with its queries/ name: not "writing". */
static void test_failed_read_is_named(void)
{
	struct reach_error err = { 0 };
	char *path = scratch_db("store");
	struct store *s = store_open(path, STORE_CREATE, NULL, &err);
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
	char *path = scratch_db("store");
	struct store *s = store_open(path, STORE_CREATE, NULL, &err);
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

/* A command that only reads never creates a database: a missing file is named, with how to start one. */
static void test_missing_database_not_created(void)
{
	struct reach_error err = { 0 };
	char *path = scratch_db("store");
	struct stat st;
	CHECK(store_open(path, STORE_EXISTING, NULL, &err) == NULL);
	CHECK_INT(err.code, REACH_EDB);
	CHECK(strstr(err.msg, "no such database") != NULL && strstr(err.msg, "reach ingest") != NULL);
	CHECK(stat(path, &st) < 0);
	free(path);
}

/* Turns secure_delete off on every new connection, as a SQLite built without SQLITE_SECURE_DELETE has it. */
static int secure_delete_off(sqlite3 *db, char **msg, const struct sqlite3_api_routines *api)
{
	(void)msg, (void)api;
	return sqlite3_exec(db, "PRAGMA secure_delete = OFF", NULL, NULL, NULL);
}

/*
 * Deleted rows are overwritten whatever SQLite's build default:
 * secure_delete is set on every opening. Debian builds SQLite with it on,
 * so every connection here first has it turned off, as other builds do.
 */
static void test_secure_delete_set(void)
{
	struct reach_error err = { 0 };
	char *path = scratch_db("store");
	CHECK(sqlite3_auto_extension((void (*)(void))secure_delete_off) == SQLITE_OK);
	sqlite3 *plain;
	CHECK(sqlite3_open(":memory:", &plain) == SQLITE_OK);
	sqlite3_stmt *st;
	CHECK(sqlite3_prepare_v2(plain, "PRAGMA secure_delete", -1, &st, NULL) == SQLITE_OK);
	CHECK(sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) == 0);       /* the test's own premise */
	sqlite3_finalize(st);
	sqlite3_close(plain);
	struct store *s = store_open(path, STORE_CREATE, NULL, &err);
	CHECK(s != NULL);
	if (s)
		CHECK_INT(count_rows(s, "PRAGMA secure_delete"), 1);
	store_close(s);
	sqlite3_reset_auto_extension();
	unlink(path);
	free(path);
}

/* Steps a statement to its first row and leaves it there, as a caller reading one row does. */
static int read_one_row(struct store *s, void *ctx, struct reach_error *err)
{
	(void)ctx, (void)err;
	return store_step(s, store_stmt(s, "consultation_list")) == SQLITE_ROW ? 0 : -1;
}

/*
 * A statement left on a row holds a read transaction open after COMMIT; a
 * connection holding one gets SQLITE_BUSY at its next BEGIN IMMEDIATE at
 * once, without waiting, whenever another reach is writing. None is left.
 */
static void test_no_transaction_left_open(void)
{
	struct reach_error err = { 0 };
	char *path = scratch_db("store");
	struct store *s = store_open(path, STORE_CREATE, NULL, &err);
	CHECK(s != NULL);
	if (!s)
		return;
	CHECK(sqlite3_exec(store_db(s), "INSERT INTO consultations (slug) VALUES ('a'), ('b')", NULL, NULL, NULL) == SQLITE_OK);
	CHECK_INT(store_transaction(s, read_one_row, NULL, &err), 0);
	CHECK_INT(sqlite3_txn_state(store_db(s), NULL), SQLITE_TXN_NONE);
	store_close(s);
	unlink(path);
	free(path);
}

/* Writes a synthetic export of ROWS responses to PATH. */
static void write_export(const char *path, int rows)
{
	FILE *fp = fopen(path, "w");
	if (!fp)
		return;
	fputs("Response ID,What is your age?\n", fp);
	for (int i = 1; i <= rows; i++)
		fprintf(fp, "%d,%d\n", i, 18 + i % 60);
	fclose(fp);
}

/* Reads PATH with load_next after CHANGE(PATH) is done once ROWS are read: the final status and ERR. */
static int read_changed(const char *path, int rows, void (*change)(const char *), struct reach_error *err)
{
	struct load_options lo = { 0 };
	const struct load_response *r;
	struct load *l = load_open(path, &lo, err);
	int rc = l ? 1 : -1, n = 0;
	while (rc == 1 && (rc = load_next(l, &r, err)) == 1)
		if (++n == rows)
			change(path);
	load_close(l);
	return rc;
}

static void cut_to_half(const char *path)
{
	struct stat st;
	if (stat(path, &st) == 0 && truncate(path, st.st_size / 2) < 0)
		perror(path);
}

static void add_a_row(const char *path)
{
	FILE *fp = fopen(path, "a");
	if (fp) {
		fputs("999999,40\n", fp);
		fclose(fp);
	}
}

static void leave_alone(const char *path)
{
	(void)path;
}

/* An export cut or added to while it is read is refused: its size at the end is not its size at the start. */
static void test_changed_export_refused(void)
{
	char path[] = "/tmp/reach-test-changing-XXXXXX";
	int fd = mkstemp(path);
	struct reach_error err = { 0 };
	if (fd >= 0)
		close(fd);
	void (*changes[])(const char *) = { cut_to_half, add_a_row };
	for (size_t i = 0; i < 2; i++) {
		write_export(path, 200000);
		memset(&err, 0, sizeof err);
		CHECK_INT(read_changed(path, 10, changes[i], &err), -1);
		CHECK(strstr(err.msg, "changed while it was read") != NULL);
	}
	write_export(path, 200000);
	memset(&err, 0, sizeof err);
	CHECK_INT(read_changed(path, 10, leave_alone, &err), 0);
	unlink(path);
}

int main(void)
{
	RUN(test_failed_read_is_named);
	RUN(test_full_disk_ingest_fails);
	RUN(test_missing_database_not_created);
	RUN(test_secure_delete_set);
	RUN(test_no_transaction_left_open);
	RUN(test_changed_export_refused);
	return check_summary();
}
