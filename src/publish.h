/*
 * publish.h — the report in the forms that leave the analysts' hands:
 * Markdown, CSV and one self-contained HTML page (WCAG 2.1 AA: headings,
 * captioned tables with header scopes, every chart with a text alternative
 * and its data in a table, colour-blind-safe colours, no script, prints
 * well). All three apply disclosure control: a count from 1 to below the
 * threshold is shown as "<N", and further cells are withheld ("[c]") so
 * that no total or group gives a hidden count away.
 */
#ifndef REACH_PUBLISH_H
#define REACH_PUBLISH_H

#include <stdio.h>

#include "compare.h"
#include "store.h"
#include "tag.h"

/* The version of reach, named in --version and on every HTML page. */
#define REACH_VERSION "0.1.0"

struct publish_options {
	int suppress;           /* counts from 1 to below this are withheld; 0: none (the output says so) */
	const char *charts_dir; /* also write each chart there as PNG and SVG; NULL: not */
};

/*
 * Makes C's readings those a published form may show: with --adjust, each
 * category's evidence read again from p-values adjusted with every hidden
 * count's taken as 1 (published_adjust), so no shown reading rests on a
 * hidden count. Write every form for analysts (JSON, text) before it.
 */
void publish_adjust(struct compare *c, const struct taxonomy *t, const struct publish_options *o);

/*
 * Writes C as FORMAT ("md", "csv" or "html", page.h) to OUT. Returns 0; 1
 * when the report is out but charts were skipped (a warning on stderr says
 * why); -1 with ERR set on failure (the HTML page's plan section or trends
 * cannot be read from S).
 */
int publish_report(struct store *s, const struct taxonomy *t, const struct compare *c, const char *format,
    const struct publish_options *o, FILE *out, struct reach_error *err);

#endif
