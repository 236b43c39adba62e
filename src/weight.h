/*
 * weight.h — weighting, the optional last step of compare_run: respondents
 * in cells alike on the margins, raked to the census, and the closed
 * questions weighed. Private to compare.c and count.c; the state is in
 * struct run (compare_run.h).
 */
#ifndef REACH_WEIGHT_H
#define REACH_WEIGHT_H

#include "block.h"
#include "compare_run.h"
#include "consult.h"

/* The margins raked to, in order: "age", "sex", "ethnicity". */
extern const char *const weight_margin_names[WEIGHT_MARGINS];

/* Notes the closed questions of V in R, multi-select answers split into options. */
void weight_add_questions(struct run *r, const struct consult_view *v);

/* Adds RESP to the cell of its LEVELS (one per margin, -1 unknown): one more respondent, and its closed answers. */
void weight_collect(struct run *r, const int *levels, const struct block_response *resp);

/*
 * Rakes R's cells to the census margins held among R->c's dimensions and
 * weighs every closed question into R->c->weights; with no margin, a note
 * says so and R->c->weights stays NULL.
 */
void weight_run(struct run *r);

/* Frees R's closed questions and cells. */
void weight_free(struct run *r);

#endif
