/* Unit tests for tag.c against the built-in taxonomy in seeds/taxonomy/. */
#include "check.h"
#include "date.h"
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
	RUN(test_two_question_disability);
	RUN(test_categories_and_rollups);
	tag_free(tx);
	return check_summary();
}
