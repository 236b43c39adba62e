/* Unit tests for util.c and match.c: the pure text, date and varint helpers. */
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
	CHECK_INT(parse_date("12/03/24", 0, d), -1);               /* two-digit years are ambiguous */
	CHECK_INT(parse_date_order("06/03/2019 09:08:25 AM", DATE_MONTH_FIRST, d), 0);
	CHECK_STR(d, "2019-06-03");                                /* SurveyMonkey, US order */
	CHECK_INT(parse_date_order("06/25/2019", DATE_DAY_FIRST, d), -1); /* no fallback */
	CHECK_INT(parse_date_order("25/06/2019", DATE_MONTH_FIRST, d), -1);
	CHECK_INT(parse_date_order("2019-06-25", DATE_MONTH_FIRST, d), 0); /* ISO is ISO */
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

int main(void)
{
	RUN(test_normalize);
	RUN(test_squeeze);
	RUN(test_dates);
	RUN(test_parse_long);
	RUN(test_varint);
	RUN(test_match);
	return check_summary();
}
