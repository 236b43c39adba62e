/*
 * test_compare.c — unit tests of the comparison's helpers (compare_run.h):
 * reading the ages of a seed table's row, which must refuse a row that is
 * not an age rather than carry on with an unset number.
 */
#include "check.h"
#include "compare_run.h"

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

static void test_table_ages(void)
{
	struct table *tb = table_of("code,min_age,max_age\n"
	    "a,18,24\n"
	    "b,75,\n"
	    "c,sixteen,24\n"
	    "d,30,twenty\n"
	    "e,40,30\n"
	    "f,131,\n");
	struct reach_error err = { 0 };
	int lo = -2, hi = -2;
	CHECK(tb != NULL);
	if (!tb)
		return;
	CHECK_INT(compare_table_ages(tb, 0, &lo, &hi, &err), 0);
	CHECK_INT(lo, 18);
	CHECK_INT(hi, 24);
	CHECK_INT(compare_table_ages(tb, 1, &lo, &hi, &err), 0);
	CHECK_INT(lo, 75);
	CHECK_INT(hi, TAG_AGE_OPEN);
	/* Line 4 of the file: the row of "c" (the header is line 1). */
	CHECK_INT(compare_table_ages(tb, 2, &lo, &hi, &err), -1);
	CHECK_INT(err.code, REACH_EDATA);
	CHECK(strstr(err.msg, ":4: min_age \"sixteen\" is not an age from 0 to 130") != NULL);
	err = (struct reach_error){ 0 };
	CHECK_INT(compare_table_ages(tb, 3, &lo, &hi, &err), -1);
	CHECK(strstr(err.msg, ":5: max_age \"twenty\" is not an age from min_age (30) to 130") != NULL);
	CHECK_INT(compare_table_ages(tb, 4, &lo, &hi, &err), -1);
	CHECK(strstr(err.msg, ":6: max_age \"30\" is not an age from min_age (40) to 130") != NULL);
	CHECK_INT(compare_table_ages(tb, 5, &lo, &hi, &err), -1);
	CHECK(strstr(err.msg, ":7: min_age \"131\" is not an age from 0 to 130") != NULL);
	table_free(tb);
}

int main(void)
{
	RUN(test_table_ages);
	return check_summary();
}
