/*
 * batch.h — the whole after-close run for a folder of exports: each one
 * ingested (or replaced when its file changed, or left when it has not),
 * then its report written as HTML and JSON. Run it again and it does only
 * what changed.
 */
#ifndef REACH_BATCH_H
#define REACH_BATCH_H

#include <stdio.h>

#include "compare.h"
#include "publish.h"
#include "store.h"
#include "tag.h"

struct batch_options {
	const char *reports;            /* folder for the reports; NULL: DIR/reports */
	struct compare_options compare;
	struct publish_options publish;
};

/*
 * Runs the batch over every *.csv in DIR (consultations.csv there, if any,
 * gives each file's slug, title, platform, dates and minimum age, as
 * seeds/samples/consultations.csv does; otherwise the slug is the file's
 * name). Prints a line per file to OUT and problems to stderr, and goes on
 * past a bad file. Returns 0, 1 when some file failed, or -1 with ERR set
 * when the batch could not run at all.
 */
int batch_run(struct store *s, const struct taxonomy *t, const char *dir, const struct batch_options *o, FILE *out,
    struct reach_error *err);

#endif
