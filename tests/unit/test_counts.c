/*
 * Unit tests for counts.c: which combinations a consultation keeps, that
 * the counts kept at ingest equal a recount from the stored responses
 * (every sample export: age bands, a year of birth, a date of birth, the
 * disability pair, closed and multi-select questions), that an upgrade from
 * schema 2 builds the same counts (and, from damaged responses, fails and
 * changes nothing), and that damaged counts are refused. The
 * exports are the synthetic samples of seeds/samples/.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "check.h"
#include "scratch.h"
#include "counts.h"
#include "ingest.h"
#include "store.h"

static const char *const samples[] = {
	"seeds/samples/synthetic_2018_citizenspace_parking.csv",
	"seeds/samples/synthetic_2019_surveymonkey_leisure.csv",
	"seeds/samples/synthetic_2020_qualtrics_localplan.csv",
	"seeds/samples/synthetic_2021_googleforms_towncentre.csv",
	"seeds/samples/synthetic_2022_letstalk_budget.csv",
	"seeds/samples/synthetic_2023_msforms_waste.csv",
	NULL
};

/* Every row of answer_counts, one line each, in key order. The caller frees it. */
static char *dump_counts(struct store *s)
{
	struct buf out = { 0 };
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(store_db(s), "SELECT source_id, kind, slots, codes, day, responses FROM answer_counts "
	    "ORDER BY source_id, kind, slots, codes, day", -1, &st, NULL) != SQLITE_OK)
		return xstrdup("(cannot read)");
	while (sqlite3_step(st) == SQLITE_ROW)
		buf_printf(&out, "%lld|%s|%s|%s|%lld|%lld\n", (long long)sqlite3_column_int64(st, 0),
		    (const char *)sqlite3_column_text(st, 1), (const char *)sqlite3_column_text(st, 2),
		    (const char *)sqlite3_column_text(st, 3), (long long)sqlite3_column_int64(st, 4),
		    (long long)sqlite3_column_int64(st, 5));
	sqlite3_finalize(st);
	return out.data ? out.data : xstrdup("");
}

static int exec(struct store *s, const char *sql)
{
	return sqlite3_exec(store_db(s), sql, NULL, NULL, NULL) == SQLITE_OK ? 0 : -1;
}

/* A database holding every sample, one consultation each (s1, s2, …); NULL on failure. */
static struct store *with_samples(const char *path, const struct taxonomy *t)
{
	struct reach_error err = { 0 };
	struct store *s = store_open(path, STORE_CREATE, NULL, &err);
	for (size_t i = 0; s && samples[i]; i++) {
		char slug[16];
		snprintf(slug, sizeof slug, "s%zu", i + 1);
		struct ingest_meta m = { .slug = slug, .title = slug, .platform = "test", .min_age = 16,
		    .closed = "2024-06-30" };
		struct load_options lo = { 0 };
		struct ingest_result result;
		if (ingest_file(s, samples[i], &m, &lo, t, &result, &err) < 0) {
			fprintf(stderr, "%s: %s\n", samples[i], err.msg);
			store_close(s);
			return NULL;
		}
	}
	return s;
}

/*
 * Rebuilds every consultation's counts from its stored responses, after
 * removing the kept ones, holding at most about BUDGET bytes of counts at a
 * time (1: written and added up after every response).
 */
static int recount(struct store *s, size_t budget)
{
	struct reach_error err = { 0 };
	int rc = exec(s, "BEGIN; DELETE FROM answer_counts");        /* in one transaction, as an upgrade is */
	for (size_t i = 0; rc == 0 && samples[i]; i++) {
		char slug[16];
		struct consult_view v;
		snprintf(slug, sizeof slug, "s%zu", i + 1);
		rc = consult_view_open(s, slug, &v, &err);
		if (rc == 0)
			rc = counts_build(s, &v, budget, &err);
		consult_view_free(&v);
	}
	return exec(s, rc == 0 ? "COMMIT" : "ROLLBACK") < 0 ? -1 : rc;
}

/* The counts kept at ingest are exactly those a recount of the stored responses gives. */
static void test_kept_equal_recount(void)
{
	struct reach_error err = { 0 };
	char *path = scratch_db("counts");
	struct taxonomy *t = tag_load(NULL, &err);
	struct store *s = t ? with_samples(path, t) : NULL;
	CHECK(s != NULL);
	if (s) {
		char *kept = dump_counts(s);
		CHECK(strlen(kept) > 1000);
		/* Each equality answer's count over the days is the count ingest gave the answer, counted apart. */
		CHECK_INT(count_rows(s, "SELECT count(*) FROM (SELECT c.source_id, c.slots, c.codes, sum(c.responses) AS n "
		    "FROM answer_counts c WHERE c.kind = 'answers' AND c.slots <> '' AND instr(c.slots, ',') = 0 "
		    "AND c.codes <> '0' GROUP BY 1, 2, 3) k JOIN questions q ON q.source_id = k.source_id "
		    "AND q.slot = CAST(k.slots AS INTEGER) JOIN answer_values v ON v.question_id = q.id "
		    "AND v.code = CAST(k.codes AS INTEGER) WHERE v.responses = k.n"), count_rows(s, "SELECT count(*) "
		    "FROM answer_values v JOIN questions q ON q.id = v.question_id WHERE q.role IN ('age', 'sex', "
		    "'ethnicity', 'disability', 'disability_condition', 'disability_limitation', 'religion', "
		    "'sexual_orientation', 'gender_identity', 'armed_forces', 'carer', 'birth_year', 'date_of_birth')"));
		/* Each total is its answer's counts over the days. */
		CHECK_INT(count_rows(s, "SELECT count(*) FROM answer_counts t WHERE t.kind = 'totals' AND t.responses <> "
		    "(SELECT sum(a.responses) FROM answer_counts a WHERE a.kind = 'answers' AND a.source_id = t.source_id "
		    "AND a.slots = t.slots AND a.codes = t.codes)"), 0);
		CHECK(count_rows(s, "SELECT count(*) FROM answer_counts WHERE kind = 'totals'") > 100);
		CHECK_INT(recount(s, COUNTS_BUDGET), 0);
		char *again = dump_counts(s);
		CHECK_STR(again, kept);
		/* Written after every response, each write adding to the last: the same counts. */
		CHECK_INT(recount(s, 1), 0);
		char *piecemeal = dump_counts(s);
		CHECK_STR(piecemeal, kept);
		free(kept);
		free(again);
		free(piecemeal);
	}
	store_close(s);
	tag_free(t);
	unlink(path);
	free(path);
}

/* The answers of one closed question summed over the weighting cells, by code: see test_many_answers. */
struct by_code {
	uint64_t *n;
	size_t ncodes, width;
};

static int add_by_code(const uint32_t *codes, long day, double n, void *ctx)
{
	struct by_code *b = ctx;
	(void)day;
	if (codes[b->width - 1] < b->ncodes)
		b->n[codes[b->width - 1]] += (uint64_t)n;
	return 0;
}

/*
 * A closed question of many different answers (synthetic: 1,000 rows of
 * two answers, then 300 rows each of its own) has its answers within the
 * weighting cells counted past the dense arrays, in the hash table: summed
 * over the cells, each answer's count is the count ingest keeps for it
 * apart, in answer_values, for codes far past the dense ones too.
 */
static void test_many_answers(void)
{
	struct reach_error err = { 0 };
	char *path = scratch_db("counts"), *csv = scratch_db("counts");
	FILE *f = fopen(csv, "w");
	CHECK(f != NULL);
	if (!f)
		return;
	fputs("id,What is your sex?,What is your age?,How much do you agree with the proposal?\n", f);
	for (int i = 1; i <= 1300; i++) {
		char answer[32];
		snprintf(answer, sizeof answer, i > 1000 ? "answer %d" : i % 3 ? "Agree" : "Disagree", i);
		fprintf(f, "%d,%s,%d,%s\n", i, i % 2 ? "Female" : "Male", 20 + i % 60, answer);
	}
	fclose(f);
	struct taxonomy *t = tag_load(NULL, &err);
	struct store *s = t ? store_open(path, STORE_CREATE, NULL, &err) : NULL;
	struct ingest_meta m = { .slug = "many", .title = "many", .platform = "test", .min_age = 16 };
	struct load_options lo = { 0 };
	struct ingest_result result;
	struct consult_view v;
	CHECK(s && ingest_file(s, csv, &m, &lo, t, &result, &err) == 0 && consult_view_open(s, "many", &v, &err) == 0);
	if (s && !err.code) {
		struct counts_plan plan;
		counts_plan_stored(&v, &plan);
		const struct counts_set *closed = &plan.sets[plan.nsets - 1];
		size_t q = closed->slots[closed->nslots - 1];
		CHECK(closed->kind == COUNTS_CELLS && strcmp(v.q[q].role, "closed") == 0);
		CHECK(v.q[q].nvalues > 300);
		struct by_code b = { xcalloc(v.q[q].nvalues + 1, sizeof *b.n), v.q[q].nvalues + 1, closed->nslots };
		CHECK_INT(counts_each(s, &v, COUNTS_CELLS, closed->slots, closed->nslots, add_by_code, &b, &err), 0);
		size_t same = 0;
		for (size_t code = 1; code <= v.q[q].nvalues; code++)
			same += b.n[code] == v.q[q].count[code - 1];
		CHECK_INT(same, v.q[q].nvalues);
		free(b.n);
		counts_plan_free(&plan);
		consult_view_free(&v);
	}
	store_close(s);
	tag_free(t);
	unlink(path);
	unlink(csv);
	free(path);
	free(csv);
}

/* A schema 2 database (no counts) is upgraded on opening, its counts built as an ingest would have. */
static void test_upgrade_builds_counts(void)
{
	struct reach_error err = { 0 };
	char *path = scratch_db("counts");
	struct taxonomy *t = tag_load(NULL, &err);
	struct store *s = t ? with_samples(path, t) : NULL;
	char *kept = s ? dump_counts(s) : NULL;
	CHECK(s != NULL && exec(s, "DROP TABLE answer_counts; PRAGMA user_version = 2") == 0);
	store_close(s);
	s = store_open(path, STORE_EXISTING, NULL, &err);
	CHECK(s != NULL);
	if (s && kept) {
		char *built = dump_counts(s);
		CHECK_STR(built, kept);
		free(built);
	}
	free(kept);
	store_close(s);
	tag_free(t);
	unlink(path);
	free(path);
}

/*
 * A schema 2 database whose stored responses are damaged cannot be
 * upgraded: opening it fails, naming the damage, and leaves it at schema 2
 * with no counts, as it was.
 */
static void test_damaged_upgrade_refused(void)
{
	struct reach_error err = { 0 };
	char *path = scratch_db("counts");
	struct taxonomy *t = tag_load(NULL, &err);
	struct store *s = t ? with_samples(path, t) : NULL;
	CHECK(s != NULL && exec(s, "DROP TABLE answer_counts; PRAGMA user_version = 2; "
	    "UPDATE response_blocks SET answers = x'ff' WHERE source_id = 3") == 0);
	store_close(s);
	CHECK(store_open(path, STORE_EXISTING, NULL, &err) == NULL);
	CHECK_INT(err.code, REACH_EDB);
	CHECK(strstr(err.msg, "damaged database") != NULL && strstr(err.msg, "\"s3\"") != NULL);
	sqlite3 *db;
	sqlite3_stmt *st;
	CHECK(sqlite3_open(path, &db) == SQLITE_OK);
	CHECK(sqlite3_prepare_v2(db, "SELECT (SELECT user_version FROM pragma_user_version), "
	    "(SELECT count(*) FROM sqlite_schema WHERE name = 'answer_counts')", -1, &st, NULL) == SQLITE_OK);
	CHECK(sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) == 2 && sqlite3_column_int(st, 1) == 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	tag_free(t);
	unlink(path);
	free(path);
}

static int count_nothing(const uint32_t *codes, long day, double n, void *ctx)
{
	(void)codes, (void)day;
	*(double *)ctx += n;
	return 0;
}

/* Reads consultation s1's responses by day after SQL DAMAGE (NULL: none); 0 or -1, with ERR. */
static int read_after(struct store *s, const char *damage, double *total, struct reach_error *err)
{
	struct consult_view v;
	if (damage && exec(s, damage) < 0)
		return -2;
	if (consult_view_open(s, "s1", &v, err) < 0)
		return -2;
	size_t slot = 5;        /* the age question of the Citizen Space sample */
	*total = 0;
	int rc = counts_each(s, &v, COUNTS_ANSWERS, NULL, 0, count_nothing, total, err);
	if (rc == 0)
		rc = counts_each(s, &v, COUNTS_ANSWERS, &slot, 1, count_nothing, total, err);
	consult_view_free(&v);
	return rc;
}

/* Counts that are out of bounds, short or missing are refused as damage, never read. */
static void test_damaged_counts_refused(void)
{
#define ONE_AGE_COUNT "WHERE source_id = 1 AND kind = 'answers' AND slots = '5' AND codes = '1' AND day = " \
	"(SELECT min(day) FROM answer_counts WHERE source_id = 1 AND kind = 'answers' AND slots = '5' AND codes = '1')"
	static const char *const damages[] = {
		"UPDATE answer_counts SET responses = responses + 1 WHERE source_id = 1 AND slots = ''",
		"UPDATE answer_counts SET codes = '999' " ONE_AGE_COUNT,
		"UPDATE answer_counts SET codes = '1,2' " ONE_AGE_COUNT,
		"UPDATE answer_counts SET codes = '-1' " ONE_AGE_COUNT,
		"UPDATE answer_counts SET codes = '1x' " ONE_AGE_COUNT,
		"UPDATE answer_counts SET responses = -5 " ONE_AGE_COUNT,
		"UPDATE answer_counts SET responses = 9223372036854775807 " ONE_AGE_COUNT,
		"UPDATE answer_counts SET day = -7 " ONE_AGE_COUNT,
		"DELETE FROM answer_counts " ONE_AGE_COUNT,
		"DELETE FROM answer_counts WHERE source_id = 1 AND slots = ''",
		NULL
	};
#undef ONE_AGE_COUNT
	struct reach_error err = { 0 };
	char *path = scratch_db("counts");
	struct taxonomy *t = tag_load(NULL, &err);
	struct store *s = t ? with_samples(path, t) : NULL;
	CHECK(s != NULL);
	double total = 0;
	if (s) {
		/* Undamaged: the responses by day, then the age answers, each the 700 responses. */
		CHECK_INT(read_after(s, NULL, &total, &err), 0);
		CHECK(total == 1400);
		CHECK_INT(exec(s, "SAVEPOINT clean"), 0);
	}
	for (size_t i = 0; s && damages[i]; i++) {
		memset(&err, 0, sizeof err);
		CHECK_INT(read_after(s, damages[i], &total, &err), -1);
		CHECK_INT(err.code, REACH_EDB);
		CHECK(strstr(err.msg, "damaged database") != NULL);
		CHECK_INT(exec(s, "ROLLBACK TO clean"), 0);
	}
	store_close(s);
	tag_free(t);
	unlink(path);
	free(path);
}

/* The plan: responses by day, each equality question, the disability pair, the cells and each closed question in them. */
static void test_plan(void)
{
	const enum role roles[] = { ROLE_ID, ROLE_CLOSED, ROLE_DISABILITY_LIMITATION, ROLE_SEX, ROLE_BIRTH_YEAR,
		ROLE_RELIGION, ROLE_DISABILITY_CONDITION, ROLE_ETHNICITY, ROLE_FREE_TEXT, ROLE_CLOSED };
	struct counts_plan p;
	counts_plan_make(roles, sizeof roles / sizeof *roles, &p);
	CHECK_INT(p.nsets, 1 + 6 + 1 + 1 + 2);
	CHECK_INT(p.sets[0].nslots, 0);
	CHECK(p.sets[0].kind == COUNTS_ANSWERS && p.sets[0].by_day);
	size_t equality[] = { 2, 3, 4, 5, 6, 7 };
	for (size_t i = 0; i < 6; i++)
		CHECK(p.sets[1 + i].nslots == 1 && p.sets[1 + i].slots[0] == equality[i] && p.sets[1 + i].by_day);
	CHECK(p.sets[7].nslots == 2 && p.sets[7].slots[0] == 6 && p.sets[7].slots[1] == 2);
	CHECK_STR(p.sets[7].key, "2,6");        /* stored in slot order: the condition's code second */
	CHECK(p.sets[7].order[0] == 1 && p.sets[7].order[1] == 0);
	CHECK_STR(p.sets[0].key, "");
	CHECK_STR(p.sets[9].key, "1,3,4,7");
	CHECK_INT(p.ncell_slots, 3);
	CHECK(p.cell_slots[0] == 3 && p.cell_slots[1] == 4 && p.cell_slots[2] == 7);
	CHECK(p.sets[8].kind == COUNTS_CELLS && p.sets[8].nslots == 3 && p.sets[8].by_day);     /* a year of birth */
	CHECK(p.sets[9].nslots == 4 && p.sets[9].slots[3] == 1 && p.sets[10].slots[3] == 9);
	counts_plan_free(&p);
	/* Ages as bands: the cells are not kept by day. */
	const enum role banded[] = { ROLE_AGE, ROLE_CLOSED };
	counts_plan_make(banded, 2, &p);
	CHECK_INT(p.nsets, 4);
	CHECK(p.sets[2].kind == COUNTS_CELLS && !p.sets[2].by_day && !p.sets[3].by_day);
	counts_plan_free(&p);
}

int main(void)
{
	RUN(test_plan);
	RUN(test_kept_equal_recount);
	RUN(test_many_answers);
	RUN(test_upgrade_builds_counts);
	RUN(test_damaged_upgrade_refused);
	RUN(test_damaged_counts_refused);
	return check_summary();
}
