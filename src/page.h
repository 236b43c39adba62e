/*
 * page.h — the report as one self-contained HTML page for a review meeting
 * (publish.h's "html"): the summary first (who was missed, by how much, and
 * what that means for the plans' targets), then each dimension's chart and
 * table, the weighted closed questions, the trends, the plan section, and a
 * footer with the date made, the reach version and the sources. Under the
 * same disclosure control as Markdown and CSV (published.h). Private to
 * publish.c.
 */
#ifndef REACH_PAGE_H
#define REACH_PAGE_H

#include <stdio.h>

#include "compare.h"
#include "publish.h"
#include "store.h"
#include "tag.h"

/*
 * Writes C as the HTML page to OUT. Returns 0; 1 when charts were left out
 * (a warning on stderr says why); -1 with ERR set when the plan section or
 * the trends cannot be read.
 */
int page_write(struct store *s, const struct taxonomy *t, const struct compare *c, const struct publish_options *o,
    FILE *out, struct reach_error *err);

#endif
