/*
 * words.h — the one table of wordings every output uses: how a category
 * reads (its reading, from the flag of stats.h, with "not compared" and
 * "withheld" beside them) as a code, a short word and a sentence; each
 * dimension's title; and how a plan's action or indicator stands. Text,
 * JSON, Markdown, HTML, CSV and the plans section all take their words from
 * here.
 */
#ifndef REACH_WORDS_H
#define REACH_WORDS_H

#include "compare.h"
#include "plan.h"

/* How a category reads. */
enum reading {
	READING_OK,             /* no clear difference from residents */
	READING_UNDER,          /* the ratio's interval lies below 1 */
	READING_WELL_BELOW,     /* the ratio under the four-fifths line, its interval reaching 1 */
	READING_OVER,           /* the interval lies above 1 */
	READING_LOW_N,          /* too few to say */
	READING_NOT_COMPARED,   /* the census has no figure for it */
	READING_WITHHELD,       /* hidden by disclosure control */
	READING_COUNT
};

struct reading_words {
	const char *code;       /* in JSON and CSV: "under", "well_below", … */
	const char *word;       /* in tables and sentences: "under-represented" */
	const char *sentence;   /* what it means: "the ratio's interval lies below 1" */
};

/* The words of reading R (a static table; an unknown R reads as withheld). */
const struct reading_words *words_reading(enum reading r);

/*
 * How category C of a dimension reads: not compared when the dimension is
 * not (COMPARED 0) or the census has no figure for C; otherwise its flag.
 */
enum reading words_reading_of(const struct compare_category *c, int compared);

/* A plan status in words: "met", "not met", "not measurable by reach"; "unknown" past the enum. */
const char *words_plan_status(enum plan_status status);

/*
 * Why a dimension shows counts only (compare.h's warning): its code in JSON
 * and CSV ("mostly_unmatched", "no_known_answers"; NULL when shown) and the
 * sentence every output prints in place of the table.
 */
const char *words_warning_code(enum compare_warning w);
const char *words_warning(enum compare_warning w);

/* A dimension's title ("Ethnic group (five groups)"); its name when it has none. */
const char *words_dimension_title(const char *name);

#endif
