/* Unit tests for tag.c against the built-in taxonomy in seeds/taxonomy/. */
#include "check.h"
#include "date.h"
#include "policy.h"
#include "tag.h"

static struct taxonomy *tx;

/* Checks the interval RAW is read as; max -1 is open ("75+"), min -2 means unreadable. */
static void age_is(const char *raw, int want_min, int want_max)
{
	int lo = -2, hi = -2;
	int rc = tag_age_interval(tx, raw, &lo, &hi);
	if (want_min == -2) {
		CHECK_INT(rc, -1);
		return;
	}
	CHECK_INT(rc, 0);
	if (lo != want_min || hi != want_max)
		fprintf(stderr, "  age \"%s\" read as [%d, %d]\n", raw, lo, hi);
	CHECK_INT(lo, want_min);
	CHECK_INT(hi, want_max);
}

static void test_age_wordings(void)
{
	age_is("18-24", 18, 24);
	age_is("18 to 24", 18, 24);
	age_is("25\xE2\x80\x93" "34", 25, 34);          /* en dash */
	age_is("16–24", 16, 24);
	age_is("75+", 75, TAG_AGE_OPEN);
	age_is("75 and over", 75, TAG_AGE_OPEN);
	age_is("Over 75", 75, TAG_AGE_OPEN);
	age_is("85 or over", 85, TAG_AGE_OPEN);
	age_is("Aged 65 or older", 65, TAG_AGE_OPEN);
	age_is("Under 18", 0, 17);
	age_is("Under 16", 0, 15);
	age_is("34", 34, 34);
	age_is("34 years old", 34, 34);
	age_is("Aged 18 to 24 years", 18, 24);
	age_is("Prefer not to say", -2, 0);
	age_is("24-18", -2, 0);                         /* backwards */
	age_is("18-24-30", -2, 0);
	age_is("about 40ish", -2, 0);
	age_is("", -2, 0);
}

static void tag_is(enum role role, const char *dimension, const char *raw, enum tag_status status, const char *code)
{
	struct tag_result r;
	tag_answer(tx, role, dimension, raw, 0, &r);
	if (r.status != status || (code && (!r.code || strcmp(r.code, code) != 0)))
		fprintf(stderr, "  %s \"%s\" tagged %s %s\n", dimension, raw, tag_status_name(r.status),
		    r.code ? r.code : "-");
	CHECK_INT(r.status, status);
	if (code)
		CHECK_STR(r.code, code);
}

static void test_ethnicity(void)
{
	const enum role e = ROLE_ETHNICITY;
	tag_is(e, "ethnicity_detailed", "White: English, Welsh, Scottish, Northern Irish or British", TAG_CATEGORY, "white_british");
	tag_is(e, "ethnicity", "White: English, Welsh, Scottish, Northern Irish or British", TAG_CATEGORY, "white");
	tag_is(e, "ethnicity_detailed", "White British", TAG_CATEGORY, "white_british");
	tag_is(e, "ethnicity_detailed", "Other White", TAG_CATEGORY, "white_other");
	tag_is(e, "ethnicity_detailed", "Asian or Asian British: Indian", TAG_CATEGORY, "asian_indian");
	tag_is(e, "ethnicity", "Asian or Asian British: Indian", TAG_CATEGORY, "asian");
	tag_is(e, "ethnicity_detailed", "Black or Black British: Caribbean", TAG_CATEGORY, "black_caribbean");
	/* Five-group answers: known broadly, not in detail. */
	tag_is(e, "ethnicity", "Black, African, Caribbean or Black British", TAG_CATEGORY, "black");
	tag_is(e, "ethnicity_detailed", "Black, African, Caribbean or Black British", TAG_BROAD, NULL);
	tag_is(e, "ethnicity", "Asian or Asian British", TAG_CATEGORY, "asian");
	tag_is(e, "ethnicity_detailed", "Mixed: White and Asian", TAG_CATEGORY, "mixed_white_asian");
	tag_is(e, "ethnicity_detailed", "Prefer not to say", TAG_DECLINED, NULL);
	tag_is(e, "ethnicity", "", TAG_MISSING, NULL);
	tag_is(e, "ethnicity", "N/A", TAG_MISSING, NULL);
	/* Answers that name only a roll-up: known to be in it, not which group. */
	tag_is(e, "ethnicity", "BAME", TAG_BROAD, "bme");
	tag_is(e, "ethnicity_detailed", "BAME", TAG_BROAD, NULL);
	tag_is(e, "ethnicity_detailed", "Ethnic minority", TAG_BROAD, "ethnic_minority");
	tag_is(e, "ethnicity", "Ethnic minority", TAG_BROAD, NULL);
	tag_is(e, "ethnicity", "Martian", TAG_UNMATCHED, NULL);
}

static void test_other_dimensions(void)
{
	tag_is(ROLE_SEX, "sex", "Female", TAG_CATEGORY, "female");
	tag_is(ROLE_SEX, "sex", "MALE", TAG_CATEGORY, "male");
	tag_is(ROLE_SEX, "sex", "Prefer to self-describe", TAG_CATEGORY, "other");
	tag_is(ROLE_SEX, "sex", "Rather not say", TAG_DECLINED, NULL);
	tag_is(ROLE_DISABILITY, "disability", "Yes", TAG_CATEGORY, "disabled");
	tag_is(ROLE_DISABILITY, "disability", "Yes, limited a lot", TAG_CATEGORY, "disabled");
	tag_is(ROLE_DISABILITY, "disability", "No", TAG_CATEGORY, "not_disabled");
	tag_is(ROLE_RELIGION, "religion", "None", TAG_CATEGORY, "no_religion");
	tag_is(ROLE_RELIGION, "religion", "Refused", TAG_DECLINED, NULL);
	tag_is(ROLE_SEXUAL_ORIENTATION, "sexual_orientation", "Straight or heterosexual", TAG_CATEGORY, "straight");
	tag_is(ROLE_ARMED_FORCES, "armed_forces", "Yes, previously served in Regular Armed Forces", TAG_CATEGORY, "veteran");
	tag_is(ROLE_ARMED_FORCES, "armed_forces", "No", TAG_CATEGORY, "not_veteran");
	tag_is(ROLE_CARER, "carer", "Yes, 10 to 19 hours a week", TAG_CATEGORY, "carer");
	tag_is(ROLE_CARER, "carer", "Not stated", TAG_DECLINED, NULL);
}

static void test_birth(void)
{
	struct tag_result r;
	tag_answer(tx, ROLE_BIRTH_YEAR, "age", "1984", 0, &r);
	CHECK_INT(r.status, TAG_CATEGORY);
	CHECK_INT(r.number, 1984);
	tag_answer(tx, ROLE_DATE_OF_BIRTH, "age", "05/03/1984", 0, &r);   /* day first */
	CHECK_INT(r.status, TAG_CATEGORY);
	CHECK_INT(r.number, date_to_days("1984-03-05"));
	tag_answer(tx, ROLE_DATE_OF_BIRTH, "age", "05/03/1984", 1, &r);   /* month first */
	CHECK_INT(r.number, date_to_days("1984-05-03"));
	tag_answer(tx, ROLE_DATE_OF_BIRTH, "age", "Prefer not to say", 0, &r);
	CHECK_INT(r.status, TAG_DECLINED);
	tag_answer(tx, ROLE_BIRTH_YEAR, "age", "nineteen eighty", 0, &r);
	CHECK_INT(r.status, TAG_UNMATCHED);
}

/* One-letter codes and the wordings platforms use (GSS harmonised sex question: "Female", "Male"). */
static void test_sex_wordings(void)
{
	tag_is(ROLE_SEX, "sex", "F", TAG_CATEGORY, "female");
	tag_is(ROLE_SEX, "sex", "f", TAG_CATEGORY, "female");
	tag_is(ROLE_SEX, "sex", "W", TAG_CATEGORY, "female");          /* woman */
	tag_is(ROLE_SEX, "sex", "M", TAG_CATEGORY, "male");
	tag_is(ROLE_SEX, "sex", "Woman", TAG_CATEGORY, "female");
	tag_is(ROLE_SEX, "sex", "Man", TAG_CATEGORY, "male");
	tag_is(ROLE_SEX, "sex", "Female (including trans women)", TAG_CATEGORY, "female");
	tag_is(ROLE_SEX, "sex", "Male (including trans men)", TAG_CATEGORY, "male");
	tag_is(ROLE_SEX, "sex", "I use another term", TAG_CATEGORY, "other");
	tag_is(ROLE_SEX, "sex", "Other", TAG_CATEGORY, "other");
	tag_is(ROLE_SEX, "sex", "Prefer not to say", TAG_DECLINED, NULL);
	tag_is(ROLE_SEX, "sex", "X", TAG_UNMATCHED, NULL);              /* no letter code for it */
	tag_is(ROLE_SEX, "sex", "Different identity", TAG_CATEGORY, "other");  /* EHRC-style option lists */
	tag_is(ROLE_SEX, "sex", "Neither", TAG_CATEGORY, "other");
	tag_is(ROLE_SEX, TAG_SEX_GENDER_IDENTITY, "Neither", TAG_MISSING, NULL);
}

/*
 * Gender identities in a sex question (tag.h): sex `other`, never female or
 * male; different_from_birth in the sex question's gender identity; every
 * other answer missing there, so nothing is unmatched twice.
 */
static void test_gender_identity_in_sex(void)
{
	const char *g = TAG_SEX_GENDER_IDENTITY;
	const char *const *dims = tag_dimensions(ROLE_SEX);
	CHECK_STR(dims[0], "sex");
	CHECK_STR(dims[1], g);
	CHECK(dims[2] == NULL);
	CHECK_STR(tag_dimensions(ROLE_GENDER_IDENTITY)[0], "gender_identity");
	const char *identities[] = { "Trans woman", "Trans man", "Non-binary", "Gender non-conforming",
	    "Transgender", "Genderqueer", "Agender" };
	for (size_t i = 0; i < sizeof identities / sizeof *identities; i++) {
		tag_is(ROLE_SEX, "sex", identities[i], TAG_CATEGORY, "other");
		tag_is(ROLE_SEX, g, identities[i], TAG_CATEGORY, "different_from_birth");
	}
	tag_is(ROLE_SEX, g, "Female", TAG_MISSING, NULL);              /* says nothing of gender identity */
	tag_is(ROLE_SEX, g, "Female (including trans women)", TAG_MISSING, NULL);
	tag_is(ROLE_SEX, g, "Prefer to self-describe", TAG_MISSING, NULL);  /* not said to differ */
	tag_is(ROLE_SEX, "sex", "Prefer to self-describe", TAG_CATEGORY, "other");
	tag_is(ROLE_SEX, g, "Intersex", TAG_MISSING, NULL);            /* a sex characteristic, not an identity */
	tag_is(ROLE_SEX, g, "Prefer not to say", TAG_DECLINED, NULL);
	tag_is(ROLE_SEX, g, "X", TAG_MISSING, NULL);                   /* unmatched once, in sex */
	tag_is(ROLE_SEX, "sex", "X", TAG_UNMATCHED, NULL);
	/* The GSS gender identity question keeps its own reading. */
	tag_is(ROLE_GENDER_IDENTITY, "gender_identity", "Yes", TAG_CATEGORY, "same_as_birth");
}

/* 0/1 and true/false: yes/no questions only. */
static void test_yes_no_codes(void)
{
	tag_is(ROLE_ARMED_FORCES, "armed_forces", "1", TAG_CATEGORY, "veteran");
	tag_is(ROLE_ARMED_FORCES, "armed_forces", "0", TAG_CATEGORY, "not_veteran");
	tag_is(ROLE_CARER, "carer", "TRUE", TAG_CATEGORY, "carer");
	tag_is(ROLE_CARER, "carer", "false", TAG_CATEGORY, "not_carer");
	tag_is(ROLE_DISABILITY, "disability", "1", TAG_CATEGORY, "disabled");
	tag_is(ROLE_DISABILITY, "disability", "0", TAG_CATEGORY, "not_disabled");
	tag_is(ROLE_DISABILITY_CONDITION, "disability_condition", "True", TAG_CATEGORY, "yes");
	tag_is(ROLE_SEX, "sex", "1", TAG_UNMATCHED, NULL);
	tag_is(ROLE_SEX, "sex", "0", TAG_UNMATCHED, NULL);
	tag_is(ROLE_ETHNICITY, "ethnicity", "1", TAG_UNMATCHED, NULL);
	tag_is(ROLE_ETHNICITY, "ethnicity_detailed", "true", TAG_UNMATCHED, NULL);
	tag_is(ROLE_RELIGION, "religion", "0", TAG_UNMATCHED, NULL);
	tag_is(ROLE_SEXUAL_ORIENTATION, "sexual_orientation", "1", TAG_UNMATCHED, NULL);
	tag_is(ROLE_GENDER_IDENTITY, "gender_identity", "1", TAG_UNMATCHED, NULL);
	tag_is(ROLE_DISABILITY_LIMITATION, "disability_limitation", "1", TAG_UNMATCHED, NULL);  /* a lot, a little, not at all */
}

/* Platform wordings of the Census 2021 ethnic groups and the 2011 disability question. */
static void test_platform_wordings(void)
{
	const enum role e = ROLE_ETHNICITY;
	tag_is(e, "ethnicity_detailed", "White - British", TAG_CATEGORY, "white_british");
	tag_is(e, "ethnicity_detailed", "White: English/Welsh/Scottish/Northern Irish/British", TAG_CATEGORY, "white_british");
	tag_is(e, "ethnicity_detailed", "White - English, Welsh, Scottish, Northern Irish or British", TAG_CATEGORY, "white_british");
	tag_is(e, "ethnicity_detailed", "Asian or Asian British: Indian", TAG_CATEGORY, "asian_indian");
	tag_is(e, "ethnicity_detailed", "Asian, Asian British or Asian Welsh - Pakistani", TAG_CATEGORY, "asian_pakistani");
	tag_is(e, "ethnicity_detailed", "Black, Black British, Caribbean or African \xE2\x80\x93 Caribbean", TAG_CATEGORY, "black_caribbean");
	tag_is(e, "ethnicity_detailed", "Black, Black British, Caribbean or African: African", TAG_CATEGORY, "black_african");
	tag_is(e, "ethnicity_detailed", "Black, Black British, Black Welsh, Caribbean or African - Caribbean", TAG_CATEGORY, "black_caribbean");
	tag_is(e, "ethnicity_detailed", "Mixed or Multiple ethnic groups - White and Black Caribbean", TAG_CATEGORY, "mixed_white_black_caribbean");
	tag_is(e, "ethnicity_detailed", "Other ethnic group - Arab", TAG_CATEGORY, "other_arab");
	tag_is(ROLE_DISABILITY, "disability", "Yes, limited a little", TAG_CATEGORY, "disabled");
	tag_is(ROLE_DISABILITY, "disability", "No", TAG_CATEGORY, "not_disabled");
}

/* Ages outside 0 to 110 (POLICY_AGE_CEILING) at submission are unmatched. */
static void birth_is(enum role role, const char *raw, int month_first, const char *first, const char *last,
    enum tag_status status, long number)
{
	struct tag_question q = { month_first, first ? date_to_days(first) : -1, date_to_days(last), 0 };
	struct tag_result r;
	tag_answer_in(tx, role, "age", raw, &q, &r);
	if (r.status != status || (status == TAG_CATEGORY && r.number != number))
		fprintf(stderr, "  \"%s\" tagged %s %ld\n", raw, tag_status_name(r.status), r.number);
	CHECK_INT(r.status, status);
	if (status == TAG_CATEGORY)
		CHECK_INT(r.number, number);
}

static void test_age_range(void)
{
	const enum role y = ROLE_BIRTH_YEAR, b = ROLE_DATE_OF_BIRTH;
	CHECK_INT(POLICY_AGE_CEILING, 110);
	/* A year alone is 1 July: born 1 July 1914 is 110 on 1 July 2024, 109 the day before. */
	birth_is(y, "1914", 0, "2024-06-01", "2024-07-15", TAG_CATEGORY, 1914);
	birth_is(y, "1913", 0, "2024-07-02", "2024-08-15", TAG_UNMATCHED, 0);   /* 111 on the first day */
	birth_is(y, "1913", 0, "2024-06-01", "2024-08-15", TAG_CATEGORY, 1913); /* 110 until 30 June */
	birth_is(y, "1900", 0, NULL, "2024-08-15", TAG_UNMATCHED, 0);           /* 124 */
	birth_is(y, "2025", 0, NULL, "2025-03-01", TAG_UNMATCHED, 0);           /* born 1 July 2025: after the close */
	birth_is(y, "2024", 0, NULL, "2025-03-01", TAG_CATEGORY, 2024);         /* 0 is an age */
	birth_is(b, "31/12/1913", 0, "2024-06-01", "2024-08-15", TAG_CATEGORY, date_to_days("1913-12-31"));  /* 110 */
	birth_is(b, "01/01/1913", 0, "2024-06-01", "2024-08-15", TAG_UNMATCHED, 0);  /* 111 */
	birth_is(b, "01/01/2030", 0, NULL, "2025-03-01", TAG_UNMATCHED, 0);      /* not yet born */
	/* Plain ages. */
	tag_is(ROLE_AGE, "age", "110", TAG_CATEGORY, NULL);
	tag_is(ROLE_AGE, "age", "111", TAG_UNMATCHED, NULL);
	tag_is(ROLE_AGE, "age", "0", TAG_CATEGORY, NULL);
	tag_is(ROLE_AGE, "age", "85+", TAG_CATEGORY, NULL);                    /* bands are not ages */
	/* Out of range with the window unknown: today's date; 1890 is 135 or more in any year from 2025. */
	tag_is(ROLE_BIRTH_YEAR, "age", "1890", TAG_UNMATCHED, NULL);
	tag_is(ROLE_BIRTH_YEAR, "age", "2099", TAG_UNMATCHED, NULL);
}

/* Two-digit years of birth, window 2025-01-15 to 2025-03-01 (worked by hand). */
static void test_two_digit_birth(void)
{
	const enum role b = ROLE_DATE_OF_BIRTH;
	const char *o = "2025-01-15", *c = "2025-03-01";
	/* 47: 2047 is after 2025, so 1947 (age 77). */
	birth_is(b, "05/03/47", 0, o, c, TAG_CATEGORY, date_to_days("1947-03-05"));
	/* 25: 25/12/2025 is after the close (age -1), 1925 is 99: 1925. */
	birth_is(b, "25/12/25", 0, o, c, TAG_CATEGORY, date_to_days("1925-12-25"));
	/* 05: 2005 (19), 1905 (119, past 110): 2005. */
	birth_is(b, "05/03/05", 0, o, c, TAG_CATEGORY, date_to_days("2005-03-05"));
	/* 15: 2015 (9) or 1915 (109): both possible, so unmatched. */
	birth_is(b, "05/03/15", 0, o, c, TAG_UNMATCHED, 0);
	/* 00: 2000 (24) or 1900 (124): 2000; 29 February exists in 2000 only. */
	birth_is(b, "29/02/00", 0, o, c, TAG_CATEGORY, date_to_days("2000-02-29"));
	/* Month first, and a column of both orders: 05/06 is 5 June or 6 May. */
	birth_is(b, "06/25/80", 1, o, c, TAG_CATEGORY, date_to_days("1980-06-25"));
	birth_is(b, "25/06/1980", DATE_ORDER_MIXED, o, c, TAG_CATEGORY, date_to_days("1980-06-25"));
	birth_is(b, "05/06/1980", DATE_ORDER_MIXED, o, c, TAG_UNMATCHED, 0);
	birth_is(b, "06/06/1980", DATE_ORDER_MIXED, o, c, TAG_CATEGORY, date_to_days("1980-06-06"));
}

/* Age questions whose answers are group codes. */
static void test_coded_ages(void)
{
	const char *codes[] = { "1", "2", "3", "4", "5", "6", "7", "Prefer not to say", NULL };
	const uint64_t counts[] = { 10, 20, 30, 30, 20, 10, 5, 3, 0 };
	CHECK(tag_age_looks_coded(codes, counts, 9));                 /* 7 numbers, all 0-20 */
	CHECK(tag_age_looks_coded(codes, NULL, 7));
	const char *ages[] = { "34", "56", "71" };
	CHECK(!tag_age_looks_coded(ages, NULL, 3));                   /* over 20 */
	const char *bands[] = { "1", "18-24", "25-34" };
	CHECK(!tag_age_looks_coded(bands, NULL, 3));                  /* bands are ages */
	const char *many[] = { "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12" };
	CHECK(!tag_age_looks_coded(many, NULL, 13));                  /* 13 different numbers */
	CHECK(tag_age_looks_coded(many, NULL, 12));                   /* 12 */
	const char *words[] = { "Prefer not to say" };
	CHECK(!tag_age_looks_coded(words, NULL, 1));                  /* no number at all */
	const uint64_t unused[] = { 0 };
	const char *old[] = { "81" };
	CHECK(!tag_age_looks_coded(old, NULL, 1));
	CHECK(!tag_age_looks_coded(old, unused, 1) && !tag_age_looks_coded(NULL, NULL, 0));
	CHECK(tag_age_header_coded(tx, "Which age group are you in?"));
	CHECK(tag_age_header_coded(tx, "Age category"));
	CHECK(tag_age_header_coded(tx, "AGE_BAND"));
	CHECK(!tag_age_header_coded(tx, "How old are you?"));
	CHECK(!tag_age_header_coded(tx, "What is your age?"));
	CHECK(!tag_age_header_coded(tx, NULL));
	struct tag_question q = { 0, -1, -1, 1 };
	struct tag_result r;
	tag_answer_in(tx, ROLE_AGE, "age", "3", &q, &r);
	CHECK_INT(r.status, TAG_UNMATCHED);                           /* a code, not an age of 3 */
	tag_answer_in(tx, ROLE_AGE, "age", "25-34", &q, &r);
	CHECK_INT(r.status, TAG_CATEGORY);                            /* a band still reads */
	tag_answer_in(tx, ROLE_AGE, "age", "Prefer not to say", &q, &r);
	CHECK_INT(r.status, TAG_DECLINED);
	q.age_codes = 0;
	tag_answer_in(tx, ROLE_AGE, "age", "3", &q, &r);
	CHECK_INT(r.status, TAG_CATEGORY);
	CHECK_INT(r.age_min, 3);
	tag_is(ROLE_AGE, "age", "Group 3", TAG_UNMATCHED, NULL);
}

static void combined_is(const char *cond, const char *limit, enum tag_status status, const char *code)
{
	struct tag_result c, l, out;
	tag_answer(tx, ROLE_DISABILITY_CONDITION, "disability_condition", cond, 0, &c);
	tag_answer(tx, ROLE_DISABILITY_LIMITATION, "disability_limitation", limit, 0, &l);
	tag_combine(tx, "disability", &c, &l, &out);
	if (out.status != status)
		fprintf(stderr, "  \"%s\" + \"%s\" combined as %s\n", cond, limit, tag_status_name(out.status));
	CHECK_INT(out.status, status);
	if (code)
		CHECK_STR(out.code, code);
}

static void test_two_question_disability(void)
{
	combined_is("Yes", "Yes, a lot", TAG_CATEGORY, "disabled");
	combined_is("Yes", "Yes, a little", TAG_CATEGORY, "disabled");
	combined_is("Yes", "Not at all", TAG_CATEGORY, "not_disabled");
	combined_is("No", "", TAG_CATEGORY, "not_disabled");
	combined_is("No", "Yes, a lot", TAG_CATEGORY, "not_disabled");   /* no condition: not disabled */
	combined_is("Yes", "", TAG_MISSING, NULL);
	combined_is("Yes", "Prefer not to say", TAG_DECLINED, NULL);
	combined_is("Prefer not to say", "Yes, a lot", TAG_DECLINED, NULL);
	combined_is("", "", TAG_MISSING, NULL);
}

static void test_categories_and_rollups(void)
{
	const struct tag_category *c;
	const struct tag_rollup *u;
	CHECK_INT(tag_categories(tx, "ethnicity_detailed", &c), 19);
	CHECK_INT(tag_categories(tx, "ethnicity", &c), 5);
	size_t n = tag_rollups(tx, "ethnicity", &u);
	CHECK_INT(n, 1);
	CHECK_STR(u[0].code, "bme");
	CHECK_INT(u[0].nmembers, 4);                    /* every group but White */
	n = tag_rollups(tx, "ethnicity_detailed", &u);
	CHECK(n >= 1);
	CHECK_STR(u[0].code, "ethnic_minority");
	CHECK_INT(u[0].nmembers, 18);                   /* every group but White British */
}

/* A label reads as a name, not a code: not empty, not the code, and no word_joined_by_underscores. */
static int reads_as_name(const char *label, const char *code)
{
	if (!label || !*label || strcmp(label, code) == 0)
		return 0;
	for (const char *p = label; *p; p++)
		if (*p == '_')
			return 0;
	return 1;
}

/* tag_label: every category of every dimension, every roll-up and every age group has its label. */
static void test_every_label(void)
{
	size_t dimensions = 0, categories = 0, rollups = 0;
	for (const char *dim; (dim = tag_dimension_at(tx, dimensions)) != NULL; dimensions++) {
		const struct tag_category *c;
		size_t n = tag_categories(tx, dim, &c);
		for (size_t k = 0; k < n; k++, categories++) {
			const char *label = tag_label(tx, dim, c[k].code);
			if (!reads_as_name(label, c[k].code))
				fprintf(stderr, "no label for %s %s\n", dim, c[k].code);
			CHECK(reads_as_name(label, c[k].code));
		}
		const struct tag_rollup *u;
		n = tag_rollups(tx, dim, &u);
		for (size_t k = 0; k < n; k++, rollups++)
			CHECK(reads_as_name(tag_label(tx, dim, u[k].code), u[k].code));
	}
	/* seeds/taxonomy/categories.csv: 12 dimensions, 53 rows; rollups.csv: 4 roll-ups. */
	CHECK_INT(dimensions, 12);
	CHECK_INT(categories, 53);
	CHECK_INT(rollups, 4);
	/* The labels the census and GSS give, as seeds/taxonomy/categories.csv carries them. */
	CHECK_STR(tag_label(tx, "ethnicity_detailed", "asian_bangladeshi"), "Asian, Asian British or Asian Welsh: Bangladeshi");
	CHECK_STR(tag_label(tx, "ethnicity_detailed", "white_gypsy_traveller"), "White: Gypsy or Irish Traveller");
	CHECK_STR(tag_label(tx, "disability", "not_disabled"), "Not disabled under the Equality Act");
	CHECK_STR(tag_label(tx, "gender_identity", "same_as_birth"), "Gender identity the same as sex registered at birth");
	CHECK_STR(tag_label(tx, "ethnicity", "bme"), "Black and minority ethnic (BME)");
	CHECK_STR(tag_label(tx, "sexual_orientation", "lgb_plus"),
	    "Lesbian, gay, bisexual and other sexual orientations (LGB+)");
	/* Age groups from seeds/taxonomy/age_groups.csv; an age band reads as itself; "other" differs by dimension. */
	CHECK_STR(tag_label(tx, "age", "75+"), "Aged 75 and over");
	CHECK_STR(tag_label(tx, "age", "18-24"), "Aged 18 to 24");
	CHECK_STR(tag_label(tx, "age", "25-34"), "25-34");
	CHECK_STR(tag_label(tx, "religion", "other"), "Other religion");
	CHECK_STR(tag_label(tx, "ethnicity", "other"), "Other ethnic group");
	CHECK_STR(tag_label(tx, "sex", "75+"), "75+");
	CHECK_STR(tag_label(tx, "no_such_dimension", "x_y"), "x_y");
}

int main(void)
{
	struct reach_error err = { 0 };
	tx = tag_load(NULL, &err);
	if (!tx) {
		fprintf(stderr, "%s\n", err.msg);
		return 1;
	}
	RUN(test_age_wordings);
	RUN(test_ethnicity);
	RUN(test_other_dimensions);
	RUN(test_birth);
	RUN(test_sex_wordings);
	RUN(test_gender_identity_in_sex);
	RUN(test_yes_no_codes);
	RUN(test_platform_wordings);
	RUN(test_age_range);
	RUN(test_two_digit_birth);
	RUN(test_coded_ages);
	RUN(test_two_question_disability);
	RUN(test_categories_and_rollups);
	RUN(test_every_label);
	tag_free(tx);
	return check_summary();
}
