/*
 * words.h — the one table of wordings every output uses: how a category
 * reads (its reading, from the flag of stats.h, with "not compared" and
 * "withheld" beside them) as a code, a short word and a sentence, with its
 * chart marker and colour; the charts' palette, one meaning a colour; each
 * dimension's title; and how a plan's action or indicator stands. Text,
 * JSON, Markdown, HTML, CSV, the charts and the plans section all take their
 * words from here. A category's own label comes from the taxonomy
 * (tag_label).
 */
#ifndef REACH_WORDS_H
#define REACH_WORDS_H

#include "compare.h"
#include "plan.h"

/*
 * How a category reads: the evidence of its ratio's interval (below 1,
 * above 1, or including it) with the size of its ratio (under 0.5, 0.5 to
 * under 0.8, 0.8 to 1.25, over 1.25; policy.h), as stats_flag_category
 * defines them; with "not compared" and "withheld" beside them. In the
 * order tables and legends list them.
 */
enum reading {
	READING_FAR_BELOW,      /* interval below 1, ratio under 0.5 */
	READING_BELOW,          /* interval below 1, ratio 0.5 to under 0.8 */
	READING_SLIGHTLY_BELOW, /* interval below 1, ratio 0.8 or more */
	READING_UNCLEAR_BELOW,  /* interval includes 1, ratio under 0.8 */
	READING_NO_CLEAR,       /* interval includes 1, ratio 0.8 to 1.25 */
	READING_UNCLEAR_ABOVE,  /* interval includes 1, ratio over 1.25 */
	READING_SLIGHTLY_ABOVE, /* interval above 1, ratio 1.25 or less */
	READING_ABOVE,          /* interval above 1, ratio over 1.25 */
	READING_LOW_N,          /* too few to say: the interval cannot tell */
	READING_NOT_COMPARED,   /* the census has no figure for it */
	READING_WITHHELD,       /* hidden by disclosure control */
	READING_COUNT
};

/* The readings a compared category can have, first to last: they take a chart colour and shape. */
#define READING_CHARTED (READING_LOW_N + 1)

/*
 * The colours of every chart, each with one meaning in all of them, each
 * at least 3:1 against the white background (WCAG 2.1, 1.4.11): the
 * evidence of a reading (below, includes 1, above; too few), the
 * respondents, and black for what a chart is read against (parity, the
 * target, the residents, a fitted trend).
 */
enum chart_colour {
	COLOUR_NONE,            /* not charted */
	COLOUR_UNDER,           /* the ratio's interval below 1 */
	COLOUR_UNCLEAR,         /* the interval includes 1 */
	COLOUR_OVER,            /* the interval above 1 */
	COLOUR_FEW,             /* too few to say */
	COLOUR_RESPONDENTS,     /* respondents' shares */
	COLOUR_REFERENCE,       /* parity, the target, residents' shares, a fitted trend */
	COLOUR_COUNT
};

struct colour_words {
	const char *hex;        /* "#D55E00" */
	const char *name;       /* "vermilion" */
	const char *meaning;    /* "under-represented (interval below 1)" */
};
/* The colour C of the palette (COLOUR_NONE past the end). */
const struct colour_words *words_colour(enum chart_colour c);

/* The chart's background, against which every colour is read. */
#define WORDS_BACKGROUND "#FFFFFF"

struct reading_words {
	const char *code;       /* in JSON and CSV: "far_below", "no_clear", … */
	const char *word;       /* in tables and sentences: "under-represented" */
	const char *sentence;   /* what it means: "interval below 1, ratio 0.5 to under 0.8" */
	const char *evidence;   /* its evidence code in JSON: "below", "above", "unclear"; NULL when not read */
	enum chart_colour colour;       /* its colour in every chart (COLOUR_NONE: not charted) */
	const char *colour_name;        /* that colour in words (words_colour's name) */
	int shape;              /* its marker: a gnuplot point type, one per charted reading (0: not charted) */
	const char *shape_name; /* that marker in words: "filled triangle pointing down" */
};
/* The words of reading R (a static table; an unknown R reads as withheld). */
const struct reading_words *words_reading(enum reading r);

/* The reading of a compared figure whose flag (stats.h) is FLAG. */
enum reading words_reading_flag(enum stats_flag flag);

/*
 * Is group G of D a row of its own in a table? Not when a category of D is
 * the same interval (an age group 75+ beside the answer band 75+): the two
 * rows would repeat each other.
 */
int words_group_shown(const struct compare_dimension *d, size_t g);

/*
 * How category C of a dimension reads: not compared when the dimension is
 * not (COMPARED 0) or the census has no figure for C; otherwise its flag.
 */
enum reading words_reading_of(const struct compare_category *c, int compared);

/* A size band's code in JSON: "under_half", "below_four_fifths", "near_parity", "over"; NULL when unknown. */
const char *words_size(enum stats_size size);

/*
 * The adjustment's code ("none", "holm", "bh") and a sentence for every
 * report saying how many comparisons it made, at CONFIDENCE, and what that
 * means (the caller frees it).
 */
const char *words_adjust_code(enum stats_adjust adjust);
char *words_comparisons(size_t comparisons, enum stats_adjust adjust, double confidence);

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
