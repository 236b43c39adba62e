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

struct publish_options {
	int suppress;           /* counts from 1 to below this are withheld; 0: none (the output says so) */
	const char *charts_dir; /* also write each chart there as PNG and SVG; NULL: not */
};

/*
 * Writes C as FORMAT ("md", "csv" or "html") to OUT. Returns 0; 1 when the
 * report is out but charts were skipped (a warning on stderr says why); -1
 * with ERR set on failure.
 */
int publish_report(struct store *s, const struct taxonomy *t, const struct compare *c, const char *format,
    const struct publish_options *o, FILE *out, struct reach_error *err);

/* How a count is shown under disclosure control. */
enum publish_cell { CELL_SHOWN, CELL_SMALL, CELL_WITHHELD };

/*
 * The counts of a dimension beside its categories, each published and
 * protected like a category: together with the categories they add up to
 * the dimension's responses. LEFT_OUT is every other answer (named only a
 * broader group, below the age invited, in an overlapping band, not counted
 * by the census in a category of its own).
 */
enum publish_extra { PUBLISH_MISSING, PUBLISH_DECLINED, PUBLISH_UNMATCHED, PUBLISH_LEFT_OUT, PUBLISH_EXTRAS };

/* The count of extra E of D (publish_extra). */
double publish_extra_count(const struct compare_dimension *d, enum publish_extra e);

/*
 * Decides which of D's categories (CATS[k]), groups (GROUPS[g]) and extra
 * counts (EXTRAS[e], PUBLISH_EXTRAS of them; NULL: not asked) are shown: a
 * count from 1 to THRESHOLD - 1 is small; then, in every set whose total is
 * shown (the responses: every category and extra count; the known answers:
 * the compared categories, and the rest; each group's members and the
 * rest; the categories under one parent, as the nineteen ethnic groups
 * under the five), while some hidden count has only one value that the
 * set's total allows (a small count from 1 to THRESHOLD - 1, a withheld one
 * from 0 to the responses), the smallest shown count joins them, so that no
 * subtraction reveals it. Returns the number of counts hidden.
 */
size_t publish_suppress(const struct compare_dimension *d, const struct taxonomy *t, int threshold,
    enum publish_cell *cats, enum publish_cell *groups, enum publish_cell *extras);

#endif
