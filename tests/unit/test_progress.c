/*
 * test_progress.c — the arithmetic of reach progress (progress_calc.c): the
 * days of the weekly cumulative series, the window of the current rate, and
 * the projection to the closing date. Every reference value is worked by
 * hand in the comment beside it.
 */
#include "check.h"

#include "chart.h"
#include "policy.h"
#include "progress.h"

static void test_series_days(void)
{
	long days[8];
	/*
	 * Opened on day 100: week 1 is days 100-106, week 2 107-113, and so on.
	 * To day 127 (the end of week 4): 106, 113, 120, 127.
	 */
	CHECK_INT(progress_series_days(100, 127, days, 8), 4);
	CHECK_INT(days[0], 106);
	CHECK_INT(days[1], 113);
	CHECK_INT(days[2], 120);
	CHECK_INT(days[3], 127);
	/* To day 124, within week 4: three whole weeks, then 124 itself. */
	CHECK_INT(progress_series_days(100, 124, days, 8), 4);
	CHECK_INT(days[2], 120);
	CHECK_INT(days[3], 124);
	/* Within the first week: the day alone; on its last day: that day, once. */
	CHECK_INT(progress_series_days(100, 103, days, 8), 1);
	CHECK_INT(days[0], 103);
	CHECK_INT(progress_series_days(100, 106, days, 8), 1);
	CHECK_INT(days[0], 106);
	/* The opening day itself, and a day before it (nothing). */
	CHECK_INT(progress_series_days(100, 100, days, 8), 1);
	CHECK_INT(days[0], 100);
	CHECK_INT(progress_series_days(100, 99, days, 8), 0);
	/* The count is whole even when MAX is smaller (first call sizes the array); only MAX are written. */
	days[2] = -1;
	CHECK_INT(progress_series_days(100, 127, days, 2), 4);
	CHECK_INT(days[1], 113);
	CHECK_INT(days[2], -1);
	CHECK_INT(progress_series_days(100, 127, NULL, 0), 4);
}

static void test_rate_window(void)
{
	long before;
	/* Opened on day 100, to day 127 (28 days): the last 14, days 114-127, so day 113's counts are taken away. */
	CHECK_INT(POLICY_PROGRESS_RATE_DAYS, 14);
	CHECK_INT(progress_rate_window(100, 127, &before), 14);
	CHECK_INT(before, 113);
	/* To day 113, exactly 14 days: since opening, nothing taken away (day 99). */
	CHECK_INT(progress_rate_window(100, 113, &before), 14);
	CHECK_INT(before, 99);
	/* To day 104 (5 days): since opening. */
	CHECK_INT(progress_rate_window(100, 104, &before), 5);
	CHECK_INT(before, 99);
}

static void test_per_week(void)
{
	/* 10 responses in 14 days: 10 * 7 / 14 = 5 a week; 3 in 5 days: 21 / 5 = 4.2. */
	CHECK_NEAR(progress_per_week(10, 14), 5.0, 1e-12);
	CHECK_NEAR(progress_per_week(3, 5), 4.2, 1e-12);
	CHECK(isnan(progress_per_week(1, 0)));
}

static void test_ratio_at_close(void)
{
	/*
	 * 10 of 100 answers known, share of residents 0.2; 5 a week from the
	 * group, 20 a week known, 2 weeks left: (10 + 10) / (100 + 40) / 0.2 =
	 * 20 / 140 / 0.2 = 0.714285714285714 (5 / 7).
	 */
	CHECK_NEAR(progress_ratio_at_close(10, 100, 5, 20, 2, 0.2), 5.0 / 7.0, 1e-12);
	/* No weeks left: the ratio now, 10 / 100 / 0.2 = 0.5. */
	CHECK_NEAR(progress_ratio_at_close(10, 100, 5, 20, 0, 0.2), 0.5, 1e-12);
	/* The sample's 18-24 to 2026-11-03 (tests/cases/progress-json): 11 of 854, 4 and 192 a week, 16 days
	 * left (16 / 7 weeks), share 0.08340134523: (11 + 64 / 7) / (854 + 3072 / 7) / 0.08340134523
	 * = 20.142857 / 1292.857143 / 0.08340134523 = 0.186808863. */
	CHECK_NEAR(progress_ratio_at_close(11, 854, 4, 192, 16.0 / 7.0, 0.08340134523), 0.1868088633, 1e-9);
	CHECK(isnan(progress_ratio_at_close(0, 0, 0, 0, 2, 0.2)));
	CHECK(isnan(progress_ratio_at_close(10, 100, 5, 20, 2, 0)));
	CHECK(isnan(progress_ratio_at_close(10, 100, NAN, 20, 2, 0.2)));
}

static void test_per_week_needed(void)
{
	/*
	 * As above, 10 of 100, 5 and 20 a week, 2 weeks left, share 0.2. At the
	 * close 20 of 140. The 0.8 line is a share of 0.16: stats_shortfall gives
	 * (0.16 * 140 - 20) / (1 - 0.16) = 2.4 / 0.84 = 2.857142857 more, so
	 * 5 + 2.857142857 / 2 = 6.428571429 a week. Check: 10 + 2 * 6.428571429
	 * = 22.857142857 of 22.857142857 + (90 + 2 * 15) = 142.857142857, a
	 * share of 0.16. Parity: (0.2 * 140 - 20) / 0.8 = 10 more, 5 + 5 = 10 a
	 * week: 30 of 150 = 0.2.
	 */
	CHECK_NEAR(progress_per_week_needed(10, 100, 5, 20, 2, 0.2, 0.8), 6.428571428571429, 1e-12);
	CHECK_NEAR(progress_per_week_needed(10, 100, 5, 20, 2, 0.2, 1.0), 10.0, 1e-12);
	/* Already past the target at the close (50 of 140 > 0.16): the current rate is enough. */
	CHECK_NEAR(progress_per_week_needed(40, 100, 5, 20, 2, 0.2, 0.8), 5.0, 1e-12);
	/* No weeks left, no answers known, a target share of 1 or more: no answer. */
	CHECK(isnan(progress_per_week_needed(10, 100, 5, 20, 0, 0.2, 0.8)));
	CHECK(isnan(progress_per_week_needed(0, 0, 0, 0, 2, 0.2, 0.8)));
	CHECK(isnan(progress_per_week_needed(10, 100, 5, 20, 2, 0.9, 1.2)));
}

static void test_chart_job(void)
{
	/*
	 * Two groups at the ends of weeks 1 and 2, the closing date at 6 weeks:
	 * a header row of labels, a missing ratio as "?" (gnuplot's missing
	 * value: never drawn), the x axis to half a week past the close.
	 */
	const char *labels[2] = { "16-17", "Aged 18 to 24" };
	double x[2] = { 1, 2 }, y[4] = { 0.2, 0.25, NAN, 0.1 };
	struct chart_job job;
	chart_prepare_progress(labels, 2, x, 2, y, 6, NULL, "n = 5", &job);
	CHECK_INT(job.rows, 2);
	CHECK_STR(job.data.data, "weeks\t16-17\tAged 18 to 24\n1.0000\t0.200000\t?\n2.0000\t0.250000\t0.100000\n");
	CHECK(strstr(job.script.data, "rows = 2; series = 2; close = 6.0000; right = 6.5000; target = 0.8\n") != NULL);
	CHECK(strstr(job.script.data, "set termoption noenhanced") != NULL);
	chart_job_free(&job);
	/* Every ratio withheld: nothing to draw, no chart. */
	double none[4] = { NAN, NAN, NAN, NAN };
	chart_prepare_progress(labels, 2, x, 2, none, 6, NULL, "n = 5", &job);
	CHECK_INT(job.rows, 0);
	chart_job_free(&job);
}

int main(void)
{
	RUN(test_series_days);
	RUN(test_rate_window);
	RUN(test_per_week);
	RUN(test_ratio_at_close);
	RUN(test_per_week_needed);
	RUN(test_chart_job);
	return check_summary();
}
