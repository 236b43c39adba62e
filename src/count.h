/*
 * count.h — counting, the first step of compare_run: each consultation's
 * responses counted into the per-dimension tallies of a run (compare_run.h)
 * from the stored tags. Private to compare.c.
 */
#ifndef REACH_COUNT_H
#define REACH_COUNT_H

#include "compare_run.h"

/* Sets up an empty tally for every reported dimension of R; count_free frees them. */
void count_start(struct run *r);

/*
 * Reads the bands exact ages are counted in: the options' --age-bands, or
 * the census broad bands (seeds/taxonomy/age_bands.csv). 0, or -1 with
 * R->err set (a band that does not read).
 */
int count_bands(struct run *r);

/*
 * Counts every response of consultation SLUG into R's tallies (and, when
 * weighting, into its cell), and adds the consultation to R->c. 0, or -1
 * with R->err set.
 */
int count_consultation(struct run *r, const char *slug);

/* Frees R's tallies and age bands. */
void count_free(struct run *r);

#endif
