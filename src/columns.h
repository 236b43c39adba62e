/*
 * columns.h — what each column of an export is.
 *
 * The header shape (layout.h) gives each column its wording; rules in
 * seeds/columns/roles.csv, or a profile file, turn wording into a role; the
 * answers then confirm it or say otherwise: personal data by content
 * (content.h), an equality role its answers do not fit demoted with a
 * reason, closed question or free text told apart by how often answers
 * repeat. Columns are then grouped into questions: the stored unit, one
 * value per response.
 */
#ifndef REACH_COLUMNS_H
#define REACH_COLUMNS_H

#include <stddef.h>

#include "util.h"

struct taxonomy;

enum role {
	ROLE_UNKNOWN,
	ROLE_ID, ROLE_SUBMITTED,
	ROLE_AGE, ROLE_BIRTH_YEAR, ROLE_DATE_OF_BIRTH,
	ROLE_SEX, ROLE_GENDER_IDENTITY, ROLE_ETHNICITY,
	ROLE_DISABILITY, ROLE_DISABILITY_CONDITION, ROLE_DISABILITY_LIMITATION,
	ROLE_RELIGION, ROLE_SEXUAL_ORIENTATION, ROLE_ARMED_FORCES, ROLE_CARER,
	ROLE_POSTCODE, ROLE_CLOSED, ROLE_FREE_TEXT, ROLE_PERSONAL, ROLE_IGNORE,
	ROLE_COUNT
};

/* How the role was decided. */
enum confidence { CONF_NONE, CONF_DATA, CONF_RULE, CONF_EXACT, CONF_PROFILE };

/* The header shapes the reader knows. */
enum layout {
	LAYOUT_SINGLE, LAYOUT_QUALTRICS, LAYOUT_QUALTRICS_LEGACY, LAYOUT_SURVEYMONKEY,
	LAYOUT_TWO_TIER, LAYOUT_LIMESURVEY, LAYOUT_SMARTSURVEY,
	LAYOUT_COUNT
};

struct column {
	size_t position;        /* 1-based */
	char *header;           /* full wording, white space squeezed ("" if none) */
	char *tag;              /* short id or export tag above it, or NULL */
	char *option;           /* SurveyMonkey, SmartSurvey: the label under a block, or NULL */
	enum role role;
	enum confidence confidence;
	const char *note;       /* why it is not stored, or NULL */
	char *why;              /* owned: what reach columns says of it in full (which rule
	                           dropped it, why a role was demoted), or NULL */
	int demoted;            /* its wording named an equality role its answers did not fit */
	int question;           /* index of its question, or -1 if not stored */
	int block;              /* SurveyMonkey, SmartSurvey: first column of its block, or -1 */
};

struct question {
	char *text;             /* the question's wording */
	char *tag;
	enum role role;
	size_t *columns;        /* column indexes (0-based) that feed it */
	size_t ncolumns;
	int multi;              /* one column per option */
	int date_of_birth;      /* answers are dates of birth, stored as ages (role age) */
};

struct columns {
	enum layout layout;
	int header_rows;
	size_t ncolumns, nquestions;
	struct column *column;
	struct question *question;
	int id_column, submitted_column;        /* 0-based, or -1 */
};

/* The stable name of a role ("ethnicity"), layout or confidence. */
/* Row ROW's cell I (of N), or "" past its end or for a missing row or cell. */
const char *columns_cell(const char *const *row, size_t n, size_t i);

const char *columns_role_name(enum role role);
int columns_role_parse(const char *name, enum role *role);
const char *columns_confidence_name(enum confidence c);

/* Is the role an equality-monitoring question (tagged and compared)? */
int columns_is_demographic(enum role role);


/*
 * Gives every column a role from the profile file PROFILE (may be NULL) and
 * the built-in rules. Columns left unknown stay ROLE_UNKNOWN for
 * columns_decide. Returns 0, or -1 with ERR set (bad profile or rules).
 */
int columns_assign(struct columns *c, const char *profile, struct reach_error *err);

/*
 * Decides each column from a sample of its answers. ANSWERS[r][i] is row
 * r's answer in column i (NROWS rows). Personal data is found by content
 * whatever the header (postcodes, email addresses, phone numbers, IP
 * addresses, grid references, coordinates); an equality role given by
 * wording is kept only when the answers fit it in the taxonomy T (NULL: no
 * check), else the column is demoted to a closed question with a warning
 * in its `why`; still unknown columns become free text when most answers
 * differ, else closed questions. A date of birth is stored as an age. Then
 * groups stored columns into questions. A profile's role is never changed.
 */
void columns_decide(struct columns *c, const char *const *const *answers, const size_t *nfields,
    size_t nrows, int keep_text, const struct taxonomy *t);


void columns_free(struct columns *c);

#endif
