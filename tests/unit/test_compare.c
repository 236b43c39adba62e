/*
 * test_compare.c — unit tests of the comparison's helpers (compare_run.h):
 * reading the age bands of a seed table, which must refuse a row that is
 * not an age rather than carry on with an unset number; reading the
 * categories again with hidden p-values taken as 1 (compare_adjust_without);
 * and the shortfall in whole responses.
 */
#include "check.h"
#include "compare_run.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* Writes TEXT to a new temporary file and reads it as a table; NULL on failure. */
static struct table *table_of(const char *text)
{
	char path[] = "/tmp/reach-test-compare-XXXXXX";
	int fd = mkstemp(path);
	if (fd < 0)
		return NULL;
	FILE *fp = fdopen(fd, "w");
	fputs(text, fp);
	fclose(fp);
	struct reach_error err = { 0 };
	struct table *tb = table_file(path, &err);
	unlink(path);
	return tb;
}

/* The bands of TEXT's rows; the first bad row's message in ERR. */
static int bands_of(const char *text, struct age_band **bands, struct reach_error *err)
{
	struct table *tb = table_of(text);
	int rc = tb ? compare_table_bands(tb, bands, err) : -2;
	table_free(tb);
	return rc;
}

static void test_table_bands(void)
{
	struct reach_error err = { 0 };
	struct age_band *bands = NULL;
	CHECK_INT(bands_of("code,min_age,max_age\na,18,24\nb,75,\n", &bands, &err), 0);
	CHECK(bands != NULL);
	if (bands) {
		CHECK_INT(bands[0].lo, 18);
		CHECK_INT(bands[0].hi, 24);
		CHECK_INT(bands[1].lo, 75);
		CHECK_INT(bands[1].hi, TAG_AGE_OPEN);
	}
	free(bands);
	/* Line 3 of the file (the header is line 1): refused rather than read as an unset number. */
	CHECK_INT(bands_of("code,min_age,max_age\na,18,24\nc,sixteen,24\n", &bands, &err), -1);
	CHECK(bands == NULL);
	CHECK_INT(err.code, REACH_EDATA);
	CHECK(strstr(err.msg, ":3: min_age \"sixteen\" is not an age from 0 to 130") != NULL);
	err = (struct reach_error){ 0 };
	CHECK_INT(bands_of("code,min_age,max_age\nd,30,twenty\n", &bands, &err), -1);
	CHECK(strstr(err.msg, ":2: max_age \"twenty\" is not an age from min_age (30) to 130") != NULL);
	CHECK_INT(bands_of("code,min_age,max_age\ne,40,30\n", &bands, &err), -1);
	CHECK(strstr(err.msg, ":2: max_age \"30\" is not an age from min_age (40) to 130") != NULL);
	CHECK_INT(bands_of("code,min_age,max_age\nf,131,\n", &bands, &err), -1);
	CHECK(strstr(err.msg, ":2: min_age \"131\" is not an age from 0 to 130") != NULL);
}

/* A category (GROUP: a roll-up with ONLY answers naming the group alone) of N answers at residents' share Q. */
static struct compare_category category(double n, double q, int group, double only)
{
	struct compare_category c = { 0 };
	c.code = "x";
	c.definition = group ? "a group" : NULL;
	c.n = n;
	c.only_group = only;
	c.st.population_share = q;
	return c;
}

static void test_shortfall(void)
{
	struct compare_dimension d = { 0 };
	d.known = 100;
	/* By hand: 10 of 100 at share 0.2: parity (20 - 10) / 0.8 = 12.5, so 13 responses;
	 * the 0.8 line (16 - 10) / 0.84 = 7.14, so 8. */
	struct compare_category c = category(10, 0.2, 0, 0);
	CHECK(compare_shortfall(&d, &c, 1.0) == 13);
	CHECK(compare_shortfall(&d, &c, 0.8) == 8);
	/* Already over the line, or exactly at it: none needed, a plain 0 (not -0). */
	c = category(30, 0.2, 0, 0);
	CHECK(compare_shortfall(&d, &c, 0.8) == 0);
	c = category(20, 0.2, 0, 0);
	CHECK(compare_shortfall(&d, &c, 1.0) == 0 && !signbit(compare_shortfall(&d, &c, 1.0)));
	/* By hand: 2 of 11 at share 0.4: (4.4 - 2) / 0.6 = 4 exactly, which floating point
	 * makes 4.000000000000001: still 4 responses, not 5. */
	d.known = 11;
	c = category(2, 0.4, 0, 0);
	CHECK(compare_shortfall(&d, &c, 1.0) == 4);
	/* A group's base holds the answers naming only the group: 15 of 95 + 5 = 100 at 0.2,
	 * parity (20 - 15) / 0.8 = 6.25, so 7 (on 95 alone it would be 5). */
	d.known = 95;
	c = category(15, 0.2, 1, 5);
	CHECK(compare_shortfall(&d, &c, 1.0) == 7);
	/* No census share: no shortfall. */
	c = category(15, NAN, 0, 0);
	CHECK(isnan(compare_shortfall(&d, &c, 1.0)));
}

/* compare_adjust_without's test: the first category is hidden. */
static int first_hidden(const struct compare_dimension *d, const struct compare_category *cat, void *arg)
{
	(void)arg;
	return cat == &d->cats[0];
}

/*
 * Three categories with p-values of parity HIDDEN_P, 0.02 and 0.03, ratios
 * below 1 with intervals that cannot tell alone, adjusted by Holm with the
 * first hidden. By hand, Holm on {1, 0.02, 0.03}: 0.02 * 3 = 0.06, then
 * max(0.06, 0.03 * 2 = 0.06) = 0.06: both shown categories read 0.06,
 * whatever the hidden p-value. On the true {0.001, 0.02, 0.03} they would
 * read 0.04 and 0.04 (below 0.05), and on {0.5, 0.02, 0.03} 0.06: the
 * hidden count would show through.
 */
static void adjust_hiding_first(double hidden_p, double *p1, double *p2, enum stats_evidence *e1)
{
	struct compare_category cats[3] = { { 0 } };
	struct compare_dimension d = { 0 };
	struct compare c = { 0 };
	double p[3] = { hidden_p, 0.02, 0.03 };
	for (int k = 0; k < 3; k++) {
		cats[k].st.ratio = (struct stats_interval){ 0.7, 0.45, 1.05 };
		cats[k].st.expected = 20;
		cats[k].st.p_value = cats[k].st.p_adjusted = p[k];
	}
	d.compared = 1;
	d.warning = COMPARE_SHOWN;
	d.cats = cats;
	d.ncats = 3;
	c.dims = &d;
	c.ndims = 1;
	c.adjust = STATS_ADJUST_HOLM;
	c.comparisons = 3;
	c.confidence = 0.95;
	compare_adjust_without(&c, first_hidden, NULL);
	*p1 = cats[1].st.p_adjusted;
	*p2 = cats[2].st.p_adjusted;
	*e1 = cats[1].st.evidence;
}

static void test_adjust_without_hidden(void)
{
	double a1, a2, b1, b2;
	enum stats_evidence ea, eb;
	adjust_hiding_first(0.001, &a1, &a2, &ea);
	adjust_hiding_first(0.5, &b1, &b2, &eb);
	CHECK(fabs(a1 - 0.06) < 1e-12 && fabs(a2 - 0.06) < 1e-12);
	CHECK(a1 == b1 && a2 == b2);
	CHECK_INT(ea, STATS_EVIDENCE_UNCLEAR);
	CHECK_INT(eb, STATS_EVIDENCE_UNCLEAR);
}

int main(void)
{
	RUN(test_table_bands);
	RUN(test_shortfall);
	RUN(test_adjust_without_hidden);
	return check_summary();
}
