/* Unit tests for the disclosure control of published reports (disclose_suppress). */
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "check.h"
#include "disclose.h"
#include "publish.h"

static struct taxonomy *tx;

/* A dimension of the five ethnic groups with the counts N[5] and the bme group. */
static struct compare_dimension five(const double *n)
{
	static const char *codes[] = { "asian", "black", "mixed", "white", "other" };
	static struct compare_category cats[5], groups[1];
	struct compare_dimension d = { 0 };
	d.name = "ethnicity";
	d.compared = 1;
	for (int k = 0; k < 5; k++) {
		cats[k] = (struct compare_category){ 0 };
		cats[k].code = (char *)codes[k];
		cats[k].n = n[k];
		cats[k].age_min = cats[k].age_max = -1;
		cats[k].population = 1000;
	}
	groups[0] = (struct compare_category){ 0 };
	groups[0].code = "bme";
	groups[0].definition = "every ethnic group except White";
	groups[0].age_min = groups[0].age_max = -1;
	groups[0].n = n[0] + n[1] + n[2] + n[4];
	d.cats = cats;
	d.ncats = 5;
	d.groups = groups;
	d.ngroups = 1;
	return d;
}

static void test_nothing_small(void)
{
	double n[] = { 20, 15, 12, 900, 10 };
	struct compare_dimension d = five(n);
	enum disclose_cell cats[5], groups[1];
	disclose_suppress(&d, tx, 5, cats, groups, NULL);
	for (int k = 0; k < 5; k++)
		CHECK_INT(cats[k], CELL_SHOWN);
	CHECK_INT(groups[0], CELL_SHOWN);
}

static void test_lone_small_cell(void)
{
	/* other = 3 is small; bme (shown, 38) minus asian, black, mixed would give it away,
	 * so the smallest other member of bme (mixed, 8) is withheld too. */
	double n[] = { 15, 12, 8, 900, 3 };
	struct compare_dimension d = five(n);
	enum disclose_cell cats[5], groups[1];
	disclose_suppress(&d, tx, 5, cats, groups, NULL);
	CHECK_INT(cats[4], CELL_SMALL);
	CHECK_INT(cats[2], CELL_WITHHELD);
	CHECK_INT(cats[0], CELL_SHOWN);
	CHECK_INT(cats[1], CELL_SHOWN);
	CHECK_INT(cats[3], CELL_SHOWN);
	CHECK_INT(groups[0], CELL_SHOWN);
}

static void test_two_small_cells(void)
{
	/* Two small cells protect each other: nothing more is withheld. */
	double n[] = { 15, 4, 8, 900, 3 };
	struct compare_dimension d = five(n);
	enum disclose_cell cats[5], groups[1];
	disclose_suppress(&d, tx, 5, cats, groups, NULL);
	CHECK_INT(cats[1], CELL_SMALL);
	CHECK_INT(cats[4], CELL_SMALL);
	CHECK_INT(cats[0], CELL_SHOWN);
	CHECK_INT(cats[2], CELL_SHOWN);
}

static void test_zero_and_off(void)
{
	/* A zero is shown (it names no one); threshold 0 withholds nothing. */
	double n[] = { 0, 2, 8, 900, 0 };
	struct compare_dimension d = five(n);
	enum disclose_cell cats[5], groups[1];
	disclose_suppress(&d, tx, 5, cats, groups, NULL);
	CHECK_INT(cats[0], CELL_SHOWN);
	CHECK_INT(cats[1], CELL_SMALL);
	CHECK_INT(cats[2], CELL_WITHHELD);
	disclose_suppress(&d, tx, 0, cats, groups, NULL);
	CHECK_INT(cats[1], CELL_SHOWN);
	CHECK_INT(groups[0], CELL_SHOWN);
}

static void test_rounded(void)
{
	/*
	 * Counts rounded to 5. True counts 23, 23, 3, 3, 0 and nothing missing:
	 * 52 responses, shown as 50 (48 to 52). Shown 25, 25, 5, 5, 0 stand for
	 * at least 23 + 23 + 3 + 3 = 52: only the true counts agree, every one
	 * given away, so the smallest count above 0 (mixed, 5) is withheld. Its
	 * range is then 0 to 3 and asian's 23 to 26.
	 */
	double n[] = { 25, 25, 5, 5, 0 };
	struct compare_dimension d = five(n);
	d.rounding = 5;
	d.responses = 50;
	enum disclose_cell cats[5], groups[1], extras[DISCLOSE_EXTRAS];
	CHECK_INT(disclose_suppress(&d, tx, 0, cats, groups, extras), 1);
	CHECK_INT(cats[2], CELL_WITHHELD);
	CHECK_INT(cats[0], CELL_SHOWN);
	CHECK_INT(cats[1], CELL_SHOWN);
	CHECK_INT(cats[3], CELL_SHOWN);
	CHECK_INT(cats[4], CELL_SHOWN);
	for (int e = 0; e < DISCLOSE_EXTRAS; e++)
		CHECK_INT(extras[e], CELL_SHOWN);
	/* 55 responses (53 to 57): the parts reach from 52 to 78, nothing is pinned, nothing withheld. */
	d.responses = 55;
	CHECK_INT(disclose_suppress(&d, tx, 0, cats, groups, extras), 0);
	/* Counts exact and control off: nothing withheld, whatever the totals. */
	d.rounding = 0;
	d.responses = 50;
	CHECK_INT(disclose_suppress(&d, tx, 0, cats, groups, extras), 0);
}

/* A chart's file is named from codes only: a slug that climbs out of the folder names none. */
static void test_chart_file_names(void)
{
	struct buf path = { 0 };
	struct reach_error err = { 0 };
	CHECK_INT(chart_file(&path, "charts", "png", &err, "parking-2018", "age", "shares", (char *)NULL), 0);
	CHECK_STR(path.data, "charts/parking-2018-age-shares.png");
	CHECK_INT(chart_file(&path, "it's here", "svg", &err, "trend", "age", "75+", (char *)NULL), 0);
	CHECK_STR(path.data, "it's here/trend-age-75+.svg");
	CHECK_INT(chart_file(&path, "charts", "png", &err, "../../escape", "age", (char *)NULL), -1);
	CHECK(strstr(err.msg, "\"../../escape\" cannot name a chart's file") != NULL);
	CHECK_INT(chart_file(&path, "charts", "png", &err, "a", "white/british", (char *)NULL), -1);
	buf_free(&path);
}

int main(void)
{
	struct reach_error err = { 0 };
	tx = tag_load(NULL, &err);
	if (!tx) {
		fprintf(stderr, "%s\n", err.msg);
		return 1;
	}
	RUN(test_chart_file_names);
	RUN(test_nothing_small);
	RUN(test_lone_small_cell);
	RUN(test_two_small_cells);
	RUN(test_zero_and_off);
	RUN(test_rounded);
	tag_free(tx);
	return check_summary();
}
