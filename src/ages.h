/*
 * ages.h — the age dimension of a comparison (compare.c builds the others):
 * from the age tally of a run (compare_run.h) and the census single years,
 * every band from the youngest age invited up, each with its respondents and
 * residents, and the notes that say what was added, cut or left out.
 */
#ifndef REACH_AGES_H
#define REACH_AGES_H

#include "baseline.h"
#include "compare_run.h"

/*
 * Fills D, the age dimension of R's comparison, from the tally T and the
 * baseline B (NULL or without single years: counts only, not compared).
 */
void ages_build(struct run *r, struct tally *t, struct compare_dimension *d, const struct baseline *b);

#endif
