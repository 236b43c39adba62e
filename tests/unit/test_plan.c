/*
 * Unit tests for plan.c: the built-in plans counted against a hand count of
 * the source documents (tests/data/plan_actions.txt), and the status rules
 * with values worked by hand beside each case.
 */
#include <stdlib.h>
#include <unistd.h>

#include "check.h"
#include "plan.h"

#define ACTIONS_LIST "tests/data/plan_actions.txt"

/* A plan's actions as seeded: codes of their roles' order and their texts. */
struct seeded {
	char plan[32];
	char roles[8][64];
	size_t nroles;
	int role_of[64];
	char *text[64];
	size_t n;
};

static struct seeded *find_seeded(struct seeded *plans, size_t n, const char *plan)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(plans[i].plan, plan) == 0)
			return &plans[i];
	return NULL;
}

/* Reads every action of the built-in plans from a new database. */
static size_t read_seeded(struct seeded *plans, size_t max)
{
	char dir[] = "/tmp/reach-test-plan-XXXXXX", path[64];
	struct reach_error err = { 0 };
	size_t n = 0;
	if (!mkdtemp(dir)) {
		CHECK(0 && "cannot make a scratch directory");
		return 0;
	}
	snprintf(path, sizeof path, "%s/plans.db", dir);
	struct store *s = store_open(path, STORE_CREATE, plan_seed, &err);
	CHECK(s != NULL);
	if (!s) {
		fprintf(stderr, "  %s\n", err.msg);
		rmdir(dir);
		return 0;
	}
	sqlite3_stmt *st = store_stmt(s, "plan_actions_list");
	store_bind_text(st, ":plan", NULL);
	while (store_step(s, st) == SQLITE_ROW) {
		const char *plan = (const char *)sqlite3_column_text(st, 0);
		const char *role = (const char *)sqlite3_column_text(st, 2);
		struct seeded *p = find_seeded(plans, n, plan);
		if (!p && n < max) {
			p = &plans[n++];
			memset(p, 0, sizeof *p);
			snprintf(p->plan, sizeof p->plan, "%s", plan);
		}
		if (!p || p->n == 64)
			continue;
		size_t r = 0;
		while (r < p->nroles && strcmp(p->roles[r], role) != 0)
			r++;
		if (r == p->nroles && p->nroles < 8)
			snprintf(p->roles[p->nroles++], sizeof p->roles[0], "%s", role);
		p->role_of[p->n] = (int)r + 1;
		p->text[p->n++] = xstrdup((const char *)sqlite3_column_text(st, 4));
	}
	CHECK(!store_failed(s));
	store_close(s);
	unlink(path);
	rmdir(dir);
	return n;
}

/*
 * The hand count: "PLAN N" lines give each plan's number of actions, then
 * "PLAN ROLE FIRST WORDS…" lines each action in order, ROLE the number of
 * its role in the order the plan gives them.
 */
static void test_seeded_actions(void)
{
	struct seeded plans[8];
	size_t nplans = read_seeded(plans, 8), seen[8] = { 0 };
	FILE *fp = fopen(ACTIONS_LIST, "r");
	char line[512];
	int counts = 0, actions = 0;
	CHECK(fp != NULL);
	if (!fp)
		return;
	while (fgets(line, sizeof line, fp)) {
		char plan[32], rest[480];
		int number, used = 0;
		line[strcspn(line, "\r\n")] = '\0';
		if (sscanf(line, "%31s %d %n", plan, &number, &used) < 2)
			continue;
		snprintf(rest, sizeof rest, "%s", line + used);
		struct seeded *p = find_seeded(plans, nplans, plan);
		CHECK(p != NULL);
		if (!p)
			continue;
		if (!*rest) {           /* "PLAN N": the number of actions */
			CHECK_INT(p->n, number);
			counts++;
			continue;
		}
		size_t i = seen[p - plans]++;
		actions++;
		CHECK(i < p->n);
		if (i >= p->n)
			continue;
		if (strncmp(p->text[i], rest, strlen(rest)) != 0)
			fprintf(stderr, "  %s action %zu is \"%s\", the hand count says \"%s…\"\n", plan, i + 1, p->text[i], rest);
		CHECK(strncmp(p->text[i], rest, strlen(rest)) == 0);
		CHECK_INT(p->role_of[i], number);
	}
	fclose(fp);
	CHECK_INT(counts, 2);
	CHECK_INT(actions, 41);       /* 21 + 20, the hand count of both documents */
	for (size_t i = 0; i < nplans; i++) {
		CHECK_INT(seen[i], plans[i].n);
		for (size_t k = 0; k < plans[i].n; k++)
			free(plans[i].text[k]);
	}
}

static enum plan_status status(enum plan_comparison cmp, double target, double base, double base_lo, double base_hi,
    double latest, double lo, double hi)
{
	struct plan_value b = { base, base_lo, base_hi }, l = { latest, lo, hi };
	return plan_indicator_status(cmp, target, &b, &l);
}

static void test_at_least(void)
{
	/* target 0.8: reached; reached exactly; below but above the baseline; below and not above it. */
	CHECK_INT(status(PLAN_AT_LEAST, 0.8, 0.5, NAN, NAN, 0.85, NAN, NAN), PLAN_MET);
	CHECK_INT(status(PLAN_AT_LEAST, 0.8, 0.5, NAN, NAN, 0.8, NAN, NAN), PLAN_MET);
	CHECK_INT(status(PLAN_AT_LEAST, 0.8, 0.6, 0.5, 0.7, 0.7, 0.6, 0.8), PLAN_IMPROVING);
	CHECK_INT(status(PLAN_AT_LEAST, 0.8, 0.75, NAN, NAN, 0.7, NAN, NAN), PLAN_NOT_MET);
	CHECK_INT(status(PLAN_AT_LEAST, 0.8, 0.7, NAN, NAN, 0.7, NAN, NAN), PLAN_NOT_MET);
	/* No baseline window: met or not met, never improving. */
	struct plan_value l = { 0.7, NAN, NAN };
	CHECK_INT(plan_indicator_status(PLAN_AT_LEAST, 0.8, NULL, &l), PLAN_NOT_MET);
	l.estimate = 0.9;
	CHECK_INT(plan_indicator_status(PLAN_AT_LEAST, 0.8, NULL, &l), PLAN_MET);
	/* The baseline unknown: the same. */
	CHECK_INT(status(PLAN_AT_LEAST, 0.8, NAN, NAN, NAN, 0.7, NAN, NAN), PLAN_NOT_MET);
	/* No latest value: no data, whatever the baseline. */
	CHECK_INT(status(PLAN_AT_LEAST, 0.8, 0.9, NAN, NAN, NAN, NAN, NAN), PLAN_NO_DATA);
	CHECK_INT(plan_indicator_status(PLAN_AT_LEAST, 0.8, NULL, NULL), PLAN_NO_DATA);
	/* at_most the other way round: 0.1 of at most 0.2 met; 0.3 down from 0.4 improving. */
	CHECK_INT(status(PLAN_AT_MOST, 0.2, 0.4, NAN, NAN, 0.1, NAN, NAN), PLAN_MET);
	CHECK_INT(status(PLAN_AT_MOST, 0.2, 0.4, NAN, NAN, 0.3, NAN, NAN), PLAN_IMPROVING);
	CHECK_INT(status(PLAN_AT_MOST, 0.2, 0.25, NAN, NAN, 0.3, NAN, NAN), PLAN_NOT_MET);
}

static void test_rise(void)
{
	/* 0.30 (0.25–0.35) to 0.50 (0.45–0.55): rise 0.20 > margin sqrt(0.05^2 + 0.05^2) = 0.0707: met. */
	CHECK_INT(status(PLAN_RISE, NAN, 0.30, 0.25, 0.35, 0.50, 0.45, 0.55), PLAN_MET);
	/* 0.48 (0.35–0.67) to 0.65 (0.45–0.92), the sample 75+ ratios: rise 0.17 <
	 * margin sqrt(0.16^2 + 0.235^2) = 0.2843: improving. */
	CHECK_INT(status(PLAN_RISE, NAN, 0.48, 0.35, 0.67, 0.65, 0.45, 0.92), PLAN_IMPROVING);
	/* A rise with an interval unknown: improving, never met. */
	CHECK_INT(status(PLAN_RISE, NAN, 0.30, 0.25, 0.35, 0.90, NAN, NAN), PLAN_IMPROVING);
	CHECK_INT(status(PLAN_RISE, NAN, 0.30, NAN, NAN, 0.90, 0.85, 0.95), PLAN_IMPROVING);
	/* 0.20 (0.11–0.37) to 0.12 (0.05–0.31), the sample 18-24 ratios: a fall: not met. */
	CHECK_INT(status(PLAN_RISE, NAN, 0.20, 0.11, 0.37, 0.12, 0.05, 0.31), PLAN_NOT_MET);
	CHECK_INT(status(PLAN_RISE, NAN, 0.40, 0.3, 0.5, 0.40, 0.3, 0.5), PLAN_NOT_MET);
	/* No baseline value, or no latest: no data. */
	CHECK_INT(status(PLAN_RISE, NAN, NAN, NAN, NAN, 0.40, 0.3, 0.5), PLAN_NO_DATA);
	CHECK_INT(status(PLAN_RISE, NAN, 0.40, 0.3, 0.5, NAN, NAN, NAN), PLAN_NO_DATA);
	struct plan_value l = { 0.5, 0.4, 0.6 };
	CHECK_INT(plan_indicator_status(PLAN_RISE, NAN, NULL, &l), PLAN_NO_DATA);
	/* fall: 0.50 (0.45–0.55) to 0.30 (0.25–0.35) met; to 0.45 (0.40–0.50) improving (0.05 < 0.0707). */
	CHECK_INT(status(PLAN_FALL, NAN, 0.50, 0.45, 0.55, 0.30, 0.25, 0.35), PLAN_MET);
	CHECK_INT(status(PLAN_FALL, NAN, 0.50, 0.45, 0.55, 0.45, 0.40, 0.50), PLAN_IMPROVING);
	CHECK_INT(status(PLAN_FALL, NAN, 0.50, 0.45, 0.55, 0.55, 0.50, 0.60), PLAN_NOT_MET);
}

static void test_action_status(void)
{
	enum plan_status met_met[] = { PLAN_MET, PLAN_MET };
	enum plan_status met_nodata[] = { PLAN_MET, PLAN_NO_DATA };
	enum plan_status met_not[] = { PLAN_MET, PLAN_NOT_MET };
	enum plan_status not_improving[] = { PLAN_NOT_MET, PLAN_IMPROVING, PLAN_NOT_MET };
	enum plan_status not_not[] = { PLAN_NOT_MET, PLAN_NO_DATA, PLAN_NOT_MET };
	enum plan_status nodata[] = { PLAN_NO_DATA, PLAN_NO_DATA };
	CHECK_INT(plan_action_status(NULL, 0), PLAN_NOT_MEASURABLE);
	CHECK_INT(plan_action_status(met_met, 2), PLAN_MET);
	CHECK_INT(plan_action_status(met_nodata, 2), PLAN_MET);
	CHECK_INT(plan_action_status(met_not, 2), PLAN_IMPROVING);
	CHECK_INT(plan_action_status(not_improving, 3), PLAN_IMPROVING);
	CHECK_INT(plan_action_status(not_not, 3), PLAN_NOT_MET);
	CHECK_INT(plan_action_status(nodata, 2), PLAN_NO_DATA);
	CHECK_INT(plan_action_status(nodata, 1), PLAN_NO_DATA);
}

static void test_overdue(void)
{
	/* Due 2023-01-31: overdue from 2023-02-01 unless met; on the day itself not yet. */
	CHECK_INT(plan_overdue("2023-01-31", "2023-02-01", PLAN_NOT_MET), 1);
	CHECK_INT(plan_overdue("2023-01-31", "2025-06-30", PLAN_IMPROVING), 1);
	CHECK_INT(plan_overdue("2023-01-31", "2025-06-30", PLAN_NO_DATA), 1);
	CHECK_INT(plan_overdue("2023-01-31", "2025-06-30", PLAN_NOT_MEASURABLE), 1);
	CHECK_INT(plan_overdue("2023-01-31", "2025-06-30", PLAN_MET), 0);
	CHECK_INT(plan_overdue("2023-01-31", "2023-01-31", PLAN_NOT_MET), 0);
	CHECK_INT(plan_overdue("2023-01-31", "2022-12-31", PLAN_NOT_MET), 0);
	CHECK_INT(plan_overdue("", "2025-06-30", PLAN_NOT_MET), 0);
	CHECK_INT(plan_overdue(NULL, "2025-06-30", PLAN_NOT_MET), 0);
}

static void test_names(void)
{
	enum plan_comparison c;
	CHECK_STR(plan_status_name(PLAN_MET), "met");
	CHECK_STR(plan_status_name(PLAN_IMPROVING), "improving");
	CHECK_STR(plan_status_name(PLAN_NOT_MET), "not_met");
	CHECK_STR(plan_status_name(PLAN_NO_DATA), "no_data");
	CHECK_STR(plan_status_name(PLAN_NOT_MEASURABLE), "not_measurable");
	CHECK_INT(plan_comparison_parse("rise", &c), 0);
	CHECK_INT(c, PLAN_RISE);
	CHECK_INT(plan_comparison_parse("at_most", &c), 0);
	CHECK_INT(c, PLAN_AT_MOST);
	CHECK_INT(plan_comparison_parse("more", &c), -1);
}

int main(void)
{
	RUN(test_seeded_actions);
	RUN(test_at_least);
	RUN(test_rise);
	RUN(test_action_status);
	RUN(test_overdue);
	RUN(test_names);
	return check_summary();
}
