/*
 * weight.h — weighting, the optional last step of compare_run: respondents
 * in cells alike on the margins, raked to the census, and the closed
 * questions weighed. Private to compare.c and count.c; the state is in
 * struct run (compare_run.h).
 */
#ifndef REACH_WEIGHT_H
#define REACH_WEIGHT_H

#include "compare_run.h"
#include "consult.h"

/* The margins raked to, in order: "age", "sex", "ethnicity". */
extern const char *const weight_margin_names[WEIGHT_MARGINS];

/* Notes the closed questions of V in R, multi-select answers split into options. */
void weight_add_questions(struct run *r, const struct consult_view *v);

/* The cell of respondents alike on LEVELS (one per margin, -1 unknown), added empty if new; owned by R. */
struct cell *weight_cell(struct run *r, const int *levels);

/* Adds N respondents of cell C giving answer CODE (0: none) to R's closed question Q (an index into r->closed). */
void weight_count_answer(struct run *r, struct cell *c, size_t q, uint32_t code, double n);

/*
 * Rakes R's cells to the census margins held among R->c's dimensions and
 * weighs every closed question into R->c->weights; with no margin, a note
 * says so and R->c->weights stays NULL.
 */
void weight_run(struct run *r);

/* Frees R's closed questions and cells. */
void weight_free(struct run *r);

#endif
