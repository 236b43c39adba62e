/* columns.c — see columns.h. */
#include "columns.h"

#include <assert.h>
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "match.h"
#include "policy.h"
#include "table.h"
#include "tag.h"
#include "text.h"

static const char *role_names[ROLE_COUNT] = {
	"unknown", "id", "submitted", "age", "birth_year", "date_of_birth", "sex",
	"gender_identity", "ethnicity", "disability", "disability_condition",
	"disability_limitation", "religion", "sexual_orientation", "armed_forces", "carer",
	"postcode", "closed", "free_text", "personal", "ignore",
};

const char *columns_role_name(enum role role)
{
	return role < ROLE_COUNT ? role_names[role] : "unknown";
}

int columns_role_parse(const char *name, enum role *role)
{
	for (int r = ROLE_ID; r < ROLE_COUNT; r++)
		if (strcmp(name, role_names[r]) == 0) {
			*role = (enum role)r;
			return 0;
		}
	return -1;
}

const char *columns_layout_name(enum layout layout)
{
	static const char *names[] = {
		"single header row", "Qualtrics (3 header rows)", "Qualtrics legacy (2 header rows)",
		"SurveyMonkey (2 header rows)", "two tiers (short ids, then question text)",
		"LimeSurvey (single header row, question codes)",
	};
	static_assert(sizeof names / sizeof *names == LAYOUT_COUNT, "a name for every layout");
	return names[layout];
}

const char *columns_confidence_name(enum confidence c)
{
	static const char *names[] = { "-", "low", "medium", "high", "profile" };
	return names[c];
}

int columns_is_demographic(enum role role)
{
	return role >= ROLE_AGE && role <= ROLE_CARER;
}

/* ---- header shapes ---- */

static const char *cell(const char *const *row, size_t n, size_t i)
{
	return row && i < n ? row[i] : "";
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
		if (strcmp(r1[i], cell(r2, n2, i)) == 0)
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
	if (nrows < 2 || nfields[0] < 2 || *rows[0][0] || !is_count(cell(rows[1], nfields[1], 0), &first) ||
	    first > 1)
		return 0;
	for (size_t r = 2; r < nrows; r++)
		if (!is_count(cell(rows[r], nfields[r], 0), &v) || v != first + (long)r - 1)
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

static enum layout detect_layout(const char *const *const *rows, const size_t *nfields, size_t nrows)
{
	size_t first = is_row_index(rows, nfields, nrows);
	if (nrows >= 3 && is_import_id_row(rows[2], nfields[2]))
		return LAYOUT_QUALTRICS;
	if (is_limesurvey(rows[0], nfields[0]))
		return LAYOUT_LIMESURVEY;
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

struct columns *columns_from_header(const char *const *const *rows, const size_t *nfields,
    size_t nrows, const char *path, struct reach_error *err)
{
	if (nrows == 0) {
		error_set(err, REACH_EDATA, path, 0, "no header row");
		return NULL;
	}
	struct columns *c = xcalloc(1, sizeof *c);
	c->layout = detect_layout(rows, nfields, nrows);
	c->header_rows = c->layout == LAYOUT_QUALTRICS ? 3
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
		const char *top = cell(rows[0], nfields[0], i);
		const char *name = cell(names, nnames, i);
		if (c->layout == LAYOUT_SURVEYMONKEY) {
			if (*top) {
				block = top;
				block_no = (int)i;
			}
			int plain = !*name || strcasecmp_ascii(name, "Response") == 0 ||
			    (strcasecmp_ascii(name, "Open-Ended Response") == 0 && *top);
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

/* ---- roles ---- */

/*
 * The rules of seeds/columns/roles.csv in three sets: equality questions
 * (matched against a header's question stem only), look-alikes (questions
 * that read like an equality question but are not: role `lookalike` in the
 * file, read as closed questions) and the rest.
 */
static struct matcher equality_rules, lookalike_rules, role_rules;
static int role_rules_loaded;

static int load_role_rules(struct reach_error *err)
{
	static const char *const required[] = { "role", "match", "pattern", NULL };
	if (role_rules_loaded)
		return 0;
	struct table *t = table_embedded("seeds/columns/roles.csv", err);
	if (!t || table_require(t, required, err) < 0) {
		table_free(t);
		return -1;
	}
	for (size_t r = 0; r < t->nrows; r++) {
		enum role role = ROLE_CLOSED;
		enum match_kind kind;
		int lookalike = strcmp(table_get(t, r, "role"), "lookalike") == 0;
		if ((!lookalike && columns_role_parse(table_get(t, r, "role"), &role) < 0) ||
		    match_kind_parse(table_get(t, r, "match"), &kind) < 0) {
			error_set(err, REACH_EDATA, t->name, t->lines[r], "unknown role or match kind");
			table_free(t);
			return -1;
		}
		struct matcher *m = lookalike ? &lookalike_rules
		    : columns_is_demographic(role) ? &equality_rules : &role_rules;
		matcher_add(m, kind, table_get(t, r, "pattern"), role, "seeds/columns/roles.csv", t->lines[r]);
	}
	table_free(t);
	role_rules_loaded = 1;
	return 0;
}

/* Drops a leading question number ("q12", "12", "1a", "question 3") from normalised text. */
static const char *strip_numbering(const char *norm)
{
	const char *p = norm;
	if (strncmp(p, "question ", 9) == 0)
		p += 9;
	else if (*p == 'q' && isdigit((unsigned char)p[1]))
		p++;
	if (!isdigit((unsigned char)*p))
		return norm;
	while (isdigit((unsigned char)*p))
		p++;
	if (isalpha((unsigned char)*p) && (p[1] == ' ' || !p[1]))
		p++;
	if (*p == ' ')
		return p + 1;
	return *p ? norm : p;
}

/* The better of two rule matches: exact first, then the longer pattern, then A. */
static const struct match_rule *better(const struct match_rule *a, const struct match_rule *b)
{
	if (!a || !b)
		return a ? a : b;
	if ((a->kind == MATCH_EXACT) != (b->kind == MATCH_EXACT))
		return a->kind == MATCH_EXACT ? a : b;
	return b->len > a->len ? b : a;
}

static const struct match_rule *find_rule(const struct matcher *m, const char *text, struct buf *norm)
{
	if (!text || !*text)
		return NULL;
	text_normalize(text, norm);
	const struct match_rule *r = matcher_find(m, norm->data);
	const char *stripped = strip_numbering(norm->data);
	if (stripped != norm->data)
		r = better(r, matcher_find(m, stripped));
	return r;
}

/*
 * The question stem of a header that also names one option of a list
 * (SurveyMonkey "Stem: Option", Google Forms "Stem [Option]", "Stem? Option",
 * "Stem (select all that apply) - Option"), newly allocated; NULL when the
 * header is all question.
 */
static char *option_stem(const struct column *col)
{
	const char *h = col->header, *at;
	size_t len = strlen(h);
	if (col->option)
		return xstrndup(h, len - strlen(col->option) - 2);
	if (len && h[len - 1] == ']' && (at = strrchr(h, '[')) && at > h)
		return xstrndup(h, (size_t)(at - h));
	if ((at = strchr(h, '?')) && at[1]) {
		for (const char *p = at + 1; *p; p++)
			if (isalnum((unsigned char)*p))
				return xstrndup(h, (size_t)(at - h) + 1);
	}
	if ((at = strstr(h, ") - ")) || (at = strstr(h, "): ")))
		return xstrndup(h, (size_t)(at - h) + 1);
	return NULL;
}

/*
 * Reads a profile: lines "header pattern = role" or "#N = role" (column N),
 * with # comments and blank lines. Rules go into M; positions into BY_POS.
 */
static int load_profile(const char *path, struct matcher *m, enum role *by_pos, size_t ncolumns,
    struct reach_error *err)
{
	FILE *fp = fopen(path, "r");
	if (!fp) {
		error_set(err, REACH_EUSAGE, path, 0, "cannot open the profile");
		return -1;
	}
	char line[2048];
	long lineno = 0;
	int rc = 0;
	while (rc == 0 && fgets(line, sizeof line, fp)) {
		lineno++;
		struct buf pattern = { 0 }, name = { 0 };
		char *eq = strrchr(line, '=');
		char *p = line;
		while (isspace((unsigned char)*p))
			p++;
		if (!*p || (*p == '#' && !isdigit((unsigned char)p[1])))
			continue;
		if (!eq) {
			error_set(err, REACH_EUSAGE, path, lineno, "expected \"header pattern = role\"");
			rc = -1;
			break;
		}
		*eq = '\0';
		text_squeeze(p, &pattern);
		text_squeeze(eq + 1, &name);
		enum role role;
		long pos;
		if (columns_role_parse(name.data, &role) < 0) {
			error_set(err, REACH_EUSAGE, path, lineno, "unknown role \"%s\" (see reach(1), COLUMN ROLES)", name.data);
			rc = -1;
		} else if (pattern.data[0] == '#' && parse_long(pattern.data + 1, 1, (long)ncolumns, &pos) == 0) {
			by_pos[pos - 1] = role;
		} else if (pattern.len == 0) {
			error_set(err, REACH_EUSAGE, path, lineno, "no header pattern before \"=\"");
			rc = -1;
		} else {
			matcher_add(m, MATCH_CONTAINS, pattern.data, role, path, lineno);
		}
		buf_free(&pattern);
		buf_free(&name);
	}
	fclose(fp);
	return rc;
}

/* Sets COL's full reason ("personal data (…): never stored"), replacing any it had. */
static void set_why(struct column *col, const char *fmt, ...) REACH_PRINTF(2, 3);
static void set_why(struct column *col, const char *fmt, ...)
{
	struct buf b = { 0 };
	char small[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	buf_puts(&b, small);
	free(col->why);
	col->why = b.data;
}

/*
 * The role of COL from the built-in rules, or NULL. An equality role comes
 * from the question stem only (never from an option label alone) and beats
 * a generic closed-question rule ("select all that apply"); a look-alike
 * rule (benefits, "minority in your country") beats an equality rule.
 */
static const struct match_rule *rule_for(const struct column *col, struct buf *norm, const char **where)
{
	*where = "header";
	/* A sub-label is matched like a header: "Other (please specify)", "Email Address". */
	const struct match_rule *r = find_rule(&role_rules, col->option, norm);
	if (r && (r->value == ROLE_FREE_TEXT || r->value == ROLE_PERSONAL || r->value == ROLE_POSTCODE)) {
		*where = "sub-label";
		return r;
	}
	const struct match_rule *lookalike = better(find_rule(&lookalike_rules, col->header, norm),
	    find_rule(&lookalike_rules, col->tag, norm));
	if (lookalike) {
		*where = "look-alike";
		return lookalike;
	}
	char *stem = option_stem(col);
	const struct match_rule *equality = better(find_rule(&equality_rules, stem ? stem : col->header, norm),
	    find_rule(&equality_rules, col->tag, norm));
	free(stem);
	const struct match_rule *other = better(find_rule(&role_rules, col->header, norm),
	    find_rule(&role_rules, col->tag, norm));
	if (equality && other && other->value == ROLE_CLOSED)
		return equality;
	return better(equality, other);
}

int columns_assign(struct columns *c, const char *profile, struct reach_error *err)
{
	struct matcher user = { 0 };
	enum role *by_pos = xcalloc(c->ncolumns, sizeof *by_pos);
	struct buf norm = { 0 };
	int rc = load_role_rules(err);
	if (rc == 0 && profile)
		rc = load_profile(profile, &user, by_pos, c->ncolumns, err);
	for (size_t i = 0; rc == 0 && i < c->ncolumns; i++) {
		struct column *col = &c->column[i];
		const struct match_rule *r = NULL;
		const char *where;
		if (by_pos[i]) {
			col->role = by_pos[i];
			col->confidence = CONF_PROFILE;
			continue;
		}
		r = better(find_rule(&user, col->header, &norm), find_rule(&user, col->tag, &norm));
		if (r) {
			col->role = (enum role)r->value;
			col->confidence = CONF_PROFILE;
			continue;
		}
		if (col->role != ROLE_UNKNOWN)
			continue;       /* the header shape already said what it is */
		r = rule_for(col, &norm, &where);
		if (!r)
			continue;
		col->role = (enum role)r->value;
		col->confidence = r->kind == MATCH_EXACT ? CONF_EXACT : CONF_RULE;
		if (col->role == ROLE_PERSONAL)
			set_why(col, "personal data (%s matches \"%s\"): never stored", where, r->pattern);
		else if (strcmp(where, "look-alike") == 0)
			set_why(col, "not an equality question (header matches \"%s\"): read as a closed question",
			    r->pattern);
	}
	/* One response id and one submitted date: the first of each. */
	for (size_t i = 0; rc == 0 && i < c->ncolumns; i++) {
		struct column *col = &c->column[i];
		int *first = col->role == ROLE_ID ? &c->id_column
		    : col->role == ROLE_SUBMITTED ? &c->submitted_column : NULL;
		if (!first)
			continue;
		if (*first < 0) {
			*first = (int)i;
		} else {
			col->role = ROLE_IGNORE;
			col->note = "an earlier column has this role";
		}
	}
	buf_free(&norm);
	matcher_free(&user);
	free(by_pos);
	return rc;
}

/* ---- personal data by content ---- */

static int alpha_at(const char *p) { return isalpha((unsigned char)*p) != 0; }
static int digit_at(const char *p) { return isdigit((unsigned char)*p) != 0; }

/*
 * The length of a full UK postcode at P ("ME15 6JQ", "sw1a1aa"), ending on a
 * word boundary, or 0; *OUTWARD is the length of its district.
 */
static size_t postcode_at(const char *p, size_t *outward)
{
	if (!alpha_at(p))
		return 0;
	size_t i = alpha_at(p + 1) ? 2 : 1;
	if (!digit_at(p + i))
		return 0;
	i++;
	for (size_t out = i; out <= i + 1; out++) {
		if (out > i && !isalnum((unsigned char)p[i]))
			break;
		size_t in = out + (p[out] == ' ');
		if (digit_at(p + in) && alpha_at(p + in + 1) && alpha_at(p + in + 2) &&
		    !isalnum((unsigned char)p[in + 3])) {
			*outward = out;
			return in + 3;
		}
	}
	return 0;
}

size_t columns_cut_postcodes(const char *s, struct buf *out)
{
	size_t cut = 0, outward, len;
	buf_reset(out);
	for (const char *p = s; *p; ) {
		if ((p == s || !isalnum((unsigned char)p[-1])) && (len = postcode_at(p, &outward))) {
			for (size_t i = 0; i < outward; i++)
				buf_putc(out, (char)toupper((unsigned char)p[i]));
			p += len;
			cut++;
		} else {
			buf_putc(out, *p++);
		}
	}
	if (!out->data)
		buf_puts(out, "");
	return cut;
}

enum content {
	CONTENT_OTHER, CONTENT_POSTCODE, CONTENT_EMAIL, CONTENT_PHONE, CONTENT_IP, CONTENT_GRID,
	CONTENT_COORDINATES, CONTENT_COUNT
};

static const char *const content_words[CONTENT_COUNT] = {
	"", "full postcodes", "email addresses", "phone numbers", "IP addresses",
	"grid references or eastings and northings", "latitudes and longitudes",
};

static int is_email(const char *s)
{
	const char *at = strchr(s, '@');
	if (!at || at == s || strchr(at + 1, '@') || strpbrk(s, " \t,;<>"))
		return 0;
	const char *dot = strrchr(at + 1, '.');
	return dot && dot > at + 1 && dot[1];
}

static int is_phone(const char *s)
{
	size_t digits = 0;
	if (*s != '0' && *s != '+' && *s != '(')
		return 0;
	for (const char *p = s; *p; p++) {
		if (digit_at(p))
			digits++;
		else if (!strchr(" +()-.", *p))
			return 0;
	}
	return digits >= 10 && digits <= 13;
}

static int is_ip(const char *s)
{
	int parts = 0, colons = 0;
	const char *p = s;
	for (;;) {
		char *end;
		if (!digit_at(p))
			break;
		long v = strtol(p, &end, 10);
		if (end - p > 3 || v > 255)
			break;
		parts++;
		p = end;
		if (*p != '.')
			break;
		p++;
	}
	if (parts == 4 && !*p)
		return 1;
	for (p = s; *p; p++) {
		if (*p == ':')
			colons++;
		else if (!isxdigit((unsigned char)*p))
			return 0;
	}
	return colons >= 5 || (colons >= 2 && strstr(s, "::") && strlen(s) >= 6);
}

/* A number of MIN_DIGITS or more digits at *P, with at least DECIMALS after a point; advances *P. */
static int number_at(const char **p, int min_digits, int decimals, double *value)
{
	char *end;
	const char *s = *p;
	if (*s == '-' || *s == '+')
		s++;
	if (!digit_at(s))
		return 0;
	*value = strtod(*p, &end);
	const char *dot = memchr(s, '.', (size_t)(end - s));
	int before = (int)((dot ? dot : end) - s), after = dot ? (int)(end - dot - 1) : 0;
	*p = end;
	return before >= min_digits && after >= decimals;
}

/* "TQ 75838 55291", "TQ7583855291", "575838, 155291". */
static int is_grid(const char *s)
{
	struct buf b = { 0 };
	for (const char *p = s; *p; p++)
		if (*p != ' ')
			buf_putc(&b, (char)toupper((unsigned char)*p));
	int grid = 0;
	if (b.len >= 6 && b.len <= 12 && strchr("HJNOST", b.data[0]) && alpha_at(b.data + 1) &&
	    b.data[1] != 'I' && (b.len - 2) % 2 == 0) {
		grid = 1;
		for (size_t i = 2; i < b.len; i++)
			grid &= digit_at(b.data + i);
	}
	buf_free(&b);
	if (grid)
		return 1;
	/* Eastings and northings in metres: six digits, then six or seven. */
	const char *p = s;
	double e, n;
	if (*s == '0' || !number_at(&p, 6, 0, &e) || p - s != 6)
		return 0;
	while (*p == ',' || *p == ' ' || *p == ';')
		p++;
	const char *north = p;
	return *p != '0' && number_at(&p, 6, 0, &n) && !*p && p - north <= 7 && e <= 700000 && n <= 1300000;
}

/* "51.27201", "51.2720, 0.5290". */
static int is_coordinates(const char *s)
{
	const char *p = s;
	double a, b;
	if (!number_at(&p, 1, 3, &a) || fabs(a) > 180)
		return 0;
	if (!*p)
		return p - s >= 6 && strchr(s, '.') && strlen(strchr(s, '.') + 1) >= 4;
	while (*p == ',' || *p == ' ' || *p == ';')
		p++;
	return number_at(&p, 1, 3, &b) && !*p && fabs(b) <= 180;
}

static enum content content_of(const char *v)
{
	size_t outward, len = strlen(v);
	if (postcode_at(v, &outward) == len)
		return CONTENT_POSTCODE;
	if (is_email(v))
		return CONTENT_EMAIL;
	if (is_ip(v))
		return CONTENT_IP;
	if (is_grid(v))
		return CONTENT_GRID;
	if (is_coordinates(v))
		return CONTENT_COORDINATES;
	if (is_phone(v))
		return CONTENT_PHONE;
	return CONTENT_OTHER;
}

/*
 * Judges column COL by its answers: personal data when a quarter or more of
 * them are email addresses, phone numbers, IP addresses, grid references or
 * coordinates (named in *KIND); a postcode when most are full postcodes.
 */
static enum role role_by_content(const char *const *const *answers, const size_t *nfields, size_t nrows,
    size_t col, enum content *kind)
{
	size_t seen[CONTENT_COUNT] = { 0 }, filled = 0, personal = 0;
	struct buf b = { 0 };
	for (size_t r = 0; r < nrows; r++) {
		const char *v = cell(answers[r], nfields[r], col);
		if (!*v)
			continue;
		text_squeeze(v, &b);
		if (!b.len)
			continue;
		filled++;
		seen[content_of(b.data)]++;
	}
	buf_free(&b);
	*kind = CONTENT_OTHER;
	for (int k = CONTENT_EMAIL; k < CONTENT_COUNT; k++) {
		personal += seen[k];
		if (seen[k] > seen[*kind] || *kind == CONTENT_OTHER)
			*kind = seen[k] ? (enum content)k : *kind;
	}
	if (filled && personal && (double)personal >= POLICY_PERSONAL_SHARE * (double)filled)
		return ROLE_PERSONAL;
	*kind = CONTENT_POSTCODE;
	if (filled && (double)seen[CONTENT_POSTCODE] > POLICY_POSTCODE_SHARE * (double)filled)
		return ROLE_POSTCODE;
	*kind = CONTENT_OTHER;
	return ROLE_UNKNOWN;
}

/* ---- equality roles confirmed by the answers ---- */

static int compare_strings(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The answered cells of column COL, sorted (pointers into ANSWERS); returns their number. */
static size_t sorted_answers(const char *const *const *answers, const size_t *nfields, size_t nrows,
    size_t col, const char ***out)
{
	const char **seen = xcalloc(nrows ? nrows : 1, sizeof *seen);
	size_t filled = 0;
	for (size_t r = 0; r < nrows; r++) {
		const char *v = cell(answers[r], nfields[r], col);
		if (*v)
			seen[filled++] = v;
	}
	qsort(seen, filled, sizeof *seen, compare_strings);
	*out = seen;
	return filled;
}

/* How many of the FILLED sorted answers tag to ROLE's categories or non-answers in T. */
static size_t answers_fitting(const struct taxonomy *t, enum role role, const char **seen, size_t filled)
{
	size_t fit = 0;
	for (size_t i = 0, j; i < filled; i = j) {
		for (j = i + 1; j < filled && strcmp(seen[j], seen[i]) == 0; j++)
			;
		int fits = 0;
		for (const char *const *d = tag_dimensions(role); *d && !fits; d++) {
			for (int month_first = 0; month_first <= (role == ROLE_DATE_OF_BIRTH) && !fits; month_first++) {
				struct tag_result r;
				tag_answer(t, role, *d, seen[i], month_first, &r);
				fits = r.status != TAG_UNMATCHED;
			}
		}
		if (fits)
			fit += j - i;
	}
	return fit;
}

/* Roles whose questions are easily taken for each other, wording aside. */
static enum role twin_role(enum role role)
{
	return role == ROLE_SEX ? ROLE_GENDER_IDENTITY : role == ROLE_GENDER_IDENTITY ? ROLE_SEX : ROLE_UNKNOWN;
}

/*
 * Keeps COL's equality role (given by its wording) when at least half its
 * answered sample fits the dimension; else its twin's role when that fits,
 * else a closed question, saying why.
 */
static void confirm_by_answers(struct column *col, const struct taxonomy *t,
    const char *const *const *answers, const size_t *nfields, size_t nrows)
{
	const char **seen;
	size_t filled = sorted_answers(answers, nfields, nrows, col->position - 1, &seen);
	size_t fit = filled ? answers_fitting(t, col->role, seen, filled) : 0;
	if (filled && (double)fit < POLICY_ROLE_FIT_SHARE * (double)filled) {
		enum role twin = twin_role(col->role);
		size_t twin_fit = twin ? answers_fitting(t, twin, seen, filled) : 0;
		if (twin && (double)twin_fit >= POLICY_ROLE_FIT_SHARE * (double)filled) {
			set_why(col, "answers fit %s, not %s (%zu of %zu tagged)", columns_role_name(twin),
			    columns_role_name(col->role), twin_fit, filled);
			col->role = twin;
		} else {
			set_why(col, "answers do not fit %s: %zu of %zu tagged; read as a closed question, "
			    "a profile can force it", columns_role_name(col->role), fit, filled);
			col->role = ROLE_CLOSED;
		}
		col->confidence = CONF_DATA;
		col->demoted = 1;
	}
	free(seen);
}

/* ---- deciding from answers, and questions ---- */

/*
 * Free text when most answers differ from each other; a closed question
 * when answers repeat, however long its options are worded. With under ten
 * answers there is too little repetition to go by: only long answers, all
 * different, read as free text.
 */
static enum role guess_from_answers(const char *const *const *answers, const size_t *nfields,
    size_t nrows, size_t col)
{
	const char **seen;
	size_t filled = sorted_answers(answers, nfields, nrows, col, &seen), distinct = 0, total = 0;
	for (size_t i = 0; i < filled; i++) {
		distinct += i == 0 || strcmp(seen[i], seen[i - 1]) != 0;
		total += strlen(seen[i]);
	}
	free(seen);
	if (filled >= 10)
		return distinct * 2 > filled ? ROLE_FREE_TEXT : ROLE_CLOSED;
	return filled && distinct == filled && total > 30 * filled ? ROLE_FREE_TEXT : ROLE_CLOSED;
}

static int all_empty(const char *const *const *answers, const size_t *nfields, size_t nrows, size_t col)
{
	for (size_t r = 0; r < nrows; r++)
		if (*cell(answers[r], nfields[r], col))
			return 0;
	return 1;
}

static void add_question(struct columns *c, size_t col_index, int join)
{
	struct column *col = &c->column[col_index];
	if (join && c->nquestions) {
		struct question *q = &c->question[c->nquestions - 1];
		q->columns = xrealloc(q->columns, (q->ncolumns + 1) * sizeof *q->columns);
		q->columns[q->ncolumns++] = col_index;
		q->multi = 1;
		col->question = (int)c->nquestions - 1;
		return;
	}
	c->question = xrealloc(c->question, (c->nquestions + 1) * sizeof *c->question);
	struct question *q = &c->question[c->nquestions];
	memset(q, 0, sizeof *q);
	if (col->option) {
		/* The block's wording, without the option label. */
		size_t len = strlen(col->header) - strlen(col->option) - 2;
		q->text = xstrndup(col->header, len);
	} else if (*col->header) {
		q->text = xstrdup(col->header);
	} else {
		struct buf b = { 0 };
		buf_printf(&b, "column %zu", col->position);
		q->text = b.data;
	}
	q->tag = col->tag ? xstrdup(col->tag) : NULL;
	q->role = col->role;
	/* A date of birth is never stored: its answers become ages at the response's date. */
	if (col->role == ROLE_DATE_OF_BIRTH) {
		q->role = ROLE_AGE;
		q->date_of_birth = 1;
	}
	q->columns = xmalloc(sizeof *q->columns);
	q->columns[0] = col_index;
	q->ncolumns = 1;
	col->question = (int)c->nquestions++;
}

/* Checks COL's answers for personal data and, for a worded equality role, for fit. */
static void check_answers(struct columns *c, size_t i, const char *const *const *answers,
    const size_t *nfields, size_t nrows, const struct taxonomy *t)
{
	struct column *col = &c->column[i];
	enum content kind;
	if (col->confidence == CONF_PROFILE || col->role == ROLE_PERSONAL || col->role == ROLE_SUBMITTED ||
	    col->role == ROLE_IGNORE)
		return;
	enum role by_content = role_by_content(answers, nfields, nrows, i, &kind);
	if (by_content == ROLE_PERSONAL) {
		col->role = ROLE_PERSONAL;
		col->confidence = CONF_DATA;
		set_why(col, "personal data (answers look like %s): never stored", content_words[kind]);
		if (c->id_column == (int)i)
			c->id_column = -1;
		return;
	}
	if (by_content == ROLE_POSTCODE && col->role != ROLE_POSTCODE) {
		set_why(col, "answers look like full postcodes: only the district is stored");
		col->role = ROLE_POSTCODE;
		col->confidence = CONF_DATA;
		if (c->id_column == (int)i)
			c->id_column = -1;
		return;
	}
	if (t && columns_is_demographic(col->role))
		confirm_by_answers(col, t, answers, nfields, nrows);
}

void columns_decide(struct columns *c, const char *const *const *answers, const size_t *nfields,
    size_t nrows, int keep_text, const struct taxonomy *t)
{
	const struct column *prev = NULL;
	for (size_t i = 0; i < c->ncolumns; i++) {
		struct column *col = &c->column[i];
		if (col->role == ROLE_UNKNOWN && !*col->header && (!col->tag || !*col->tag) && all_empty(answers, nfields, nrows, i)) {
			col->role = ROLE_IGNORE;
			col->confidence = CONF_DATA;
			col->note = "no header and no answers";
		}
		check_answers(c, i, answers, nfields, nrows, t);
		if (col->role == ROLE_UNKNOWN) {
			col->role = guess_from_answers(answers, nfields, nrows, i);
			col->confidence = CONF_DATA;
		}
		switch (col->role) {
		case ROLE_PERSONAL:
			col->note = "personal data: never stored";
			break;
		case ROLE_IGNORE:
			if (!col->note)
				col->note = "not needed";
			break;
		case ROLE_FREE_TEXT:
			if (!keep_text)
				col->note = "free text: not stored without --keep-text";
			break;
		case ROLE_DATE_OF_BIRTH:
			set_why(col, "stored as the age at the response's date, never as the date");
			break;
		default:
			break;
		}
		int stored = !col->note && col->role != ROLE_ID && col->role != ROLE_SUBMITTED;
		if (stored) {
			int join = prev && col->option && prev->option && prev->block == col->block &&
			    prev->role == col->role && col->role != ROLE_FREE_TEXT && prev->question >= 0;
			add_question(c, i, join);
		}
		prev = col;
	}
}

void columns_free(struct columns *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->ncolumns; i++) {
		free(c->column[i].header);
		free(c->column[i].tag);
		free(c->column[i].option);
		free(c->column[i].why);
	}
	for (size_t i = 0; i < c->nquestions; i++) {
		free(c->question[i].text);
		free(c->question[i].tag);
		free(c->question[i].columns);
	}
	free(c->column);
	free(c->question);
	free(c);
}
