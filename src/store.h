/*
 * store.h — the SQLite database: open (creating it 0600 with the schema of
 * queries/schema.sql), migrate, transactions, and prepared statements that
 * are named after their queries/NAME.sql file and bound by parameter name.
 *
 * Errors are sticky: after the first failure every further step returns -1
 * at once, so a chain of steps is checked once, at its end, with
 * store_failed(); the transaction is then rolled back, and the failure
 * cleared once store_transaction has handed it to its caller.
 */
#ifndef REACH_STORE_H
#define REACH_STORE_H

#include <sqlite3.h>
#include <stdint.h>

#include "util.h"

#define STORE_SCHEMA_VERSION 3

struct store;

/*
 * Fills a new database with reference data, inside the transaction that
 * creates it; 0, or -1 with ERR set.
 */
typedef int (*store_seed_fn)(struct store *s, struct reach_error *err);

/* Whether store_open may create the database file: only a command that stores does. */
enum store_mode {
	STORE_CREATE,   /* create the file when there is none */
	STORE_EXISTING  /* refuse a missing file, naming it and how to start one */
};

/*
 * Opens the database at PATH, creating it when MODE is STORE_CREATE. A new
 * (empty) database gets the schema, then SEED's reference data; an older
 * reach's is upgraded; both under an exclusive lock, so that several reach
 * started together on a new file all find one schema. A database of another
 * program or of a newer reach is refused, untouched. NULL with ERR set on
 * failure; a file once created is left in place (another reach may be
 * using it).
 */
struct store *store_open(const char *path, enum store_mode mode, store_seed_fn seed, struct reach_error *err);

/* Closes the database, rolling back an unfinished transaction; accepts NULL. */
void store_close(struct store *s);

sqlite3 *store_db(struct store *s);
const char *store_path(const struct store *s);

/*
 * The work of one transaction: returns 0 (or more) when done, -1 on failure
 * with ERR set (or the store failed). Called between BEGIN and COMMIT.
 */
typedef int (*store_work_fn)(struct store *s, void *ctx, struct reach_error *err);

/*
 * Runs WORK(S, CTX, ERR) as one transaction: BEGIN IMMEDIATE (waiting for
 * another writer up to the busy timeout), WORK, COMMIT. Returns what WORK
 * returned; -1 with ERR set when any step failed, and then everything WORK
 * did is rolled back: the database is exactly as it was.
 */
int store_transaction(struct store *s, store_work_fn work, void *ctx, struct reach_error *err) REACH_MUST_CHECK;

/* BEGIN IMMEDIATE, waiting for another writer up to a timeout; 0 or -1. */
int store_begin(struct store *s) REACH_MUST_CHECK;
/* COMMIT; 0 or -1 (then rolled back). */
int store_commit(struct store *s) REACH_MUST_CHECK;
/* ROLLBACK if a transaction is open. */
void store_rollback(struct store *s);

/* Non-zero once a step failed; store_error gives the message. */
int store_failed(const struct store *s);
const struct reach_error *store_error(const struct store *s);
/* Records a failure of the caller's own (e.g. a data check) as sticky. */
void store_fail(struct store *s, const struct reach_error *err);

/*
 * The prepared statement of queries/NAME.sql, reset with its bindings
 * cleared; owned by the store. NULL (and the store failed) if it cannot be
 * prepared.
 */
sqlite3_stmt *store_stmt(struct store *s, const char *name);

/*
 * The index of parameter NAME (":slug") of ST, for a statement stepped many
 * times with sqlite3_bind_* by index; 0 when ST is NULL. A name the
 * statement lacks is a programming error: it aborts.
 */
int store_param(sqlite3_stmt *st, const char *name);

/*
 * Binds by parameter name (":slug"); a NULL text binds SQL NULL. Texts and
 * blobs are not copied: they must stay unchanged until the statement is stepped.
 */
void store_bind_text(sqlite3_stmt *st, const char *param, const char *value);
void store_bind_int(sqlite3_stmt *st, const char *param, int64_t value);
void store_bind_blob(sqlite3_stmt *st, const char *param, const void *data, size_t len);

/*
 * The same as store_stmt, reset but with its old bindings kept: for a hot
 * loop that binds every parameter by position each time.
 */
sqlite3_stmt *store_stmt_fast(struct store *s, const char *name);

/* Steps ST: SQLITE_ROW, SQLITE_DONE, or -1 (sticky failure). */
int store_step(struct store *s, sqlite3_stmt *st);

#endif
