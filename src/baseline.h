/*
 * baseline.h — census populations: the built-in figures of seeds/baselines/,
 * imports of ONS Nomis bulk files and of a plain long CSV, and the population
 * of any category or age interval for a consultation's eligible residents.
 */
#ifndef REACH_BASELINE_H
#define REACH_BASELINE_H

#include <stdio.h>

#include "store.h"
#include "tag.h"

/* Loads the built-in baselines into a new database, inside the caller's transaction. */
int baseline_seed(struct store *s, struct reach_error *err) REACH_MUST_CHECK;

/*
 * Imports PATH: a Nomis bulk file ("date","geography","geography code",
 * "Age: Aged 20 years; measures: Value", …) or a long CSV
 * (geography_code,dimension,category,min_age,max_age,count,source, and
 * optionally geography_name, census_date, table). Only GEOGRAPHY when not
 * NULL. A geography's figures for a dimension replace those held. One
 * transaction; prints a summary to OUT. 0, or -1 with ERR set.
 */
int baseline_import(struct store *s, const struct taxonomy *t, const char *path, const char *geography,
    FILE *out, struct reach_error *err) REACH_MUST_CHECK;

/* Prints what is held (JSON when JSON is set): geography, dimension, rows, total, table, origin. */
int baseline_list(struct store *s, int json, FILE *out, struct reach_error *err) REACH_MUST_CHECK;

/* Makes CODE the default geography; it must be held. */
int baseline_use(struct store *s, const char *code, struct reach_error *err) REACH_MUST_CHECK;

/*
 * The geography to compare with: REQUESTED if given, else the default set
 * with baseline_use, else the one district held. Writes its code to OUT.
 */
int baseline_geography(struct store *s, const char *requested, char out[32], struct reach_error *err) REACH_MUST_CHECK;

/* One census figure. */
struct baseline_row {
	char *dimension, *category;
	char *table;                    /* the ONS table ("TS009"); "" when none was named */
	int min_age, max_age;           /* max_age -1: no upper limit */
	double count;
};

/* Every figure of one geography, in memory. */
struct baseline {
	char code[32], name[128], census_date[16];
	char source[256];                /* the credit: ONS for built-in figures, each import's own source */
	struct baseline_row *rows;
	size_t nrows;
	double single_year[101];        /* age by single year, 100 = 100 and over; NaN if none */
	int has_single_years;
	int by_dimension;               /* the rows are in order of dimension (as loaded) */
};

/* Loads geography CODE; NULL with ERR set when nothing is held for it. */
struct baseline *baseline_load(struct store *s, const char *code, struct reach_error *err);
void baseline_free(struct baseline *b);

/*
 * Residents aged LO to HI (HI -1: no limit), from single years; NaN when
 * the baseline has no single years of age.
 */
double baseline_age(const struct baseline *b, int lo, int hi);

/*
 * Residents aged MIN_AGE and over in CATEGORY of DIMENSION, from the one
 * table of DIMENSION that comes nearest to those ages: a table by age (sex
 * by single year, or any dimension imported with min_age/max_age rows) is
 * summed over the rows not wholly below MIN_AGE, and is used before a table
 * of all ages. *BASE_MIN is set to the youngest age the figure covers: MIN_AGE
 * when the table can be cut there, younger when a row straddles it, 0 for a
 * table of all ages. NaN (and *BASE_MIN -1) when the category is not held.
 */
double baseline_category(const struct baseline *b, const char *dimension, const char *category,
    int min_age, int *base_min);

/* Does the baseline hold DIMENSION at all? */
int baseline_has(const struct baseline *b, const char *dimension);

#endif
