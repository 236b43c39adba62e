/*
 * batch.h — the whole after-close run for a folder of exports: each one
 * ingested (or replaced when its file changed, or left when it has not),
 * then its report written as HTML, suppressed, into the folder to publish,
 * and as JSON, with every count, into a private folder (mode 0700) kept
 * apart from it. Run it again and it does only what changed.
 */
#ifndef REACH_BATCH_H
#define REACH_BATCH_H

#include <stdio.h>

#include "compare.h"
#include "publish.h"
#include "store.h"
#include "tag.h"

struct batch_options {
	const char *reports;            /* folder for the reports to publish (HTML); NULL: DIR/reports */
	const char *private;            /* folder for the JSON, not to publish (made 0700); NULL: DIR/reports-private */
	struct compare_options compare;
	struct publish_options publish;
	const char *as_of;              /* "YYYY-MM-DD": the day a consultation is open on; NULL: today */
};

/*
 * Runs the batch over every *.csv in DIR (consultations.csv there, if any,
 * gives each file's slug, title, platform, dates and minimum age, as
 * seeds/samples/consultations.csv does; otherwise the slug is the file's
 * name). Each report to publish is suppressed on its own (O->publish);
 * the private folder may not be the folder to publish. A consultation
 * still open on O->as_of (closing after it) also gets its progress page,
 * SLUG-progress.html, suppressed, in the folder to publish (progress.h).
 * Prints a line per
 * file to OUT, then which folder is safe to publish, and problems to
 * stderr, and goes on past a bad file. Returns 0, 1 when some file failed (3, REACH_EDB, when a
 * database or report could not be written), or -1 with ERR set
 * when the batch could not run at all.
 */
int batch_run(struct store *s, const struct taxonomy *t, const char *dir, const struct batch_options *o, FILE *out,
    struct reach_error *err);

#endif
