/*
 * published.h — what the three published formats of the report (publish.c:
 * Markdown, CSV, HTML) share, so that they show the same figures: the
 * published table of a dimension and the sentences beside it. Private to
 * publish.c and page.c.
 */
#ifndef REACH_PUBLISHED_H
#define REACH_PUBLISHED_H

#include <stddef.h>

#include "compare.h"
#include "disclose.h"
#include "tag.h"
#include "util.h"

/* The cells of one table row, as text, hidden ones withheld; published_row_free frees them. */
struct published_row {
	char count[32], census[32], rate[32];
	struct buf share, ratio;        /* "54.0% (50.1–57.8)", "0.31 (0.22–0.44)" */
	const char *flag;
};

/* One dimension as published: how each count is shown, and how many are hidden. */
struct published {
	enum disclose_cell *cats, *groups, extras[DISCLOSE_EXTRAS];
	size_t hidden;
	int threshold;
};

/* The note on what is withheld, a printf format taking the threshold - 1 and the threshold. */
extern const char *const published_suppress_note;

/* The codes of the counts beside the table, in CSV (disclose_extra order). */
extern const char *const published_extra_code[DISCLOSE_EXTRAS];

/* "<5" or "[c]" for a hidden count, or the count. */
void published_count_text(char *out, size_t len, double n, enum disclose_cell cell, int threshold);

/* V with DECIMALS decimals and SUFFIX, or "-" when unknown. */
void published_number(char *out, size_t len, double v, int decimals, const char *suffix);

/* Fills R with category C's cells as shown under CELL; the figures of a hidden count are withheld. */
void published_make_row(struct published_row *r, const struct compare_category *c, enum disclose_cell cell, int threshold,
    int compared);

/* Frees what R holds (not R). */
void published_row_free(struct published_row *r);

/* Is C's evidence below (-1) or above (1) parity, by the table of readings; 0 when neither. */
int published_evidence_side(const struct compare_category *c, int compared);

/* One sentence naming who was missed and who was over-represented: the categories whose interval excludes 1. */
void published_summary_sentence(const struct compare_dimension *d, const enum disclose_cell *cells, struct buf *b);

/* The sentence on how many comparisons the report makes, with its full stop; NULL when none (the caller frees). */
char *published_comparisons_sentence(const struct compare *c);

/* The report's title: the consultation's title (or slug), or "N consultations"; the caller frees it. */
char *published_title(const struct compare *c);

/* Decides which of D's counts are shown at THRESHOLD into P; published_close frees it. */
void published_open(struct published *p, const struct compare_dimension *d, const struct taxonomy *t,
    int threshold);

/* Frees what P holds (not P). */
void published_close(struct published *p);

/*
 * With an adjustment for many comparisons (--adjust), reads C's categories
 * again with each hidden one's p-value (at THRESHOLD, or under rounding)
 * taken as 1, so that no shown reading rests on a hidden count. Call it
 * after writing any form for analysts (the JSON), before the published ones.
 */
void published_adjust(struct compare *c, const struct taxonomy *t, int threshold);

/*
 * "1010 of 1200 responses compared with the census; 152 missing, 38
 * declined, 0 unmatched." with hidden counts as "<5" or "[c]", and the
 * answers left out otherwise when there are any.
 */
void published_answers_sentence(const struct compare_dimension *d, const struct published *p, struct buf *b);

/*
 * The test and scores of a shown, compared dimension in words; when some
 * count is hidden, the sentence saying they are withheld; empty otherwise.
 */
void published_test_sentence(const struct compare_dimension *d, const struct published *p, struct buf *b);

/*
 * Note I of D as published: a note that begins with a count of answers
 * ("6 answers are in categories …") gives that count as the table does when
 * it is small or equals a hidden count, and every other count in it as
 * "[c]". The note naming the categories nobody
 * chose is left out when some count is hidden: it would say a withheld count
 * is 0, and it explains the scores, withheld then too. B is left empty then.
 */
void published_note_text(const struct compare_dimension *d, const struct published *p, size_t i, struct buf *b);

/*
 * The sentences at the head of every published report on disclosure
 * control: that it is off, or how many dimensions have counts withheld
 * (NULL when neither; the caller frees).
 */
char *published_disclosure_sentence(const struct compare *c, const struct taxonomy *t, int threshold);

/* How the ages of the residents in the header are said: " aged 16 and over", and where that holds. */
void published_base_phrase(const struct compare *c, struct buf *b);

/* " Responses per 1,000 residents aged 16 and over: 8.4.": the crude rate; nothing without single years of age. */
void published_rate_sentence(const struct compare *c, struct buf *b);

/*
 * The sentence under a shown dimension's heading when its census figures do not
 * cover exactly the ages invited (MIN_AGE and over); empty otherwise.
 */
void published_base_sentence(const struct compare_dimension *d, int min_age, struct buf *b);

/*
 * "; 83 more responses for parity, 56 for 0.8":
 * the shortfall of C of D (compare_shortfall), appended to B; nothing when
 * it reaches parity. The caller shows it only where C's count is shown: the
 * shortfall would give a hidden count back.
 */
void published_shortfall_phrase(const struct compare_dimension *d, const struct compare_category *c, struct buf *b);

/* The same as a sentence: "About 83 more responses from 16-24 would have reached parity, and 56 a ratio of 0.8." */
void published_shortfall_sentence(const struct compare_dimension *d, const struct compare_category *c, struct buf *b);

/*
 * Row I of D's table as P publishes it (categories, then groups): when it
 * is shown, under-represented and a row of its own, its shortfall sentence
 * into B (left empty otherwise). The list of shortfalls every published
 * format gives below a dimension's chart.
 */
void published_shortfall_row(const struct compare_dimension *d, const struct published *p, size_t i, struct buf *b);

/*
 * "Age: 55-64 (ratio 1.58), 65-74 (ratio 1.83)" — D's shown
 * categories whose interval lies wholly above 1 and ratio above 1.25, appended to B after any
 * dimension already there ("; Sex: …"); nothing when none.
 */
void published_over_phrase(const struct compare_dimension *d, const struct published *p, struct buf *b);

/*
 * Names C in a summary's list for D, appended to B: "Age: " before the
 * first of D (*NAMED 0; "; " before it when B holds another dimension's),
 * ", " before the next, then "16-24 (ratio 0.36" with the bracket left open
 * for the caller to add to and close.
 */
void published_name_in_list(const struct compare_dimension *d, const struct compare_category *c, size_t *named,
    struct buf *b);

/*
 * How the closed questions were weighted (W): the margins, the design effect
 * and effective sample size, the cap, and whether the weights met the
 * margins. The weighting's notes are left out: they count small groups of
 * respondents.
 */
void published_weights_sentence(const struct compare_weights *w, struct buf *b);

#endif
