/*
 * output.h — files written whole or not at all.
 *
 * An output is written to a scratch file beside its target (in the same
 * folder, so that the rename is atomic) and renamed over the target only
 * when every write, the flush, the sync and the close have worked: a reader
 * of the target sees the old file or the new one, never part of one. A
 * symbolic link at the target is replaced, never followed. A character
 * device or pipe (/dev/null, a FIFO) is written straight, never replaced by
 * a file ("/dev/stdout" is standard output); a disk device is refused. A failed or
 * abandoned output removes its scratch file; so does SIGINT, SIGTERM, SIGHUP
 * or SIGXFSZ (the signal then does what it would have done). A SIGKILL can leave
 * a scratch file ".NAME.XXXXXX" beside NAME, but never a truncated NAME.
 *
 * The other scratch files of a run (a chart's data for gnuplot) are
 * registered with output_scratch_add, so that a signal removes them too.
 */
#ifndef REACH_OUTPUT_H
#define REACH_OUTPUT_H

#include <stdio.h>
#include <sys/types.h>

#include "util.h"

struct output;

/*
 * Begins writing PATH, created with permissions MODE less the umask; "-"
 * is standard output, written directly. NULL with ERR set (REACH_EDB,
 * naming PATH) when the scratch file cannot be made (no such folder, no
 * permission).
 */
struct output *output_open(const char *path, mode_t mode, struct reach_error *err) REACH_MUST_CHECK;

/* The stream to write O's contents to; it belongs to O. */
FILE *output_stream(const struct output *o);

/*
 * Finishes O: flushes, syncs and closes its scratch file and renames it over
 * the target (for standard output: flushes it and checks every write). 0; or
 * -1 with ERR set (REACH_EDB, naming the target), the target left as it was
 * and the scratch file removed. Frees O either way.
 */
int output_commit(struct output *o, struct reach_error *err) REACH_MUST_CHECK;

/* Drops O: its scratch file removed, the target left as it was. Accepts NULL. */
void output_abandon(struct output *o);

/*
 * Copies the file SRC (a chart another program drew) over PATH the same
 * way, with MODE. 0, or -1 with ERR set (REACH_EDB).
 */
int output_copy(const char *src, const char *path, mode_t mode, struct reach_error *err) REACH_MUST_CHECK;

/*
 * Flushes standard output and says whether every write to it so far worked:
 * 0, or -1 with ERR set ("standard output: cannot write: …", REACH_EDB).
 */
int output_check_stdout(struct reach_error *err) REACH_MUST_CHECK;

/*
 * Registers the scratch file or empty folder PATH (copied) to be removed if
 * a signal ends the run; output_scratch_remove removes it and forgets it.
 * Registered paths are removed newest first, so a folder registered before
 * its files goes after them.
 */
void output_scratch_add(const char *path);
void output_scratch_remove(const char *path);

#endif
