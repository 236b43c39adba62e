/*
 * test_stats.c — unit tests of src/stats.c against reference values from R.
 *
 * Every expected number was computed outside reach, in R 4.2.2 with the
 * survey package 4.1-1, or by hand; the R commands or the arithmetic are
 * written beside the values so that anyone can check them again. Closed forms are compared to a relative
 * tolerance of 1e-9, iterative results (raking) to 1e-7, and Monte Carlo
 * p-values to 4 Monte Carlo standard errors.
 */
#include "check.h"
#include "stats.h"

#include <math.h>

/* Relative comparison: |got - want| <= rel * |want| (exact when want is 0). */
#define CHECK_REL(got, want, rel) CHECK_NEAR(got, want, (rel) * fabs((double)(want)))
#define TIGHT 1e-9
#define RAKED 1e-7

static void test_wilson(void)
{
	struct stats_interval ci;

	/* R: prop.test(37, 120, correct=FALSE)$conf.int → 0.232727369889163 0.395829977238007 */
	CHECK_INT(stats_wilson(37, 120, 0.95, &ci), STATS_OK);
	CHECK_REL(ci.estimate, 37.0 / 120.0, TIGHT);
	CHECK_REL(ci.lower, 0.232727369889163, TIGHT);
	CHECK_REL(ci.upper, 0.395829977238007, TIGHT);

	/* R: prop.test(0, 20, correct=FALSE)$conf.int → 0 0.161125158052819 */
	CHECK_INT(stats_wilson(0, 20, STATS_CONFIDENCE_DEFAULT, &ci), STATS_OK);
	CHECK(ci.lower == 0.0);
	CHECK_REL(ci.upper, 0.161125158052819, TIGHT);

	/* R: prop.test(20, 20, correct=FALSE)$conf.int → 0.838874841947181 1 */
	CHECK_INT(stats_wilson(20, 20, 0.95, &ci), STATS_OK);
	CHECK_REL(ci.lower, 0.838874841947181, TIGHT);
	CHECK(ci.upper == 1.0);

	/* R: prop.test(3, 7, conf.level=0.90, correct=FALSE)$conf.int → 0.186443190363956 0.710522908986407 */
	CHECK_INT(stats_wilson(3, 7, 0.90, &ci), STATS_OK);
	CHECK_REL(ci.lower, 0.186443190363956, TIGHT);
	CHECK_REL(ci.upper, 0.710522908986407, TIGHT);

	/* n = 0 (everyone declined): undefined, not an error */
	CHECK_INT(stats_wilson(0, 0, 0.95, &ci), STATS_OK);
	CHECK(isnan(ci.estimate) && isnan(ci.lower) && isnan(ci.upper));

	CHECK_INT(stats_wilson(5, 4, 0.95, &ci), STATS_EINVAL);
	CHECK(isnan(ci.lower));
	CHECK_INT(stats_wilson(-1, 4, 0.95, &ci), STATS_EINVAL);
	CHECK_INT(stats_wilson(1, 4, 1.0, &ci), STATS_EINVAL);
	CHECK_INT(stats_wilson(1, 4, 0.0, &ci), STATS_EINVAL);
	CHECK_INT(stats_wilson(NAN, 4, 0.95, &ci), STATS_EINVAL);
	CHECK_INT(stats_wilson(1, 4, 0.95, NULL), STATS_EINVAL);
}

static void test_representation_ratio(void)
{
	struct stats_interval rr;

	/*
	 * R: (37/120)/0.25 → 1.23333333333333
	 *    prop.test(37, 120, correct=FALSE)$conf.int / 0.25 → 0.930909479556652 1.583319908952027
	 */
	CHECK_INT(stats_representation_ratio(37, 120, 0.25, 0.95, &rr), STATS_OK);
	CHECK_REL(rr.estimate, 1.23333333333333, TIGHT);
	CHECK_REL(rr.lower, 0.930909479556652, TIGHT);
	CHECK_REL(rr.upper, 1.583319908952027, TIGHT);

	/* q = 0: no ratio */
	CHECK_INT(stats_representation_ratio(37, 120, 0.0, 0.95, &rr), STATS_OK);
	CHECK(isnan(rr.estimate) && isnan(rr.lower) && isnan(rr.upper));
	/* n_known = 0 */
	CHECK_INT(stats_representation_ratio(0, 0, 0.25, 0.95, &rr), STATS_OK);
	CHECK(isnan(rr.estimate) && isnan(rr.upper));

	CHECK_INT(stats_representation_ratio(37, 120, -0.1, 0.95, &rr), STATS_EINVAL);
	CHECK_INT(stats_representation_ratio(37, 120, 1.5, 0.95, &rr), STATS_EINVAL);
	CHECK_INT(stats_representation_ratio(37, 120, NAN, 0.95, &rr), STATS_EINVAL);
}

static void test_rate_per_1000(void)
{
	/* R: 1000*37/5120 → 7.2265625 */
	CHECK_REL(stats_rate_per_1000(37, 5120), 7.2265625, TIGHT);
	CHECK(stats_rate_per_1000(0, 5120) == 0.0);
	CHECK(isnan(stats_rate_per_1000(3, 0)));
	CHECK(isnan(stats_rate_per_1000(-3, 100)));
	CHECK(isnan(stats_rate_per_1000(3, NAN)));
}

static void test_shortfall(void)
{
	/*
	 * By hand: 10 of 100 answers at share 0.2. Parity: (0.2 * 100 - 10) / (1 - 0.2)
	 * = 12.5, and (10 + 12.5) / (100 + 12.5) = 0.2. The 0.8 line: target share
	 * 0.16, (16 - 10) / 0.84 = 7.142857142857143.
	 */
	CHECK_REL(stats_shortfall(10, 100, 0.2, 1.0), 12.5, TIGHT);
	CHECK_REL(stats_shortfall(10, 100, 0.2, 0.8), 7.142857142857143, TIGHT);
	/* By hand: none of 60 at share 0.05, parity: 3 / 0.95 = 3.157894736842105. */
	CHECK_REL(stats_shortfall(0, 60, 0.05, 1.0), 3.157894736842105, TIGHT);
	/* Already at or over the target: nothing more needed. */
	CHECK(stats_shortfall(20, 100, 0.2, 1.0) == 0.0);
	CHECK(stats_shortfall(30, 100, 0.2, 0.8) == 0.0);
	/* Undefined: no answers, a target share of 1 or more, bad arguments. */
	CHECK(isnan(stats_shortfall(0, 0, 0.2, 1.0)));
	CHECK(isnan(stats_shortfall(10, 100, 1.0, 1.0)));
	CHECK(isnan(stats_shortfall(10, 100, 0.9, 1.2)));
	CHECK(isnan(stats_shortfall(101, 100, 0.2, 1.0)));
	CHECK(isnan(stats_shortfall(-1, 100, 0.2, 1.0)));
	CHECK(isnan(stats_shortfall(10, 100, NAN, 1.0)));
}

/* The reading of n_k of n_known at share q, unadjusted, from stats_representation_ratio. */
static enum stats_flag flag_for(double n_k, double n_known, double q)
{
	struct stats_interval rr;
	CHECK_INT(stats_representation_ratio(n_k, n_known, q, 0.95, &rr), STATS_OK);
	return stats_flag_category(n_known * q, &rr, NAN, 0.95);
}

static void test_readings(void)
{
	/*
	 * The intervals deciding each reading, from tests/reference/readings.R
	 * (its output in tests/reference/readings.out): ratio (interval),
	 * expected count, size band, evidence.
	 *   6 of 138, q 0.1:    0.434783 (0.200765-0.916078) 13.8  under_half, below → far_below
	 *   5 of 600, q 0.05:   0.166667 (0.071292-0.387155) 30    under_half, below → far_below
	 *   30 of 400, q 0.15:  0.5      (0.353585-0.700318) 60    below_four_fifths (0.5 is in it), below → below
	 *   12 of 100, q 0.16:  0.75     (0.437463-1.238256) 16    below_four_fifths, unclear → unclear_below
	 *   80 of 200, q 0.2:   2        (1.673029-2.345816) 40    over, above → above
	 *   50 of 200, q 0.25:  1        (0.780327-1.257364) 50    near_parity, unclear → no_clear
	 *       (reaches over 1.25 but not under 0.5: the interval can tell)
	 *   12 of 40, q 0.1:    3        (1.807485-4.543002) 4     over, above → above (expected 4 is enough)
	 *   9 of 30, q 0.5:     0.6      (0.333295-0.957516) 15    below_four_fifths, below → below
	 *   0 of 200, q 0.2:    0        (0-0.094227)        40    under_half, below → far_below
	 *   1 of 10, q 0.1:     1        (0.178762-4.041500) 1     under 0.5 to over 1.25 → low_n
	 *   850 of 10000, q .1: 0.85     (0.796921-0.906266) 1000  near_parity, below → slightly_below
	 *   1100 of 10000, q .1: 1.1     (1.040166-1.162829) 1000  near_parity, above → slightly_above
	 *   15 of 100, q 0.1:   1.5      (0.930599-2.328356) 10    over, unclear → unclear_above
	 *   20 of 200, q 0:     no ratio, expected 0 → low_n
	 */
	CHECK_INT(flag_for(6, 138, 0.1), STATS_FLAG_FAR_BELOW);
	CHECK_INT(flag_for(5, 600, 0.05), STATS_FLAG_FAR_BELOW);
	CHECK_INT(flag_for(30, 400, 0.15), STATS_FLAG_BELOW);
	CHECK_INT(flag_for(12, 100, 0.16), STATS_FLAG_UNCLEAR_BELOW);
	CHECK_INT(flag_for(80, 200, 0.2), STATS_FLAG_ABOVE);
	CHECK_INT(flag_for(50, 200, 0.25), STATS_FLAG_NO_CLEAR);
	CHECK_INT(flag_for(12, 40, 0.1), STATS_FLAG_ABOVE);
	CHECK_INT(flag_for(9, 30, 0.5), STATS_FLAG_BELOW);
	CHECK_INT(flag_for(0, 200, 0.2), STATS_FLAG_FAR_BELOW);
	CHECK_INT(flag_for(1, 10, 0.1), STATS_FLAG_LOW_N);
	CHECK_INT(flag_for(850, 10000, 0.1), STATS_FLAG_SLIGHTLY_BELOW);
	CHECK_INT(flag_for(1100, 10000, 0.1), STATS_FLAG_SLIGHTLY_ABOVE);
	CHECK_INT(flag_for(15, 100, 0.1), STATS_FLAG_UNCLEAR_ABOVE);
	CHECK_INT(flag_for(20, 200, 0.0), STATS_FLAG_LOW_N);
	CHECK_INT(flag_for(0, 0, 0.2), STATS_FLAG_LOW_N);     /* n_known = 0 */
	CHECK_INT(stats_flag_category(20, NULL, NAN, 0.95), STATS_FLAG_LOW_N);
	CHECK_INT(stats_flag_category(NAN, &(struct stats_interval){ 1, 0.9, 1.1 }, NAN, 0.95), STATS_FLAG_LOW_N);

	/* The bands' edges, on unrounded values (policy.h): 0.5 and 0.8 open below, 1.25 closed. */
	CHECK_INT(stats_size_of(0.4999999), STATS_SIZE_UNDER_HALF);
	CHECK_INT(stats_size_of(0.5), STATS_SIZE_BELOW_FOUR_FIFTHS);
	CHECK_INT(stats_size_of(0.7984), STATS_SIZE_BELOW_FOUR_FIFTHS);   /* though it rounds to 0.80 */
	CHECK_INT(stats_size_of(0.8), STATS_SIZE_NEAR_PARITY);
	CHECK_INT(stats_size_of(1.25), STATS_SIZE_NEAR_PARITY);
	CHECK_INT(stats_size_of(1.2500001), STATS_SIZE_OVER);
	CHECK_INT(stats_size_of(NAN), STATS_SIZE_UNKNOWN);
	/* An upper end of 0.9996 excludes 1, though it rounds to 1.00 (emit_interval prints it so). */
	struct stats_interval close = { 0.9, 0.8, 0.9996 };
	CHECK_INT(stats_evidence_of(&close, NAN, 0.95), STATS_EVIDENCE_BELOW);
	/* Adjusted: the interval excludes 1, but an adjusted p of 0.1075 (Holm, below) does not clear 0.05. */
	CHECK_INT(stats_evidence_of(&close, 0.1075169788, 0.95), STATS_EVIDENCE_UNCLEAR);
	CHECK_INT(stats_evidence_of(&close, 0.04300679152, 0.95), STATS_EVIDENCE_BELOW);
	/* ... and an adjusted p can never make evidence the interval does not show. */
	CHECK_INT(stats_evidence_of(&(struct stats_interval){ 0.9, 0.8, 1.01 }, 0.001, 0.95), STATS_EVIDENCE_UNCLEAR);
	CHECK_INT(stats_evidence_of(NULL, NAN, 0.95), STATS_EVIDENCE_UNCLEAR);

	CHECK_STR(stats_flag_name(STATS_FLAG_NO_CLEAR), "no_clear");
	CHECK_STR(stats_flag_name(STATS_FLAG_FAR_BELOW), "far_below");
	CHECK_STR(stats_flag_name(STATS_FLAG_SLIGHTLY_ABOVE), "slightly_above");
	CHECK_STR(stats_flag_name(STATS_FLAG_LOW_N), "low_n");
	CHECK_STR(stats_flag_name((enum stats_flag)42), "unknown");
}

static void test_parity_p(void)
{
	/* R: prop.test(k, n, p = q, correct = FALSE)$p.value (tests/reference/readings.R). */
	CHECK_REL(stats_parity_p(6, 138, 0.1), 0.0268792447, 1e-8);
	CHECK_REL(stats_parity_p(30, 400, 0.15), 2.659261855e-05, 1e-8);
	CHECK_REL(stats_parity_p(12, 100, 0.16), 0.2752335241, 1e-8);
	CHECK_REL(stats_parity_p(80, 200, 0.2), 1.537459794e-12, 1e-8);
	CHECK_REL(stats_parity_p(50, 200, 0.25), 1, 1e-8);
	CHECK_REL(stats_parity_p(0, 200, 0.2), 1.537459794e-12, 1e-8);
	CHECK_REL(stats_parity_p(15, 100, 0.1), 0.09558070455, 1e-8);
	CHECK_REL(stats_parity_p(850, 10000, 0.1), 5.733031438e-07, 1e-8);
	/* Undefined: no answers, no residents' share; q = 1 by hand (every answer must be in it). */
	CHECK(isnan(stats_parity_p(3, 0, 0.1)));
	CHECK(isnan(stats_parity_p(3, 10, 0)));
	CHECK(isnan(stats_parity_p(3, 10, NAN)));
	CHECK(isnan(stats_parity_p(11, 10, 0.5)));
	CHECK(stats_parity_p(10, 10, 1) == 1);
}

static void test_p_adjust(void)
{
	/* R: p.adjust(v, "holm") and p.adjust(v, "BH"), v the eight p-values above with an NA fourth. */
	double p[] = { 0.0268792447, 2.659261855e-05, 0.2752335241, NAN, 1.537459794e-12, 1, 1.537459794e-12,
		0.09558070455, 5.733031438e-07 };
	double holm[] = { 0.1075169788, 0.0001329630928, 0.5504670481, NAN, 1.229967836e-11, 1, 1.229967836e-11,
		0.2867421136, 3.439818863e-06 };
	double bh[] = { 0.04300679152, 5.31852371e-05, 0.3145525989, NAN, 6.149839178e-12, 1, 6.149839178e-12,
		0.1274409394, 1.528808383e-06 };
	double got[9];
	size_t n = sizeof p / sizeof *p;
	CHECK_INT(stats_p_adjust(p, n, STATS_ADJUST_HOLM, got), STATS_OK);
	for (size_t i = 0; i < n; i++)
		if (isnan(holm[i]))
			CHECK(isnan(got[i]));
		else
			CHECK_REL(got[i], holm[i], 1e-8);
	CHECK_INT(stats_p_adjust(p, n, STATS_ADJUST_BH, got), STATS_OK);
	for (size_t i = 0; i < n; i++)
		if (isnan(bh[i]))
			CHECK(isnan(got[i]));
		else
			CHECK_REL(got[i], bh[i], 1e-8);
	CHECK_INT(stats_p_adjust(p, n, STATS_ADJUST_NONE, got), STATS_OK);
	CHECK(got[0] == p[0] && isnan(got[3]) && got[8] == p[8]);

	/* Ties, in place: R p.adjust(c(0.01, 0.04, 0.04, 0.03, 0.5), "holm") → 0.05 0.12 0.12 0.12 0.5, "BH" → 0.05 x4, 0.5. */
	double t[] = { 0.01, 0.04, 0.04, 0.03, 0.5 };
	CHECK_INT(stats_p_adjust(t, 5, STATS_ADJUST_HOLM, t), STATS_OK);
	CHECK_REL(t[0], 0.05, TIGHT);
	CHECK_REL(t[1], 0.12, TIGHT);
	CHECK_REL(t[2], 0.12, TIGHT);
	CHECK_REL(t[3], 0.12, TIGHT);
	CHECK_REL(t[4], 0.5, TIGHT);
	double u[] = { 0.01, 0.04, 0.04, 0.03, 0.5 };
	CHECK_INT(stats_p_adjust(u, 5, STATS_ADJUST_BH, u), STATS_OK);
	CHECK_REL(u[0], 0.05, TIGHT);
	CHECK_REL(u[3], 0.05, TIGHT);
	CHECK_REL(u[4], 0.5, TIGHT);

	CHECK_INT(stats_p_adjust(NULL, 0, STATS_ADJUST_HOLM, NULL), STATS_OK);
	CHECK_INT(stats_p_adjust(NULL, 2, STATS_ADJUST_HOLM, got), STATS_EINVAL);
	CHECK_INT(stats_p_adjust((double[]){ 1.5 }, 1, STATS_ADJUST_HOLM, got), STATS_EINVAL);
	CHECK_INT(stats_p_adjust(p, n, (enum stats_adjust)9, got), STATS_EINVAL);
}

static void test_category(void)
{
	struct stats_category c;

	/*
	 * 37 of 120 known answers; 5,120 of 20,480 residents (q = 0.25).
	 * R: prop.test(37, 120, correct=FALSE)$conf.int → 0.232727369889163 0.395829977238007
	 *    and divided by 0.25 → 0.930909479556652 1.583319908952027; 1000*37/5120 → 7.2265625
	 */
	CHECK_INT(stats_category(37, 120, 5120, 20480, 0.95, &c), STATS_OK);
	CHECK_REL(c.share.estimate, 37.0 / 120.0, TIGHT);
	CHECK_REL(c.share.lower, 0.232727369889163, TIGHT);
	CHECK_REL(c.share.upper, 0.395829977238007, TIGHT);
	CHECK_REL(c.population_share, 0.25, TIGHT);
	CHECK_REL(c.ratio.estimate, 1.23333333333333, TIGHT);
	CHECK_REL(c.ratio.lower, 0.930909479556652, TIGHT);
	CHECK_REL(c.ratio.upper, 1.583319908952027, TIGHT);
	CHECK_REL(c.rate_per_1000, 7.2265625, TIGHT);
	CHECK_REL(c.expected, 30.0, TIGHT);
	CHECK_INT(c.flag, STATS_FLAG_NO_CLEAR);
	CHECK_INT(c.evidence, STATS_EVIDENCE_UNCLEAR);
	CHECK_INT(c.size, STATS_SIZE_NEAR_PARITY);
	/* R: prop.test(37, 120, p = 0.25, correct = FALSE)$p.value → 0.1400165032 (z = 7 / sqrt(22.5) = 1.47573) */
	CHECK_REL(c.p_value, 0.1400165032, 1e-8);
	CHECK(c.p_adjusted == c.p_value);

	/*
	 * Zero respondents where 30 were expected: share 0, RR 0, and an interval
	 * wholly below 1 (upper 3.8415 / 123.8415 / 0.25 = 0.1241): far below.
	 */
	CHECK_INT(stats_category(0, 120, 5120, 20480, 0.95, &c), STATS_OK);
	CHECK(c.share.estimate == 0.0 && c.share.lower == 0.0);
	CHECK(c.ratio.estimate == 0.0);
	CHECK(c.rate_per_1000 == 0.0);
	CHECK_INT(c.flag, STATS_FLAG_FAR_BELOW);
	CHECK_INT(c.evidence, STATS_EVIDENCE_BELOW);
	CHECK_INT(c.size, STATS_SIZE_UNDER_HALF);
	/*
	 * Read again with a p-value adjusted across a report: an adjusted p of
	 * 0.5 is not under 1 - 0.95, so the evidence is unclear although the
	 * interval lies below 1; the size stays under a half (hand reasoning from
	 * the rule in stats.h), and the adjusted p is kept.
	 */
	stats_category_read(&c, 0.5, 0.95);
	CHECK_INT(c.evidence, STATS_EVIDENCE_UNCLEAR);
	CHECK_INT(c.size, STATS_SIZE_UNDER_HALF);
	CHECK(c.p_adjusted == 0.5);

	/* zero population in the group: no RR, no rate */
	CHECK_INT(stats_category(4, 120, 0, 20480, 0.95, &c), STATS_OK);
	CHECK(c.population_share == 0.0);
	CHECK(isnan(c.ratio.estimate) && isnan(c.ratio.upper));
	CHECK(isnan(c.rate_per_1000));
	CHECK_INT(c.flag, STATS_FLAG_LOW_N);

	/* all answers declined: n_known = 0 */
	CHECK_INT(stats_category(0, 0, 5120, 20480, 0.95, &c), STATS_OK);
	CHECK(isnan(c.share.estimate) && isnan(c.share.lower) && isnan(c.share.upper));
	CHECK(isnan(c.ratio.estimate));
	CHECK(c.rate_per_1000 == 0.0);
	CHECK_INT(c.flag, STATS_FLAG_LOW_N);

	/* no population at all */
	CHECK_INT(stats_category(10, 120, 0, 0, 0.95, &c), STATS_OK);
	CHECK(isnan(c.population_share) && isnan(c.ratio.estimate));
	CHECK_INT(c.flag, STATS_FLAG_LOW_N);

	CHECK_INT(stats_category(130, 120, 5120, 20480, 0.95, &c), STATS_EINVAL);
	CHECK_INT(stats_category(37, 120, 30000, 20480, 0.95, &c), STATS_EINVAL);
	CHECK_INT(stats_category(37, 120, 5120, 20480, 1.5, &c), STATS_EINVAL);
	CHECK_INT(stats_category(37, 120, 5120, 20480, 0.95, NULL), STATS_EINVAL);
}

/*
 * For the closed-form chi-square results below, R:
 *   show <- function(t) cat(t$statistic, t$parameter, t$p.value,
 *       sqrt(t$statistic/sum(t$observed)), min(t$expected), "\n")
 */
static void test_chisq_closed(void)
{
	struct stats_chisq t;

	/* R: show(chisq.test(c(45, 30, 15, 10), p=c(0.4, 0.3, 0.2, 0.1)))
	 *    → 1.875 3 0.598751633067562 0.136930639376292 10 */
	long a[] = { 45, 30, 15, 10 };
	double qa[] = { 0.4, 0.3, 0.2, 0.1 };
	CHECK_INT(stats_chisq_gof(a, qa, 4, 1, 0, &t), STATS_OK);
	CHECK_REL(t.statistic, 1.875, TIGHT);
	CHECK_INT(t.df, 3);
	CHECK_REL(t.p_value, 0.598751633067562, TIGHT);
	CHECK_REL(t.effect_w, 0.136930639376292, TIGHT);
	CHECK_REL(t.min_expected, 10, TIGHT);
	CHECK_REL(t.n, 100, TIGHT);
	CHECK_INT(t.k_used, 4);
	CHECK_INT(t.simulated, 0);
	CHECK(isnan(t.p_simulated));
	CHECK_INT(t.draws, 0);

	/* a category with zero respondents.
	 * R: show(chisq.test(c(0, 40, 35, 25), p=c(0.1, 0.3, 0.3, 0.3)))
	 *    → 15 3 0.00181664896657232 0.387298334620742 10 */
	long b[] = { 0, 40, 35, 25 };
	double qb[] = { 0.1, 0.3, 0.3, 0.3 };
	CHECK_INT(stats_chisq_gof(b, qb, 4, 1, 0, &t), STATS_OK);
	CHECK_REL(t.statistic, 15, TIGHT);
	CHECK_INT(t.df, 3);
	CHECK_REL(t.p_value, 0.00181664896657232, TIGHT);
	CHECK_REL(t.effect_w, 0.387298334620742, TIGHT);

	/* a category with zero population share: left out with its 5 respondents.
	 * R: show(chisq.test(c(30, 20, 25), p=c(0.5, 0.25, 0.25)))
	 *    → 3.66666666666667 2 0.159879746079694 0.221108319357027 18.75 */
	long c[] = { 30, 5, 20, 25 };
	double qc[] = { 0.5, 0.0, 0.25, 0.25 };
	CHECK_INT(stats_chisq_gof(c, qc, 4, 1, 0, &t), STATS_OK);
	CHECK_REL(t.statistic, 3.66666666666667, TIGHT);
	CHECK_INT(t.df, 2);
	CHECK_REL(t.p_value, 0.159879746079694, TIGHT);
	CHECK_REL(t.effect_w, 0.221108319357027, TIGHT);
	CHECK_REL(t.min_expected, 18.75, TIGHT);
	CHECK_INT(t.n_excluded, 5);
	CHECK_INT(t.k_used, 3);
	CHECK_REL(t.n, 75, TIGHT);

	/* population counts instead of shares.
	 * R: show(chisq.test(c(300, 200, 250), p=c(5000, 2000, 2600), rescale.p=TRUE))
	 *    → 44.0923076923077 2 2.66364925716443e-10 0.242465963775833 156.25 */
	long d[] = { 300, 200, 250 };
	double qd[] = { 5000, 2000, 2600 };
	CHECK_INT(stats_chisq_gof(d, qd, 3, 1, 0, &t), STATS_OK);
	CHECK_REL(t.statistic, 44.0923076923077, TIGHT);
	CHECK_REL(t.p_value, 2.66364925716443e-10, 1e-6);
	CHECK_REL(t.effect_w, 0.242465963775833, TIGHT);
	CHECK_REL(t.min_expected, 156.25, TIGHT);
}

static void test_chisq_edges(void)
{
	struct stats_chisq t;

	/* one category only (R refuses: "'x' must at least have 2 elements"):
	 * X^2 = 0, df 0, p undefined, nothing simulated */
	long one[] = { 12 };
	double q1[] = { 1.0 };
	CHECK_INT(stats_chisq_gof(one, q1, 1, 1, 0, &t), STATS_OK);
	CHECK(t.statistic == 0.0);
	CHECK_INT(t.df, 0);
	CHECK(isnan(t.p_value));
	CHECK_INT(t.simulated, 0);

	/* several categories but only one with population */
	long two[] = { 12, 3 };
	double q2[] = { 1.0, 0.0 };
	CHECK_INT(stats_chisq_gof(two, q2, 2, 1, 0, &t), STATS_OK);
	CHECK_INT(t.df, 0);
	CHECK_INT(t.n_excluded, 3);
	CHECK(isnan(t.p_value));

	/* n = 0 (R refuses: "at least one entry of 'x' must be positive") */
	long none[] = { 0, 0, 0 };
	double q3[] = { 0.2, 0.3, 0.5 };
	CHECK_INT(stats_chisq_gof(none, q3, 3, 1, 0, &t), STATS_OK);
	CHECK(isnan(t.statistic) && isnan(t.p_value) && isnan(t.effect_w));
	CHECK_INT(t.df, 2);
	CHECK_INT(t.simulated, 0);

	/* no categories with population at all */
	double q0[] = { 0.0, 0.0, 0.0 };
	long some[] = { 1, 2, 3 };
	CHECK_INT(stats_chisq_gof(some, q0, 3, 1, 0, &t), STATS_OK);
	CHECK_INT(t.k_used, 0);
	CHECK_INT(t.n_excluded, 6);
	CHECK(isnan(t.p_value));

	long neg[] = { 1, -2 };
	CHECK_INT(stats_chisq_gof(neg, q2, 2, 1, 0, &t), STATS_EINVAL);
	double qneg[] = { 0.5, -0.5 };
	CHECK_INT(stats_chisq_gof(two, qneg, 2, 1, 0, &t), STATS_EINVAL);
	CHECK_INT(stats_chisq_gof(NULL, q2, 2, 1, 0, &t), STATS_EINVAL);
}

/* 4 Monte Carlo standard errors of a p-value from `draws` tables. */
static double mc_tolerance(double p, double draws)
{
	return 4.0 * sqrt(p * (1.0 - p) / draws);
}

static void test_chisq_monte_carlo(void)
{
	struct stats_chisq t;

	/*
	 * Tiny case, against the exact multinomial p-value. R:
	 *   x <- c(5, 0, 1); q <- c(0.5, 0.3, 0.2); n <- sum(x); E <- n*q
	 *   X2 <- function(o) sum((o - E)^2/E); obs <- X2(x); p <- 0
	 *   for (a in 0:n) for (b in 0:(n-a)) { o <- c(a, b, n-a-b)
	 *     if (X2(o) >= (1 - 64*.Machine$double.eps)*obs) p <- p + dmultinom(o, prob=q) }
	 *   cat(obs, p)  → 3.16666666666667 0.222475
	 *   show(chisq.test(x, p=q)) → 3.16666666666667 2 0.205289657579909 0.726483157256779 1.2
	 */
	long tiny[] = { 5, 0, 1 };
	double qt[] = { 0.5, 0.3, 0.2 };
	CHECK_INT(stats_chisq_gof(tiny, qt, 3, 20240601, 0, &t), STATS_OK);
	CHECK_REL(t.statistic, 3.16666666666667, TIGHT);
	CHECK_REL(t.p_value, 0.205289657579909, TIGHT);
	CHECK_REL(t.min_expected, 1.2, TIGHT);
	CHECK_INT(t.simulated, 1);
	CHECK_INT(t.draws, STATS_MC_MIN_DRAWS);
	CHECK_NEAR(t.p_simulated, 0.222475, mc_tolerance(0.222475, STATS_MC_MIN_DRAWS));

	/* the same seed gives the same p; fewer draws than the minimum are raised */
	struct stats_chisq again;
	CHECK_INT(stats_chisq_gof(tiny, qt, 3, 20240601, 10, &again), STATS_OK);
	CHECK_INT(again.draws, STATS_MC_MIN_DRAWS);
	CHECK(again.p_simulated == t.p_simulated);

	/*
	 * Against R's simulated p-value (1e6 draws); the tolerance is 4 standard
	 * errors of the difference of two independent Monte Carlo estimates. R:
	 *   x <- c(8, 2, 1, 0, 4); q <- c(.3, .25, .2, .15, .1)
	 *   show(chisq.test(x, p=q)) → 11.2888888888889 4 0.0235021502780572 0.867520946486362 1.5
	 *   set.seed(1); chisq.test(x, p=q, simulate.p.value=TRUE, B=1e6)$p.value → 0.0217929782070218
	 */
	long x[] = { 8, 2, 1, 0, 4 };
	double q[] = { 0.3, 0.25, 0.2, 0.15, 0.1 };
	double r_p = 0.0217929782070218, draws = 400000;
	CHECK_INT(stats_chisq_gof(x, q, 5, 7, (size_t)draws, &t), STATS_OK);
	CHECK_REL(t.statistic, 11.2888888888889, TIGHT);
	CHECK_INT(t.df, 4);
	CHECK_REL(t.p_value, 0.0235021502780572, TIGHT);
	CHECK_REL(t.effect_w, 0.867520946486362, TIGHT);
	CHECK_INT(t.simulated, 1);
	CHECK_INT(t.draws, 400000);
	CHECK_NEAR(t.p_simulated, r_p,
	    4.0 * sqrt(r_p * (1.0 - r_p) / draws + r_p * (1.0 - r_p) / 1e6));
}

/*
 * Why the report gives Cohen's w and not the coefficient of variation of the
 * response rates nor the variable-level partial R-indicator: they repeat w.
 * With n = sum n_k, N = sum N_k, p_k = n_k / n, q_k = N_k / N, the rate
 * rho_k = n_k / N_k and the overall rate rho-bar = n / N:
 *   rho_k / rho-bar = (n_k / n) / (N_k / N) = p_k / q_k, so
 *   CV^2 = sum q_k (rho_k - rho-bar)^2 / rho-bar^2 = sum q_k (p_k / q_k - 1)^2
 *        = sum (p_k - q_k)^2 / q_k = X^2 / n = w^2,
 *   partial R = sqrt(sum q_k (rho_k - rho-bar)^2) = rho-bar * CV = (n / N) * w,
 * which grows with the number of respondents while w does not.
 * By hand for n = (60, 25, 15), N = (5000, 4000, 1000): p = (.6, .25, .15),
 * q = (.5, .4, .1), w^2 = .1^2/.5 + .15^2/.4 + .05^2/.1 = .02 + .05625 + .025
 * = .10125, w = 0.318198051533946; rho-bar = 100 / 10000 = .01, partial R =
 * .00318198051533946. Doubling every n_k leaves w and doubles partial R.
 */
static void test_scores_repeat_w(void)
{
	long observed[] = { 60, 25, 15 }, doubled[] = { 120, 50, 30 };
	double population[] = { 5000, 4000, 1000 };
	struct stats_chisq t, t2;
	CHECK_INT(stats_chisq_gof(observed, population, 3, 1, 0, &t), STATS_OK);
	CHECK_INT(stats_chisq_gof(doubled, population, 3, 1, 0, &t2), STATS_OK);
	CHECK_REL(t.effect_w, 0.318198051533946, TIGHT);
	CHECK_REL(t2.effect_w, t.effect_w, TIGHT);
	for (int twice = 0; twice < 2; twice++) {
		const long *o = twice ? doubled : observed;
		double n = 0, pop = 0, variance = 0;
		for (size_t i = 0; i < 3; i++)
			n += (double)o[i], pop += population[i];
		for (size_t i = 0; i < 3; i++) {
			double gap = (double)o[i] / population[i] - n / pop;
			variance += population[i] / pop * gap * gap;
		}
		CHECK_REL(sqrt(variance) / (n / pop), t.effect_w, TIGHT);     /* CV of rates = w */
		CHECK_REL(sqrt(variance), n / pop * t.effect_w, TIGHT);       /* partial R = rho-bar * w */
	}
	CHECK_REL(sqrt(0.10125) * 0.01, 0.00318198051533946, TIGHT);
}

static void test_scores(void)
{
	struct stats_scores s;
	double partial[5];

	/*
	 * Group 4 has no respondents; group 5 has 5 respondents but no population
	 * (left out of the rate-based scores). R:
	 *   n <- c(120, 45, 30, 0, 5); N <- c(20000, 15000, 12000, 3000, 0)
	 *   p <- n/sum(n); q <- N/sum(N); ok <- N > 0; rate <- n[ok]/N[ok]; qo <- q[ok]
	 *   rbar <- sum(n[ok])/sum(N[ok])                    → 0.0039
	 *   min(rate)/max(rate)                              → 0
	 *   sum(pmin(p, q))                                  → 0.775
	 *   min(rate[n[ok] > 0])/max(rate)                   → 0.416666666666667
	 *     (by hand: rates .006, .003, .0025 and 0; .0025 / .006 = 5/12)
	 *   sqrt(qo)*abs(rate-rbar) → 0.00132815661727072 0.000492950301754649
	 *                             0.00068585712797929 0.000955300999685439
	 */
	double n[] = { 120, 45, 30, 0, 5 }, pop[] = { 20000, 15000, 12000, 3000, 0 };
	CHECK_INT(stats_scores(n, pop, 5, partial, &s), STATS_OK);
	CHECK_REL(s.overall_rate, 0.0039, TIGHT);
	CHECK(s.min_max_ratio == 0.0);
	CHECK_REL(s.proportional_similarity, 0.775, TIGHT);
	CHECK_REL(s.min_max_answered, 0.416666666666667, TIGHT);
	CHECK_INT(s.k_empty, 1);
	CHECK_REL(partial[0], 0.00132815661727072, TIGHT);
	CHECK_REL(partial[1], 0.000492950301754649, TIGHT);
	CHECK_REL(partial[2], 0.00068585712797929, TIGHT);
	CHECK_REL(partial[3], 0.000955300999685439, TIGHT);
	CHECK(isnan(partial[4]));
	CHECK_INT(s.k_used, 4);

	/*
	 * R: n <- c(60, 25, 15); N <- c(5000, 4000, 1000)
	 *    p <- n/sum(n); q <- N/sum(N); rate <- n/N; rbar <- sum(n)/sum(N)
	 *    min(rate)/max(rate) → 0.416666666666667; sum(pmin(p,q)) → 0.85
	 *    sqrt(q)*abs(rate-rbar) → 0.0014142135623731 0.00237170824512628 0.00158113883008419
	 */
	double n2[] = { 60, 25, 15 }, pop2[] = { 5000, 4000, 1000 };
	CHECK_INT(stats_scores(n2, pop2, 3, partial, &s), STATS_OK);
	CHECK_REL(s.min_max_ratio, 0.416666666666667, TIGHT);
	CHECK_REL(s.proportional_similarity, 0.85, TIGHT);
	CHECK_REL(s.min_max_answered, 0.416666666666667, TIGHT);
	CHECK_INT(s.k_empty, 0);
	CHECK_REL(partial[0], 0.0014142135623731, TIGHT);
	CHECK_REL(partial[1], 0.00237170824512628, TIGHT);
	CHECK_REL(partial[2], 0.00158113883008419, TIGHT);

	/* partial_r may be NULL */
	CHECK_INT(stats_scores(n2, pop2, 3, NULL, &s), STATS_OK);
	CHECK_REL(s.proportional_similarity, 0.85, TIGHT);

	/* nobody responded: everything undefined */
	double zero[] = { 0, 0, 0 };
	CHECK_INT(stats_scores(zero, pop2, 3, partial, &s), STATS_OK);
	CHECK(isnan(s.min_max_ratio) && isnan(s.proportional_similarity) && isnan(s.min_max_answered));
	CHECK(isnan(partial[1]));

	/* one group only: parity by construction */
	double n1[] = { 40 }, pop1[] = { 8000 };
	CHECK_INT(stats_scores(n1, pop1, 1, partial, &s), STATS_OK);
	CHECK_REL(s.min_max_ratio, 1.0, TIGHT);
	CHECK_REL(s.proportional_similarity, 1.0, TIGHT);
	CHECK(isnan(s.min_max_answered));
	CHECK(partial[0] == 0.0);

	/* respondents only where the census counts nobody: no rate to compare */
	double n3[] = { 0, 4 }, pop3[] = { 100, 0 };
	CHECK_INT(stats_scores(n3, pop3, 2, NULL, &s), STATS_OK);
	CHECK(isnan(s.min_max_answered) && isnan(s.min_max_ratio));

	double bad[] = { 1, -1, 2 };
	CHECK_INT(stats_scores(bad, pop2, 3, partial, &s), STATS_EINVAL);
	CHECK_INT(stats_scores(NULL, pop2, 3, partial, &s), STATS_EINVAL);
}

/*
 * Raking data: 12 cells of age (3 levels) x sex (2) x ethnic group (2) and
 * their respondents, plus a 13th cell of 7 respondents whose sex is missing.
 * R (the 13th cell is not in R's data: rule 1 leaves it out):
 *   library(survey)
 *   cells <- data.frame(age=c(0,0,0,0,1,1,1,1,2,2,2,2), sex=c(0,0,1,1,0,0,1,1,0,0,1,1),
 *                       eth=c(0,1,0,1,0,1,0,1,0,1,0,1), count=c(10,3,14,4,30,5,38,6,25,1,30,2))
 *   df <- cells[rep(seq_len(nrow(cells)), cells$count), ]; df$w0 <- 1
 *   d <- svydesign(ids=~1, weights=~w0, data=df)
 *   pop.age <- data.frame(age=c(0,1,2), Freq=c(30000,45000,25000))
 *   pop.sex <- data.frame(sex=c(0,1), Freq=c(49000,51000))
 *   pop.eth <- data.frame(eth=c(0,1), Freq=c(85000,15000))
 */
static const double rake_counts[] = { 10, 3, 14, 4, 30, 5, 38, 6, 25, 1, 30, 2, 7 };
static const long rake_levels[] = {
	0, 0, 0,  0, 0, 1,  0, 1, 0,  0, 1, 1,
	1, 0, 0,  1, 0, 1,  1, 1, 0,  1, 1, 1,
	2, 0, 0,  2, 0, 1,  2, 1, 0,  2, 1, 1,
	1, -1, 0
};

static void test_rake_uncapped(void)
{
	double age[] = { 30000, 45000, 25000 }, sex[] = { 49000, 51000 }, eth[] = { 85000, 15000 };
	struct stats_margin margins[] = { { 3, age }, { 2, sex }, { 2, eth } };
	struct stats_rake_options opt = stats_rake_defaults();
	struct stats_rake_result res;
	double w[13];

	/*
	 * R: r <- rake(d, list(~age, ~sex, ~eth), list(pop.age, pop.sex, pop.eth),
	 *              control=list(maxit=1000, epsilon=1e-13))
	 *    w <- weights(r); w[cumsum(cells$count)]
	 *    max(w)/mean(w) → 1.9088511409976 (so the cap of 5 is not reached)
	 *    length(w)*sum(w^2)/sum(w)^2 → 1.1123364178311; sum(w)^2/sum(w^2) → 151.033443935582
	 */
	static const double want[] = {
		1074.90042862273, 1136.22091726048, 869.111668122613, 918.692402068672,
		632.571252035941, 668.657923173228, 511.466031107453, 540.643940162067,
		480.557351613318, 507.971994713934, 388.55506088539, 410.721194195702
	};
	CHECK_INT(stats_rake(rake_counts, rake_levels, 13, margins, 3, &opt, w, &res), STATS_OK);
	for (size_t c = 0; c < 12; c++)
		CHECK_REL(w[c], want[c], RAKED);
	CHECK(w[12] == 0.0);
	CHECK_REL(res.excluded, 7, TIGHT);
	CHECK_INT(res.converged, 1);
	CHECK(res.max_margin_error < opt.tolerance);
	CHECK_REL(res.max_weight_ratio, 1.9088511409976, RAKED);
	CHECK_REL(res.design_effect, 1.1123364178311, RAKED);
	CHECK_REL(res.effective_n, 151.033443935582, RAKED);
	CHECK_INT(res.dropped_levels, 0);

	/* the margins are met */
	double total = 0.0;
	for (size_t c = 0; c < 12; c++)
		if (rake_levels[c * 3 + 2] == 1)
			total += rake_counts[c] * w[c];
	CHECK_REL(total, 15000, 1e-9);

	/* NULL options mean the defaults, NULL result is allowed */
	double w2[13];
	CHECK_INT(stats_rake(rake_counts, rake_levels, 13, margins, 3, NULL, w2, NULL), STATS_OK);
	CHECK_REL(w2[0], want[0], RAKED);

	/* the iteration budget can run out */
	opt.max_iterations = 1;
	CHECK_INT(stats_rake(rake_counts, rake_levels, 13, margins, 3, &opt, w2, &res), STATS_NOCONVERGE);
	CHECK_INT(res.converged, 0);
	CHECK(res.max_margin_error > opt.tolerance);
}

static void test_rake_dropped_level(void)
{
	/* age level 3 has a population but no respondents; the sex margin's
	 * total (100500) disagrees with the age margin's (105000) */
	double age[] = { 30000, 45000, 25000, 5000 }, sex[] = { 49000, 51500 }, eth[] = { 85000, 15000 };
	struct stats_margin margins[] = { { 4, age }, { 2, sex }, { 2, eth } };
	struct stats_rake_result res;
	double w[13];

	/*
	 * The rules give the same as raking to these margins. R, with d as above:
	 *   pop.age2 <- data.frame(age=c(0,1,2), Freq=c(30000,45000,25000)*105000/100000)
	 *   pop.sex2 <- data.frame(sex=c(0,1), Freq=c(49000,51500)*105000/100500)
	 *   pop.eth2 <- data.frame(eth=c(0,1), Freq=c(85000,15000)*105000/100000)
	 *   r2 <- rake(d, list(~age, ~sex, ~eth), list(pop.age2, pop.sex2, pop.eth2),
	 *              control=list(maxit=1000, epsilon=1e-13))
	 *   w2 <- weights(r2); w2[cumsum(cells$count)]
	 */
	static const double want[] = {
		1122.83232087512, 1186.87204447081, 916.772856801773, 969.060165652889,
		660.933436748607, 698.629176190395, 539.640535544598, 570.418444315847,
		502.127044782369, 530.765405613237, 409.977907443727, 433.360625757866
	};
	CHECK_INT(stats_rake(rake_counts, rake_levels, 13, margins, 3, NULL, w, &res), STATS_OK);
	for (size_t c = 0; c < 12; c++)
		CHECK_REL(w[c], want[c], RAKED);
	CHECK_INT(res.dropped_levels, 1);
	double total = 0.0;
	for (size_t c = 0; c < 13; c++)
		total += rake_counts[c] * w[c];
	CHECK_REL(total, 105000, 1e-9);
}

/*
 * Bounded raking: 6 cells of age (3) x ethnic group (2), where the few
 * ethnic-minority respondents would carry over 7 times the mean weight. R:
 *   cells <- data.frame(age=c(0,0,1,1,2,2), eth=c(0,1,0,1,0,1), count=c(20,1,50,4,40,2))
 *   df <- cells[rep(seq_len(nrow(cells)), cells$count), ]
 *   df$age <- factor(df$age); df$eth <- factor(df$eth); df$start <- 100000/nrow(df)
 *   des <- svydesign(ids=~1, weights=~start, data=df)
 *   pop <- c("(Intercept)"=100000, age1=45000, age2=25000, eth1=25000)
 *   r <- calibrate(des, ~age+eth, pop, calfun="raking", bounds=c(0, 5), maxit=2000, epsilon=1e-13)
 *   w <- weights(r); w[cumsum(cells$count)]
 *   max(w)/mean(w) → 5; length(w)*sum(w^2)/sum(w)^2 → 1.76750453953662
 *   sum(w)^2/sum(w^2) → 66.1950209365082
 *   (unbounded, rake() or calfun="raking" alone: max(w)/mean(w) → 7.37788801361705)
 */
static const double bounded_counts[] = { 20, 1, 50, 4, 40, 2 };
static const long bounded_levels[] = { 0, 0,  0, 1,  1, 0,  1, 1,  2, 0,  2, 1 };

static void test_rake_capped(void)
{
	double age[] = { 30000, 45000, 25000 }, eth[] = { 75000, 25000 };
	struct stats_margin margins[] = { { 3, age }, { 2, eth } };
	struct stats_rake_options opt = stats_rake_defaults();
	struct stats_rake_result res;
	double w[6];
	static const double want[] = {
		1286.32478632485, 4273.50427350427, 603.109558848332,
		3711.13051439585, 477.950658277163, 2940.98683445675
	};

	CHECK(opt.cap == STATS_WEIGHT_CAP_DEFAULT);
	CHECK_INT(stats_rake(bounded_counts, bounded_levels, 6, margins, 2, &opt, w, &res), STATS_OK);
	for (size_t c = 0; c < 6; c++)
		CHECK_REL(w[c], want[c], RAKED);
	CHECK_INT(res.converged, 1);
	CHECK_REL(res.max_weight_ratio, 5.0, 1e-9);
	CHECK_REL(res.design_effect, 1.76750453953662, RAKED);
	CHECK_REL(res.effective_n, 66.1950209365082, RAKED);

	/* without a cap: plain raking, ratio above 5 */
	opt.cap = 0;
	CHECK_INT(stats_rake(bounded_counts, bounded_levels, 6, margins, 2, &opt, w, &res), STATS_OK);
	CHECK_REL(res.max_weight_ratio, 7.37788801361705, RAKED);

	/*
	 * An impossible cap: 4 minority respondents cannot carry 25,000 of
	 * 100,000 at no more than 5 x the mean (4 * 5 * 100000/114 = 17,544).
	 * The weights are raked without the cap: margins met, cap not.
	 */
	double few[] = { 20, 1, 50, 2, 40, 1 };
	opt = stats_rake_defaults();
	CHECK_INT(stats_rake(few, bounded_levels, 6, margins, 2, &opt, w, &res), STATS_NOCONVERGE);
	CHECK_INT(res.converged, 0);
	CHECK(res.max_margin_error < opt.tolerance);
	CHECK(res.max_weight_ratio > 5.0);
}

/*
 * The share on a calibrated design: the cells of test_rake_capped with an
 * answer y per respondent (NA: no answer). R, going on from there:
 *   y <- rep(c(1,0,NA,1,0,1), cells$count); y[c(1:5, 30:40)] <- 0; y[6:8] <- NA
 *   m <- svymean(~y, update(r, y=y), na.rm=TRUE)
 *   coef(m) → 0.497969102691816; SE(m) → 0.0816632709356709
 *   confint(m) → 0.337912032798165 0.658026172585467
 *   ug <- calibrate(des, ~age+eth, pop, calfun="raking", maxit=2000, epsilon=1e-13)
 *   m <- svymean(~y, update(ug, y=y), na.rm=TRUE)
 *   coef(m) → 0.458182988752928; SE(m) → 0.110765438599145
 * Per cell, answered 17 1 11 4 40 2 and gave 12 0 0 4 0 2.
 */
static void test_calibrated_proportion(void)
{
	double age[] = { 30000, 45000, 25000 }, eth[] = { 75000, 25000 };
	struct stats_margin margins[] = { { 3, age }, { 2, eth } };
	struct stats_rake_options opt = stats_rake_defaults();
	size_t nlevels[] = { 3, 2 };
	double answered[] = { 17, 1, 11, 4, 40, 2 }, gave[] = { 12, 0, 0, 4, 0, 2 };
	struct stats_weighted r;
	double w[6];

	CHECK_INT(stats_rake(bounded_counts, bounded_levels, 6, margins, 2, &opt, w, NULL), STATS_OK);
	CHECK_INT(stats_calibrated_proportion(bounded_counts, bounded_levels, 6, nlevels, 2, w, answered, gave, 0.95, &r),
	    STATS_OK);
	CHECK_REL(r.estimate, 0.497969102691816, RAKED);
	CHECK_REL(r.se, 0.0816632709356709, RAKED);
	CHECK_REL(r.lower, 0.337912032798165, RAKED);
	CHECK_REL(r.upper, 0.658026172585467, RAKED);
	CHECK_REL(r.n, 117, TIGHT);

	opt.cap = 0;
	CHECK_INT(stats_rake(bounded_counts, bounded_levels, 6, margins, 2, &opt, w, NULL), STATS_OK);
	CHECK_INT(stats_calibrated_proportion(bounded_counts, bounded_levels, 6, nlevels, 2, w, answered, gave, 0.95, &r),
	    STATS_OK);
	CHECK_REL(r.estimate, 0.458182988752928, RAKED);
	CHECK_REL(r.se, 0.110765438599145, RAKED);

	/* nothing answered: undefined; bad arguments */
	double none[] = { 0, 0, 0, 0, 0, 0 };
	CHECK_INT(stats_calibrated_proportion(bounded_counts, bounded_levels, 6, nlevels, 2, w, none, none, 0.95, &r),
	    STATS_OK);
	CHECK(isnan(r.estimate) && isnan(r.se));
	CHECK_INT(stats_calibrated_proportion(bounded_counts, bounded_levels, 6, nlevels, 2, w, gave, answered, 0.95, &r),
	    STATS_EINVAL);
	CHECK_INT(stats_calibrated_proportion(bounded_counts, bounded_levels, 6, nlevels, 2, w, answered, gave, 1.5, &r),
	    STATS_EINVAL);
}

static void test_rake_edges(void)
{
	double age[] = { 30000, 45000, 25000 }, eth[] = { 75000, 25000 };
	struct stats_margin margins[] = { { 3, age }, { 2, eth } };
	struct stats_rake_result res;
	double w[2];

	/* everyone missing a category: nothing to weight */
	double counts[] = { 5, 3 };
	long missing[] = { -1, 0,  1, -1 };
	CHECK_INT(stats_rake(counts, missing, 2, margins, 2, NULL, w, &res), STATS_NOCONVERGE);
	CHECK(w[0] == 0.0 && w[1] == 0.0);
	CHECK_REL(res.excluded, 8, TIGHT);
	CHECK(res.effective_n == 0.0);

	/* a level out of range, a negative count, no margins */
	long out_of_range[] = { 3, 0,  1, 1 };
	CHECK_INT(stats_rake(counts, out_of_range, 2, margins, 2, NULL, w, &res), STATS_EINVAL);
	double negative[] = { 5, -3 };
	long ok_levels[] = { 0, 0,  1, 1 };
	CHECK_INT(stats_rake(negative, ok_levels, 2, margins, 2, NULL, w, &res), STATS_EINVAL);
	CHECK_INT(stats_rake(counts, ok_levels, 2, margins, 0, NULL, w, &res), STATS_EINVAL);
	CHECK_INT(stats_rake(counts, ok_levels, 2, NULL, 2, NULL, w, &res), STATS_EINVAL);
}

static void test_kish(void)
{
	double deff, neff;

	/*
	 * R: w <- c(1.2, 0.8, 2.5, 1.0, 0.6, 3.1, 1.7, 0.9); k <- c(3, 5, 1, 4, 6, 2, 1, 3)
	 *    x <- rep(w, k); length(x)*sum(x^2)/sum(x)^2 → 1.38814319070035
	 *    sum(x)^2/sum(x^2) → 18.009669440072
	 */
	double w[] = { 1.2, 0.8, 2.5, 1.0, 0.6, 3.1, 1.7, 0.9, 0.0 };
	double k[] = { 3, 5, 1, 4, 6, 2, 1, 3, 2 };
	CHECK_INT(stats_kish(w, k, 9, &deff, &neff), STATS_OK);  /* the weight-0 row is left out */
	CHECK_REL(deff, 1.38814319070035, TIGHT);
	CHECK_REL(neff, 18.009669440072, TIGHT);

	/* equal weights: deff 1, n_eff n */
	double equal[] = { 2, 2, 2, 2 };
	CHECK_INT(stats_kish(equal, NULL, 4, &deff, &neff), STATS_OK);
	CHECK_REL(deff, 1.0, TIGHT);
	CHECK_REL(neff, 4.0, TIGHT);

	/* none */
	CHECK_INT(stats_kish(w, NULL, 0, &deff, &neff), STATS_OK);
	CHECK(isnan(deff) && neff == 0.0);
	double bad[] = { 1, -1 };
	CHECK_INT(stats_kish(bad, NULL, 2, &deff, &neff), STATS_EINVAL);
}

static void test_weighted_proportion(void)
{
	struct stats_weighted r;

	/*
	 * Rows of respondents: weight, how many, answer (NA: no answer); the last
	 * row has weight 0. R:
	 *   rows <- data.frame(w=c(1.2, 0.8, 2.5, 1.0, 0.6, 3.1, 1.7, 0.9, 0),
	 *                      count=c(3, 5, 1, 4, 6, 2, 1, 3, 2),
	 *                      y=c(1, 0, 1, 1, 0, NA, 0, 1, 1))
	 *   df <- rows[rep(seq_len(nrow(rows)), rows$count), ]
	 *   m <- svymean(~y, svydesign(ids=~1, weights=~w, data=df), na.rm=TRUE)
	 *   coef(m) → 0.579185520361991; SE(m) → 0.110838320113673
	 *   a <- df[!is.na(df$y), ]; neff <- sum(a$w)^2/sum(a$w^2) → 19.3429702970297
	 *   p <- coef(m); z <- qnorm(0.975)
	 *   (p + z^2/(2*neff) + c(-1, 1)*z*sqrt(p*(1-p)/neff + z^2/(4*neff^2)))/(1 + z^2/neff)
	 *     → 0.364679880664467 0.76745045220156
	 */
	double w[] = { 1.2, 0.8, 2.5, 1.0, 0.6, 3.1, 1.7, 0.9, 0.0 };
	double k[] = { 3, 5, 1, 4, 6, 2, 1, 3, 2 };
	double y[] = { 1, 0, 1, 1, 0, NAN, 0, 1, 1 };
	CHECK_INT(stats_weighted_proportion(w, k, y, 9, 0.95, &r), STATS_OK);
	CHECK_REL(r.estimate, 0.579185520361991, TIGHT);
	CHECK_REL(r.se, 0.110838320113673, TIGHT);
	CHECK_REL(r.effective_n, 19.3429702970297, TIGHT);
	CHECK_REL(r.lower, 0.364679880664467, TIGHT);
	CHECK_REL(r.upper, 0.76745045220156, TIGHT);
	CHECK_REL(r.n, 27, TIGHT);

	/*
	 * Everyone answered, all weights positive. R:
	 *   b <- rows[1:8, ]; b$y[6] <- 0; dfb <- b[rep(seq_len(nrow(b)), b$count), ]
	 *   mb <- svymean(~y, svydesign(ids=~1, weights=~w, data=dfb))
	 *   coef(mb) → 0.452296819787986; SE(mb) → 0.118075559734938
	 *   neff <- sum(dfb$w)^2/sum(dfb$w^2) → 18.009669440072; the Wilson formula as
	 *   above → 0.251827590911136 0.669538619876147
	 */
	double yb[] = { 1, 0, 1, 1, 0, 0, 0, 1 };
	CHECK_INT(stats_weighted_proportion(w, k, yb, 8, 0.95, &r), STATS_OK);
	CHECK_REL(r.estimate, 0.452296819787986, TIGHT);
	CHECK_REL(r.se, 0.118075559734938, TIGHT);
	CHECK_REL(r.effective_n, 18.009669440072, TIGHT);
	CHECK_REL(r.lower, 0.251827590911136, TIGHT);
	CHECK_REL(r.upper, 0.669538619876147, TIGHT);

	/*
	 * Equal weights: the plain Wilson interval. R:
	 *   prop.test(7, 12, correct=FALSE)$conf.int → 0.319511312549550 0.806739686341243
	 *   e <- data.frame(w=rep(2.5, 12), y=c(rep(1, 7), rep(0, 5)))
	 *   SE(svymean(~y, svydesign(ids=~1, weights=~w, data=e))) → 0.148647097502641
	 */
	double we[] = { 2.5, 2.5 }, ke[] = { 7, 5 }, ye[] = { 1, 0 };
	CHECK_INT(stats_weighted_proportion(we, ke, ye, 2, 0.95, &r), STATS_OK);
	CHECK_REL(r.estimate, 7.0 / 12.0, TIGHT);
	CHECK_REL(r.lower, 0.319511312549550, TIGHT);
	CHECK_REL(r.upper, 0.806739686341243, TIGHT);
	CHECK_REL(r.se, 0.148647097502641, TIGHT);

	/* all answers declined: undefined */
	double yn[] = { NAN, NAN };
	CHECK_INT(stats_weighted_proportion(we, ke, yn, 2, 0.95, &r), STATS_OK);
	CHECK(isnan(r.estimate) && isnan(r.lower) && isnan(r.se));
	CHECK_REL(r.n, 12, TIGHT);

	double ybad[] = { 1, 2 };
	CHECK_INT(stats_weighted_proportion(we, ke, ybad, 2, 0.95, &r), STATS_EINVAL);
	double wbad[] = { 1, -2 };
	CHECK_INT(stats_weighted_proportion(wbad, ke, ye, 2, 0.95, &r), STATS_EINVAL);
	CHECK_INT(stats_weighted_proportion(we, ke, ye, 2, 2.0, &r), STATS_EINVAL);
}

static void test_trend(void)
{
	struct stats_trend t;

	/*
	 * R: x <- c(2018.5, 2019.2, 2019.9, 2020.6, 2021.8, 2022.4, 2023.1)
	 *    y <- c(0.62, 0.70, 0.66, 0.78, 0.75, 0.86, 0.83)
	 *    w <- c(40, 55, 30, 62, 48, 70, 51)
	 *    f <- lm(y ~ x, weights=w); s <- summary(f)$coefficients
	 *    s[2,1], s[2,2] → 0.0457289443026926 0.0101683186447666
	 *    confint(f, "x", level=0.95) → 0.0195904490954934 0.0718674395098918
	 *    s[1,1], s[1,2] → -91.6580891465304 20.5497982222606; f$df.residual → 5
	 *    confint(f, "x", level=0.90) → 0.0252392903580237 0.0662185982473615
	 *    f0 <- lm(y ~ x); coef(f0)[2] → 0.0463448388147129
	 *    summary(f0)$coefficients[2,2] → 0.010043768804929
	 *    confint(f0, "x") → 0.0205265091634317 0.0721631684659942
	 */
	double x[] = { 2018.5, 2019.2, 2019.9, 2020.6, 2021.8, 2022.4, 2023.1, 2024.0 };
	double y[] = { 0.62, 0.70, 0.66, 0.78, 0.75, 0.86, 0.83, NAN };
	double w[] = { 40, 55, 30, 62, 48, 70, 51, 10 };
	CHECK_INT(stats_trend(x, y, w, 8, 0.95, &t), STATS_OK);  /* the NaN point is skipped */
	CHECK_INT(t.n_used, 7);
	CHECK_INT(t.df, 5);
	CHECK_REL(t.slope, 0.0457289443026926, TIGHT);
	CHECK_REL(t.slope_se, 0.0101683186447666, TIGHT);
	CHECK_REL(t.slope_lower, 0.0195904490954934, TIGHT);
	CHECK_REL(t.slope_upper, 0.0718674395098918, TIGHT);
	CHECK_REL(t.intercept, -91.6580891465304, 1e-8);
	CHECK_REL(t.intercept_se, 20.5497982222606, 1e-8);

	CHECK_INT(stats_trend(x, y, w, 7, 0.90, &t), STATS_OK);
	CHECK_REL(t.slope_lower, 0.0252392903580237, TIGHT);
	CHECK_REL(t.slope_upper, 0.0662185982473615, TIGHT);

	/* the weights scale out: only their ratios matter */
	double w10[7];
	for (int i = 0; i < 7; i++)
		w10[i] = 10 * w[i];
	CHECK_INT(stats_trend(x, y, w10, 7, 0.95, &t), STATS_OK);
	CHECK_REL(t.slope_se, 0.0101683186447666, TIGHT);

	/* unweighted */
	CHECK_INT(stats_trend(x, y, NULL, 7, 0.95, &t), STATS_OK);
	CHECK_REL(t.slope, 0.0463448388147129, TIGHT);
	CHECK_REL(t.slope_se, 0.010043768804929, TIGHT);
	CHECK_REL(t.slope_lower, 0.0205265091634317, TIGHT);
	CHECK_REL(t.slope_upper, 0.0721631684659942, TIGHT);

	/* two points: the line through them, (0.70 - 0.62) / 0.7; no interval */
	CHECK_INT(stats_trend(x, y, w, 2, 0.95, &t), STATS_OK);
	CHECK_REL(t.slope, (0.70 - 0.62) / 0.7, 1e-9);
	CHECK(isnan(t.slope_se) && isnan(t.slope_lower));
	CHECK_INT(t.df, 0);

	/* one point, and all x equal */
	CHECK_INT(stats_trend(x, y, w, 1, 0.95, &t), STATS_OK);
	CHECK(isnan(t.slope));
	double same[] = { 2020, 2020, 2020 };
	CHECK_INT(stats_trend(same, y, w, 3, 0.95, &t), STATS_OK);
	CHECK(isnan(t.slope) && isnan(t.slope_se));

	double wneg[] = { 1, -1, 1 };
	CHECK_INT(stats_trend(x, y, wneg, 3, 0.95, &t), STATS_EINVAL);
	CHECK_INT(stats_trend(NULL, y, w, 3, 0.95, &t), STATS_EINVAL);
}

static void test_window_change(void)
{
	struct stats_interval d;

	/*
	 * R: b <- c(0.62, 0.70, 0.66); r <- c(0.86, 0.83, 0.79, 0.90)
	 *    mean(r) - mean(b) → 0.185
	 *    t.test(r, b)$conf.int → 0.0997324608068407 0.270267539193159
	 */
	double base[] = { 0.62, NAN, 0.70, 0.66 }, review[] = { 0.86, 0.83, 0.79, 0.90 };
	CHECK_INT(stats_window_change(base, 4, review, 4, 0.95, &d), STATS_OK);
	CHECK_REL(d.estimate, 0.185, TIGHT);
	CHECK_REL(d.lower, 0.0997324608068407, TIGHT);
	CHECK_REL(d.upper, 0.270267539193159, TIGHT);

	/* one value in a window: the difference, no interval */
	CHECK_INT(stats_window_change(base, 1, review, 4, 0.95, &d), STATS_OK);
	CHECK_REL(d.estimate, 0.845 - 0.62, TIGHT);
	CHECK(isnan(d.lower) && isnan(d.upper));

	/* an empty window */
	CHECK_INT(stats_window_change(base, 0, review, 4, 0.95, &d), STATS_OK);
	CHECK(isnan(d.estimate));
	CHECK_INT(stats_window_change(NULL, 2, review, 4, 0.95, &d), STATS_EINVAL);
}

static void test_status_name(void)
{
	CHECK_STR(stats_status_name(STATS_OK), "ok");
	CHECK_STR(stats_status_name(STATS_EINVAL), "invalid argument");
	CHECK_STR(stats_status_name(STATS_ENOMEM), "out of memory");
	CHECK_STR(stats_status_name(STATS_NOCONVERGE), "did not converge");
	CHECK_STR(stats_status_name(99), "unknown status");
}

static void test_log_ratio_weight(void)
{
	/*
	 * R (tests/reference/ratio_trend_unit.R): p <- 34 / 620;
	 * 1 / ((1 - p) / (620 * p)) → 35.9726962457338 (= 34 * 620 / 586).
	 */
	CHECK_REL(stats_log_ratio_weight(34, 620), 35.9726962457338, TIGHT);
	/* no respondent, all of them, or a count unknown: no weight */
	CHECK(stats_log_ratio_weight(0, 620) == 0.0);
	CHECK(stats_log_ratio_weight(620, 620) == 0.0);
	CHECK(stats_log_ratio_weight(NAN, 620) == 0.0);
	CHECK(stats_log_ratio_weight(34, NAN) == 0.0);
	CHECK(stats_log_ratio_weight(34, INFINITY) == 0.0);
}

static void test_ratio_trend(void)
{
	struct stats_ratio_trend t;
	/* The values are printed by tests/reference/ratio_trend_unit.R (ratio_trend_unit.out), R 4.2.2. */
	double year[] = { 2018.15, 2019.57, 2020.88, 2021.28, 2023.00, 2023.65, 2025.15 };
	double x[] = { 34, 15, 19, 14, 43, 18, 52 };
	double n[] = { 620, 410, 515, 390, 760, 345, 1010 };
	double q[] = { 0.095, 0.097, 0.099, 0.100, 0.100, 0.100, 0.100 };

	CHECK_INT(stats_ratio_trend(year, x, n, q, 7, 0.95, &t), STATS_OK);
	CHECK_INT(t.line.n_used, 7);
	CHECK_INT(t.line.df, 5);
	CHECK_REL(t.year0, 2018.15, TIGHT);
	CHECK_REL(t.year1, 2025.15, TIGHT);
	CHECK_REL(t.line.slope, 0.0101541928017161, 1e-8);
	CHECK_REL(t.line.slope_se, 0.030258279737643, 1e-8);
	CHECK_REL(t.line.slope_lower, -0.0676271914694713, 1e-8);
	CHECK_REL(t.line.slope_upper, 0.0879355770729035, 1e-8);
	CHECK_REL(t.line.intercept, -0.742954677077411, 1e-8);
	CHECK_REL(t.line.intercept_se, 0.144101029388726, 1e-8);
	CHECK_REL(t.change.estimate, 0.0102059215571053, 1e-8);
	CHECK_REL(t.change.lower, -0.0653911612157755, 1e-8);
	CHECK_REL(t.change.upper, 0.0919177752230196, 1e-8);
	CHECK_REL(t.first.estimate, 0.475706278551943, 1e-8);
	CHECK_REL(t.first.lower, 0.328447534638292, 1e-8);
	CHECK_REL(t.first.upper, 0.688988162760762, 1e-8);
	CHECK_REL(t.last.estimate, 0.510749855876078, 1e-8);
	CHECK_REL(t.last.lower, 0.377896336268155, 1e-8);
	CHECK_REL(t.last.upper, 0.69030945855036, 1e-8);

	CHECK_INT(stats_ratio_trend(year, x, n, q, 7, 0.90, &t), STATS_OK);
	CHECK_REL(t.change.lower, -0.0495480822118975, 1e-8);
	CHECK_REL(t.change.upper, 0.0737166024389655, 1e-8);
	CHECK_REL(t.first.lower, 0.355821804735263, 1e-8);
	CHECK_REL(t.last.upper, 0.646798036995687, 1e-8);

	/*
	 * The first point with no respondent, the last withheld (NaN): the five
	 * between, the line centred at the second's year.
	 */
	double x2[] = { 0, 15, 19, 14, 43, 18, NAN };
	CHECK_INT(stats_ratio_trend(year, x2, n, q, 7, 0.95, &t), STATS_OK);
	CHECK_INT(t.line.n_used, 5);
	CHECK_INT(t.line.df, 3);
	CHECK_REL(t.year0, 2019.57, TIGHT);
	CHECK_REL(t.year1, 2023.65, TIGHT);
	CHECK_REL(t.line.slope, 0.126996454978029, 1e-8);
	CHECK_REL(t.line.slope_lower, -0.000266316587621995, 1e-6);
	CHECK_REL(t.line.intercept, -1.08380840297248, 1e-8);
	CHECK_REL(t.change.estimate, 0.135412992710347, 1e-8);
	CHECK_REL(t.change.upper, 0.289506035137719, 1e-8);
	CHECK_REL(t.first.estimate, 0.338304668647654, 1e-8);
	CHECK_REL(t.last.lower, 0.433987024498136, 1e-8);
	CHECK_REL(t.last.upper, 0.743352372328733, 1e-8);

	/* two points: the line through them, no interval */
	CHECK_INT(stats_ratio_trend(year, x, n, q, 2, 0.95, &t), STATS_OK);
	CHECK_REL(t.line.slope, (log(15.0 / 410 / 0.097) - log(34.0 / 620 / 0.095)) / (2019.57 - 2018.15), 1e-9);
	CHECK_REL(t.first.estimate, 34.0 / 620 / 0.095, 1e-9);
	CHECK_REL(t.last.estimate, 15.0 / 410 / 0.097, 1e-9);
	CHECK(isnan(t.change.lower) && isnan(t.first.lower) && isnan(t.last.upper));

	/* one point: no line */
	CHECK_INT(stats_ratio_trend(year, x, n, q, 1, 0.95, &t), STATS_OK);
	CHECK(isnan(t.line.slope) && isnan(t.change.estimate) && isnan(t.first.estimate));

	double over[] = { 34, 500 };
	CHECK_INT(stats_ratio_trend(year, over, n, q, 2, 0.95, &t), STATS_EINVAL);
	double neg[] = { 34, -1 };
	CHECK_INT(stats_ratio_trend(year, neg, n, q, 2, 0.95, &t), STATS_EINVAL);
	CHECK_INT(stats_ratio_trend(year, x, n, NULL, 2, 0.95, &t), STATS_EINVAL);
	CHECK_INT(stats_ratio_trend(year, x, n, q, 2, 1.5, &t), STATS_EINVAL);
}

static void test_window_mean(void)
{
	double e[] = { 0.4, NAN, 0.6 }, lo[] = { 0.3, NAN, 0.5 }, hi[] = { 0.5, NAN, 0.7 };
	struct stats_interval v;
	/* One estimate: its value and interval. */
	CHECK_INT(stats_window_mean(e, lo, hi, 1, &v), 1);
	CHECK_NEAR(v.estimate, 0.4, 1e-12);
	CHECK_NEAR(v.lower, 0.3, 1e-12);
	CHECK_NEAR(v.upper, 0.5, 1e-12);
	/* Hand calculation: 0.4 (0.3–0.5) and 0.6 (0.5–0.7), the NaN left out:
	 * mean (0.4 + 0.6) / 2 = 0.5, half-width sqrt(0.1^2 + 0.1^2) / 2 =
	 * sqrt(0.02) / 2 = 0.0707106781. */
	CHECK_INT(stats_window_mean(e, lo, hi, 3, &v), 2);
	CHECK_NEAR(v.estimate, 0.5, 1e-12);
	CHECK_NEAR(v.lower, 0.5 - 0.0707106781, 1e-9);
	CHECK_NEAR(v.upper, 0.5 + 0.0707106781, 1e-9);
	/* An interval unknown: the mean (0.2 + 0.4) / 2 = 0.3 without one. */
	double e2[] = { 0.2, 0.4 }, lo2[] = { 0.1, NAN }, hi2[] = { 0.3, NAN };
	CHECK_INT(stats_window_mean(e2, lo2, hi2, 2, &v), 2);
	CHECK_NEAR(v.estimate, 0.3, 1e-12);
	CHECK(isnan(v.lower) && isnan(v.upper));
	/* Nothing: NaN. */
	CHECK_INT(stats_window_mean(e + 1, lo + 1, hi + 1, 1, &v), 0);
	CHECK(isnan(v.estimate) && isnan(v.lower) && isnan(v.upper));
	CHECK_INT(stats_window_mean(e, lo, hi, 0, &v), 0);
	CHECK(isnan(v.estimate) && isnan(v.lower) && isnan(v.upper));
}

static void test_change_margin(void)
{
	/* Hand calculation: half-widths (0.8 - 0.2) / 2 = 0.3 and (0.9 - 0.1) / 2 = 0.4:
	 * sqrt(0.3^2 + 0.4^2) = sqrt(0.09 + 0.16) = sqrt(0.25) = 0.5. */
	struct stats_interval a = { 0.5, 0.2, 0.8 }, b = { 0.5, 0.1, 0.9 };
	CHECK_NEAR(stats_change_margin(&a, &b), 0.5, 1e-12);
	/* Hand calculation: half-widths 0.1 and 0.03: sqrt(0.01 + 0.0009) =
	 * sqrt(0.0109) = 0.1044030650891055. */
	struct stats_interval c = { 0.5, 0.4, 0.6 }, d = { 0.7, 0.67, 0.73 };
	CHECK_REL(stats_change_margin(&c, &d), 0.1044030650891055, TIGHT);
	CHECK_REL(stats_change_margin(&d, &c), 0.1044030650891055, TIGHT);
	/* An interval unknown: no margin. */
	struct stats_interval unknown = { 0.7, NAN, NAN };
	CHECK(isnan(stats_change_margin(&c, &unknown)));
}

int main(void)
{
	RUN(test_wilson);
	RUN(test_representation_ratio);
	RUN(test_rate_per_1000);
	RUN(test_shortfall);
	RUN(test_readings);
	RUN(test_parity_p);
	RUN(test_p_adjust);
	RUN(test_category);
	RUN(test_chisq_closed);
	RUN(test_chisq_edges);
	RUN(test_chisq_monte_carlo);
	RUN(test_scores);
	RUN(test_scores_repeat_w);
	RUN(test_rake_uncapped);
	RUN(test_rake_dropped_level);
	RUN(test_rake_capped);
	RUN(test_calibrated_proportion);
	RUN(test_rake_edges);
	RUN(test_kish);
	RUN(test_weighted_proportion);
	RUN(test_trend);
	RUN(test_window_change);
	RUN(test_status_name);
	RUN(test_log_ratio_weight);
	RUN(test_ratio_trend);
	RUN(test_window_mean);
	RUN(test_change_margin);
	return check_summary();
}
