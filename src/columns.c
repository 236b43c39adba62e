/* columns.c — see columns.h. */
#include "columns.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "content.h"
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


const char *columns_confidence_name(enum confidence c)
{
	static const char *names[] = { "-", "low", "medium", "high", "profile" };
	return names[c];
}

int columns_is_demographic(enum role role)
{
	return role >= ROLE_AGE && role <= ROLE_CARER;
}

/* Row R's answer in column I, or "" past its end. */
const char *columns_cell(const char *const *row, size_t n, size_t i)
{
	return row && i < n && row[i] ? row[i] : "";
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
 * Reads the next line of a profile FP into LINE (SIZE bytes), ended by
 * "\n", "\r\n" or "\r" alone; *READ counts the bytes of the file so far.
 * 1 for a line, 0 at the end, or -1 with ERR set: a NUL byte, a line too
 * long for LINE, or a file past POLICY_PROFILE_MAX_BYTES (/dev/zero, say).
 */
static int profile_line(FILE *fp, const char *path, long lineno, char *line, size_t size, size_t *read,
    struct reach_error *err)
{
	size_t n = 0;
	int c = getc(fp);
	if (c == EOF)
		return 0;
	for (; c != EOF && c != '\n' && c != '\r'; c = getc(fp)) {
		if (++*read > POLICY_PROFILE_MAX_BYTES) {
			error_set(err, REACH_EUSAGE, path, lineno, "longer than a profile can be (%d bytes): is it a profile?",
			    POLICY_PROFILE_MAX_BYTES);
			return -1;
		}
		if (c == '\0') {
			error_set(err, REACH_EUSAGE, path, lineno, "binary data (a NUL byte): not a profile");
			return -1;
		}
		if (n + 1 == size) {
			error_set(err, REACH_EUSAGE, path, lineno, "a line longer than %zu bytes", size - 1);
			return -1;
		}
		line[n++] = (char)c;
	}
	if (c == '\r' && (c = getc(fp)) != '\n' && c != EOF)
		ungetc(c, fp);
	line[n] = '\0';
	return 1;
}

/*
 * Reads a profile: lines "header pattern = role" or "#N = role" (column N
 * of the NCOLUMNS, else an error), with # comments and blank lines. Rules
 * go into M; positions into BY_POS. 0, or -1 with ERR naming the line.
 */
static int load_profile(const char *path, struct matcher *m, enum role *by_pos, size_t ncolumns,
    struct reach_error *err)
{
	struct stat st;
	FILE *fp = fopen(path, "r");
	if (!fp || fstat(fileno(fp), &st) != 0 || S_ISDIR(st.st_mode)) {
		error_set(err, REACH_EUSAGE, path, 0, "cannot open the profile%s", fp ? ": it is a folder" : "");
		if (fp)
			fclose(fp);
		return -1;
	}
	char line[2048];
	long lineno = 0;
	size_t read = 0;
	int rc = 0;
	while (rc == 0 && (rc = profile_line(fp, path, lineno + 1, line, sizeof line, &read, err)) == 1) {
		rc = 0;
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
		} else if (pattern.data[0] == '#') {
			error_set(err, REACH_EUSAGE, path, lineno, "\"%.40s\" is not a column: the export has columns #1 to #%zu",
			    pattern.data, ncolumns);
			rc = -1;
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

/* ---- equality roles confirmed by the answers ---- */

static int compare_strings(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The answered cells of column COL, sorted (pointers into ANSWERS); returns their number. */
static size_t sorted_answers(const char *const *const *answers, const size_t *nfields, size_t nrows,
    size_t first, size_t last, const char ***out)
{
	const char **seen = xcalloc(nrows * (last - first + 1) + 1, sizeof *seen);
	size_t filled = 0;
	for (size_t r = 0; r < nrows; r++)
		for (size_t col = first; col <= last; col++) {
			const char *v = columns_cell(answers[r], nfields[r], col);
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
		/* A non-answer fits the question's own dimension; another dimension of it (the gender
		 * identity a sex question may record) counts only an answer it names a category for. */
		int fits = 0;
		const char *const *dims = tag_dimensions(role);
		for (const char *const *d = dims; *d && !fits; d++) {
			for (int month_first = 0; month_first <= (role == ROLE_DATE_OF_BIRTH) && !fits; month_first++) {
				struct tag_result r;
				tag_answer(t, role, *d, seen[i], month_first, &r);
				fits = d == dims ? r.status != TAG_UNMATCHED : r.status == TAG_CATEGORY || r.status == TAG_BROAD;
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
static void confirm_by_answers(struct columns *c, size_t first, size_t last, const struct taxonomy *t,
    const char *const *const *answers, const size_t *nfields, size_t nrows)
{
	const char **seen;
	enum role role = c->column[first].role;
	size_t filled = sorted_answers(answers, nfields, nrows, first, last, &seen);
	size_t fit = filled ? answers_fitting(t, role, seen, filled) : 0;
	if (filled && (double)fit < POLICY_ROLE_FIT_SHARE * (double)filled) {
		enum role twin = twin_role(role);
		size_t twin_fit = twin ? answers_fitting(t, twin, seen, filled) : 0;
		for (size_t i = first; i <= last; i++) {
			struct column *col = &c->column[i];
			if (twin && (double)twin_fit >= POLICY_ROLE_FIT_SHARE * (double)filled) {
				set_why(col, "answers fit %s, not %s (%zu of %zu tagged)", columns_role_name(twin),
				    columns_role_name(role), twin_fit, filled);
				col->role = twin;
			} else {
				set_why(col, "answers do not fit %s: %zu of %zu tagged; read as a closed question, "
				    "a profile can force it", columns_role_name(role), fit, filled);
				col->role = ROLE_CLOSED;
			}
			col->confidence = CONF_DATA;
			col->demoted = 1;
		}
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
	size_t filled = sorted_answers(answers, nfields, nrows, col, col, &seen), distinct = 0, total = 0;
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
		if (*columns_cell(answers[r], nfields[r], col))
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
/*
 * Is column COL one option of a multi-select question spread one column to
 * an option with the option as its header (Typeform, Microsoft Forms,
 * REDCap labels)? Yes when every answer given repeats the header.
 */
static int is_option_column(const struct column *col, const char *const *const *answers, const size_t *nfields,
    size_t nrows)
{
	struct buf b = { 0 };
	size_t given = 0, same = 0;
	for (size_t r = 0; r < nrows; r++) {
		text_squeeze(columns_cell(answers[r], nfields[r], col->position - 1), &b);
		if (!b.len)
			continue;
		given++;
		same += strcasecmp_ascii(b.data, col->header) == 0;
	}
	buf_free(&b);
	return given > 0 && same == given;
}

static void check_answers(struct columns *c, size_t i, const char *const *const *answers,
    const size_t *nfields, size_t nrows, const struct taxonomy *t)
{
	struct column *col = &c->column[i];
	enum content kind;
	if (col->confidence == CONF_PROFILE || col->role == ROLE_PERSONAL || col->role == ROLE_SUBMITTED ||
	    col->role == ROLE_IGNORE)
		return;
	enum role by_content = content_role(answers, nfields, nrows, i, &kind);
	if (by_content == ROLE_PERSONAL) {
		col->role = ROLE_PERSONAL;
		col->confidence = CONF_DATA;
		set_why(col, "personal data (answers look like %s): never stored", content_name(kind));
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
	if (columns_is_demographic(col->role) && col->confidence != CONF_PROFILE &&
	    is_option_column(col, answers, nfields, nrows)) {
		/* "No religion" over answers "No religion": one option of a question whose wording is not here. */
		set_why(col, "one option of a multi-select question (its answers repeat its header), not a %s question: "
		    "read as a closed question, a profile can force it", columns_role_name(col->role));
		col->role = ROLE_CLOSED;
		col->confidence = CONF_DATA;
		col->demoted = 1;
		return;
	}
	if (!t || !columns_is_demographic(col->role))
		return;
	/* The options of one multi-select block (the ethnic groups ticked) are judged together. */
	size_t last = i;
	if (col->option && col->block >= 0) {
		if (i > 0 && c->column[i - 1].block == col->block && c->column[i - 1].option)
			return;         /* judged with the block's first column */
		while (last + 1 < c->ncolumns && c->column[last + 1].block == col->block && c->column[last + 1].option &&
		    c->column[last + 1].role == col->role && c->column[last + 1].confidence != CONF_PROFILE)
			last++;
	}
	confirm_by_answers(c, i, last, t, answers, nfields, nrows);
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
