/*
 * fuzz_file.h — what the fuzz targets share: one scratch folder per process
 * (removed at exit), the fuzzer's input written to a file in it, as reach
 * reads every input from a file; and a database, the taxonomy and /dev/null
 * made or opened once for the importers.
 */
#ifndef REACH_FUZZ_FILE_H
#define REACH_FUZZ_FILE_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "baseline.h"
#include "plan.h"
#include "store.h"
#include "tag.h"

#define FUZZ_PATH 256             /* the size of every path buffer here */

static char fuzz_dir[FUZZ_PATH - 64];

/* FUZZ_DIR/NAME into PATH (FUZZ_PATH bytes). */
static inline void fuzz_path(char *path, const char *name)
{
	if (snprintf(path, FUZZ_PATH, "%s/%s", fuzz_dir, name) >= FUZZ_PATH)
		abort();
}

/* Removes what the targets leave in the scratch folder (they name every file), then the folder. */
static inline void fuzz_cleanup(void)
{
	static const char *const names[] = { "input", "export.csv", "reach.db", "reach.db-wal", "reach.db-shm", "reach.db-journal",
		"batch/consultations.csv", "batch/reports", "batch/reports-private", "batch", NULL };
	char path[FUZZ_PATH];
	for (const char *const *n = names; *n; n++) {
		fuzz_path(path, *n);
		remove(path);
	}
	rmdir(fuzz_dir);
}

/* The scratch folder of this process, made on the first call. */
static inline const char *fuzz_scratch(void)
{
	if (!*fuzz_dir) {
		const char *tmp = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
		if (snprintf(fuzz_dir, sizeof fuzz_dir, "%s/reach-fuzz-XXXXXX", tmp) >= (int)sizeof fuzz_dir || !mkdtemp(fuzz_dir))
			abort();
		atexit(fuzz_cleanup);
	}
	return fuzz_dir;
}

/* Writes SIZE bytes of DATA to the scratch file "input", named in PATH (FUZZ_PATH bytes); 0, or -1. */
static inline int fuzz_write(const uint8_t *data, size_t size, char *path)
{
	fuzz_scratch();
	fuzz_path(path, "input");
	FILE *fp = fopen(path, "wb");
	if (!fp)
		return -1;
	size_t n = fwrite(data, 1, size, fp);
	return fclose(fp) == 0 && n == size ? 0 : -1;
}

static inline int fuzz_seed(struct store *s, struct reach_error *err)
{
	return baseline_seed(s, err) < 0 ? -1 : plan_seed(s, err);
}

/* A database with the built-in reference data, made on the first call and kept (not synced: scratch). */
static inline struct store *fuzz_store(void)
{
	static struct store *s;
	if (!s) {
		char path[FUZZ_PATH];
		struct reach_error err = { 0 };
		fuzz_scratch();
		fuzz_path(path, "reach.db");
		s = store_open(path, STORE_CREATE, fuzz_seed, &err);
		if (!s) {
			fprintf(stderr, "%s\n", err.msg);
			abort();
		}
		sqlite3_exec(store_db(s), "PRAGMA synchronous = OFF", NULL, NULL, NULL);
	}
	return s;
}

/* The built-in taxonomy, loaded on the first call and kept. */
static inline struct taxonomy *fuzz_taxonomy(void)
{
	static struct taxonomy *t;
	struct reach_error err = { 0 };
	if (!t && !(t = tag_load(NULL, &err)))
		abort();
	return t;
}

/* /dev/null, for what the readers print, opened on the first call and kept. */
static inline FILE *fuzz_null(void)
{
	static FILE *null;
	if (!null && !(null = fopen("/dev/null", "w")))
		abort();
	return null;
}

#endif
