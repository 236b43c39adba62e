/*
 * fuzz_file.h — what the fuzz targets share: the fuzzer's input written to a
 * file, as reach reads every input from a file; and a database made once
 * for the importers, in a scratch folder.
 */
#ifndef REACH_FUZZ_FILE_H
#define REACH_FUZZ_FILE_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "baseline.h"
#include "plan.h"
#include "store.h"

/* Writes SIZE bytes of DATA to a new file named in PATH (at least 32 bytes); 0, or -1. */
static int fuzz_write(const uint8_t *data, size_t size, char *path)
{
	snprintf(path, 32, "/tmp/reach-fuzz-XXXXXX");
	int fd = mkstemp(path);
	if (fd < 0)
		return -1;
	int ok = write(fd, data, size) == (ssize_t)size;
	close(fd);
	if (!ok)
		unlink(path);
	return ok ? 0 : -1;
}

static int fuzz_seed(struct store *s, struct reach_error *err)
{
	return baseline_seed(s, err) < 0 ? -1 : plan_seed(s, err);
}

/* A database with the built-in reference data, made on the first call and kept (not synced: scratch). */
static struct store *fuzz_store(void)
{
	static struct store *s;
	static char dir[] = "/tmp/reach-fuzz-db-XXXXXX";
	if (!s && mkdtemp(dir)) {
		char path[64];
		struct reach_error err = { 0 };
		snprintf(path, sizeof path, "%s/reach.db", dir);
		s = store_open(path, STORE_CREATE, fuzz_seed, &err);
		if (!s) {
			fprintf(stderr, "%s\n", err.msg);
			abort();
		}
		sqlite3_exec(store_db(s), "PRAGMA synchronous = OFF", NULL, NULL, NULL);
	}
	return s;
}

#endif
