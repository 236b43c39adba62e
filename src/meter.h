/*
 * meter.h — the progress line on standard error while an export is read:
 * rows, megabytes a second and the time left. Only on a terminal, drawn at
 * most every REACH_PROGRESS_INTERVAL seconds (default 0.25), and erased at
 * the end, so that it never reaches a file or a pipe.
 */
#ifndef REACH_METER_H
#define REACH_METER_H

#include <stdint.h>

struct meter;

/*
 * A meter for reading PATH ("-": standard input); NULL, and nothing ever
 * drawn, when QUIET is set or standard error is not a terminal. The caller
 * ends it with meter_end.
 */
struct meter *meter_start(const char *path, int quiet);

/*
 * Notes that ROWS responses are read, FD the descriptor read from (its
 * position is the bytes read); draws the line when the interval has passed.
 * Costs a clock reading otherwise. Accepts NULL.
 */
void meter_update(struct meter *m, uint64_t rows, int fd);

/* Erases the line if one was drawn and frees M; accepts NULL. */
void meter_end(struct meter *m);

#endif
