/*
 * consult.h — consultations in the store: ingesting an export as one
 * transaction, and listing what is held.
 */
#ifndef REACH_CONSULT_H
#define REACH_CONSULT_H

#include <stdio.h>

#include "block.h"
#include "load.h"
#include "store.h"
#include "tag.h"

struct consult_meta {
	const char *slug, *title, *platform;
	const char *opened, *closed;    /* YYYY-MM-DD or NULL */
	long min_age;
	int replace;                    /* swap the file of an existing slug */
};

/* What an ingest stored, for its summary. */
struct consult_result {
	struct load_counts counts;
	size_t questions, demographic, personal, free_text_dropped, ignored;
	long unmatched;                 /* distinct equality answers no rule matched */
	char encoding[32], layout[64];
};

/*
 * Ingests the export at PATH as consultation META->slug, in one
 * transaction: on any failure the database is left exactly as it was.
 * Returns 0, or -1 with ERR set.
 */
int consult_ingest(struct store *s, const char *path, const struct consult_meta *meta,
    const struct load_options *opts, const struct taxonomy *t, struct consult_result *result,
    struct reach_error *err);

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
	uint64_t responses;
	enum date_reading dates;        /* how its dates were read */
	size_t nq;
	struct consult_question *q;
};

/* Reads consultation SLUG's questions and answers; 0, or -1 with ERR set. */
int consult_view_open(struct store *s, const char *slug, struct consult_view *v, struct reach_error *err);
void consult_view_free(struct consult_view *v);

/*
 * Calls FN for every response of V in file order (codes index V's
 * questions); stops early when FN returns non-zero. Returns 0, or -1 with
 * ERR set (a database fault or a corrupt block).
 */
int consult_each_response(struct store *s, const struct consult_view *v,
    int (*fn)(const struct block_response *r, void *ctx), void *ctx, struct reach_error *err);

/*
 * Tags every distinct answer of V's equality questions with the taxonomy T,
 * replacing the tags they had (the caller holds the transaction). Returns
 * the number of answers left unmatched, or -1 (the store failed).
 */
long consult_tag(struct store *s, const struct taxonomy *t, const struct consult_view *v);

/*
 * Re-tags consultation SLUG, or every consultation when SLUG is NULL, in one
 * transaction. Prints a line per consultation to OUT. 0, or -1 with ERR set.
 */
int consult_retag(struct store *s, const struct taxonomy *t, const char *slug, FILE *out,
    struct reach_error *err);

/* Lists consultation SLUG's unmatched answers to OUT; 0, or -1 with ERR set. */
int consult_unmatched(struct store *s, const char *slug, FILE *out, struct reach_error *err);

/* Prints the consultations held, one a line; 0 or -1 with ERR set. */
int consult_list(struct store *s, FILE *out, struct reach_error *err);

#endif
