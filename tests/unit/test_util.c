/* Unit tests for util.c, text.c, date.c, block.c's varints and match.c. */
#include <pthread.h>
#include <stdlib.h>

#include "check.h"
#include "block.h"
#include "date.h"
#include "match.h"
#include "text.h"
#include "util.h"

static void test_normalize(void)
{
	struct buf b = { 0 };
	text_normalize("  Q12. What is your AGE? ", &b);
	CHECK_STR(b.data, "q12 what is your age");
	text_normalize("White: English, Welsh, Scottish, Northern Irish or British", &b);
	CHECK_STR(b.data, "white english welsh scottish northern irish or british");
	text_normalize("Café – Naïve & Œuvre", &b);        /* accents folded, & as "and" */
	CHECK_STR(b.data, "cafe naive and oeuvre");
	text_normalize("Mixed/multiple ethnic groups", &b);
	CHECK_STR(b.data, "mixed multiple ethnic groups");
	text_normalize("18–24", &b);                        /* en dash is punctuation */
	CHECK_STR(b.data, "18 24");
	text_normalize("", &b);
	CHECK_STR(b.data, "");
	text_normalize("?!", &b);
	CHECK_STR(b.data, "");
	buf_free(&b);
}

/*
 * Folding keeps no state: two threads folding different one-letter accents
 * at once never see each other's letter (the reader thread folds headers
 * while the main thread folds answers). Before the fix, a static buffer was
 * shared between them.
 */
struct fold_job {
	const char *text, *want;
	int wrong;
};

static void *fold_many(void *arg)
{
	struct fold_job *job = arg;
	struct buf b = { 0 };
	for (int i = 0; i < 200000; i++) {
		text_normalize(job->text, &b);
		job->wrong += strcmp(b.data, job->want) != 0;
	}
	buf_free(&b);
	return NULL;
}

static void test_normalize_threads(void)
{
	/* U+0101 (a macron) folds to "a", U+0113 (e macron) to "e": each through the one-letter path. */
	struct fold_job a = { "\xC4\x81\xC4\x81\xC4\x81\xC4\x81", "aaaa", 0 };
	struct fold_job e = { "\xC4\x93\xC4\x93\xC4\x93\xC4\x93", "eeee", 0 };
	pthread_t ta, te;
	CHECK(pthread_create(&ta, NULL, fold_many, &a) == 0);
	CHECK(pthread_create(&te, NULL, fold_many, &e) == 0);
	pthread_join(ta, NULL);
	pthread_join(te, NULL);
	CHECK_INT(a.wrong, 0);
	CHECK_INT(e.wrong, 0);
}

static void test_squeeze(void)
{
	struct buf b = { 0 };
	text_squeeze("  two\n lines\t here ", &b);
	CHECK_STR(b.data, "two lines here");
	CHECK(text_is_squeezed("two lines", 9));
	CHECK(!text_is_squeezed("two  lines", 10));
	CHECK(!text_is_squeezed(" lead", 5));
	CHECK(!text_is_squeezed("a\nb", 3));
	CHECK(text_is_squeezed("", 0));
	buf_free(&b);
}

static void test_dates(void)
{
	char d[11];
	CHECK_INT(parse_date("2024-03-05 14:22:10", 0, d), 0);
	CHECK_STR(d, "2024-03-05");
	CHECK_INT(parse_date("05/03/2024 14:22", 0, d), 0);        /* UK: day first */
	CHECK_STR(d, "2024-03-05");
	CHECK_INT(parse_date("05/03/2024", 1, d), 0);              /* month first when asked */
	CHECK_STR(d, "2024-05-03");
	CHECK_INT(parse_date("03/25/2024", 0, d), 0);              /* a second field over 12 */
	CHECK_STR(d, "2024-03-25");
	CHECK_INT(parse_date("05-03-2024 09:00", 0, d), 0);        /* EngagementHQ */
	CHECK_STR(d, "2024-03-05");
	CHECK_INT(parse_date("2024/03/05 14:22:10 GMT", 0, d), 0); /* Google Forms */
	CHECK_STR(d, "2024-03-05");
	CHECK_INT(parse_date("2024-03-05T14:22:10Z", 0, d), 0);
	CHECK_INT(parse_date("29/02/2023", 0, d), -1);             /* not a leap year */
	CHECK_INT(parse_date("29/02/2024", 0, d), 0);
	CHECK_INT(parse_date("31/04/2024", 0, d), -1);
	CHECK_INT(parse_date("not a date", 0, d), -1);
	CHECK_INT(parse_date("2024-03", 0, d), -1);
	CHECK_INT(parse_date_order("06/03/2019 09:08:25 AM", DATE_MONTH_FIRST, d), 0);
	CHECK_STR(d, "2019-06-03");                                /* SurveyMonkey, US order */
	CHECK_INT(parse_date_order("06/25/2019", DATE_DAY_FIRST, d), -1); /* no fallback */
	CHECK_INT(parse_date_order("25/06/2019", DATE_MONTH_FIRST, d), -1);
	CHECK_INT(parse_date_order("2019-06-25", DATE_MONTH_FIRST, d), 0); /* ISO is ISO */
	/* JotForm's Submission Date: the month by name, in either order setting. */
	CHECK_INT(parse_date("Jul 3, 2026", 0, d), 0);
	CHECK_STR(d, "2026-07-03");
	CHECK_INT(parse_date("Jul 3, 2026", 1, d), 0);
	CHECK_STR(d, "2026-07-03");
	CHECK_INT(parse_date("May 31, 2026", DATE_ORDER_MIXED, d), 0);
	CHECK_STR(d, "2026-05-31");
	CHECK_INT(parse_date("september 30, 2024 10:15", 0, d), 0);
	CHECK_STR(d, "2024-09-30");
	CHECK_INT(parse_date("Sept 30, 2024", 0, d), 0);           /* any prefix of three letters or more */
	CHECK_STR(d, "2024-09-30");
	CHECK_INT(parse_date("Feb 29, 2023", 0, d), -1);           /* not a leap year */
	CHECK_INT(parse_date("Ju 3, 2026", 0, d), -1);             /* June or July? */
	CHECK_INT(parse_date("Jul 3 2026", 0, d), -1);             /* the comma is part of the form */
	CHECK_INT(parse_date("Julyx 3, 2026", 0, d), -1);
	CHECK_INT(parse_date("Jul 3, 26", 0, d), -1);              /* two-digit years only with numbers */
}

/* Two-digit years, each expected value worked by hand from the rule in date.h. */
static void test_two_digit_years(void)
{
	char d[11];
	/* Pivot 2025: the latest year ending in the digits, not after 2025. */
	CHECK_INT(parse_date_latest("12/03/24", 0, 2025, d), 0);   /* 2025 - (25 - 24) = 2024 */
	CHECK_STR(d, "2024-03-12");
	CHECK_INT(parse_date_latest("12/03/25", 0, 2025, d), 0);   /* the pivot year itself */
	CHECK_STR(d, "2025-03-12");
	CHECK_INT(parse_date_latest("12/03/26", 0, 2025, d), 0);   /* 2026 is after 2025: 1926 */
	CHECK_STR(d, "1926-03-12");
	CHECK_INT(parse_date_latest("5/3/00", 0, 2025, d), 0);     /* 00 is 2000 */
	CHECK_STR(d, "2000-03-05");
	CHECK_INT(parse_date_latest("5/3/99", 0, 2025, d), 0);     /* 99 is 1999 */
	CHECK_STR(d, "1999-03-05");
	CHECK_INT(parse_date_latest("05.03.24", 0, 2025, d), 0);   /* dots, as German Excel writes */
	CHECK_STR(d, "2024-03-05");
	CHECK_INT(parse_date_latest("3/25/24", 1, 2025, d), 0);    /* month first */
	CHECK_STR(d, "2024-03-25");
	CHECK_INT(parse_date_latest("29/02/00", 0, 2025, d), 0);   /* 2000 is a leap year */
	CHECK_INT(parse_date_latest("29/02/00", 0, 1999, d), -1);  /* 1900 is not */
	CHECK_INT(parse_date_latest("12-03-24", 0, 2025, d), -1);  /* "-": also written year first */
	CHECK_INT(parse_date_latest("12/03/24", 0, 0, d), -1);     /* no pivot: not read */
	CHECK_INT(parse_date_latest("12/03/4", 0, 2025, d), -1);   /* one digit is no year */
	CHECK_INT(parse_date_latest("12/03/2024", 0, 1999, d), 0); /* four digits as written */
	CHECK_STR(d, "2024-03-12");
	/* By the clock: this year's own two digits are this year. */
	char today[11], mine[11];
	days_to_date(date_today(), today);
	snprintf(mine, sizeof mine, "1/1/%c%c", today[2], today[3]);
	CHECK_INT(parse_date(mine, 0, d), 0);
	CHECK(strncmp(d, today, 4) == 0);
	CHECK_INT(date_current_year(), atoi(today));
}

/* A column that writes both orders: only what reads one way, or the same both ways. */
static void test_mixed_orders(void)
{
	char d[11];
	const char *uk_only[] = { "25/06/2024", "05/03/2024", NULL };
	const char *us_only[] = { "06/25/2024", "05/03/2024" };
	const char *mixed[] = { "25/06/2024", "06/25/2024", "05/03/2024" };
	CHECK_INT(dates_month_first(uk_only, 3), 0);     /* 25/06 reads day first alone */
	CHECK_INT(dates_month_first(us_only, 2), 1);     /* 06/25 reads month first alone */
	CHECK_INT(dates_month_first(mixed, 3), DATE_ORDER_MIXED);
	CHECK_INT(parse_date("25/06/2024", DATE_ORDER_MIXED, d), 0);   /* day first alone */
	CHECK_STR(d, "2024-06-25");
	CHECK_INT(parse_date("06/25/2024", DATE_ORDER_MIXED, d), 0);   /* month first alone */
	CHECK_STR(d, "2024-06-25");
	CHECK_INT(parse_date("05/03/2024", DATE_ORDER_MIXED, d), -1);  /* 5 March or 3 May */
	CHECK_INT(parse_date("07/07/2024", DATE_ORDER_MIXED, d), 0);   /* the same both ways */
	CHECK_STR(d, "2024-07-07");
	CHECK_INT(parse_date("2024-05-03", DATE_ORDER_MIXED, d), 0);   /* ISO is ISO */
	CHECK_STR(d, "2024-05-03");
	CHECK_INT(parse_date_latest("25/06/24", DATE_ORDER_MIXED, 2025, d), 0);
	CHECK_STR(d, "2024-06-25");
}

/* Days since 1970-01-01, counted by hand (2000 is a leap year, 1900 is not). */
static void test_date_to_days(void)
{
	CHECK_INT(date_to_days("1970-01-01"), 0);
	CHECK_INT(date_to_days("1969-12-31"), -1);
	CHECK_INT(date_to_days("2000-03-01"), 10957 + 31 + 29);            /* 2000-01-01 is day 10,957 */
	CHECK_INT(date_to_days("2024-11-28"), 19723 + 305 + 27);           /* 2024-01-01 is day 19,723 */
	CHECK_INT(date_to_days("1900-02-28"), -25509);
	CHECK_INT(date_to_days("2024-01-05 10:00"), 19727);               /* what follows the date is not read */
}

/* Whole years of age: hand-counted birthdays. */
static void test_age_years(void)
{
	long born = date_to_days("1990-06-25");
	CHECK_INT(date_age_years(born, date_to_days("2024-06-24")), 33);   /* the day before the 34th birthday */
	CHECK_INT(date_age_years(born, date_to_days("2024-06-25")), 34);   /* the birthday */
	CHECK_INT(date_age_years(born, date_to_days("1990-06-24")), -1);   /* before birth */
	CHECK_INT(date_age_years(born, born), 0);
}

static void test_parse_long(void)
{
	long v;
	CHECK_INT(parse_long("16", 0, 120, &v), 0);
	CHECK_INT(v, 16);
	CHECK_INT(parse_long("121", 0, 120, &v), -1);
	CHECK_INT(parse_long("12x", 0, 120, &v), -1);
	CHECK_INT(parse_long("", 0, 120, &v), -1);
	CHECK_INT(parse_long(" 5", 0, 120, &v), -1);
}

static void test_varint(void)
{
	unsigned char b[10];
	uint64_t v;
	uint64_t cases[] = { 0, 1, 127, 128, 300, 100000, 4294967295u };
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		size_t n = varint_put(b, cases[i]);
		CHECK_INT(varint_get(b, b + n, &v), n);
		CHECK_INT(v, cases[i]);
	}
	CHECK_INT(varint_put(b, 127), 1);
	CHECK_INT(varint_put(b, 128), 2);
	CHECK_INT(varint_get(b, b + 1, &v), 0);     /* truncated */
}

static void test_match(void)
{
	struct matcher m = { 0 };
	matcher_add(&m, MATCH_CONTAINS, "age", 1, "t", 1);
	matcher_add(&m, MATCH_CONTAINS, "age group", 2, "t", 2);
	matcher_add(&m, MATCH_EXACT, "age", 3, "t", 3);
	matcher_add(&m, MATCH_PREFIX, "white", 4, "t", 4);
	const struct match_rule *r = matcher_find(&m, "age");
	CHECK(r && r->value == 3);                  /* exact wins */
	r = matcher_find(&m, "what is your age group");
	CHECK(r && r->value == 2);                  /* then the longest */
	r = matcher_find(&m, "what is your age");
	CHECK(r && r->value == 1);
	CHECK(matcher_find(&m, "page views") == NULL);  /* word boundaries */
	CHECK(matcher_find(&m, "usage") == NULL);
	r = matcher_find(&m, "white british");
	CHECK(r && r->value == 4);
	CHECK(matcher_find(&m, "not white") == NULL);   /* prefix only at the start */
	matcher_free(&m);
}

/* One rule for codes and slugs (text_is_code), the dates reach is given (date_is_iso), UTF-8 and terminal text. */
static void test_codes_and_text(void)
{
	struct buf b = { 0 };
	CHECK(text_is_code("parking-2018") && text_is_code("mbc-2018.v2+") && text_is_code("E07000110"));
	CHECK(!text_is_code("") && !text_is_code("../../escape") && !text_is_code("..") && !text_is_code(".hidden"));
	CHECK(!text_is_code("-x") && !text_is_code("a b") && !text_is_code("a/b") && !text_is_code("caf\xC3\xA9"));
	CHECK(text_is_code("0123456789012345678901234567890123456789012345678901234567890123"));    /* 64 */
	CHECK(!text_is_code("01234567890123456789012345678901234567890123456789012345678901234")); /* 65 */
	CHECK(date_is_iso("2024-02-29") && !date_is_iso("2023-02-29") && !date_is_iso("2024-02-30"));
	CHECK(!date_is_iso("0000-00-00") && !date_is_iso("15/01/2018") && !date_is_iso("2018-01-15 "));
	CHECK(text_is_utf8("plain") && text_is_utf8("caf\xC3\xA9 \xE2\x80\x93 \xF0\x9F\x98\x80"));
	CHECK(!text_is_utf8("bad \xFF") && !text_is_utf8("\xC0\xAF") && !text_is_utf8("\xED\xA0\x80"));
	CHECK(!text_is_utf8("\xF4\x90\x80\x80") && !text_is_utf8("cut \xE2\x80"));
	text_visible("a\033[31mred\tx\r\n\x7F\xC2\x9B" "2J\xFF caf\xC3\xA9", &b);
	CHECK_STR(b.data, "a\\x1b[31mred\\tx\\r\\n\\x7f\\u009b2J\\xff caf\xC3\xA9");
	text_repair_utf8("ok \xFF\xC3\xA9 \xE2\x80", &b);
	CHECK_STR(b.data, "ok \xEF\xBF\xBD\xC3\xA9 \xEF\xBF\xBD\xEF\xBF\xBD");
	buf_free(&b);
}

int main(void)
{
	RUN(test_normalize);
	RUN(test_normalize_threads);
	RUN(test_squeeze);
	RUN(test_dates);
	RUN(test_two_digit_years);
	RUN(test_mixed_orders);
	RUN(test_date_to_days);
	RUN(test_age_years);
	RUN(test_parse_long);
	RUN(test_varint);
	RUN(test_match);
	RUN(test_codes_and_text);
	return check_summary();
}
