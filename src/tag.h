/*
 * tag.h — raw answer to census category, driven entirely by the taxonomy
 * in seeds/taxonomy/ (categories, roll-ups, synonyms, non-answers, age
 * words) and an optional user file of extra synonyms: no category name or
 * wording lives in C.
 *
 * Every answer gets a status: a category; missing (blank, "-", "N/A");
 * declined ("Prefer not to say"); broad (answered only at a broader level:
 * one of the five ethnic groups, for the nineteen; or only a roll-up, as
 * "BAME", whose code is then the roll-up's); or unmatched (no rule: counted,
 * and listed so that a synonym can be added).
 */
#ifndef REACH_TAG_H
#define REACH_TAG_H

#include <stddef.h>

#include "columns.h"
#include "util.h"

enum tag_status { TAG_CATEGORY, TAG_MISSING, TAG_DECLINED, TAG_BROAD, TAG_UNMATCHED };

#define TAG_AGE_OPEN (-1)       /* no upper age: "75+" */

struct tag_result {
	enum tag_status status;
	const char *code;       /* the category (TAG_CATEGORY) or roll-up (TAG_BROAD), or NULL; the taxonomy owns it */
	int age_min, age_max;   /* age: the interval answered (age_max may be TAG_AGE_OPEN) */
	long number;            /* birth_year: the year; date_of_birth: days since 1970-01-01 */
};

struct taxonomy;

/*
 * Loads the built-in taxonomy and, when USER_FILE is not NULL, its extra
 * synonyms (same columns as seeds/taxonomy/synonyms.csv; dimension "*" with
 * code missing or declined adds a non-answer). User rules win. Returns NULL
 * with ERR set on a bad file.
 */
struct taxonomy *tag_load(const char *user_file, struct reach_error *err);
void tag_free(struct taxonomy *t);

/* The dimensions a question of ROLE is tagged in (NULL-terminated), e.g. ethnicity → detailed, broad. */
const char *const *tag_dimensions(enum role role);

/*
 * Tags RAW, an answer to a question of ROLE, in DIMENSION (one of
 * tag_dimensions(role)). MONTH_FIRST: read an ambiguous date of birth as
 * month first.
 */
void tag_answer(const struct taxonomy *t, enum role role, const char *dimension, const char *raw,
    int month_first, struct tag_result *out);

/*
 * Reads RAW as an age interval ("18-24", "18 to 24", "75+", "Over 75",
 * "Under 18", "85 or over", "34"); returns 0 or -1.
 */
int tag_age_interval(const struct taxonomy *t, const char *raw, int *age_min, int *age_max);

/*
 * The code of the age interval AGE_MIN to AGE_MAX (TAG_AGE_OPEN: no upper
 * limit), the one way every module writes it: "18-24", "75+", or "34" for a
 * single year. Writes at most TAG_AGE_CODE_MAX bytes with the NUL.
 */
#define TAG_AGE_CODE_MAX 24
void tag_age_code(int age_min, int age_max, char out[TAG_AGE_CODE_MAX]);

/* The stable name of a status ("category", "missing", …). */
const char *tag_status_name(enum tag_status s);

/* A category of a dimension, in the taxonomy's order. */
struct tag_category {
	const char *code, *label, *parent;
};

/* The categories of DIMENSION in order; returns their number. */
size_t tag_categories(const struct taxonomy *t, const char *dimension, const struct tag_category **out);

/* The label of CODE in DIMENSION, or CODE itself. */
const char *tag_label(const struct taxonomy *t, const char *dimension, const char *code);

/* A roll-up: a named group of a dimension's categories. */
struct tag_rollup {
	const char *dimension, *code, *label, *definition;
	const char **members;
	size_t nmembers;
};
size_t tag_rollups(const struct taxonomy *t, const char *dimension, const struct tag_rollup **out);

/*
 * Two questions read as one, by seeds/taxonomy/combined.csv: the Equality
 * Act form's condition (disability_condition) and limitation
 * (disability_limitation) as disability. FIRST and SECOND are the two tags
 * (SECOND may be NULL when the question was not asked); the result is
 * missing or declined as FIRST is, unmatched when no row fits.
 */
void tag_combine(const struct taxonomy *t, const char *dimension, const struct tag_result *first,
    const struct tag_result *second, struct tag_result *out);

#endif
