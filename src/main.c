/*
 * main.c — the command line of reach: global options, subcommands, their
 * options and exit codes. Everything else lives in the modules.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "baseline.h"
#include "batch.h"
#include "chart.h"
#include "cli.h"
#include "compare.h"
#include "consult.h"
#include "date.h"
#include "emit.h"
#include "export.h"
#include "ingest.h"
#include "help.h"
#include "load.h"
#include "meter.h"
#include "output.h"
#include "plan.h"
#include "policy.h"
#include "preview.h"
#include "progress.h"
#include "publish.h"
#include "report.h"
#include "store.h"
#include "tag.h"
#include "text.h"
#include "trend.h"
#include "util.h"


/* Reads --delimiter and --encoding (each NULL when not given) into *READ; 0, or an exit code. */
static int check_reading(const char *command, const char *delimiter, const char *encoding,
    struct reader_options *read)
{
	if (delimiter && reader_delimiter_parse(delimiter, &read->delimiter) < 0)
		return cli_usage_error(command, "--delimiter \"%s\" is not ',', ';', tab or '|'", delimiter);
	if (encoding && reader_encoding_parse(encoding, &read->encoding) < 0)
		return cli_usage_error(command, "--encoding \"%s\" is not utf-8, utf-16le, utf-16be or windows-1252",
		    encoding);
	return 0;
}

/* Checks --NAME VALUE of COMMAND is a date YYYY-MM-DD (NULL: none given); 0, or a usage error saying how to write it. */
static int check_date(const char *command, const char *name, const char *value)
{
	char iso[11];
	if (!value || date_is_iso(value))
		return 0;
	if (parse_date(value, 0, iso) == 0)
		return cli_usage_error(command, "--%s \"%s\": write dates as YYYY-MM-DD, here %s", name, value, iso);
	return cli_usage_error(command, "--%s \"%s\" is not a date: write it as YYYY-MM-DD, as 2025-02-25", name, value);
}

/* Checks that --FIRST_NAME FIRST (a date, or NULL) is not later than --LAST_NAME LAST; 0, or a usage error. */
static int check_order(const char *command, const char *first_name, const char *first, const char *last_name,
    const char *last)
{
	if (!first || !last || strcmp(first, last) <= 0)
		return 0;
	return cli_usage_error(command, "--%s %s is later than --%s %s: swap them, or correct one", first_name, first,
	    last_name, last);
}

/* Checks that --charts DIR (NULL: not given) names a folder there is; 0, or a usage error saying what is wrong. */
static int check_charts(const char *command, const char *dir)
{
	struct stat st;
	if (!dir || (stat(dir, &st) == 0 && S_ISDIR(st.st_mode)))
		return 0;
	if (stat(dir, &st) == 0)
		return cli_usage_error(command, "--charts \"%s\" is a file, not a folder", dir);
	if (errno == ENOENT)
		return cli_usage_error(command, "--charts \"%s\": no such folder; make it first (mkdir -p %s)", dir, dir);
	return 0;       /* another fault (a name too long): each chart says so as it is skipped */
}

/* Reads --min-age TEXT (NULL: leaves *AGE as it is) into *AGE; 0, or an exit code. */
static int check_min_age(const char *command, const char *text, long *age)
{
	if (text && parse_long(text, 0, POLICY_MIN_AGE_MAX, age) < 0)
		return cli_usage_error(command, "--min-age \"%s\" is not an age from 0 to %d", text, POLICY_MIN_AGE_MAX);
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

/* The database, created with the built-in reference data when it is new and MODE allows. */
static struct store *open_store(const char *db, enum store_mode mode, struct reach_error *err)
{
	return store_open(db, mode, seed_database, err);
}

/* What a command works with: the taxonomy and the database, each when it needs them. */
struct session {
	struct taxonomy *t;
	struct store *s;
	struct reach_error err;
};

/* What session_open opens; SESSION_READ: a command that only reads never creates the database. */
enum { SESSION_STORE = 1, SESSION_TAXONOMY = 2, SESSION_READ = 4 };

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
	if ((needs & SESSION_STORE) &&
	    !(x->s = open_store(db, (needs & SESSION_READ) ? STORE_EXISTING : STORE_CREATE, &x->err)))
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

/* Checks a --format value against the NULL-terminated list ALLOWED. */
static int check_format(const char *command, const char *format, const char *const *allowed)
{
	return cli_check_choice(command, "format", format, allowed);
}

/* The formats of the lists: columns, list, unmatched, baseline list. */
static const char *const text_or_json[] = { "text", "json", NULL };

static int cmd_columns(const struct cli_globals *g, FILE *out, int argc, char **argv)
{
	struct load_options lo = { 0 };
	const char *taxonomy = NULL, *dates = NULL, *delimiter = NULL, *encoding = NULL, *format = "text";
	char *files[1];
	int n, rc;
	struct cli_option options[] = {
		{ "profile", &lo.profile, NULL }, { "keep-text", NULL, &lo.keep_text },
		{ "ragged", NULL, &lo.ragged }, { "taxonomy", &taxonomy, NULL }, { "dates", &dates, NULL },
		{ "delimiter", &delimiter, NULL }, { "encoding", &encoding, NULL }, { "format", &format, NULL },
		{ NULL, NULL, NULL },
	};
	if ((rc = cli_parse("columns", argc, argv, options, files, 1, &n)) ||
	    (rc = check_reading("columns", delimiter, encoding, &lo.read)) ||
	    (rc = check_format("columns", format, text_or_json)))
		return rc;
	if (dates && date_reading_parse(dates, &lo.dates) < 0)
		return cli_usage_error("columns", "--dates \"%s\" is not auto, day-first or month-first", dates);
	if (n != 1)
		return cli_usage_error("columns", "%s", "needs one export file");
	struct session x;
	struct load *l = NULL;
	const struct load_response *r;
	if ((rc = session_open(&x, g->db, SESSION_TAXONOMY, taxonomy)) == 0) {
		lo.taxonomy = x.t;
		lo.meter = meter_start(files[0], g->quiet);
		if (!(l = load_open(files[0], &lo, &x.err)))
			rc = -1;
	}
	while (l && (rc = load_next(l, &r, &x.err)) == 1)
		;
	meter_end(lo.meter);
	const char *name = strcmp(files[0], "-") == 0 ? "standard input" : files[0];
	if (l && rc == 0 && strcmp(format, "json") == 0)
		preview_columns_json(name, l, x.t, out);
	else if (l && rc == 0)
		preview_columns(name, l, x.t, out);
	load_close(l);
	return session_close(&x, rc < 0 ? -1 : REACH_OK);
}

/* "s" unless N is one: "1 question", "2 questions". */
static const char *plural(unsigned long long n)
{
	return n == 1 ? "" : "s";
}

static void print_ingest_summary(FILE *out, const char *path, const struct ingest_meta *m, const struct ingest_result *r)
{
	unsigned long long responses = r->counts.responses;
	fprintf(out, "%s: %llu response%s from %s (%s, %s)\n", m->slug, responses, plural(responses),
	    strcmp(path, "-") == 0 ? "standard input" : path, r->encoding, r->layout);
	fprintf(out, "  stored %zu question%s, %zu of them equality monitoring\n", r->questions, plural(r->questions),
	    r->demographic);
	fprintf(out, "  not stored: %zu personal data, %zu free text, %zu other column%s\n", r->personal,
	    r->free_text_dropped, r->ignored, plural(r->ignored));
	for (size_t i = 0; i < r->ndims; i++) {
		const struct ingest_dimension *d = &r->dims[i];
		fprintf(out, "  %s: column %zu \"", d->dimension, d->column);
		emit_term(out, d->question, 0);
		fputs("\", ", out);
		if (d->answers)
			fprintf(out, "%llu of %llu answer%s tagged (%.0f %%)\n", (unsigned long long)d->tagged,
			    (unsigned long long)d->answers, plural(d->answers), 100.0 * (double)d->tagged / (double)d->answers);
		else
			fprintf(out, "no answers\n");
	}
	if (r->more_dims)
		fprintf(out, "  and %zu more equality question%s\n", r->more_dims, plural(r->more_dims));
	if (r->demographic == 0)
		fprintf(out, "  no equality questions found: a report will have nothing to compare with the census\n");
	if (r->unmatched > 0) {
		struct buf slug = { 0 };
		buf_shell_word(&slug, m->slug);
		fprintf(out, "  %ld distinct equality answer%s (given in %llu response%s) match%s no rule:\n"
			     "  reach unmatched %s lists them\n", r->unmatched, plural((unsigned long long)r->unmatched),
		    (unsigned long long)r->unmatched_responses, plural(r->unmatched_responses),
		    r->unmatched == 1 ? "es" : "", slug.data);
		buf_free(&slug);
	}
	if (strcmp(path, "-") == 0)
		path = "standard input";
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

static int cmd_ingest(const struct cli_globals *g, FILE *out, int argc, char **argv)
{
	struct load_options lo = { 0 };
	struct ingest_meta m = { 0 };
	const char *min_age = NULL, *taxonomy = NULL, *dates = NULL, *delimiter = NULL, *encoding = NULL;
	char *files[1];
	int n, rc;
	struct cli_option options[] = {
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
	if ((rc = cli_parse("ingest", argc, argv, options, files, 1, &n)) ||
	    (rc = check_reading("ingest", delimiter, encoding, &lo.read)))
		return rc;
	if (n != 1)
		return cli_usage_error("ingest", "%s", "needs one export file");
	if (!m.slug || !*m.slug)
		return cli_usage_error("ingest", "%s", "needs --consultation SLUG");
	if (!text_is_code(m.slug))
		return cli_usage_error("ingest", "--consultation \"%s\" is not a slug (" TEXT_CODE_RULE ")", m.slug);
	if ((m.title && !text_is_utf8(m.title)) || (m.platform && !text_is_utf8(m.platform)))
		return cli_usage_error("ingest", "--%s is not UTF-8 text",
		    m.title && !text_is_utf8(m.title) ? "title" : "platform");
	if (dates && date_reading_parse(dates, &lo.dates) < 0)
		return cli_usage_error("ingest", "--dates \"%s\" is not auto, day-first or month-first", dates);
	m.min_age = POLICY_MIN_AGE_DEFAULT;
	if ((rc = check_min_age("ingest", min_age, &m.min_age)) || (rc = check_date("ingest", "opened", m.opened)) ||
	    (rc = check_date("ingest", "closed", m.closed)) ||
	    (rc = check_order("ingest", "opened", m.opened, "closed", m.closed)))
		return rc;
	struct session x;
	struct ingest_result result;
	if ((rc = session_open(&x, g->db, SESSION_STORE | SESSION_TAXONOMY, taxonomy)) == 0) {
		lo.taxonomy = x.t;
		lo.meter = meter_start(files[0], g->quiet);
		rc = ingest_file(x.s, files[0], &m, &lo, x.t, &result, &x.err);
		meter_end(lo.meter);
	}
	if ((rc = session_close(&x, rc < 0 ? -1 : REACH_OK)) == REACH_OK)
		print_ingest_summary(out, files[0], &m, &result);
	return rc;
}

static int cmd_export(const struct cli_globals *g, FILE *out, int argc, char **argv)
{
	struct cli_option options[] = { { NULL, NULL, NULL } };
	char *slugs[1];
	int n, rc;
	if ((rc = cli_parse("export", argc, argv, options, slugs, 1, &n)))
		return rc;
	if (n != 1)
		return cli_usage_error("export", "%s", "needs one consultation");
	struct session x;
	struct consult_view v;
	if ((rc = session_open(&x, g->db, SESSION_STORE | SESSION_READ, NULL)) == 0 && (rc = consult_view_open(x.s, slugs[0], &v, &x.err)) == 0) {
		struct export e = { &v, out };
		export_header(&v, out);
		rc = consult_each_response(x.s, &v, export_row, &e, &x.err);
		consult_view_free(&v);
	}
	if (rc == 0 && (fflush(out) != 0 || ferror(out))) {
		error_set(&x.err, REACH_EDB, NULL, 0, "export: cannot write the output");
		rc = -1;
	}
	return session_close(&x, rc < 0 ? -1 : REACH_OK);
}

static int cmd_retag(const struct cli_globals *g, FILE *out, int argc, char **argv)
{
	const char *taxonomy = NULL;
	struct cli_option options[] = { { "taxonomy", &taxonomy, NULL }, { NULL, NULL, NULL } };
	char *slugs[1];
	int n, rc;
	if ((rc = cli_parse("retag", argc, argv, options, slugs, 1, &n)))
		return rc;
	struct session x;
	rc = session_open(&x, g->db, SESSION_STORE | SESSION_TAXONOMY, taxonomy) == 0 ? ingest_retag(x.s, x.t, n ? slugs[0] : NULL, out, &x.err) : -1;
	return session_close(&x, rc < 0 ? -1 : REACH_OK);
}

static int cmd_unmatched(const struct cli_globals *g, FILE *out, int argc, char **argv)
{
	const char *format = "text";
	struct cli_option options[] = { { "format", &format, NULL }, { NULL, NULL, NULL } };
	char *slugs[1];
	int n, rc;
	if ((rc = cli_parse("unmatched", argc, argv, options, slugs, 1, &n)) ||
	    (rc = check_format("unmatched", format, text_or_json)))
		return rc;
	if (n != 1)
		return cli_usage_error("unmatched", "%s", "needs one consultation");
	struct session x;
	rc = session_open(&x, g->db, SESSION_STORE | SESSION_READ, NULL) == 0 ? consult_unmatched(x.s, slugs[0], strcmp(format, "json") == 0, out, &x.err) : -1;
	return session_close(&x, rc < 0 ? -1 : REACH_OK);
}

static int cmd_baseline(const struct cli_globals *g, FILE *out, int argc, char **argv)
{
	const char *geography = NULL, *taxonomy = NULL, *format = NULL;
	struct cli_option options[] = { { "geography", &geography, NULL }, { "taxonomy", &taxonomy, NULL },
		{ "format", &format, NULL }, { NULL, NULL, NULL } };
	char *words[2];
	int n, rc;
	if ((rc = cli_parse("baseline", argc, argv, options, words, 2, &n)))
		return rc;
	const char *what = n ? words[0] : "";
	int import = strcmp(what, "import") == 0, list = strcmp(what, "list") == 0, use = strcmp(what, "use") == 0;
	if (!(import && n == 2) && !(list && n == 1) && !(use && n == 2))
		return cli_usage_error("baseline", "%s", "use: baseline import FILE [--geography CODE] | baseline list | baseline use CODE");
	if (format && (!list || (rc = check_format("baseline", format, text_or_json))))
		return rc ? rc : cli_usage_error("baseline", "%s", "--format goes with baseline list");
	struct session x;
	rc = session_open(&x, g->db, SESSION_STORE | (import ? SESSION_TAXONOMY : 0) | (list ? SESSION_READ : 0), taxonomy);
	if (rc == 0 && import)
		rc = baseline_import(x.s, x.t, words[1], geography, out, &x.err);
	else if (rc == 0 && list)
		rc = baseline_list(x.s, format && strcmp(format, "json") == 0, out, &x.err);
	else if (rc == 0 && (rc = baseline_use(x.s, words[1], &x.err)) == 0)
		fprintf(out, "reports now compare with %s\n", words[1]);
	return session_close(&x, rc < 0 ? -1 : REACH_OK);
}

static int cmd_plan(const struct cli_globals *g, FILE *out, int argc, char **argv)
{
	const char *taxonomy = NULL;
	struct cli_option options[] = { { "taxonomy", &taxonomy, NULL }, { NULL, NULL, NULL } };
	char *words[2];
	int n, rc;
	if ((rc = cli_parse("plan", argc, argv, options, words, 2, &n)))
		return rc;
	int import = n == 2 && strcmp(words[0], "import") == 0, list = n == 1 && strcmp(words[0], "list") == 0;
	if (!import && !list)
		return cli_usage_error("plan", "%s", "use: plan import FILE | plan list");
	struct session x;
	if ((rc = session_open(&x, g->db, SESSION_STORE | SESSION_TAXONOMY | (list ? SESSION_READ : 0), taxonomy)) == 0)
		rc = import ? plan_import(x.s, x.t, words[1], out, &x.err) : plan_list(x.s, out, &x.err);
	return session_close(&x, rc < 0 ? -1 : REACH_OK);
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
		return cli_usage_error(command, "--suppress \"%s\" is not a count from 0 (none) to 1000", suppress);
	if (round && parse_long(round, 2, 1000, &b) < 0)
		return cli_usage_error(command, "--round \"%s\" is not a base from 2 to 1000, as 5", round);
	if (round && suppress && v > 0)
		return cli_usage_error(command, "%s", "--round and --suppress are two ways of protecting small counts: choose one");
	*threshold = round ? 0 : (int)v;
	*base = (int)b;
	return 0;
}

static int cmd_actions(const struct cli_globals *g, FILE *out, int argc, char **argv)
{
	static const char *const formats[] = { "text", "json", "csv", "md", NULL };
	struct plan_actions_options o = { 0 };
	const char *taxonomy = NULL, *min_age = NULL, *suppress = NULL, *round = NULL;
	struct cli_option options[] = {
		{ "plan", &o.plan, NULL }, { "as-of", &o.as_of, NULL }, { "format", &o.format, NULL },
		{ "geography", &o.compare.geography, NULL }, { "min-age", &min_age, NULL },
		{ "taxonomy", &taxonomy, NULL }, { "suppress", &suppress, NULL }, { "round", &round, NULL },
		{ NULL, NULL, NULL },
	};
	int n, rc;
	if ((rc = cli_parse("actions", argc, argv, options, NULL, 0, &n)) ||
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
	rc = session_open(&x, g->db, SESSION_STORE | SESSION_TAXONOMY | SESSION_READ, taxonomy) == 0 ? plan_actions(x.s, x.t, &o, out, &x.err) : -1;
	return session_close(&x, rc < 0 ? -1 : REACH_OK);
}

/* --adjust TEXT of COMMAND into *ADJUST (NULL: none); 0, or the usage error's exit code. */
static int check_adjust(const char *command, const char *text, enum stats_adjust *adjust)
{
	static const char *const names[] = { "none", "holm", "bh", NULL };
	static const enum stats_adjust methods[] = { STATS_ADJUST_NONE, STATS_ADJUST_HOLM, STATS_ADJUST_BH };
	*adjust = STATS_ADJUST_NONE;
	for (size_t i = 0; text && names[i]; i++)
		if (strcmp(text, names[i]) == 0) {
			*adjust = methods[i];
			return 0;
		}
	return text ? cli_check_choice(command, "adjust", text, names) : 0;
}

static int cmd_report(const struct cli_globals *g, FILE *out, int argc, char **argv)
{
	static const char *const formats[] = { "text", "json", "md", "csv", "html", NULL };
	struct compare_options o = { 0 };
	struct publish_options po = { POLICY_SUPPRESS_DEFAULT, NULL };
	const char *suppress = NULL, *round = NULL;
	const char *format = "text", *min_age = NULL, *confidence = NULL, *from = NULL, *to = NULL, *taxonomy = NULL;
	const char *cap = NULL, *adjust = NULL;
	int all = 0;
	struct cli_option options[] = {
		{ "format", &format, NULL }, { "geography", &o.geography, NULL }, { "min-age", &min_age, NULL },
		{ "confidence", &confidence, NULL }, { "age-bands", &o.age_bands, NULL }, { "all", NULL, &all },
		{ "from", &from, NULL }, { "to", &to, NULL }, { "taxonomy", &taxonomy, NULL },
		{ "weighted", NULL, &o.weighted }, { "weight-cap", &cap, NULL }, { "suppress", &suppress, NULL },
		{ "charts", &po.charts_dir, NULL }, { "adjust", &adjust, NULL }, { "round", &round, NULL },
		{ NULL, NULL, NULL },
	};
	char *slugs_given[1];
	int n, rc;
	if ((rc = cli_parse("report", argc, argv, options, slugs_given, 1, &n)))
		return rc;
	if ((n == 1) + all + (from || to) != 1)
		return cli_usage_error("report", "%s", "needs one consultation, --all, or --from DATE --to DATE");
	if ((rc = check_format("report", format, formats)) || (rc = check_date("report", "from", from)) ||
	    (rc = check_date("report", "to", to)) || (rc = check_order("report", "from", from, "to", to)) || (rc = check_adjust("report", adjust, &o.adjust)))
		return rc;
	long age = -1;
	if ((rc = check_min_age("report", min_age, &age)))
		return rc;
	o.min_age = (int)age;
	if (confidence) {
		char *end;
		o.confidence = strtod(confidence, &end);
		if (*end || !(o.confidence > 0.5 && o.confidence < 1))
			return cli_usage_error("report", "--confidence \"%s\" is not a level between 0.5 and 1, as 0.95", confidence);
	}
	if (po.charts_dir && (strcmp(format, "text") == 0 || strcmp(format, "json") == 0))
		return cli_usage_error("report", "--charts draws the charts of the html and md reports: "
					"add --format html or --format md");
	if ((rc = check_disclosure("report", suppress, round, &po.suppress, &o.round)) ||
	    (rc = check_charts("report", po.charts_dir)))
		return rc;
	if (cap) {
		char *end;
		o.weight_cap = strtod(cap, &end);
		if (*end || !(o.weight_cap == 0 || o.weight_cap >= 1))
			return cli_usage_error("report", "--weight-cap \"%s\" is not 0 (no cap) or a multiple of at least 1", cap);
		if (o.weight_cap == 0)
			o.weight_cap = -1;
	}
	struct session x;
	char **slugs = NULL;
	size_t nslugs = 0;
	struct compare *c = NULL;
	rc = session_open(&x, g->db, SESSION_STORE | SESSION_TAXONOMY | SESSION_READ, taxonomy);
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
		rc = report_json(x.s, x.t, c, out, &x.err);
	else if (rc == 0 && strcmp(format, "text") == 0)
		rc = report_text(x.s, x.t, c, out, &x.err);
	else if (rc == 0) {
		publish_adjust(c, x.t, &po);
		partial = (rc = publish_report(x.s, x.t, c, format, &po, out, &x.err)) > 0, rc = rc > 0 ? 0 : rc;
	}
	compare_free(c);
	strings_free(slugs, nslugs);
	return session_close(&x, rc < 0 ? -1 : partial ? REACH_EPARTIAL : REACH_OK);
}

static int cmd_trend(const struct cli_globals *g, FILE *out, int argc, char **argv)
{
	static const char *const formats[] = { "text", "json", NULL };
	struct compare_options o = { 0 };
	const char *format = "text", *from = NULL, *to = NULL, *taxonomy = NULL, *min_age = NULL, *charts = NULL;
	const char *suppress = NULL, *round = NULL;
	struct cli_option options[] = {
		{ "format", &format, NULL }, { "from", &from, NULL }, { "to", &to, NULL },
		{ "geography", &o.geography, NULL }, { "min-age", &min_age, NULL }, { "taxonomy", &taxonomy, NULL },
		{ "charts", &charts, NULL }, { "suppress", &suppress, NULL }, { "round", &round, NULL }, { NULL, NULL, NULL },
	};
	char **codes = xcalloc((size_t)argc + 1, sizeof *codes);      /* every argument may be a code */
	int n, rc, threshold;
	long age = -1;
	if ((rc = cli_parse("trend", argc, argv, options, codes, argc, &n)) ||
	    (rc = check_format("trend", format, formats)) || (rc = check_date("trend", "from", from)) ||
	    (rc = check_date("trend", "to", to)) || (rc = check_order("trend", "from", from, "to", to)) ||
	    (rc = check_min_age("trend", min_age, &age)) ||
	    (rc = check_disclosure("trend", suppress, round, &threshold, &o.round)) ||
	    (rc = check_charts("trend", charts))) {
		free(codes);
		return rc;
	}
	o.min_age = (int)age;
	struct session x;
	struct trend *tr = NULL;
	if (session_open(&x, g->db, SESSION_STORE | SESSION_TAXONOMY | SESSION_READ, taxonomy) == 0)
		tr = trend_run(x.s, x.t, from, to, n ? codes : NULL, (size_t)n, &o, threshold, &x.err);
	if (tr && strcmp(format, "json") == 0)
		trend_json(tr, out);
	else if (tr)
		trend_text(tr, out);
	int partial = tr && charts ? chart_trends(tr, charts, stderr) : 0;
	rc = tr ? (partial ? REACH_EPARTIAL : REACH_OK) : -1;
	trend_free(tr);
	free(codes);
	return session_close(&x, rc);
}

static int cmd_batch(const struct cli_globals *g, FILE *out, int argc, char **argv)
{
	struct batch_options o = { 0 };
	const char *taxonomy = NULL, *adjust = NULL, *suppress = NULL, *round = NULL;
	struct cli_option options[] = {
		{ "reports", &o.reports, NULL }, { "private", &o.private, NULL }, { "geography", &o.compare.geography, NULL },
		{ "taxonomy", &taxonomy, NULL }, { "adjust", &adjust, NULL }, { "suppress", &suppress, NULL },
		{ "round", &round, NULL }, { "as-of", &o.as_of, NULL }, { NULL, NULL, NULL },
	};
	char *dirs[1];
	int n, rc;
	if ((rc = cli_parse("batch", argc, argv, options, dirs, 1, &n)) ||
	    (rc = check_adjust("batch", adjust, &o.compare.adjust)) ||
	    (rc = check_disclosure("batch", suppress, round, &o.publish.suppress, &o.compare.round)) ||
	    (rc = check_date("batch", "as-of", o.as_of)))
		return rc;
	if (n != 1)
		return cli_usage_error("batch", "%s", "needs one folder of exports");
	o.compare.min_age = -1;
	struct session x;
	rc = session_open(&x, g->db, SESSION_STORE | SESSION_TAXONOMY, taxonomy) == 0 ? batch_run(x.s, x.t, dirs[0], &o, out, &x.err) : -1;
	return session_close(&x, rc < 0 ? -1 : rc);
}

static int cmd_list(const struct cli_globals *g, FILE *out, int argc, char **argv)
{
	const char *format = "text";
	struct cli_option options[] = { { "format", &format, NULL }, { NULL, NULL, NULL } };
	int n, rc;
	if ((rc = cli_parse("list", argc, argv, options, NULL, 0, &n)) ||
	    (rc = check_format("list", format, text_or_json)))
		return rc;
	struct session x;
	rc = session_open(&x, g->db, SESSION_STORE | SESSION_READ, NULL) == 0 ? consult_list(x.s, strcmp(format, "json") == 0, out, &x.err) : -1;
	return session_close(&x, rc < 0 ? -1 : REACH_OK);
}

static int cmd_help(const struct cli_globals *g, FILE *out, int argc, char **argv)
{
	struct cli_option options[] = { { NULL, NULL, NULL } };
	char *words[1];
	int n, rc;
	(void)g;
	if ((rc = cli_parse("help", argc, argv, options, words, 1, &n)))
		return rc;
	if (n == 0) {
		help_overview(out);
	} else if (help_print(words[0], out) < 0) {
		const char *near = cli_nearest(words[0], help_commands());
		if (near)
			return cli_usage_error(NULL, "no command \"%s\"; did you mean %s?", words[0], near);
		return cli_usage_error(NULL, "no command \"%s\"", words[0]);
	}
	return REACH_OK;
}

/* Every command: its name (as help/commands.txt has it) and what runs it. One line each. */
static const struct command {
	const char *name;
	int (*run)(const struct cli_globals *g, FILE *out, int argc, char **argv);
} commands[] = {
	{ "columns", cmd_columns },
	{ "ingest", cmd_ingest },
	{ "list", cmd_list },
	{ "report", cmd_report },
	{ "trend", cmd_trend },
	{ "actions", cmd_actions },
	{ "batch", cmd_batch },
	{ "progress", progress_command },
	{ "unmatched", cmd_unmatched },
	{ "retag", cmd_retag },
	{ "baseline", cmd_baseline },
	{ "plan", cmd_plan },
	{ "export", cmd_export },
	{ "help", cmd_help },
	{ NULL, NULL },
};

/* The exit status for a command's RC, once every write to standard output is checked: 3 when one failed. */
static int finish(int rc)
{
	struct reach_error err = { 0 };
	return output_check_stdout(&err) < 0 && (rc == REACH_OK || rc == REACH_EPARTIAL) ? error_print(&err) : rc;
}

/* Says that COMMAND is none of reach's, with the nearest when one is close. */
static int unknown_command(const char *command)
{
	const char *names[sizeof commands / sizeof *commands];
	for (size_t k = 0; k < sizeof commands / sizeof *commands; k++)
		names[k] = commands[k].name;
	const char *near = cli_nearest(command, names);
	if (near)
		return cli_usage_error(NULL, "unknown command \"%s\"; did you mean %s?", command, near);
	return cli_usage_error(NULL, "unknown command \"%s\"", command);
}

/*
 * Runs C with its arguments (reach's own options already taken out into
 * G), its standard output to G->output when given: that file is replaced
 * only when the command succeeds (exit status 0 or 4).
 */
static int run(const struct command *c, struct cli_globals *g, int argc, char **argv)
{
	struct reach_error err = { 0 };
	struct output *o = NULL;
	if (!g->db || !*g->db)
		g->db = getenv("REACH_DB");
	if (!g->db || !*g->db)
		g->db = "reach.db";
	if (g->output && !(o = output_open(g->output, 0666, &err)))
		return error_print(&err);
	int rc = c->run(g, o ? output_stream(o) : stdout, argc, argv);
	if (o && (rc == REACH_OK || rc == REACH_EPARTIAL)) {
		if (output_commit(o, &err) < 0)
			rc = error_print(&err);
	} else {
		output_abandon(o);
	}
	return rc;
}

int main(int argc, char **argv)
{
	struct cli_globals g = { 0 };
	int i = 1, r = 1;
	while (i < argc && (r = cli_take_global(argc, argv, &i, &g)) == 1)
		;
	if (r < 0)
		return -r;
	if (i == argc && g.version) {
		printf("reach %s\n", REACH_VERSION);
		return finish(REACH_OK);
	}
	if (i == argc && g.help) {
		help_overview(stdout);
		return finish(REACH_OK);
	}
	if (i == argc)
		return cli_usage_error(NULL, "%s", "no command given");
	const char *command = argv[i++];
	if (command[0] == '-' && command[1] != '\0') {
		const char *names[] = { "db", "output", "quiet", "help", "version", NULL };
		const char *near = cli_nearest(command + strspn(command, "-"), names);
		if (near)
			return cli_usage_error(NULL, "unknown option \"%s\"; did you mean --%s?", command, near);
		return cli_usage_error(NULL, "unknown option \"%s\"", command);
	}
	const struct command *c = commands;
	while (c->name && strcmp(c->name, command) != 0)
		c++;
	if (!c->name)
		return unknown_command(command);
	int rest = argc - i;
	char **args = argv + i;
	if ((r = cli_take_globals(command, &rest, args, &g)) != 0)
		return r;
	if (g.help) {
		help_print(command, stdout);
		return finish(REACH_OK);
	}
	if (g.version) {
		printf("reach %s\n", REACH_VERSION);
		return finish(REACH_OK);
	}
	return finish(run(c, &g, rest, args));
}
