/* meter.c — see meter.h. */
#include "meter.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "util.h"

struct meter {
	double started, last;   /* seconds, on the monotonic clock */
	double interval;        /* seconds between two drawings */
	uint64_t size;          /* the file's size; 0 when unknown (a pipe) */
	int drawn;
};

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

struct meter *meter_start(const char *path, int quiet)
{
	struct stat st;
	if (quiet || !isatty(STDERR_FILENO))
		return NULL;
	struct meter *m = xcalloc(1, sizeof *m);
	const char *interval = getenv("REACH_PROGRESS_INTERVAL");
	char *end;
	m->interval = interval && *interval ? strtod(interval, &end) : 0.25;
	if (!interval || !*interval || *end || !(m->interval >= 0))
		m->interval = 0.25;
	if ((strcmp(path, "-") == 0 ? fstat(STDIN_FILENO, &st) : stat(path, &st)) == 0 && S_ISREG(st.st_mode))
		m->size = (uint64_t)st.st_size;
	m->started = m->last = now();
	return m;
}

/* N with thousands separated by commas, into OUT. */
static void with_commas(uint64_t n, char out[32])
{
	char digits[24];
	int len = snprintf(digits, sizeof digits, "%llu", (unsigned long long)n), o = 0;
	for (int i = 0; i < len; i++) {
		if (i && (len - i) % 3 == 0)
			out[o++] = ',';
		out[o++] = digits[i];
	}
	out[o] = '\0';
}

void meter_update(struct meter *m, uint64_t rows, int fd)
{
	if (!m)
		return;
	double t = now();
	if (t - m->last < m->interval)
		return;
	m->last = t;
	double elapsed = t - m->started > 1e-3 ? t - m->started : 1e-3;
	off_t at = lseek(fd, 0, SEEK_CUR);
	char count[32], line[96];
	with_commas(rows, count);
	int n = snprintf(line, sizeof line, "reach: %s rows", count);
	if (at > 0) {
		double mb = (double)at / 1e6, rate = mb / elapsed;
		if (m->size)
			n += snprintf(line + n, sizeof line - (size_t)n, ", %.0f of %.0f MB, %.1f MB/s", mb,
			    (double)m->size / 1e6, rate);
		else
			n += snprintf(line + n, sizeof line - (size_t)n, ", %.0f MB, %.1f MB/s", mb, rate);
		if (m->size > (uint64_t)at && rate > 0)
			snprintf(line + n, sizeof line - (size_t)n, ", %.0f s left",
			    ((double)m->size - (double)at) / 1e6 / rate);
	} else {
		snprintf(line + n, sizeof line - (size_t)n, ", %.0f rows/s", (double)rows / elapsed);
	}
	/* Back to the start of the line, the text, then the rest of the line cleared. */
	fprintf(stderr, "\r%s\033[K", line);
	fflush(stderr);
	m->drawn = 1;
}

void meter_end(struct meter *m)
{
	if (m && m->drawn) {
		fputs("\r\033[K", stderr);
		fflush(stderr);
	}
	free(m);
}
