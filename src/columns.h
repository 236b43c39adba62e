/*
 * columns.h — what each column of an export is.
 *
 * The header shape (one row, Qualtrics, SurveyMonkey, two tiers) gives each
 * column its wording; rules in seeds/columns/roles.csv, or a profile file,
 * turn wording into a role; columns no rule names are told apart by their
 * answers (closed question or free text). Columns are then grouped into
 * questions: the stored unit, one value per response.
 */
#ifndef REACH_COLUMNS_H
#define REACH_COLUMNS_H

#include <stddef.h>

#include "util.h"

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
	LAYOUT_TWO_TIER, LAYOUT_LIMESURVEY,
	LAYOUT_COUNT
};

struct column {
	size_t position;        /* 1-based */
	char *header;           /* full wording, white space squeezed ("" if none) */
	char *tag;              /* short id or export tag above it, or NULL */
	char *option;           /* SurveyMonkey: the label under a block, or NULL */
	enum role role;
	enum confidence confidence;
	const char *note;       /* why it is not stored, or NULL */
	int question;           /* index of its question, or -1 if not stored */
	int block;              /* SurveyMonkey: first column of its block, or -1 */
};

struct question {
	char *text;             /* the question's wording */
	char *tag;
	enum role role;
	size_t *columns;        /* column indexes (0-based) that feed it */
	size_t ncolumns;
	int multi;              /* one column per option */
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
const char *columns_role_name(enum role role);
int columns_role_parse(const char *name, enum role *role);
const char *columns_layout_name(enum layout layout);
const char *columns_confidence_name(enum confidence c);

/* Is the role an equality-monitoring question (tagged and compared)? */
int columns_is_demographic(enum role role);

/*
 * Reads the header shape from the first NROWS records (at most 3; each an
 * array of NFIELDS[i] strings) and makes the columns. Returns NULL with ERR
 * set when the header is unusable.
 */
struct columns *columns_from_header(const char *const *const *rows, const size_t *nfields,
    size_t nrows, const char *path, struct reach_error *err);

/*
 * Gives every column a role from the profile file PROFILE (may be NULL) and
 * the built-in rules. Columns left unknown stay ROLE_UNKNOWN for
 * columns_decide. Returns 0, or -1 with ERR set (bad profile or rules).
 */
int columns_assign(struct columns *c, const char *profile, struct reach_error *err);

/*
 * Decides each still unknown column from a sample of its answers: free text
 * when answers are long or nearly all different, otherwise a closed
 * question. ANSWERS[r][i] is row r's answer in column i (NROWS rows). Then
 * groups stored columns into questions.
 */
void columns_decide(struct columns *c, const char *const *const *answers, const size_t *nfields,
    size_t nrows, int keep_text);

void columns_free(struct columns *c);

#endif
