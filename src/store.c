/* store.c — see store.h. */
#include "store.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "counts.h"
#include "embedded.h"

#define BUSY_TIMEOUT_SECONDS 30         /* waiting for another writer; $REACH_BUSY_TIMEOUT */
#define MAX_STATEMENTS 64

struct store {
	sqlite3 *db;
	char *path;
	struct {
		const char *name;
		sqlite3_stmt *st;
	} stmts[MAX_STATEMENTS];
	size_t nstmts;
	int in_transaction;
	long busy_seconds;
	struct reach_error err;
};

static int db_fail(struct store *s, const char *what)
{
	if (!s->err.code) {
		int rc = sqlite3_errcode(s->db);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			error_set(&s->err, REACH_EDB, s->path, 0,
			    "%s: the database is busy: another reach is writing to it (waited %ld s)",
			    what, s->busy_seconds);
		else
			error_set(&s->err, REACH_EDB, s->path, 0, "%s: %s", what, sqlite3_errmsg(s->db));
	}
	return -1;
}

static int exec_sql(struct store *s, const char *sql, const char *what)
{
	if (s->err.code)
		return -1;
	if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return db_fail(s, what);
	return 0;
}

static int pragma_int(struct store *s, const char *sql)
{
	sqlite3_stmt *st;
	int v = -1;
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return db_fail(s, sql);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* Creates the schema (queries/schema.sql, then each queries/schema_NAME.sql) and seeds it. */
static int create_schema(struct store *s, void *seed_fn, struct reach_error *err)
{
	store_seed_fn seed = *(store_seed_fn *)seed_fn;
	char set_version[64];
	snprintf(set_version, sizeof set_version, "PRAGMA user_version = %d", STORE_SCHEMA_VERSION);
	exec_sql(s, embedded_query("schema"), "creating the schema");
	for (const struct embedded_file *f = embedded_files; f->path; f++)
		if (strncmp(f->path, "queries/schema_", 15) == 0)
			exec_sql(s, f->data, f->path);
	exec_sql(s, set_version, "recording the schema version");
	return s->err.code || (seed && seed(s, err) < 0) ? -1 : 0;
}

/*
 * Brings an older database up to STORE_SCHEMA_VERSION: queries/migrate_N.sql
 * for each version N after its own, in turn, then the counts of version 3
 * (counts_upgrade) when it had none. The version is read again
 * inside the transaction, so a reach that waited for another's upgrade does
 * nothing. 0, or -1 with the store failed.
 */
static int upgrade_schema(struct store *s, void *unused, struct reach_error *err)
{
	char name[32], set_version[64];
	int version = pragma_int(s, "PRAGMA user_version");
	(void)unused;
	if (version < 0 || version >= STORE_SCHEMA_VERSION)
		return version < 0 ? -1 : 0;
	for (int v = version + 1; v <= STORE_SCHEMA_VERSION; v++) {
		snprintf(name, sizeof name, "migrate_%d", v);
		exec_sql(s, embedded_query(name), name);
	}
	/* Version 3 keeps counts of the responses: those stored before are counted now. */
	if (version < 3 && !s->err.code && counts_upgrade(s, err) < 0) {
		store_fail(s, err);
		return -1;
	}
	snprintf(set_version, sizeof set_version, "PRAGMA user_version = %d", STORE_SCHEMA_VERSION);
	exec_sql(s, set_version, "recording the schema version");
	return s->err.code ? -1 : 0;
}

/* Counts the tables, views and indexes of the database: 0 in a new (empty) file; -1 on failure. */
static int schema_objects(struct store *s)
{
	return pragma_int(s, "SELECT count(*) FROM sqlite_schema");
}

/* 1 when the database has table NAME, 0 when not, -1 on failure. */
static int has_table(struct store *s, const char *name)
{
	sqlite3_stmt *st;
	int found = -1;
	if (sqlite3_prepare_v2(s->db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?", -1, &st,
	    NULL) != SQLITE_OK)
		return db_fail(s, "reading the schema");
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		found = rc == SQLITE_ROW;
	sqlite3_finalize(st);
	return found < 0 ? db_fail(s, "reading the schema") : found;
}

/*
 * What the database at version VERSION is to this reach: 0 when it is
 * reach's (or empty) and may be used or upgraded, -1 with the store failed
 * when it is another program's or a newer reach's.
 */
static int check_owner(struct store *s, int version)
{
	if (version > STORE_SCHEMA_VERSION) {
		error_set(&s->err, REACH_EDB, s->path, 0,
		    "made by a newer reach (schema %d; this reach knows %d)", version, STORE_SCHEMA_VERSION);
		return -1;
	}
	int objects = version == 0 ? schema_objects(s) : has_table(s, "consultations");
	if (objects < 0)
		return db_fail(s, "reading the schema");
	if ((version == 0 && objects > 0) || (version > 0 && objects == 0)) {
		error_set(&s->err, REACH_EDB, s->path, 0,
		    "not a reach database: it holds another program's tables (reach leaves it as it is; "
		    "give --db a new file name)");
		return -1;
	}
	return 0;
}

/*
 * The schema work of a new or older database, inside an exclusive
 * transaction: the version is read again under the lock, so of several
 * reach started together on a new file one creates the schema and the
 * others, having waited, find it made.
 */
static int settle_schema(struct store *s, void *seed_fn, struct reach_error *err)
{
	int version = pragma_int(s, "PRAGMA user_version");
	if (version < 0 || check_owner(s, version) < 0)
		return -1;
	if (version == 0)
		return create_schema(s, seed_fn, err);
	return upgrade_schema(s, NULL, err);
}

/*
 * Creates the schema in a new database, upgrades one from an older reach,
 * or refuses one from a newer reach or another program. Creation and
 * upgrade happen under an exclusive lock (BEGIN EXCLUSIVE).
 */
static int migrate(struct store *s, store_seed_fn seed)
{
	/* Read without the lock, a current version is final; anything else is looked at again under it. */
	int version = pragma_int(s, "PRAGMA user_version");
	if (version < 0 || (version >= STORE_SCHEMA_VERSION && check_owner(s, version) < 0))
		return -1;
	if (version == STORE_SCHEMA_VERSION)
		return 0;
	struct reach_error err = { 0 };
	if (exec_sql(s, "BEGIN EXCLUSIVE", "locking the database to set up its schema") < 0)
		return -1;
	s->in_transaction = 1;
	int rc = settle_schema(s, &seed, &err);
	if (rc == 0 && !s->err.code)
		rc = store_commit(s);
	if (rc < 0 || s->err.code) {
		store_rollback(s);
		store_fail(s, err.code ? &err : &s->err);
		if (!s->err.code)
			error_set(&s->err, REACH_EDB, s->path, 0, "setting up the schema failed");
		return -1;
	}
	return 0;
}

/*
 * Opens the file at PATH, creating it (0600, whatever the umask) when MODE
 * allows; 0, or -1 with ERR set. A file once made is never removed again:
 * another reach may already be using it.
 */
static int open_file(struct store *s, const char *path, enum store_mode mode, struct reach_error *err)
{
	if (mode == STORE_CREATE) {
		int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
		if (fd >= 0)
			close(fd);
		else if (errno != EEXIST) {
			error_set(err, REACH_EDB, path, 0, "cannot create the database: %s", strerror(errno));
			return -1;
		}
	} else if (access(path, F_OK) < 0) {
		if (errno == ENOENT)
			error_set(err, REACH_EDB, path, 0,
			    "no such database: start one with reach ingest EXPORT.csv --consultation SLUG, "
			    "or name another with --db FILE");
		else
			error_set(err, REACH_EDB, path, 0, "cannot open the database: %s", strerror(errno));
		return -1;
	}
	if (sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		error_set(err, REACH_EDB, path, 0, "cannot open the database: %s",
		    s->db ? sqlite3_errmsg(s->db) : "out of memory");
		return -1;
	}
	return 0;
}

struct store *store_open(const char *path, enum store_mode mode, store_seed_fn seed, struct reach_error *err)
{
	struct store *s = xcalloc(1, sizeof *s);
	s->path = xstrdup(path);
	if (open_file(s, path, mode, err) < 0) {
		store_close(s);
		return NULL;
	}
	const char *wait = getenv("REACH_BUSY_TIMEOUT");
	if (!wait || parse_long(wait, 0, 86400, &s->busy_seconds) < 0)
		s->busy_seconds = BUSY_TIMEOUT_SECONDS;
	sqlite3_busy_timeout(s->db, (int)(s->busy_seconds * 1000));
	/* Deleted rows (free text, a replaced consultation) are overwritten, whatever SQLite's build default. */
	exec_sql(s, "PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON; PRAGMA cache_size = -16384", "setting up");
	if (!s->err.code && pragma_int(s, "PRAGMA schema_version") < 0)
		db_fail(s, "not a reach database");
	if (!s->err.code)
		migrate(s, seed);
	if (s->err.code) {
		*err = s->err;
		store_close(s);
		return NULL;
	}
	return s;
}

void store_close(struct store *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->nstmts; i++)
		sqlite3_finalize(s->stmts[i].st);
	if (s->db) {
		if (s->in_transaction)
			sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
		sqlite3_close(s->db);
	}
	free(s->path);
	free(s);
}

sqlite3 *store_db(struct store *s)
{
	return s->db;
}

const char *store_path(const struct store *s)
{
	return s->path;
}

/*
 * Resets every cached statement: one left on a row would hold a read
 * transaction open, and a connection that holds one while another writes
 * gets SQLITE_BUSY at BEGIN IMMEDIATE at once, without waiting.
 */
static void reset_statements(struct store *s)
{
	for (size_t i = 0; i < s->nstmts; i++)
		sqlite3_reset(s->stmts[i].st);
}

int store_begin(struct store *s)
{
	reset_statements(s);
	if (exec_sql(s, "BEGIN IMMEDIATE", "starting a transaction") < 0)
		return -1;
	s->in_transaction = 1;
	return 0;
}

int store_commit(struct store *s)
{
	if (s->err.code || exec_sql(s, "COMMIT", "committing") < 0) {
		store_rollback(s);
		return -1;
	}
	s->in_transaction = 0;
	reset_statements(s);
	return 0;
}

void store_rollback(struct store *s)
{
	if (s->in_transaction)
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	s->in_transaction = 0;
	reset_statements(s);
}

int store_failed(const struct store *s)
{
	return s->err.code != 0;
}

const struct reach_error *store_error(const struct store *s)
{
	return &s->err;
}

void store_fail(struct store *s, const struct reach_error *err)
{
	if (!s->err.code)
		s->err = *err;
}

sqlite3_stmt *store_stmt(struct store *s, const char *name)
{
	sqlite3_stmt *st = store_stmt_fast(s, name);
	if (st)
		sqlite3_clear_bindings(st);
	return st;
}

sqlite3_stmt *store_stmt_fast(struct store *s, const char *name)
{
	if (s->err.code)
		return NULL;
	for (size_t i = 0; i < s->nstmts; i++)
		if (s->stmts[i].name == name || strcmp(s->stmts[i].name, name) == 0) {
			sqlite3_reset(s->stmts[i].st);
			return s->stmts[i].st;
		}
	if (s->nstmts == MAX_STATEMENTS) {
		fprintf(stderr, "reach: too many prepared statements\n");
		abort();
	}
	sqlite3_stmt *st;
	if (sqlite3_prepare_v3(s->db, embedded_query(name), -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
		db_fail(s, name);
		return NULL;
	}
	s->stmts[s->nstmts].name = name;
	s->stmts[s->nstmts++].st = st;
	return st;
}

static int param(sqlite3_stmt *st, const char *name)
{
	int i = sqlite3_bind_parameter_index(st, name);
	if (i == 0) {
		fprintf(stderr, "reach: no parameter %s in: %s\n", name, sqlite3_sql(st));
		abort();
	}
	return i;
}

int store_param(sqlite3_stmt *st, const char *name)
{
	return st ? param(st, name) : 0;
}

void store_bind_text(sqlite3_stmt *st, const char *name, const char *value)
{
	if (!st)
		return;
	if (value)
		sqlite3_bind_text(st, param(st, name), value, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, param(st, name));
}

void store_bind_int(sqlite3_stmt *st, const char *name, int64_t value)
{
	if (st)
		sqlite3_bind_int64(st, param(st, name), value);
}

void store_bind_blob(sqlite3_stmt *st, const char *name, const void *data, size_t len)
{
	if (st)
		sqlite3_bind_blob64(st, param(st, name), data, len, SQLITE_STATIC);
}

/* The queries/NAME.sql name of the prepared statement ST, or "a statement". */
static const char *stmt_name(const struct store *s, const sqlite3_stmt *st)
{
	for (size_t i = 0; i < s->nstmts; i++)
		if (s->stmts[i].st == st)
			return s->stmts[i].name;
	return "a statement";
}

int store_step(struct store *s, sqlite3_stmt *st)
{
	if (s->err.code || !st)
		return -1;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		return rc;
	/* Say what failed: a query reading, or a statement writing, by its queries/ name. */
	char what[128];
	snprintf(what, sizeof what, "%s %s", sqlite3_stmt_readonly(st) ? "reading with" : "writing with",
	    stmt_name(s, st));
	return db_fail(s, what);
}

int store_transaction(struct store *s, store_work_fn work, void *ctx, struct reach_error *err)
{
	if (store_begin(s) < 0) {
		*err = s->err;
		return -1;
	}
	int rc = work(s, ctx, err);
	if (rc >= 0 && s->err.code)
		rc = -1;
	if (rc >= 0 && store_commit(s) < 0)
		rc = -1;
	if (rc < 0) {
		/* The work's own message when it set one; otherwise the store's. */
		if (!err->code && s->err.code)
			*err = s->err;
		else if (!err->code)
			error_set(err, REACH_EDB, s->path, 0, "the transaction failed");
		store_rollback(s);
		/* Rolled back and reported: the next transaction (a batch's next file) starts clean. */
		memset(&s->err, 0, sizeof s->err);
	}
	return rc;
}
