/*
 * consult.h — consultations as stored: each one's questions and distinct
 * answers, its responses in file order, its unmatched answers, and the list
 * of what is held. Storing them is ingest.h's job.
 */
#ifndef REACH_CONSULT_H
#define REACH_CONSULT_H

#include <stdio.h>

#include "block.h"
#include "date.h"
#include "load.h"
#include "store.h"
#include "tag.h"

/* The most responses a stored consultation may count: more is a damaged database. */
#define CONSULT_MAX_RESPONSES ((int64_t)1 << 40)

/* A consultation as stored: its questions and each question's distinct answers. */
struct consult_question {
	int64_t id;
	char *text, *role;
	int multi;
	size_t nvalues;         /* codes run 1 … nvalues */
	char **raw;             /* raw[code - 1] */
	uint64_t *count;        /* responses giving each */
};

struct consult_view {
	int64_t consultation, source;
	char *slug, *title, *opened, *closed, *file;
	long min_age;
	char *age_bands_offered;        /* the age bands its form offered, "16-24,25-34,…,85+"; NULL: not declared */
	uint64_t responses;
	enum date_reading dates;        /* how its dates were read */
	size_t nq;
	struct consult_question *q;
};

/*
 * Reads consultation SLUG's questions and answers; 0, or -1 with ERR set.
 * What the database holds is checked against its bounds (question slots
 * 0, 1, …; answer codes 1, 2, … below LOAD_MAX_VALUES; counts within the
 * responses); a database that fails is reported as damaged (REACH_EDB).
 */
int consult_view_open(struct store *s, const char *slug, struct consult_view *v, struct reach_error *err) REACH_MUST_CHECK;
/* Frees what V holds (not V itself) and zeroes it; accepts NULL. */
void consult_view_free(struct consult_view *v);

/*
 * Calls FN for every response of V in file order (codes index V's
 * questions); stops early when FN returns non-zero. Returns 0, or -1 with
 * ERR set (a database fault, or a damaged block: out of sequence, sized
 * out of bounds, undecodable, an answer code no question has, or fewer or
 * more responses than the consultation counts).
 */
int consult_each_response(struct store *s, const struct consult_view *v,
    int (*fn)(const struct block_response *r, void *ctx), void *ctx, struct reach_error *err) REACH_MUST_CHECK;

/* Lists consultation SLUG's unmatched answers to OUT; 0, or -1 with ERR set. */
int consult_unmatched(struct store *s, const char *slug, int json, FILE *out, struct reach_error *err) REACH_MUST_CHECK;

/* Prints the consultations held (JSON when JSON is set); 0 or -1 with ERR set. */
int consult_list(struct store *s, int json, FILE *out, struct reach_error *err) REACH_MUST_CHECK;

#endif
