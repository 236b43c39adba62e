/* words.c — see words.h. */
#include "words.h"

#include <assert.h>
#include <math.h>
#include <string.h>

#include "policy.h"

static const struct reading_words readings[] = {
	[READING_OK] = { "ok", "in proportion", "none of these" },
	[READING_UNDER] = { "under", "under-represented", "the ratio's interval lies below 1" },
	[READING_WELL_BELOW] = { "well_below", "well below",
		"ratio under " POLICY_TEXT(POLICY_PARITY_TARGET) },
	[READING_OVER] = { "over", "over-represented", "interval above 1" },
	[READING_LOW_N] = { "low_n", "too few to say",
		"under " POLICY_TEXT(POLICY_MIN_RESPONDENTS) " respondents or an expected count under "
		POLICY_TEXT(POLICY_MIN_EXPECTED) },
	[READING_NOT_COMPARED] = { "not_compared", "not compared", "the census has no figure for it" },
	[READING_WITHHELD] = { "withheld", "withheld", "hidden so that no published figure gives a small count away" },
};
static_assert(sizeof readings / sizeof *readings == READING_COUNT, "a wording for every reading");

const struct reading_words *words_reading(enum reading r)
{
	return (unsigned)r < READING_COUNT ? &readings[r] : &readings[READING_WITHHELD];
}

enum reading words_reading_of(const struct compare_category *c, int compared)
{
	if (!compared || isnan(c->population))
		return READING_NOT_COMPARED;
	switch (c->st.flag) {
	case STATS_FLAG_UNDER: return READING_UNDER;
	case STATS_FLAG_WELL_BELOW: return READING_WELL_BELOW;
	case STATS_FLAG_OVER: return READING_OVER;
	case STATS_FLAG_LOW_N: return READING_LOW_N;
	case STATS_FLAG_OK: break;
	}
	return READING_OK;
}

const char *words_plan_status(enum plan_status status)
{
	static const char *const words[] = {
		[PLAN_MET] = "met", [PLAN_IMPROVING] = "improving", [PLAN_NOT_MET] = "not met",
		[PLAN_NO_DATA] = "no data", [PLAN_NOT_MEASURABLE] = "not measurable by reach",
	};
	static_assert(sizeof words / sizeof *words == PLAN_NOT_MEASURABLE + 1, "a word for every plan status");
	return (unsigned)status <= PLAN_NOT_MEASURABLE ? words[status] : "unknown";
}

const char *words_dimension_title(const char *name)
{
	static const struct { const char *name, *title; } titles[] = {
		{ "age", "Age" }, { "sex", "Sex" }, { "gender_identity", "Gender identity" },
		{ "ethnicity", "Ethnic group (five groups)" }, { "ethnicity_detailed", "Ethnic group (nineteen groups)" },
		{ "disability", "Disability" }, { "sexual_orientation", "Sexual orientation" },
		{ "religion", "Religion" }, { "armed_forces", "Armed forces" }, { "carer", "Unpaid carers" },
	};
	for (size_t i = 0; i < sizeof titles / sizeof *titles; i++)
		if (strcmp(titles[i].name, name) == 0)
			return titles[i].title;
	return name;
}

const char *words_warning_code(enum compare_warning w)
{
	return w == COMPARE_MOSTLY_UNMATCHED ? "mostly_unmatched" : w == COMPARE_NONE_KNOWN ? "no_known_answers" : NULL;
}

const char *words_warning(enum compare_warning w)
{
	if (w == COMPARE_MOSTLY_UNMATCHED)
		return "warning: most answers given match no taxonomy rule, so no shares, ratios or test are shown "
		    "(reach unmatched lists the answers; a taxonomy file can add them)";
	if (w == COMPARE_NONE_KNOWN)
		return "no answer is in a category that can be compared: nothing to show but the counts";
	return NULL;
}
