/* words.c — see words.h. */
#include "words.h"

#include <assert.h>
#include <math.h>
#include <string.h>

#include "policy.h"

#define HALF POLICY_TEXT(POLICY_RATIO_HALF)
#define FOUR_FIFTHS POLICY_TEXT(POLICY_PARITY_TARGET)
#define HIGH POLICY_TEXT(POLICY_RATIO_HIGH)

/* Colours (charts/ratios.gp numbers them): Okabe-Ito, safe for colour-blind readers. */
static const struct reading_words readings[] = {
	[READING_FAR_BELOW] = { "far_below", "well under-represented",
		"interval below 1, ratio under " HALF, "below", 1, "vermilion" },
	[READING_BELOW] = { "below", "under-represented",
		"interval below 1, ratio " HALF " to under " FOUR_FIFTHS, "below", 1, "vermilion" },
	[READING_SLIGHTLY_BELOW] = { "slightly_below", "slightly under-represented",
		"interval below 1, ratio " FOUR_FIFTHS " or more", "below", 2, "orange" },
	[READING_UNCLEAR_BELOW] = { "unclear_below", "perhaps under-represented",
		"interval includes 1, ratio under " FOUR_FIFTHS, "unclear", 6, "purple" },
	[READING_NO_CLEAR] = { "no_clear", "no clear difference",
		"interval includes 1, ratio " FOUR_FIFTHS " to " HIGH, "unclear", 3, "green" },
	[READING_UNCLEAR_ABOVE] = { "unclear_above", "perhaps over-represented",
		"interval includes 1, ratio over " HIGH, "unclear", 6, "purple" },
	[READING_SLIGHTLY_ABOVE] = { "slightly_above", "slightly over-represented",
		"interval above 1, ratio " HIGH " or less", "above", 7, "sky blue" },
	[READING_ABOVE] = { "above", "over-represented",
		"interval above 1, ratio over " HIGH, "above", 4, "blue" },
	[READING_LOW_N] = { "low_n", "too few to say",
		"no residents expected, or an interval from under " HALF " to over " HIGH, "unclear", 5, "grey" },
	[READING_NOT_COMPARED] = { "not_compared", "not compared", "the census has no figure for it", NULL, 0, NULL },
	[READING_WITHHELD] = { "withheld", "withheld", "hidden so that no published figure gives a small count away",
		NULL, 0, NULL },
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
	case STATS_FLAG_FAR_BELOW: return READING_FAR_BELOW;
	case STATS_FLAG_BELOW: return READING_BELOW;
	case STATS_FLAG_SLIGHTLY_BELOW: return READING_SLIGHTLY_BELOW;
	case STATS_FLAG_UNCLEAR_BELOW: return READING_UNCLEAR_BELOW;
	case STATS_FLAG_UNCLEAR_ABOVE: return READING_UNCLEAR_ABOVE;
	case STATS_FLAG_SLIGHTLY_ABOVE: return READING_SLIGHTLY_ABOVE;
	case STATS_FLAG_ABOVE: return READING_ABOVE;
	case STATS_FLAG_LOW_N: return READING_LOW_N;
	case STATS_FLAG_NO_CLEAR: break;
	}
	return READING_NO_CLEAR;
}

const char *words_size(enum stats_size size)
{
	switch (size) {
	case STATS_SIZE_UNDER_HALF: return "under_half";
	case STATS_SIZE_BELOW_FOUR_FIFTHS: return "below_four_fifths";
	case STATS_SIZE_NEAR_PARITY: return "near_parity";
	case STATS_SIZE_OVER: return "over";
	case STATS_SIZE_UNKNOWN: break;
	}
	return NULL;
}

const char *words_adjust_code(enum stats_adjust adjust)
{
	return adjust == STATS_ADJUST_HOLM ? "holm" : adjust == STATS_ADJUST_BH ? "bh" : "none";
}

char *words_comparisons(size_t comparisons, enum stats_adjust adjust, double confidence)
{
	struct buf b = { 0 };
	double alpha = 1 - confidence, percent = 100 * alpha;
	buf_printf(&b, "This report compares %zu categor%s with residents' shares, each with a %g%% interval; ", comparisons,
	    comparisons == 1 ? "y" : "ies", 100 * confidence);
	if (adjust == STATS_ADJUST_HOLM)
		buf_printf(&b, "a reading of below or above also needs its p-value, adjusted by Holm's method across them "
			       "all, under %g%%, so that the chance of even one difference read where there is none stays "
			       "under %g%% (--adjust holm); the intervals shown are not adjusted", percent, percent);
	else if (adjust == STATS_ADJUST_BH)
		buf_printf(&b, "a reading of below or above also needs its p-value, adjusted by the Benjamini-Hochberg "
			       "method across them all, under %g%%, so that on average under %g%% of the differences read "
			       "are due to chance (--adjust bh); the intervals shown are not adjusted", percent, percent);
	else
		buf_printf(&b, "about 1 in %.0f of them would show a difference by chance alone even if there were none, "
			       "so a single reading of below or above among many is weak evidence (no adjustment; --adjust "
			       "holm or bh makes one)", 1 / alpha);
	return b.data;
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
