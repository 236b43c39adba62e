/*
 * disclose.h — disclosure control: which counts of a dimension a published
 * output may show. A count from 1 to below the threshold is small ("<5");
 * then, in every set whose total is published, further counts are withheld
 * ("[c]") until no hidden count has only one value its totals allow. With
 * counts rounded (compare_options.round) every count is shown rounded, and
 * a part of the responses is withheld only when the rounded parts and total
 * would leave another with one value. Every
 * published form (the report's HTML, Markdown and CSV, the plans' Markdown
 * and CSV, the trend's points) hides what this decides.
 */
#ifndef REACH_DISCLOSE_H
#define REACH_DISCLOSE_H

#include <stddef.h>

#include "compare.h"
#include "tag.h"

/* How a count is shown under disclosure control. */
enum disclose_cell { CELL_SHOWN, CELL_SMALL, CELL_WITHHELD };

/*
 * The counts of a dimension beside its categories, each published and
 * protected like a category: together with the categories they add up to
 * the dimension's responses. LEFT_OUT is every other answer (named only a
 * broader group, below the age invited, in an overlapping band, not counted
 * by the census in a category of its own).
 */
enum disclose_extra { DISCLOSE_MISSING, DISCLOSE_DECLINED, DISCLOSE_UNMATCHED, DISCLOSE_LEFT_OUT, DISCLOSE_EXTRAS };

/* The count of extra E of D (disclose_extra). */
double disclose_extra_count(const struct compare_dimension *d, enum disclose_extra e);

/*
 * Decides which of D's categories (CATS[k]), groups (GROUPS[g]) and extra
 * counts (EXTRAS[e], DISCLOSE_EXTRAS of them; NULL: not asked) are shown: a
 * count from 1 to THRESHOLD - 1 is small; then, in every set whose total is
 * shown (the responses: every category and extra count; the known answers:
 * the compared categories, and the rest; each group's members and the
 * rest; the categories under one parent, as the nineteen ethnic groups
 * under the five), while some hidden count has only one value that the
 * set's total allows (a small count from 1 to THRESHOLD - 1, a withheld one
 * from 0 to the responses), the smallest shown count joins them, so that no
 * subtraction reveals it. Returns the number of counts hidden.
 */
size_t disclose_suppress(const struct compare_dimension *d, const struct taxonomy *t, int threshold,
    enum disclose_cell *cats, enum disclose_cell *groups, enum disclose_cell *extras);

/* Is category K of D a member of its group G (an age group's bands, a roll-up's categories)? */
int disclose_in_group(const struct compare_dimension *d, const struct taxonomy *t, size_t g, size_t k);

#endif
