/*
 * replay.c — runs a fuzz target (LLVMFuzzerTestOneInput) once on each file
 * of the folder REPLAY_DIR (set when it is built), without libFuzzer: so
 * make check builds every fuzz target with the ordinary compiler and feeds
 * it its part of the hostile-input corpus (tests/hostile/), under ASan and
 * UBSan with SAN=1. A crash fails the run; otherwise it prints
 * "N passed, 0 failed", one for each file.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(void)
{
	DIR *d = opendir(REPLAY_DIR);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, passed = 0;
	if (!d) {
		fprintf(stderr, "replay: cannot read %s\n", REPLAY_DIR);
		return 1;
	}
	while ((e = readdir(d)) != NULL)
		if (e->d_name[0] != '.') {
			names = xrealloc(names, (n + 1) * sizeof *names);
			names[n++] = xstrdup(e->d_name);
		}
	closedir(d);
	qsort(names, n, sizeof *names, by_name);
	for (size_t i = 0; i < n; i++) {
		struct buf path = { 0 }, data = { 0 };
		char chunk[8192];
		size_t got;
		buf_printf(&path, "%s/%s", REPLAY_DIR, names[i]);
		FILE *fp = fopen(path.data, "rb");
		if (!fp) {
			fprintf(stderr, "replay: cannot read %s\n", path.data);
			return 1;
		}
		while ((got = fread(chunk, 1, sizeof chunk, fp)) > 0)
			buf_append(&data, chunk, got);
		fclose(fp);
		LLVMFuzzerTestOneInput((const uint8_t *)(data.data ? data.data : ""), data.len);
		passed++;
		buf_free(&path);
		buf_free(&data);
	}
	strings_free(names, n);
	printf("%zu passed, 0 failed\n", passed);
	return 0;
}
