/*
 * check.h — the unit-test harness: a handful of macros, no framework.
 *
 * Each test file defines tests as plain functions and calls them from main()
 * with RUN(name). CHECK(cond) and friends record a pass or a failure with the
 * file and line; CHECK_NEAR compares doubles with an absolute tolerance.
 * main() ends with `return check_summary();`, which prints
 * "N passed, N failed" and returns non-zero when anything failed.
 */
#ifndef CHECK_H
#define CHECK_H

#include <math.h>
#include <stdio.h>
#include <string.h>

static int check_passed, check_failed;
static const char *check_current = "";

#define RUN(test) do { check_current = #test; test(); } while (0)

#define CHECK(cond) do { \
	if (cond) check_passed++; \
	else { check_failed++; \
		fprintf(stderr, "FAIL %s:%d: %s: %s\n", __FILE__, __LINE__, check_current, #cond); } \
} while (0)

#define CHECK_INT(got, want) do { \
	long long g_ = (long long)(got), w_ = (long long)(want); \
	if (g_ == w_) check_passed++; \
	else { check_failed++; \
		fprintf(stderr, "FAIL %s:%d: %s: %s = %lld, want %lld\n", \
		    __FILE__, __LINE__, check_current, #got, g_, w_); } \
} while (0)

#define CHECK_STR(got, want) do { \
	const char *g_ = (got), *w_ = (want); \
	if (g_ && w_ && strcmp(g_, w_) == 0) check_passed++; \
	else { check_failed++; \
		fprintf(stderr, "FAIL %s:%d: %s: %s = \"%s\", want \"%s\"\n", \
		    __FILE__, __LINE__, check_current, #got, g_ ? g_ : "(null)", w_ ? w_ : "(null)"); } \
} while (0)

#define CHECK_NEAR(got, want, tol) do { \
	double g_ = (got), w_ = (want); \
	if (fabs(g_ - w_) <= (tol) || (isnan(g_) && isnan(w_))) check_passed++; \
	else { check_failed++; \
		fprintf(stderr, "FAIL %s:%d: %s: %s = %.10g, want %.10g (tolerance %g)\n", \
		    __FILE__, __LINE__, check_current, #got, g_, w_, (double)(tol)); } \
} while (0)

static int check_summary(void)
{
	printf("%d passed, %d failed\n", check_passed, check_failed);
	return check_failed != 0;
}

#endif
