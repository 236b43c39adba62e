/*
 * ingest.h — storing a consultation's export: one transaction that reads
 * the file (load.h), stores the consultation, its packed responses, its
 * columns, questions and distinct answers, and tags every answer; and
 * re-tagging what is stored when the taxonomy changes.
 */
#ifndef REACH_INGEST_H
#define REACH_INGEST_H

#include <stdio.h>

#include "consult.h"
#include "load.h"
#include "store.h"
#include "tag.h"

struct ingest_meta {
	const char *slug, *title, *platform;
	const char *opened, *closed;    /* YYYY-MM-DD or NULL */
	long min_age;
	const char *age_bands_offered;  /* the age bands the form offered, "16-24,25-34,…"; NULL: as answered */
	const char *age_bands_from;     /* where they were given, for messages: "--age-bands-offered" */
	int replace;                    /* swap the file of an existing slug */
};

/* One equality question as tagged, for the summary. */
struct ingest_dimension {
	char dimension[32];             /* what it asks, its role's name: "ethnicity" */
	char question[64];              /* its wording, cut short at a character ("…") */
	size_t column;                  /* the export's column (1-based; the first, for one per option) */
	uint64_t answers;               /* responses answering it: not blank, "-" or "N/A" */
	uint64_t tagged;                /* of those, answers a taxonomy rule matched (declined included), in
	                                   its first dimension (ethnicity: the nineteen groups) */
};

/* A column whose wording named an equality role its answers did not fit. */
struct ingest_doubt {
	size_t column;                  /* 1-based */
	char header[96];                /* its wording, cut with "…" */
	char why[240];                  /* what was done, as reach columns says it */
};

#define INGEST_DOUBTS 8                 /* doubts the summary names; more are counted */
#define INGEST_DIMENSIONS 32            /* equality questions the summary names; more are counted */

/* What an ingest stored, for its summary. */
struct ingest_result {
	struct load_counts counts;
	size_t questions, demographic, personal, free_text_dropped, ignored;
	long unmatched;                 /* distinct equality answers no rule matched, one per dimension */
	uint64_t unmatched_responses;   /* the responses that gave them (as reach unmatched's column sums) */
	struct ingest_dimension dims[INGEST_DIMENSIONS];
	size_t ndims;                   /* held in dims */
	size_t more_dims;               /* equality questions past INGEST_DIMENSIONS, not held */
	struct ingest_doubt doubts[INGEST_DOUBTS];
	size_t ndoubts, more_doubts;
	char encoding[32], layout[64];
};


/*
 * Ingests the export at PATH as consultation META->slug, in one
 * transaction: on any failure (a bad file, a full disk, a failed tag) the
 * database is left exactly as it was. The age bands offered are stored as
 * their codes ("85 or over" as 85+); one that is not an age band fails
 * with REACH_EUSAGE before anything is read. Returns 0 with RESULT filled,
 * or -1 with ERR set.
 */
int ingest_file(struct store *s, const char *path, const struct ingest_meta *meta,
    const struct load_options *opts, const struct taxonomy *t, struct ingest_result *result,
    struct reach_error *err) REACH_MUST_CHECK;

/*
 * Re-tags consultation SLUG, or every consultation when SLUG is NULL, in one
 * transaction; once committed, prints a line per consultation to OUT. 0, or
 * -1 with ERR set and nothing changed.
 */
int ingest_retag(struct store *s, const struct taxonomy *t, const char *slug, FILE *out,
    struct reach_error *err) REACH_MUST_CHECK;

#endif
