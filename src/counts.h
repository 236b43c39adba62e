/*
 * counts.h — the counts kept at ingest (table answer_counts): how many
 * responses gave each combination of answer codes to a few questions, so
 * that every analysis reads a few thousand counts instead of every
 * response, whatever the size of the consultation.
 *
 * They count the stored answer codes, not their tags: `reach retag` leaves
 * them exact, and a report tags them as it reads them. They are written in
 * the ingest's own transaction (a consultation is stored with its counts or
 * not at all), and built from the stored responses when an older database
 * is upgraded. Which combinations are kept (struct counts_plan) follows
 * from the questions' roles alone:
 *
 *   answers  by submitted day: the responses themselves (no question);
 *            each equality question's answers; the disability condition
 *            and limitation questions together
 *   totals   the same answers over every day, for a report that does not
 *            need the day (most of them)
 *   cells    the questions respondents are raked on (every age, sex and
 *            ethnic group question) together, and each closed question with
 *            them: the cross-classification of weighting. By day only when
 *            an age is worked out from a year or date of birth at the day
 *            of the response.
 *
 * A reader checks every count against its bounds and each combination's
 * counts against the consultation's responses: a database that fails is
 * reported as damaged, never trusted.
 */
#ifndef REACH_COUNTS_H
#define REACH_COUNTS_H

#include <stddef.h>
#include <stdint.h>

#include "columns.h"
#include "consult.h"
#include "store.h"

enum counts_kind {
	COUNTS_ANSWERS,         /* by submitted day */
	COUNTS_TOTALS,          /* the same over every day: written for each set of answers of one question or more */
	COUNTS_CELLS            /* the weighting cells, by day only when an age needs it */
};

/* One combination of questions counted together. */
struct counts_set {
	enum counts_kind kind;
	size_t *slots;          /* the questions (slots), in slot order; none: the responses alone */
	size_t nslots;
	int by_day;             /* counted per submitted day; else every count has day -1 */
	char *key;              /* the slots as stored: in slot order, "2,5,7" ("" for none) */
	size_t *order;          /* order[k]: where slots[k] stands in KEY */
};

/* The combinations kept for a consultation, from its questions' roles. */
struct counts_plan {
	struct counts_set *sets;
	size_t nsets;
	size_t *cell_slots;     /* the cells' questions (as in the cells set) */
	size_t ncell_slots;
	int cells_by_day;
};

/*
 * Plans the counts of a consultation whose NQ questions have ROLES. The
 * caller frees it with counts_plan_free.
 */
void counts_plan_make(const enum role *roles, size_t nq, struct counts_plan *p);

/* The same for stored consultation V, from its questions' roles as stored (one unknown: none). */
void counts_plan_stored(const struct consult_view *v, struct counts_plan *p);
void counts_plan_free(struct counts_plan *p);

/*
 * Counts accumulated response by response (at ingest, or from stored
 * responses). They take memory as the combinations met grow; once they hold
 * more than their budget, the caller writes them (counts_store), which adds
 * them to those already written and empties the accumulator: so memory stays
 * bounded whatever the export (an export of many closed questions of many
 * answers meets a combination for nearly every response).
 */
struct counts;

#define COUNTS_BUDGET (16 * 1024 * 1024)        /* bytes of counts held before they are written */

/* An empty accumulator for PLAN (which must outlive it), to hold about BUDGET bytes. Never NULL. */
struct counts *counts_start(const struct counts_plan *plan, size_t budget);

/* Counts one response: CODES one per question (0: no answer), DAY its submitted day (days since 1970), or -1. */
void counts_add(struct counts *c, const uint32_t *codes, long day);

/* Do C's counts hold more than its budget, so that they are to be written now? */
int counts_full(const struct counts *c);

/*
 * Adds every count C holds to answer_counts for SOURCE (a count already
 * written for the same combination grows by it) and empties C; the store's
 * sticky failure says whether it did.
 */
void counts_store(struct store *s, int64_t source, struct counts *c);

/* Frees C; accepts NULL. */
void counts_free(struct counts *c);

/*
 * Counts consultation V's stored responses and writes the counts, as an
 * ingest would have (BUDGET as for counts_start; tests make it small): for
 * a database from before the counts were kept. 0, or -1 with ERR set (a
 * damaged block, or the store failed).
 */
int counts_build(struct store *s, const struct consult_view *v, size_t budget,
    struct reach_error *err) REACH_MUST_CHECK;

/*
 * Builds the counts of every consultation of a database that has none (an
 * upgrade from schema 2), inside the upgrade's transaction. 0, or -1 with
 * ERR set.
 */
int counts_upgrade(struct store *s, struct reach_error *err) REACH_MUST_CHECK;

/*
 * Calls FN(CODES, DAY, N, CTX) for every count of V's questions SLOTS[0 ..
 * NSLOTS) of KIND: CODES one per slot, DAY the submitted day or -1, N the
 * responses. Stops when FN returns non-zero. 0, or -1 with ERR set: the
 * store failed, or the database is damaged (a count out of its bounds, the
 * combination missing, or its counts not adding up to V's responses).
 */
int counts_each(struct store *s, const struct consult_view *v, enum counts_kind kind, const size_t *slots,
    size_t nslots, int (*fn)(const uint32_t *codes, long day, double n, void *ctx), void *ctx,
    struct reach_error *err) REACH_MUST_CHECK;

#endif
