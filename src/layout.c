/*
 * layout.c — see layout.h. The header shapes of real exports: one row,
 * Qualtrics (three rows, the ImportId row in any quoting; legacy V1…),
 * SurveyMonkey (questions over blocks, option labels under them), two tiers,
 * LimeSurvey ("code[SQ001]. question [option]"), SmartSurvey (three rows,
 * "UserID, UserNo, …" first), and a blank-headed row index, which is ignored.
 */
#include "layout.h"

#include <assert.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

const char *layout_name(enum layout layout)
{
	static const char *names[] = {
		"single header row", "Qualtrics (3 header rows)", "Qualtrics legacy (2 header rows)",
		"SurveyMonkey (2 header rows)", "two tiers (short ids, then question text)",
		"LimeSurvey (single header row, question codes)", "SmartSurvey (3 header rows)",
	};
	static_assert(sizeof names / sizeof *names == LAYOUT_COUNT, "a name for every layout");
	return names[layout];
}

/* "Q1", "V12", "Ident 3", "q2_a": a short export id rather than question text. */
static int is_short_id(const char *s)
{
	size_t len = strlen(s), spaces = 0;
	int digit = 0;
	if (len == 0 || len > 20 || !isalpha((unsigned char)s[0]))
		return 0;
	for (const char *p = s; *p; p++) {
		if (isdigit((unsigned char)*p))
			digit = 1;
		else if (*p == ' ')
			spaces++;
		else if (!isalnum((unsigned char)*p) && *p != '_' && *p != '-' && *p != '.')
			return 0;
	}
	return digit && spaces <= 1;
}

/* Question wording: ends in "?" or is a long phrase. */
static int is_question_text(const char *s)
{
	size_t len = strlen(s);
	while (len && isspace((unsigned char)s[len - 1]))
		len--;
	return (len && s[len - 1] == '?') || (len > 25 && strchr(s, ' '));
}

static int is_two_tier(const char *const *r1, size_t n1, const char *const *r2, size_t n2)
{
	size_t ids = 0, filled1 = 0, questions = 0, filled2 = 0;
	for (size_t i = 0; i < n1; i++) {
		if (!*r1[i])
			continue;
		filled1++;
		ids += is_short_id(r1[i]);
		if (strcmp(r1[i], columns_cell(r2, n2, i)) == 0)
			return 0;
	}
	for (size_t i = 0; i < n2; i++) {
		if (!*r2[i])
			continue;
		filled2++;
		questions += is_question_text(r2[i]);
	}
	return filled1 && ids * 10 >= filled1 * 8 && filled2 && questions * 2 >= filled2;
}

/* Skips white space and one quote of either kind. */
static const char *skip_quote(const char *p)
{
	while (isspace((unsigned char)*p))
		p++;
	if (*p == '"' || *p == '\'')
		p++;
	return p;
}

/* A Qualtrics third header row cell: {"ImportId":"QID1"}, in any quoting or spacing. */
static int is_import_id(const char *s)
{
	while (isspace((unsigned char)*s))
		s++;
	if (*s++ != '{')
		return 0;
	s = skip_quote(s);
	for (const char *want = "importid"; *want; want++, s++)
		if (tolower((unsigned char)*s) != *want)
			return 0;
	s = skip_quote(s);
	while (isspace((unsigned char)*s))
		s++;
	return *s == ':';
}

/* Qualtrics' ImportId row: most of its filled cells are ImportId objects (a row index may not be). */
static int is_import_id_row(const char *const *row, size_t n)
{
	size_t filled = 0, ids = 0;
	for (size_t i = 0; i < n; i++) {
		if (!*row[i])
			continue;
		filled++;
		ids += is_import_id(row[i]);
	}
	return ids && ids * 2 >= filled;
}

/* Is S a whole number, written plainly? Sets *VALUE. */
static int is_count(const char *s, long *value)
{
	char *end;
	if (!isdigit((unsigned char)*s) || strlen(s) > 9)
		return 0;
	*value = strtol(s, &end, 10);
	return *end == '\0';
}

/*
 * A row index that pandas or R wrote in front of the columns: the first
 * column has no heading, and the rows below count 0, 1, … or 1, 2, ….
 */
static int is_row_index(const char *const *const *rows, const size_t *nfields, size_t nrows)
{
	long first, v;
	if (nrows < 2 || nfields[0] < 2 || *rows[0][0] || !is_count(columns_cell(rows[1], nfields[1], 0), &first) ||
	    first > 1)
		return 0;
	for (size_t r = 2; r < nrows; r++)
		if (!is_count(columns_cell(rows[r], nfields[r], 0), &v) || v != first + (long)r - 1)
			return 0;
	return 1;
}

/* LimeSurvey's own columns, in either heading style: codes or question text. */
static int is_limesurvey(const char *const *r1, size_t n1)
{
	int lastpage = 0, language = 0;
	for (size_t i = 0; i < n1; i++) {
		/* "lastpage", "Last page", or both: "lastpage. Last page". */
		lastpage |= (strncmp(r1[i], "lastpage", 8) == 0 && (!r1[i][8] || r1[i][8] == '.')) ||
		    strcmp(r1[i], "Last page") == 0;
		language |= (strncmp(r1[i], "startlanguage", 13) == 0 && (!r1[i][13] || r1[i][13] == '.')) ||
		    strcmp(r1[i], "Start language") == 0;
	}
	return lastpage && language;
}

static int is_surveymonkey(const char *const *r2, size_t n2)
{
	for (size_t i = 0; i < n2; i++)
		if (strcasecmp_ascii(r2[i], "Response") == 0 ||
		    strcasecmp_ascii(r2[i], "Open-Ended Response") == 0)
			return 1;
	return 0;
}

/* A header cell left empty: blank, or "NA" where the export was written out from R. */
static int is_blank_header(const char *s)
{
	return !*s || strcmp(s, "NA") == 0;
}

/*
 * SmartSurvey: "UserID", "UserNo", … over two more header rows, both blank
 * under those columns; under the questions they hold sub-question labels
 * ("Answer", "Other (please specify)", "Q4.1. Data Engineer") and the
 * labels of a grid's columns.
 */
static int is_smartsurvey(const char *const *const *rows, const size_t *nfields, size_t nrows, size_t first)
{
	if (nrows < 3 || nfields[0] < first + 2 || strcmp(rows[0][first], "UserID") != 0 ||
	    strcmp(rows[0][first + 1], "UserNo") != 0)
		return 0;
	return is_blank_header(columns_cell(rows[1], nfields[1], first)) &&
	    is_blank_header(columns_cell(rows[2], nfields[2], first));
}

static enum layout detect_layout(const char *const *const *rows, const size_t *nfields, size_t nrows)
{
	size_t first = is_row_index(rows, nfields, nrows);
	if (nrows >= 3 && is_import_id_row(rows[2], nfields[2]))
		return LAYOUT_QUALTRICS;
	if (is_limesurvey(rows[0], nfields[0]))
		return LAYOUT_LIMESURVEY;
	if (is_smartsurvey(rows, nfields, nrows, first))
		return LAYOUT_SMARTSURVEY;
	if (nrows >= 2) {
		if (nfields[0] >= first + 2 && strcmp(rows[0][first], "V1") == 0 && strcmp(rows[0][first + 1], "V2") == 0)
			return LAYOUT_QUALTRICS_LEGACY;
		if (is_surveymonkey(rows[1], nfields[1]))
			return LAYOUT_SURVEYMONKEY;
		if (is_two_tier(rows[0], nfields[0], rows[1], nfields[1]))
			return LAYOUT_TWO_TIER;
	}
	return LAYOUT_SINGLE;
}

static char *squeezed(const char *s)
{
	struct buf b = { 0 };
	text_squeeze(s, &b);
	return b.data;
}

/*
 * A LimeSurvey heading: "G01Q03[SQ001]. Question text [Option]" or
 * "G01Q01. Question text" (codes and text), or "Question text [Option]".
 * Sets COL's tag (the code), option and header ("Question text: Option").
 */
static void limesurvey_heading(struct column *col, const char *name)
{
	const char *p = name, *text = name;
	while (isalnum((unsigned char)*p) || *p == '_')
		p++;
	if (p > name && *p == '[') {
		const char *close = strchr(p, ']');
		if (close)
			p = close + 1;
	}
	if (p > name && isalpha((unsigned char)*name) && p[0] == '.' && p[1] == ' ') {
		col->tag = xstrndup(name, (size_t)(p - name));
		text = p + 2;
		/* "Q3[other]" and "Q3[SQ001comment]" hold what the respondent typed. */
		size_t n = (size_t)(p - name);
		if ((n > 7 && strncmp(p - 7, "[other]", 7) == 0) || (n > 9 && strncmp(p - 9, "comment]", 8) == 0)) {
			col->role = ROLE_FREE_TEXT;
			col->confidence = CONF_RULE;
		}
	}
	size_t len = strlen(text);
	const char *open = len && text[len - 1] == ']' ? strrchr(text, '[') : NULL;
	if (open && open > text && open[-1] == ' ') {
		struct buf b = { 0 };
		char *option = xstrndup(open + 1, (size_t)(text + len - 1 - (open + 1)));
		buf_printf(&b, "%.*s: %s", (int)(open - 1 - text), text, option);
		col->header = squeezed(b.data);
		col->option = squeezed(option);
		free(option);
		buf_free(&b);
	} else {
		col->header = squeezed(text);
	}
}

/*
 * A SmartSurvey heading: the question over the first column of its block
 * (*BLOCK and *BLOCK_NO follow it), then the labels of rows 2 and 3 under
 * it, "Answer" being the question's own column.
 */
static void smartsurvey_heading(struct column *col, const char *const *const *rows, const size_t *nfields,
    size_t i, const char **block, int *block_no)
{
	const char *top = columns_cell(rows[0], nfields[0], i);
	const char *sub = columns_cell(rows[1], nfields[1], i);
	const char *subsub = columns_cell(rows[2], nfields[2], i);
	if (!is_blank_header(top)) {
		*block = top;
		*block_no = (int)i;
	}
	col->block = *block_no;
	struct buf label = { 0 };
	if (!is_blank_header(sub) && strcasecmp_ascii(sub, "Answer") != 0)
		buf_printf(&label, "%s", sub);
	if (!is_blank_header(subsub))
		buf_printf(&label, "%s%s", label.len ? ": " : "", subsub);
	if (label.len) {
		struct buf b = { 0 };
		buf_printf(&b, "%s: %s", *block, label.data);
		col->header = squeezed(b.data);
		col->option = squeezed(label.data);
		buf_free(&b);
	} else {
		col->header = squeezed(*block);
	}
	buf_free(&label);
}

struct columns *layout_columns(const char *const *const *rows, const size_t *nfields,
    size_t nrows, const char *path, struct reach_error *err)
{
	if (nrows == 0) {
		error_set(err, REACH_EDATA, path, 0, "no header row");
		return NULL;
	}
	struct columns *c = xcalloc(1, sizeof *c);
	c->layout = detect_layout(rows, nfields, nrows);
	c->header_rows = c->layout == LAYOUT_QUALTRICS || c->layout == LAYOUT_SMARTSURVEY ? 3
	    : c->layout == LAYOUT_SINGLE || c->layout == LAYOUT_LIMESURVEY ? 1 : 2;
	c->id_column = c->submitted_column = -1;
	const char *const *names = rows[c->header_rows == 1 ? 0 : 1];
	size_t nnames = nfields[c->header_rows == 1 ? 0 : 1], n = nnames;
	if (c->header_rows > 1 && nfields[0] > n)
		n = nfields[0];
	c->ncolumns = n;
	c->column = xcalloc(n, sizeof *c->column);
	const char *block = "";
	int block_no = -1;
	for (size_t i = 0; i < n; i++) {
		struct column *col = &c->column[i];
		col->position = i + 1;
		col->question = -1;
		col->block = -1;
		const char *top = columns_cell(rows[0], nfields[0], i);
		const char *name = columns_cell(names, nnames, i);
		if (c->layout == LAYOUT_SURVEYMONKEY) {
			if (*top) {
				block = top;
				block_no = (int)i;
			}
			/* "NA" under a metadata column: R's empty cell, where the export was written out from R. */
			int plain = !*name || strcasecmp_ascii(name, "Response") == 0 ||
			    (strcasecmp_ascii(name, "Open-Ended Response") == 0 && *top) ||
			    (strcmp(name, "NA") == 0 && *top);
			if (plain) {
				col->header = squeezed(block);
			} else {
				struct buf b = { 0 };
				buf_printf(&b, "%s: %s", block, name);
				col->header = squeezed(b.data);
				buf_free(&b);
				col->option = squeezed(name);
			}
			col->block = block_no;
		} else if (c->layout == LAYOUT_SMARTSURVEY) {
			smartsurvey_heading(col, rows, nfields, i, &block, &block_no);
		} else if (c->layout == LAYOUT_LIMESURVEY) {
			limesurvey_heading(col, name);
			/* Options of one question sit side by side: one block. */
			const struct column *prev = i ? &c->column[i - 1] : NULL;
			size_t stem = col->option ? strlen(col->header) - strlen(col->option) : 0;
			int same = prev && prev->option && col->option && stem &&
			    strlen(prev->header) - strlen(prev->option) == stem &&
			    strncmp(prev->header, col->header, stem) == 0;
			col->block = same ? prev->block : col->option ? (int)i : -1;
		} else {
			col->header = squeezed(name);
			if (c->header_rows > 1)
				col->tag = squeezed(top);
		}
	}
	/* Typeform's first column "#" holds each response's token. */
	if (n && strcmp(c->column[0].header, "#") == 0) {
		c->column[0].role = ROLE_ID;
		c->column[0].confidence = CONF_EXACT;
	}
	if (is_row_index(rows, nfields, nrows)) {
		free(c->column[0].header);
		c->column[0].header = xstrdup("");
		c->column[0].role = ROLE_IGNORE;
		c->column[0].confidence = CONF_DATA;
		c->column[0].note = "row index";
	}
	return c;
}
