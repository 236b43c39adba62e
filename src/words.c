/* words.c — see words.h. */
#include "words.h"

#include <assert.h>
#include <math.h>
#include <string.h>

#include "policy.h"

#define HALF POLICY_TEXT(POLICY_RATIO_HALF)
#define FOUR_FIFTHS POLICY_TEXT(POLICY_PARITY_TARGET)
#define HIGH POLICY_TEXT(POLICY_RATIO_HIGH)

/*
 * The palette: Okabe-Ito hues, safe for colour-blind readers, darkened where
 * needed to reach 3:1 against white (tests/unit/test_chart.c computes each
 * ratio from these hex values).
 */
static const struct colour_words colours[] = {
	[COLOUR_NONE] = { "#FFFFFF", "none", "not charted" },
	[COLOUR_UNDER] = { "#D55E00", "vermilion", "under-represented: the interval lies below 1" },
	[COLOUR_UNCLEAR] = { "#AA3377", "reddish purple", "the interval includes 1" },
	[COLOUR_OVER] = { "#0072B2", "blue", "over-represented: the interval lies above 1" },
	[COLOUR_FEW] = { "#767676", "grey", "too few to say" },
	[COLOUR_RESPONDENTS] = { "#007A5E", "bluish green", "respondents" },
	[COLOUR_REFERENCE] = { "#000000", "black", "what the figures are read against: parity, the target, the residents, a fitted trend" },
};
static_assert(sizeof colours / sizeof *colours == COLOUR_COUNT, "a colour for every meaning");

const struct colour_words *words_colour(enum chart_colour c)
{
	return (unsigned)c < COLOUR_COUNT ? &colours[c] : &colours[COLOUR_NONE];
}

/*
 * A colour by the evidence, a marker shape by the reading (gnuplot point
 * types: 2 cross, 4 open square, 6 open circle, 7 filled circle, 8 and 9
 * triangles up, 10 and 11 triangles down, 12 and 13 diamonds), so that a
 * chart reads without colour.
 */
static const struct reading_words readings[] = {
	[READING_FAR_BELOW] = { "far_below", "well under-represented",
		"interval below 1, ratio under " HALF, "below", COLOUR_UNDER, "vermilion",
		11, "filled triangle pointing down" },
	[READING_BELOW] = { "below", "under-represented",
		"interval below 1, ratio " HALF " to under " FOUR_FIFTHS, "below", COLOUR_UNDER, "vermilion",
		10, "open triangle pointing down" },
	[READING_SLIGHTLY_BELOW] = { "slightly_below", "slightly under-represented",
		"interval below 1, ratio " FOUR_FIFTHS " or more", "below", COLOUR_UNDER, "vermilion",
		12, "open diamond" },
	[READING_UNCLEAR_BELOW] = { "unclear_below", "perhaps under-represented",
		"interval includes 1, ratio under " FOUR_FIFTHS, "unclear", COLOUR_UNCLEAR, "reddish purple",
		6, "open circle" },
	[READING_NO_CLEAR] = { "no_clear", "no clear difference",
		"interval includes 1, ratio " FOUR_FIFTHS " to " HIGH, "unclear", COLOUR_UNCLEAR, "reddish purple",
		7, "filled circle" },
	[READING_UNCLEAR_ABOVE] = { "unclear_above", "perhaps over-represented",
		"interval includes 1, ratio over " HIGH, "unclear", COLOUR_UNCLEAR, "reddish purple",
		4, "open square" },
	[READING_SLIGHTLY_ABOVE] = { "slightly_above", "slightly over-represented",
		"interval above 1, ratio " HIGH " or less", "above", COLOUR_OVER, "blue",
		13, "filled diamond" },
	[READING_ABOVE] = { "above", "over-represented",
		"interval above 1, ratio over " HIGH, "above", COLOUR_OVER, "blue",
		9, "filled triangle pointing up" },
	[READING_LOW_N] = { "low_n", "too few to say",
		"no residents expected, or an interval from under " HALF " to over " HIGH, "unclear", COLOUR_FEW, "grey",
		2, "cross" },
	[READING_NOT_COMPARED] = { "not_compared", "not compared", "the census has no figure for it", NULL,
		COLOUR_NONE, NULL, 0, NULL },
	[READING_WITHHELD] = { "withheld", "withheld", "hidden so that no published figure gives a small count away",
		NULL, COLOUR_NONE, NULL, 0, NULL },
};
static_assert(sizeof readings / sizeof *readings == READING_COUNT, "a wording for every reading");

const struct reading_words *words_reading(enum reading r)
{
	return (unsigned)r < READING_COUNT ? &readings[r] : &readings[READING_WITHHELD];
}

enum reading words_reading_flag(enum stats_flag flag)
{
	switch (flag) {
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

int words_group_shown(const struct compare_dimension *d, size_t g)
{
	const struct compare_category *grp = &d->groups[g];
	for (size_t k = 0; grp->age_min >= 0 && k < d->ncats; k++)
		if (d->cats[k].age_min == grp->age_min && d->cats[k].age_max == grp->age_max)
			return 0;
	return 1;
}

enum reading words_reading_of(const struct compare_category *c, int compared)
{
	if (!compared || isnan(c->population))
		return READING_NOT_COMPARED;
	return words_reading_flag(c->st.flag);
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
