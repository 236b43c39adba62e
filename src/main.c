/*
 * main.c — the command line of reach: global options, subcommands, their
 * options and exit codes. Everything else lives in the modules.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "baseline.h"
#include "batch.h"
#include "chart.h"
#include "compare.h"
#include "consult.h"
#include "date.h"
#include "emit.h"
#include "export.h"
#include "ingest.h"
#include "load.h"
#include "output.h"
#include "plan.h"
#include "policy.h"
#include "preview.h"
#include "publish.h"
#include "report.h"
#include "store.h"
#include "tag.h"
#include "text.h"
#include "trend.h"
#include "util.h"

#define REACH_VERSION "0.1.0"

static const char usage_text[] =
    "usage: reach [--db FILE] COMMAND [ARGS]\n"
    "\n"
    "Who did we reach, and who did we miss? Compares consultation respondents\n"
    "with the Census 2021 population.\n"
    "\n"
    "commands:\n"
    "  columns EXPORT.csv [--profile FILE] [--taxonomy FILE] [--dates auto|day-first|month-first]\n"
    "        [--delimiter ,|;|tab|'|'] [--encoding utf-8|utf-16le|utf-16be|windows-1252]\n"
    "        [--keep-text] [--ragged]\n"
    "        how each column would be read; nothing is stored\n"
    "  ingest EXPORT.csv --consultation SLUG [--title TEXT] [--opened YYYY-MM-DD]\n"
    "        [--closed YYYY-MM-DD] [--platform NAME] [--min-age N] [--profile FILE]\n"
    "        [--taxonomy FILE] [--dates auto|day-first|month-first] [--replace] [--keep-text] [--ragged]\n"
    "        [--delimiter ,|;|tab|'|'] [--encoding utf-8|utf-16le|utf-16be|windows-1252]\n"
    "        [--age-bands-offered 16-24,25-34,...]\n"
    "        store a consultation's responses (one transaction)\n"
    "  batch DIR [--reports DIR] [--private DIR] [--adjust none|holm|bh] [--suppress 5 | --round 5]\n"
    "        the after-close run for a folder of exports: ingest what is new or changed,\n"
    "        write each report as suppressed HTML to publish (DIR/reports) and as JSON\n"
    "        not to publish (DIR/reports-private, 0700); run again, it does only what changed\n"
    "  list  the consultations held\n"
    "  unmatched SLUG\n"
    "        equality answers that no taxonomy rule matched, with counts\n"
    "  retag [SLUG] [--taxonomy FILE]\n"
    "        apply the taxonomy again to stored answers (no re-ingest)\n"
    "  baseline import FILE [--geography CODE] | baseline list | baseline use CODE\n"
    "        census figures: import (Nomis bulk or long CSV), list, choose the area\n"
    "  report SLUG | --all | --from DATE --to DATE [--format text|json|md|csv|html]\n"
    "        [--suppress 5 | --round 5] [--charts DIR] [--geography CODE]\n"
    "        [--min-age N] [--confidence 0.95] [--age-bands 18-24,25-34,...]\n"
    "        [--weighted [--weight-cap 5]] [--adjust none|holm|bh]\n"
    "        who was reached: respondents against the census, dimension by dimension\n"
    "  trend [CODE...] [--from DATE] [--to DATE] [--format text|json] [--suppress 5 | --round 5]\n"
    "        [--charts DIR]\n"
    "        each group's representation ratio across consultations, with its trend\n"
    "  actions [--plan CODE] [--as-of DATE] [--format text|json|csv|md] [--suppress 5 | --round 5]\n"
    "        every action of the equality action plans, with its evidence and status\n"
    "        (csv and md, to publish, withhold what rests on a count under --suppress)\n"
    "  plan import FILE | plan list\n"
    "        add a council's action plan or indicators; list the plans held\n"
    "  export SLUG\n"
    "        every stored response of a consultation as CSV\n"
    "\n"
    "options:\n"
    "  --db FILE     the database (default $REACH_DB, else reach.db)\n"
    "  --help        this text;  --version  the version\n"
    "\n"
    "See reach(1) for every command, the column roles and the exit status.\n";

/* One option of a command: "--name VALUE" / "--name=VALUE", or a flag. */
struct option {
	const char *name;
	const char **value;     /* set for options taking a value */
	int *flag;              /* set for flags */
};

/* Says on stderr what is wrong with COMMAND's arguments (FMT, as printf), pointing to --help; returns REACH_EUSAGE. */
static int usage_error(const char *command, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int usage_error(const char *command, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "reach: %s%s", command ? command : "", command ? ": " : "");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, " (see reach --help)\n");
	return REACH_EUSAGE;
}

/*
 * Parses ARGV against OPTIONS; positional arguments go to POSITIONAL (at
 * most MAX). Returns 0 and the count in *NPOS, or an exit code.
 */
static int parse_options(const char *command, int argc, char **argv, const struct option *options,
    char **positional, int max, int *npos)
{
	*npos = 0;
	for (int i = 0; i < argc; i++) {
		char *arg = argv[i];
		if (strncmp(arg, "--", 2) != 0 || arg[2] == '\0') {
			if (*npos == max)
				return usage_error(command, "unexpected argument \"%s\"", arg);
			positional[(*npos)++] = arg;
			continue;
		}
		char *eq = strchr(arg, '=');
		size_t len = eq ? (size_t)(eq - arg) : strlen(arg);
		const struct option *o = options;
		while (o->name && (strlen(o->name) != len - 2 || strncmp(o->name, arg + 2, len - 2) != 0))
			o++;
		if (!o->name)
			return usage_error(command, "unknown option \"%s\"", arg);
		if (o->flag) {
			if (eq)
				return usage_error(command, "--%s takes no value", o->name);
			*o->flag = 1;
		} else if (eq) {
			*o->value = eq + 1;
		} else if (i + 1 < argc) {
			*o->value = argv[++i];
		} else {
			return usage_error(command, "--%s needs a value", o->name);
		}
	}
	return 0;
}

/* Reads --delimiter and --encoding (each NULL when not given) into *READ; 0, or an exit code. */
static int check_reading(const char *command, const char *delimiter, const char *encoding,
    struct reader_options *read)
{
	if (delimiter && reader_delimiter_parse(delimiter, &read->delimiter) < 0)
		return usage_error(command, "--delimiter \"%s\" is not ',', ';', tab or '|'", delimiter);
	if (encoding && reader_encoding_parse(encoding, &read->encoding) < 0)
		return usage_error(command, "--encoding \"%s\" is not utf-8, utf-16le, utf-16be or windows-1252",
		    encoding);
	return 0;
}

static int check_date(const char *command, const char *name, const char *value)
{
	if (!value)
		return 0;
	if (!date_is_iso(value)) {
		fprintf(stderr, "reach: %s: --%s \"%s\" is not a date YYYY-MM-DD (see reach --help)\n",
		    command, name, value);
		return REACH_EUSAGE;
	}
	return 0;
}

/* Reads --min-age TEXT (NULL: leaves *AGE as it is) into *AGE; 0, or an exit code. */
static int check_min_age(const char *command, const char *text, long *age)
{
	if (text && parse_long(text, 0, POLICY_MIN_AGE_MAX, age) < 0)
		return usage_error(command, "--min-age \"%s\" is not an age from 0 to %d", text, POLICY_MIN_AGE_MAX);
	return 0;
}

/*
 * The taxonomy: the built-in one, plus FILE when given, else plus
 * reach-taxonomy.csv beside the database DB when there is one.
 */
static struct taxonomy *open_taxonomy(const char *db, const char *file, struct reach_error *err)
{
	struct buf beside = { 0 };
	const char *slash = strrchr(db, '/');
	if (!file) {
		if (slash)
			buf_append(&beside, db, (size_t)(slash - db) + 1);
		buf_puts(&beside, "reach-taxonomy.csv");
		FILE *fp = fopen(beside.data, "r");
		if (fp) {
			fclose(fp);
			file = beside.data;
		}
	}
	struct taxonomy *t = tag_load(file, err);
	buf_free(&beside);
	return t;
}

/* The reference data a new database starts with: census figures and plans. */
static int seed_database(struct store *s, struct reach_error *err)
{
	return baseline_seed(s, err) < 0 ? -1 : plan_seed(s, err);
}

/* The database, created with the built-in reference data when it is new. */
static struct store *open_store(const char *db, struct reach_error *err)
{
	return store_open(db, seed_database, err);
}

/* What a command works with: the taxonomy and the database, each when it needs them. */
struct session {
	struct taxonomy *t;
	struct store *s;
	struct reach_error err;
};

/* What session_open opens. */
enum { SESSION_STORE = 1, SESSION_TAXONOMY = 2 };

/*
 * Opens the taxonomy when NEEDS has SESSION_TAXONOMY (FILE, or beside DB),
 * then the database when it has SESSION_STORE; 0, or -1 with x->err set.
 * session_close closes what was opened, either way.
 */
static int session_open(struct session *x, const char *db, int needs, const char *file)
{
	memset(x, 0, sizeof *x);
	if ((needs & SESSION_TAXONOMY) && !(x->t = open_taxonomy(db, file, &x->err)))
		return -1;
	if ((needs & SESSION_STORE) && !(x->s = open_store(db, &x->err)))
		return -1;
	return 0;
}

/* Closes what is open; the exit status for RC (-1: the error is printed; else RC). */
static int session_close(struct session *x, int rc)
{
	store_close(x->s);
	tag_free(x->t);
	return rc < 0 ? error_print(&x->err) : rc;
}

static int cmd_columns(const char *db, int argc, char **argv)
{
	struct load_options lo = { 0 };
	const char *taxonomy = NULL, *dates = NULL, *delimiter = NULL, *encoding = NULL;
	char *files[1];
	int n, rc;
	struct option options[] = {
		{ "profile", &lo.profile, NULL }, { "keep-text", NULL, &lo.keep_text },
		{ "ragged", NULL, &lo.ragged }, { "taxonomy", &taxonomy, NULL }, { "dates", &dates, NULL },
		{ "delimiter", &delimiter, NULL }, { "encoding", &encoding, NULL },
		{ NULL, NULL, NULL },
	};
	if ((rc = parse_options("columns", argc, argv, options, files, 1, &n)) ||
	    (rc = check_reading("columns", delimiter, encoding, &lo.read)))
		return rc;
	if (dates && date_reading_parse(dates, &lo.dates) < 0)
		return usage_error("columns", "--dates \"%s\" is not auto, day-first or month-first", dates);
	if (n != 1)
		return usage_error("columns", "%s", "needs one export file");
	struct session x;
	struct load *l = NULL;
	const struct load_response *r;
	if ((rc = session_open(&x, db, SESSION_TAXONOMY, taxonomy)) == 0) {
		lo.taxonomy = x.t;
		if (!(l = load_open(files[0], &lo, &x.err)))
			rc = -1;
	}
	while (l && (rc = load_next(l, &r, &x.err)) == 1)
		;
	if (l && rc == 0)
		preview_columns(files[0], l, x.t, stdout);
	load_close(l);
	return session_close(&x, rc < 0 ? -1 : REACH_OK);
}

static void print_ingest_summary(const char *path, const struct ingest_meta *m, const struct ingest_result *r)
{
	printf("%s: %llu responses from %s (%s, %s)\n", m->slug, (unsigned long long)r->counts.responses,
	    path, r->encoding, r->layout);
	printf("  stored %zu questions, %zu of them equality monitoring; not stored: %zu personal data, "
	       "%zu free text, %zu other columns\n",
	    r->questions, r->demographic, r->personal, r->free_text_dropped, r->ignored);
	for (size_t i = 0; i < r->ndims; i++) {
		const struct ingest_dimension *d = &r->dims[i];
		printf("  %s: column %zu \"", d->dimension, d->column);
		emit_term(stdout, d->question, 0);
		printf("\", ");
		if (d->answers)
			printf("%llu of %llu answers tagged (%.0f %%)\n", (unsigned long long)d->tagged,
			    (unsigned long long)d->answers, 100.0 * (double)d->tagged / (double)d->answers);
		else
			printf("no answers\n");
	}
	if (r->more_dims)
		printf("  and %zu more equality questions\n", r->more_dims);
	if (r->demographic == 0)
		printf("  no equality questions found: a report will have nothing to compare with the census\n");
	if (r->unmatched > 0)
		printf("  %ld distinct equality answers (given in %llu responses) match no rule: reach unmatched %s lists them\n",
		    r->unmatched, (unsigned long long)r->unmatched_responses, m->slug);
	for (size_t i = 0; i < r->ndoubts; i++) {
		fprintf(stderr, "reach: %s: warning: column %zu \"", path, r->doubts[i].column);
		emit_term(stderr, r->doubts[i].header, 0);
		fputs("\": ", stderr);
		emit_term(stderr, r->doubts[i].why, 0);
		fputc('\n', stderr);
	}
	if (r->more_doubts)
		fprintf(stderr, "reach: %s: warning: %zu more columns whose answers do not fit their wording "
				"(reach columns lists them)\n", path, r->more_doubts);
	if (r->counts.blank_rows)
		fprintf(stderr, "reach: %s: warning: %llu blank rows skipped\n", path,
		    (unsigned long long)r->counts.blank_rows);
	if (r->counts.ragged_rows)
		fprintf(stderr, "reach: %s:%ld: warning: %llu rows with more or fewer fields than the header "
				"kept, their missing cells empty (the first here)\n",
		    path, r->counts.first_ragged_line, (unsigned long long)r->counts.ragged_rows);
	if (r->counts.unreadable_dates)
		fprintf(stderr, "reach: %s: warning: %llu submitted dates could not be read\n", path,
		    (unsigned long long)r->counts.unreadable_dates);
}

static int cmd_ingest(const char *db, int argc, char **argv)
{
	struct load_options lo = { 0 };
	struct ingest_meta m = { 0 };
	const char *min_age = NULL, *taxonomy = NULL, *dates = NULL, *delimiter = NULL, *encoding = NULL;
	char *files[1];
	int n, rc;
	struct option options[] = {
		{ "dates", &dates, NULL }, { "delimiter", &delimiter, NULL }, { "encoding", &encoding, NULL },
		{ "consultation", &m.slug, NULL }, { "title", &m.title, NULL },
		{ "opened", &m.opened, NULL }, { "closed", &m.closed, NULL },
		{ "platform", &m.platform, NULL }, { "min-age", &min_age, NULL },
		{ "profile", &lo.profile, NULL }, { "replace", NULL, &m.replace },
		{ "keep-text", NULL, &lo.keep_text }, { "ragged", NULL, &lo.ragged },
		{ "taxonomy", &taxonomy, NULL }, { "age-bands-offered", &m.age_bands_offered, NULL },
		{ NULL, NULL, NULL },
	};
	m.age_bands_from = "--age-bands-offered";
	if ((rc = parse_options("ingest", argc, argv, options, files, 1, &n)) ||
	    (rc = check_reading("ingest", delimiter, encoding, &lo.read)))
		return rc;
	if (n != 1)
		return usage_error("ingest", "%s", "needs one export file");
	if (!m.slug || !*m.slug)
		return usage_error("ingest", "%s", "needs --consultation SLUG");
	if (!text_is_code(m.slug))
		return usage_error("ingest", "--consultation \"%s\" is not a slug (" TEXT_CODE_RULE ")", m.slug);
	if ((m.title && !text_is_utf8(m.title)) || (m.platform && !text_is_utf8(m.platform)))
		return usage_error("ingest", "--%s is not UTF-8 text", m.title && !text_is_utf8(m.title) ? "title" : "platform");
	if (dates && date_reading_parse(dates, &lo.dates) < 0)
		return usage_error("ingest", "--dates \"%s\" is not auto, day-first or month-first", dates);
	m.min_age = POLICY_MIN_AGE_DEFAULT;
	if ((rc = check_min_age("ingest", min_age, &m.min_age)) || (rc = check_date("ingest", "opened", m.opened)) ||
	    (rc = check_date("ingest", "closed", m.closed)))
		return rc;
	struct session x;
	struct ingest_result result;
	if ((rc = session_open(&x, db, SESSION_STORE | SESSION_TAXONOMY, taxonomy)) == 0) {
		lo.taxonomy = x.t;
		rc = ingest_file(x.s, files[0], &m, &lo, x.t, &result, &x.err);
	}
	if ((rc = session_close(&x, rc < 0 ? -1 : REACH_OK)) == REACH_OK)
		print_ingest_summary(files[0], &m, &result);
	return rc;
}

static int cmd_export(const char *db, int argc, char **argv)
{
	struct option options[] = { { NULL, NULL, NULL } };
	char *slugs[1];
	int n, rc;
	if ((rc = parse_options("export", argc, argv, options, slugs, 1, &n)))
		return rc;
	if (n != 1)
		return usage_error("export", "%s", "needs one consultation");
	struct session x;
	struct consult_view v;
	if ((rc = session_open(&x, db, SESSION_STORE, NULL)) == 0 && (rc = consult_view_open(x.s, slugs[0], &v, &x.err)) == 0) {
		struct export e = { &v, stdout };
		export_header(&v, stdout);
		rc = consult_each_response(x.s, &v, export_row, &e, &x.err);
		consult_view_free(&v);
	}
	if (rc == 0 && (fflush(stdout) != 0 || ferror(stdout))) {
		error_set(&x.err, REACH_EDB, NULL, 0, "export: cannot write the output");
		rc = -1;
	}
	return session_close(&x, rc < 0 ? -1 : REACH_OK);
}

static int cmd_retag(const char *db, int argc, char **argv)
{
	const char *taxonomy = NULL;
	struct option options[] = { { "taxonomy", &taxonomy, NULL }, { NULL, NULL, NULL } };
	char *slugs[1];
	int n, rc;
	if ((rc = parse_options("retag", argc, argv, options, slugs, 1, &n)))
		return rc;
	struct session x;
	rc = session_open(&x, db, SESSION_STORE | SESSION_TAXONOMY, taxonomy) == 0 ? ingest_retag(x.s, x.t, n ? slugs[0] : NULL, stdout, &x.err) : -1;
	return session_close(&x, rc < 0 ? -1 : REACH_OK);
}

static int cmd_unmatched(const char *db, int argc, char **argv)
{
	struct option options[] = { { NULL, NULL, NULL } };
	char *slugs[1];
	int n, rc;
	if ((rc = parse_options("unmatched", argc, argv, options, slugs, 1, &n)))
		return rc;
	if (n != 1)
		return usage_error("unmatched", "%s", "needs one consultation");
	struct session x;
	rc = session_open(&x, db, SESSION_STORE, NULL) == 0 ? consult_unmatched(x.s, slugs[0], stdout, &x.err) : -1;
	return session_close(&x, rc < 0 ? -1 : REACH_OK);
}

static int cmd_baseline(const char *db, int argc, char **argv)
{
	const char *geography = NULL, *taxonomy = NULL;
	struct option options[] = { { "geography", &geography, NULL }, { "taxonomy", &taxonomy, NULL },
		{ NULL, NULL, NULL } };
	char *words[2];
	int n, rc;
	if ((rc = parse_options("baseline", argc, argv, options, words, 2, &n)))
		return rc;
	const char *what = n ? words[0] : "";
	int import = strcmp(what, "import") == 0, list = strcmp(what, "list") == 0, use = strcmp(what, "use") == 0;
	if (!(import && n == 2) && !(list && n == 1) && !(use && n == 2))
		return usage_error("baseline", "%s", "use: baseline import FILE [--geography CODE] | baseline list | baseline use CODE");
	struct session x;
	rc = session_open(&x, db, SESSION_STORE | (import ? SESSION_TAXONOMY : 0), taxonomy);
	if (rc == 0 && import)
		rc = baseline_import(x.s, x.t, words[1], geography, stdout, &x.err);
	else if (rc == 0 && list)
		rc = baseline_list(x.s, stdout, &x.err);
	else if (rc == 0 && (rc = baseline_use(x.s, words[1], &x.err)) == 0)
		printf("reports now compare with %s\n", words[1]);
	return session_close(&x, rc < 0 ? -1 : REACH_OK);
}

static int cmd_plan(const char *db, int argc, char **argv)
{
	const char *taxonomy = NULL;
	struct option options[] = { { "taxonomy", &taxonomy, NULL }, { NULL, NULL, NULL } };
	char *words[2];
	int n, rc;
	if ((rc = parse_options("plan", argc, argv, options, words, 2, &n)))
		return rc;
	int import = n == 2 && strcmp(words[0], "import") == 0, list = n == 1 && strcmp(words[0], "list") == 0;
	if (!import && !list)
		return usage_error("plan", "%s", "use: plan import FILE | plan list");
	struct session x;
	if ((rc = session_open(&x, db, SESSION_STORE | SESSION_TAXONOMY, taxonomy)) == 0)
		rc = import ? plan_import(x.s, x.t, words[1], stdout, &x.err) : plan_list(x.s, stdout, &x.err);
	return session_close(&x, rc < 0 ? -1 : REACH_OK);
}

/* Checks a --format value against the NULL-terminated list ALLOWED. */
static int check_format(const char *command, const char *format, const char *const *allowed)
{
	for (; *allowed; allowed++)
		if (strcmp(format, *allowed) == 0)
			return 0;
	return usage_error(command, "unknown --format \"%s\"", format);
}

/*
 * --suppress SUPPRESS and --round ROUND of COMMAND (either NULL: not given)
 * into *THRESHOLD (default POLICY_SUPPRESS_DEFAULT; 0 with --round) and
 * *BASE (0: counts exact); 0, or the usage error's exit code.
 */
static int check_disclosure(const char *command, const char *suppress, const char *round, int *threshold, int *base)
{
	long v = POLICY_SUPPRESS_DEFAULT, b = 0;
	if (suppress && parse_long(suppress, 0, 1000, &v) < 0)
		return usage_error(command, "--suppress \"%s\" is not a count from 0 (none) to 1000", suppress);
	if (round && parse_long(round, 2, 1000, &b) < 0)
		return usage_error(command, "--round \"%s\" is not a base from 2 to 1000, as 5", round);
	if (round && suppress && v > 0)
		return usage_error(command, "%s", "--round and --suppress are two ways of protecting small counts: choose one");
	*threshold = round ? 0 : (int)v;
	*base = (int)b;
	return 0;
}

static int cmd_actions(const char *db, int argc, char **argv)
{
	static const char *const formats[] = { "text", "json", "csv", "md", NULL };
	struct plan_actions_options o = { 0 };
	const char *taxonomy = NULL, *min_age = NULL, *suppress = NULL, *round = NULL;
	struct option options[] = {
		{ "plan", &o.plan, NULL }, { "as-of", &o.as_of, NULL }, { "format", &o.format, NULL },
		{ "geography", &o.compare.geography, NULL }, { "min-age", &min_age, NULL },
		{ "taxonomy", &taxonomy, NULL }, { "suppress", &suppress, NULL }, { "round", &round, NULL },
		{ NULL, NULL, NULL },
	};
	int n, rc;
	if ((rc = parse_options("actions", argc, argv, options, NULL, 0, &n)) ||
	    (rc = check_disclosure("actions", suppress, round, &o.suppress, &o.compare.round)))
		return rc;
	if (!o.format)
		o.format = "text";
	if ((rc = check_format("actions", o.format, formats)) || (rc = check_date("actions", "as-of", o.as_of)))
		return rc;
	o.compare.min_age = -1;
	long age = -1;
	if ((rc = check_min_age("actions", min_age, &age)))
		return rc;
	o.compare.min_age = (int)age;
	struct session x;
	rc = session_open(&x, db, SESSION_STORE | SESSION_TAXONOMY, taxonomy) == 0 ? plan_actions(x.s, x.t, &o, stdout, &x.err) : -1;
	return session_close(&x, rc < 0 ? -1 : REACH_OK);
}

/* --adjust TEXT of COMMAND into *ADJUST (NULL: none); 0, or the usage error's exit code. */
static int check_adjust(const char *command, const char *text, enum stats_adjust *adjust)
{
	static const char *const names[] = { "none", "holm", "bh" };
	static const enum stats_adjust methods[] = { STATS_ADJUST_NONE, STATS_ADJUST_HOLM, STATS_ADJUST_BH };
	*adjust = STATS_ADJUST_NONE;
	for (size_t i = 0; text && i < sizeof names / sizeof *names; i++)
		if (strcmp(text, names[i]) == 0) {
			*adjust = methods[i];
			return 0;
		}
	return text ? usage_error(command, "--adjust \"%s\" is not none, holm or bh", text) : 0;
}

static int cmd_report(const char *db, int argc, char **argv)
{
	static const char *const formats[] = { "text", "json", "md", "csv", "html", NULL };
	struct compare_options o = { 0 };
	struct publish_options po = { POLICY_SUPPRESS_DEFAULT, NULL };
	const char *suppress = NULL, *round = NULL;
	const char *format = "text", *min_age = NULL, *confidence = NULL, *from = NULL, *to = NULL, *taxonomy = NULL;
	const char *cap = NULL, *adjust = NULL;
	int all = 0;
	struct option options[] = {
		{ "format", &format, NULL }, { "geography", &o.geography, NULL }, { "min-age", &min_age, NULL },
		{ "confidence", &confidence, NULL }, { "age-bands", &o.age_bands, NULL }, { "all", NULL, &all },
		{ "from", &from, NULL }, { "to", &to, NULL }, { "taxonomy", &taxonomy, NULL },
		{ "weighted", NULL, &o.weighted }, { "weight-cap", &cap, NULL }, { "suppress", &suppress, NULL },
		{ "charts", &po.charts_dir, NULL }, { "adjust", &adjust, NULL }, { "round", &round, NULL },
		{ NULL, NULL, NULL },
	};
	char *slugs_given[1];
	int n, rc;
	if ((rc = parse_options("report", argc, argv, options, slugs_given, 1, &n)))
		return rc;
	if ((n == 1) + all + (from || to) != 1)
		return usage_error("report", "%s", "needs one consultation, --all, or --from DATE --to DATE");
	if ((rc = check_format("report", format, formats)) || (rc = check_date("report", "from", from)) ||
	    (rc = check_date("report", "to", to)) || (rc = check_adjust("report", adjust, &o.adjust)))
		return rc;
	long age = -1;
	if ((rc = check_min_age("report", min_age, &age)))
		return rc;
	o.min_age = (int)age;
	if (confidence) {
		char *end;
		o.confidence = strtod(confidence, &end);
		if (*end || !(o.confidence > 0.5 && o.confidence < 1))
			return usage_error("report", "--confidence \"%s\" is not a level between 0.5 and 1, as 0.95", confidence);
	}
	if ((rc = check_disclosure("report", suppress, round, &po.suppress, &o.round)))
		return rc;
	if (cap) {
		char *end;
		o.weight_cap = strtod(cap, &end);
		if (*end || !(o.weight_cap == 0 || o.weight_cap >= 1))
			return usage_error("report", "--weight-cap \"%s\" is not 0 (no cap) or a multiple of at least 1", cap);
		if (o.weight_cap == 0)
			o.weight_cap = -1;
	}
	struct session x;
	char **slugs = NULL;
	size_t nslugs = 0;
	struct compare *c = NULL;
	rc = session_open(&x, db, SESSION_STORE | SESSION_TAXONOMY, taxonomy);
	if (rc == 0 && n == 1) {
		slugs = xmalloc(sizeof *slugs);
		slugs[nslugs++] = xstrdup(slugs_given[0]);
	} else if (rc == 0) {
		rc = compare_select(x.s, from, to, NULL, &slugs, &nslugs, &x.err);
	}
	if (rc == 0 && nslugs == 0) {
		error_set(&x.err, REACH_EDATA, NULL, 0, "no consultations %s", all ? "held" : "closed in those dates");
		rc = -1;
	}
	if (rc == 0 && !(c = compare_run(x.s, x.t, slugs, nslugs, &o, &x.err)))
		rc = -1;
	int partial = 0;
	if (rc == 0 && strcmp(format, "json") == 0)
		rc = report_json(x.s, x.t, c, stdout, &x.err);
	else if (rc == 0 && strcmp(format, "text") == 0)
		rc = report_text(x.s, x.t, c, stdout, &x.err);
	else if (rc == 0)
		partial = (rc = publish_report(x.s, x.t, c, format, &po, stdout, &x.err)) > 0, rc = rc > 0 ? 0 : rc;
	compare_free(c);
	strings_free(slugs, nslugs);
	return session_close(&x, rc < 0 ? -1 : partial ? REACH_EPARTIAL : REACH_OK);
}

static int cmd_trend(const char *db, int argc, char **argv)
{
	static const char *const formats[] = { "text", "json", NULL };
	struct compare_options o = { 0 };
	const char *format = "text", *from = NULL, *to = NULL, *taxonomy = NULL, *min_age = NULL, *charts = NULL;
	const char *suppress = NULL, *round = NULL;
	struct option options[] = {
		{ "format", &format, NULL }, { "from", &from, NULL }, { "to", &to, NULL },
		{ "geography", &o.geography, NULL }, { "min-age", &min_age, NULL }, { "taxonomy", &taxonomy, NULL },
		{ "charts", &charts, NULL }, { "suppress", &suppress, NULL }, { "round", &round, NULL }, { NULL, NULL, NULL },
	};
	char **codes = xcalloc((size_t)argc + 1, sizeof *codes);      /* every argument may be a code */
	int n, rc, threshold;
	long age = -1;
	if ((rc = parse_options("trend", argc, argv, options, codes, argc, &n)) ||
	    (rc = check_format("trend", format, formats)) || (rc = check_date("trend", "from", from)) ||
	    (rc = check_date("trend", "to", to)) || (rc = check_min_age("trend", min_age, &age)) ||
	    (rc = check_disclosure("trend", suppress, round, &threshold, &o.round))) {
		free(codes);
		return rc;
	}
	o.min_age = (int)age;
	struct session x;
	struct trend *tr = NULL;
	if (session_open(&x, db, SESSION_STORE | SESSION_TAXONOMY, taxonomy) == 0)
		tr = trend_run(x.s, x.t, from, to, n ? codes : NULL, (size_t)n, &o, threshold, &x.err);
	if (tr && strcmp(format, "json") == 0)
		trend_json(tr, stdout);
	else if (tr)
		trend_text(tr, stdout);
	int partial = tr && charts ? chart_trends(tr, charts, stderr) : 0;
	rc = tr ? (partial ? REACH_EPARTIAL : REACH_OK) : -1;
	trend_free(tr);
	free(codes);
	return session_close(&x, rc);
}

static int cmd_batch(const char *db, int argc, char **argv)
{
	struct batch_options o = { 0 };
	const char *taxonomy = NULL, *adjust = NULL, *suppress = NULL, *round = NULL;
	struct option options[] = {
		{ "reports", &o.reports, NULL }, { "private", &o.private, NULL }, { "geography", &o.compare.geography, NULL },
		{ "taxonomy", &taxonomy, NULL }, { "adjust", &adjust, NULL }, { "suppress", &suppress, NULL },
		{ "round", &round, NULL }, { NULL, NULL, NULL },
	};
	char *dirs[1];
	int n, rc;
	if ((rc = parse_options("batch", argc, argv, options, dirs, 1, &n)) ||
	    (rc = check_adjust("batch", adjust, &o.compare.adjust)) ||
	    (rc = check_disclosure("batch", suppress, round, &o.publish.suppress, &o.compare.round)))
		return rc;
	if (n != 1)
		return usage_error("batch", "%s", "needs one folder of exports");
	o.compare.min_age = -1;
	struct session x;
	rc = session_open(&x, db, SESSION_STORE | SESSION_TAXONOMY, taxonomy) == 0 ? batch_run(x.s, x.t, dirs[0], &o, stdout, &x.err) : -1;
	return session_close(&x, rc < 0 ? -1 : rc);
}

static int cmd_list(const char *db, int argc, char **argv)
{
	struct option options[] = { { NULL, NULL, NULL } };
	int n, rc;
	if ((rc = parse_options("list", argc, argv, options, NULL, 0, &n)))
		return rc;
	struct session x;
	rc = session_open(&x, db, SESSION_STORE, NULL) == 0 ? consult_list(x.s, stdout, &x.err) : -1;
	return session_close(&x, rc < 0 ? -1 : REACH_OK);
}

/* The exit status for a command's RC, once every write to standard output is checked: 3 when one failed. */
static int finish(int rc)
{
	struct reach_error err = { 0 };
	return output_check_stdout(&err) < 0 && (rc == REACH_OK || rc == REACH_EPARTIAL) ? error_print(&err) : rc;
}

int main(int argc, char **argv)
{
	const char *db = getenv("REACH_DB");
	int i = 1;
	if (!db || !*db)
		db = "reach.db";
	for (; i < argc && strncmp(argv[i], "--", 2) == 0; i++) {
		if (strcmp(argv[i], "--help") == 0) {
			fputs(usage_text, stdout);
			return finish(REACH_OK);
		} else if (strcmp(argv[i], "--version") == 0) {
			printf("reach %s\n", REACH_VERSION);
			return finish(REACH_OK);
		} else if (strcmp(argv[i], "--db") == 0) {
			if (i + 1 == argc)
				return usage_error(NULL, "%s", "--db needs a value");
			db = argv[++i];
		} else if (strncmp(argv[i], "--db=", 5) == 0) {
			db = argv[i] + 5;
		} else {
			return usage_error(NULL, "unknown option \"%s\"", argv[i]);
		}
	}
	if (i == argc)
		return usage_error(NULL, "%s", "no command given");
	const char *command = argv[i++];
	int rest = argc - i;
	char **args = argv + i;
	static const struct {
		const char *name;
		int (*run)(const char *db, int argc, char **argv);
	} commands[] = {
		{ "columns", cmd_columns }, { "ingest", cmd_ingest }, { "list", cmd_list },
		{ "report", cmd_report }, { "unmatched", cmd_unmatched }, { "retag", cmd_retag },
		{ "baseline", cmd_baseline }, { "actions", cmd_actions }, { "plan", cmd_plan },
		{ "export", cmd_export }, { "trend", cmd_trend }, { "batch", cmd_batch },
	};
	for (size_t k = 0; k < sizeof commands / sizeof *commands; k++)
		if (strcmp(command, commands[k].name) == 0) {
			return finish(commands[k].run(db, rest, args));
		}
	if (strcmp(command, "help") == 0) {
		fputs(usage_text, stdout);
		return finish(REACH_OK);
	}
	return usage_error(NULL, "unknown command \"%s\"", command);
}
