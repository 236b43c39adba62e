/*
 * consult.h — consultations in the store: ingesting an export as one
 * transaction, and listing what is held.
 */
#ifndef REACH_CONSULT_H
#define REACH_CONSULT_H

#include <stdio.h>

#include "load.h"
#include "store.h"

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
	char encoding[32], layout[64];
};

/*
 * Ingests the export at PATH as consultation META->slug, in one
 * transaction: on any failure the database is left exactly as it was.
 * Returns 0, or -1 with ERR set.
 */
int consult_ingest(struct store *s, const char *path, const struct consult_meta *meta,
    const struct load_options *opts, struct consult_result *result, struct reach_error *err);

/* Prints the consultations held, one a line; 0 or -1 with ERR set. */
int consult_list(struct store *s, FILE *out, struct reach_error *err);

#endif
