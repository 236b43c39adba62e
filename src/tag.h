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
#include <stdint.h>

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
 * A sex question is tagged in two dimensions: "sex", and the gender identity
 * its answers tell, stored as TAG_SEX_GENDER_IDENTITY. Exports offer "Trans
 * woman", "Non-binary", "Gender non-conforming" beside "Female" and "Male" in
 * one question. Such an answer is
 *   - in sex, `other` ("answered in another way"): not forced into female or
 *     male, and not compared with the census, so the female and male shares
 *     are those of the respondents who answered female or male, as the
 *     census's are (compare.c leaves categories without census figures out);
 *   - in TAG_SEX_GENDER_IDENTITY, different_from_birth.
 * Every other answer is missing in TAG_SEX_GENDER_IDENTITY (declined when it
 * declines): "Female" says nothing of gender identity, and "Prefer to
 * self-describe", "Other" or "Intersex" do not say it differs from sex at
 * birth, so they are sex `other` and gender identity missing. The sex
 * question's own unmatched answers are counted once, in sex.
 *
 * The second dimension has its own name, not "gender_identity", because a
 * consultation that also asks the GSS gender identity question must keep
 * that question's answers as its gender identity: a sex question only knows
 * the respondents who named a gender identity, never those whose identity
 * matches their sex, so its share of different_from_birth among known
 * answers would always be 100 %. Reading it: where the consultation has a
 * ROLE_GENDER_IDENTITY question, use that; else report the count of
 * TAG_SEX_GENDER_IDENTITY different_from_birth answers as a count only (no
 * share, no census comparison), noting that it comes from the sex question.
 */
#define TAG_SEX_GENDER_IDENTITY "gender_identity_in_sex"

/* What the tagger may know of a question beyond each answer. */
struct tag_question {
	int month_first;        /* dates of birth: 0 day first, 1 month first, DATE_ORDER_MIXED (date.h) only unambiguous */
	long first_day;         /* the first day a response could have been given (days since 1970), or -1: unknown */
	long last_day;          /* the last such day (the closing date), or -1: unknown, taken as today */
	int age_codes;          /* an age question whose answers are group codes, not ages: bare numbers are unmatched */
};

/*
 * Tags RAW, an answer to a question Q of ROLE, in DIMENSION (one of
 * tag_dimensions(role)). An age (a plain one, or from a birth year or date of
 * birth) outside 0 to POLICY_AGE_CEILING at every day from Q's first_day to
 * last_day is unmatched; one inside on some day is kept, and count.c checks
 * it against the response's own date. A first_day of -1 is taken as the
 * last_day. A date of birth with a two-digit year ("05/03/47") is read as
 * whichever of 19yy and 20yy gives a possible age in that window, the latest
 * year not after last_day's year first; when both do ("05/03/15": 10 or 110
 * in 2025) it is unmatched, never guessed.
 */
void tag_answer_in(const struct taxonomy *t, enum role role, const char *dimension, const char *raw,
    const struct tag_question *q, struct tag_result *out);

/* tag_answer_in with only MONTH_FIRST known: the window is today, and ages are not codes. */
void tag_answer(const struct taxonomy *t, enum role role, const char *dimension, const char *raw,
    int month_first, struct tag_result *out);

/*
 * Do the N distinct answers VALUES (with COUNTS responses each; a NULL value
 * or a count of 0 is skipped, COUNTS may be NULL) of an age question look
 * like the codes of age groups (1 = "16-24", 2 = "25-34", …) rather than
 * ages? True when at least one answer is a number, every answer holding a
 * digit is a whole number from 0 to 20, and there are at most 12 different
 * numbers. Answers without digits ("Prefer not to say") are left aside. A
 * survey of children aged 11 to 18 looks coded too: call it with the header
 * test below, and when in doubt, unmatched (listed) beats "every respondent
 * is under the age invited".
 */
int tag_age_looks_coded(const char *const *values, const uint64_t *counts, size_t n);

/*
 * Does HEADER, an age question's wording, name a group, band or category
 * ("Age group", "Age category") — the words of seeds/taxonomy/age_words.csv
 * with the meaning coded_header? With tag_age_looks_coded, sets
 * tag_question.age_codes.
 */
int tag_age_header_coded(const struct taxonomy *t, const char *header);

/*
 * Reads RAW as an age interval ("18-24", "18 to 24", "75+", "Over 75",
 * "Under 18", "85 or over", "34"); returns 0 or -1.
 */
int tag_age_interval(const struct taxonomy *t, const char *raw, int *age_min, int *age_max);

/*
 * The age groups reported beside the bands answered (seeds/taxonomy/
 * age_groups.csv) and the census broad bands exact ages are counted in
 * (age_bands.csv), as read with the taxonomy: columns min_age and max_age
 * (compare_table_bands reads them). Owned by T.
 */
const struct table *tag_age_groups_table(const struct taxonomy *t);
const struct table *tag_age_bands_table(const struct taxonomy *t);

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

/*
 * The label of CODE in DIMENSION, the one place every output takes a
 * category's name from: a category's Census/GSS label from
 * seeds/taxonomy/categories.csv ("White: Gypsy or Irish Traveller"), a
 * roll-up's from rollups.csv ("Black and minority ethnic (BME)"), an age
 * group's from age_groups.csv ("Aged 75 and over"); CODE itself when the
 * taxonomy has none (an age band, "16-24", reads as itself). The taxonomy
 * owns the result.
 */
const char *tag_label(const struct taxonomy *t, const char *dimension, const char *code);

/* The name of the taxonomy's dimension I (in the order categories.csv first names them), or NULL past the last. */
const char *tag_dimension_at(const struct taxonomy *t, size_t i);

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
 * (disability_limitation) as disability. FIRST and SECOND are the two tags,
 * either NULL when its question was not asked: with FIRST NULL, SECOND is
 * read by the rows whose first is "-" (the Census 2021 limitation question
 * asked alone). The result is missing or declined as the first answer read
 * is, unmatched when no row fits, missing when neither was asked.
 */
void tag_combine(const struct taxonomy *t, const char *dimension, const struct tag_result *first,
    const struct tag_result *second, struct tag_result *out);

#endif
