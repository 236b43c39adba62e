/*
 * test_chart.c — the charts' conventions: every colour at least 3:1 against
 * the background (WCAG 2.1, 1.4.11), one meaning per colour, one marker
 * shape per reading, literal text, and what a chart file standing alone
 * carries; checked on the gnuplot script and data reach writes, without
 * running gnuplot.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "check.h"
#include "trend.h"
#include "words.h"

/* WCAG 2.1 relative luminance of "#RRGGBB": each channel linearised, then 0.2126 R + 0.7152 G + 0.0722 B. */
static double luminance(const char *hex)
{
	double channel[3];
	for (int i = 0; i < 3; i++) {
		char two[3] = { hex[1 + 2 * i], hex[2 + 2 * i], 0 };
		double c = strtol(two, NULL, 16) / 255.0;
		channel[i] = c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
	}
	return 0.2126 * channel[0] + 0.7152 * channel[1] + 0.0722 * channel[2];
}

/* WCAG 2.1 contrast ratio: (lighter + 0.05) / (darker + 0.05). */
static double contrast(const char *a, const char *b)
{
	double la = luminance(a), lb = luminance(b);
	return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

/*
 * Every colour of the palette against the white background. Reference
 * values: the WCAG 2.1 formula worked independently (Python, the same
 * definition), to two decimals: vermilion #D55E00 3.87, reddish purple
 * #AA3377 6.09, blue #0072B2 5.19, grey #767676 4.54, bluish green #007A5E
 * 5.32, black 21. The colours they replace fell short: amber #E69F00 2.25,
 * grey #999999 2.85.
 */
static void test_palette_contrast(void)
{
	static const double want[COLOUR_COUNT] = {
		[COLOUR_UNDER] = 3.87, [COLOUR_UNCLEAR] = 6.09, [COLOUR_OVER] = 5.19, [COLOUR_FEW] = 4.54,
		[COLOUR_RESPONDENTS] = 5.32, [COLOUR_REFERENCE] = 21.0,
	};
	for (enum chart_colour c = COLOUR_UNDER; c < COLOUR_COUNT; c++) {
		double ratio = contrast(words_colour(c)->hex, WORDS_BACKGROUND);
		CHECK(ratio >= 3.0);
		CHECK_NEAR(ratio, want[c], 0.005);
	}
	CHECK_NEAR(contrast("#E69F00", WORDS_BACKGROUND), 2.25, 0.005);
	CHECK_NEAR(contrast("#999999", WORDS_BACKGROUND), 2.85, 0.005);
	/* No two meanings share a colour. */
	for (enum chart_colour a = COLOUR_UNDER; a < COLOUR_COUNT; a++)
		for (enum chart_colour b = a + 1; b < COLOUR_COUNT; b++)
			CHECK(strcmp(words_colour(a)->hex, words_colour(b)->hex) != 0);
}

/* A marker shape per reading; a colour per evidence: below, includes 1, above, too few. */
static void test_reading_marks(void)
{
	for (enum reading r = 0; r < READING_CHARTED; r++) {
		const struct reading_words *w = words_reading(r);
		CHECK(w->shape > 0);
		for (enum reading s = r + 1; s < READING_CHARTED; s++)
			CHECK(words_reading(s)->shape != w->shape);
		enum chart_colour want = r == READING_LOW_N ? COLOUR_FEW : strcmp(w->evidence, "below") == 0 ? COLOUR_UNDER
		    : strcmp(w->evidence, "above") == 0 ? COLOUR_OVER : COLOUR_UNCLEAR;
		CHECK_INT(w->colour, want);
		CHECK_STR(w->colour_name, words_colour(w->colour)->name);
		CHECK(w->shape_name && *w->shape_name);
	}
	CHECK_INT(words_reading(READING_NOT_COMPARED)->shape, 0);
	CHECK_INT(words_reading(READING_WITHHELD)->colour, COLOUR_NONE);
}

/* A category of a compared dimension with ratio R (L–U) and FLAG. */
static void set_category(struct compare_category *c, char *code, char *label, double r, double l, double u,
    enum stats_flag flag)
{
	memset(c, 0, sizeof *c);
	c->code = code, c->label = label;
	c->n = 10, c->population = 1000;
	c->st.ratio.estimate = r, c->st.ratio.lower = l, c->st.ratio.upper = u;
	c->st.flag = flag;
	c->age_min = c->age_max = -1;
}

/* The ratio chart's script and data: literal text, the arrays of marks, the clipped interval, the caption. */
static void test_ratio_script(void)
{
	struct compare_category cats[3];
	set_category(&cats[0], "white_gypsy_traveller", "White: Gypsy or Irish Traveller", 0.4, 0.2, 0.7,
	    STATS_FLAG_FAR_BELOW);
	set_category(&cats[1], "other_arab", "Other ethnic group: Arab", 2.1, 0.9, 7.5, STATS_FLAG_LOW_N);
	set_category(&cats[2], "white_irish", "White: Irish", 1.3, 1.1, 1.6, STATS_FLAG_ABOVE);
	struct compare_dimension d = { 0 };
	d.name = "ethnicity_detailed", d.compared = 1, d.known = 321, d.cats = cats, d.ncats = 3;
	struct chart_job job;
	chart_prepare_ratios(&d, NULL, NULL, &job);
	CHECK_INT(job.rows, 3);
	CHECK(strstr(job.script.data, "set termoption noenhanced\n") != NULL);
	CHECK(strstr(job.script.data, "set terminal svg size width, height dynamic noenhanced") != NULL);
	CHECK(strstr(job.script.data, "array shape[9] = [11, 10, 12, 6, 7, 4, 13, 9, 2]\n") != NULL);
	CHECK(strstr(job.script.data, "array colour[9] = [0xD55E00, 0xD55E00, 0xD55E00, 0xAA3377, 0xAA3377, 0xAA3377, "
				      "0x0072B2, 0x0072B2, 0x767676]\n") != NULL);
	CHECK(strstr(job.script.data, "'well under-represented'") != NULL);
	/* Only the readings drawn have a key entry: far below (1), over (8) and too few (9). */
	CHECK(strstr(job.script.data, "array shown[9] = [1, 0, 0, 0, 0, 0, 0, 1, 1]\n") != NULL);
	/* The axis ends at its cap (5): the interval to 7.5 is clipped, marked 1 in the data. */
	CHECK(strstr(job.script.data, "top = 5;") != NULL);
	CHECK(strstr(job.data.data, "White: Gypsy or Irish Traveller\t0.400000\t0.200000\t0.700000\t1\t0\n") != NULL);
	CHECK(strstr(job.data.data, "Other ethnic group: Arab\t2.100000\t0.900000\t7.500000\t9\t1\n") != NULL);
	CHECK(strstr(job.data.data, "white_") == NULL);
	/* Inside a page: no title, no footnote. */
	CHECK(strstr(job.script.data, "standalone = 0\n") != NULL);
	CHECK(strstr(job.script.data, "title = ''; subtitle = ''") != NULL);
	chart_job_free(&job);

	/* A chart file standing alone: its title, n and census credit, quoted so that they stay strings. */
	struct chart_caption caption = { "Residents' parking\nzones", "Ethnic group: representation ratios",
		"ONS Census 2021 TS021, Open Government Licence v3.0" };
	chart_prepare_ratios(&d, NULL, &caption, &job);
	CHECK(strstr(job.script.data, "standalone = 1\n") != NULL);
	CHECK(strstr(job.script.data, "title = 'Residents'' parking zones'; subtitle = 'Ethnic group: representation "
				      "ratios'") != NULL);
	CHECK(strstr(job.script.data, "footnote = 'n = 321 answers compared with the census' . \"\\n\" . 'Census "
				      "figures: ONS Census 2021 TS021, Open Government Licence v3.0.'") != NULL);
	/* The template's arrow and value for a clipped interval, and its key entry for parity. */
	CHECK(strstr(job.script.data, "sprintf(\"interval to %.2f\", $4)") != NULL);
	CHECK(strstr(job.script.data, "title \"parity (ratio 1)\"") != NULL);
	chart_job_free(&job);

	/* Intervals within 2: the axis ends at 2, nothing clipped. */
	d.ncats = 1;
	chart_prepare_ratios(&d, NULL, NULL, &job);
	CHECK(strstr(job.script.data, "top = 2;") != NULL);
	chart_job_free(&job);
}

/* The shares chart: respondents and residents in two colours of their own, the residents hatched. */
static void test_shares_script(void)
{
	struct compare_category cats[1];
	set_category(&cats[0], "16-24", "16-24", 0.5, 0.3, 0.7, STATS_FLAG_BELOW);
	cats[0].st.share.estimate = 0.05, cats[0].st.population_share = 0.1;
	struct compare_dimension d = { 0 };
	d.name = "age", d.compared = 1, d.known = 100, d.cats = cats, d.ncats = 1;
	struct chart_job job;
	chart_prepare_shares(&d, NULL, NULL, &job);
	CHECK(strstr(job.script.data, "set termoption noenhanced\n") != NULL);
	CHECK(strstr(job.script.data, "respondents_colour = '#007A5E'; reference_colour = '#000000'") != NULL);
	CHECK(strstr(job.script.data, "fs pattern 4") != NULL);
	CHECK(strstr(job.data.data, "16-24\t5.000\t10.000\n") != NULL);
	chart_job_free(&job);
}

/* The trend chart: each point's reading, the key above the plot (never on a point), and the lines in black. */
static void test_trend_script(void)
{
	struct trend_point points[3] = { 0 };
	points[0].year = 2020.5, points[0].known = 400, points[0].population_share = 0.1;
	points[0].ratio = (struct stats_interval){ 0.4, 0.3, 0.55 };
	points[1].year = 2023.5, points[1].known = 400, points[1].population_share = 0.1;
	points[1].ratio = (struct stats_interval){ 1.0, 0.8, 1.2 };
	struct trend_series s = { 0 };
	s.dimension = "ethnicity", s.code = "bme", s.label = "Black and minority ethnic (BME)";
	s.points = points, s.npoints = 2;
	s.fit.line.slope = NAN;
	struct chart_job job;
	chart_prepare_trend(&s, 0.95, NULL, &job);
	CHECK_INT(job.rows, 2);
	/* Interval 0.3–0.55 is below 1 and 0.4 under half: well under-represented (1); 0.8–1.2 around 1: no clear (5). */
	CHECK(strstr(job.data.data, "2020.5000\t0.400000\t0.300000\t0.550000\t1\t0\n") != NULL);
	CHECK(strstr(job.data.data, "2023.5000\t1.000000\t0.800000\t1.200000\t5\t0\n") != NULL);
	CHECK(strstr(job.script.data, "set termoption noenhanced\n") != NULL);
	CHECK(strstr(job.script.data, "set key at screen") != NULL);
	CHECK(strstr(job.script.data, "set tmargin at screen 1 - (head + 18 * keyrows + 10) / height") != NULL);
	CHECK(strstr(job.script.data, "lc rgb reference_colour title \"fitted trend\"") != NULL);
	CHECK(strstr(job.script.data, "top = 1.5;") != NULL);   /* intervals up to 1.2: the axis's floor */
	chart_job_free(&job);

	/* An interval to 9 runs past the axis's cap (5): drawn to the edge, marked clipped, with its value. */
	points[2].year = 2024.5, points[2].known = 400, points[2].population_share = 0.1;
	points[2].ratio = (struct stats_interval){ 2.0, 1.2, 9.0 };
	s.npoints = 3;
	chart_prepare_trend(&s, 0.95, NULL, &job);
	CHECK(strstr(job.script.data, "top = 5;") != NULL);
	/* 1.2–9 lies above 1 and 2 is over 1.25: over-represented (8). */
	CHECK(strstr(job.data.data, "2024.5000\t2.000000\t1.200000\t9.000000\t8\t1\n") != NULL);
	CHECK(strstr(job.script.data, "sprintf(\"interval to %.2f\", $4) : \"\") with labels rotate by 90") != NULL);
	chart_job_free(&job);
}

/* An age group is not a row of its own beside a band of the same interval. */
static void test_group_shown(void)
{
	struct compare_category cats[2], groups[2];
	set_category(&cats[0], "65-74", "65-74", 1, 1, 1, STATS_FLAG_NO_CLEAR);
	set_category(&cats[1], "75+", "75+", 1, 1, 1, STATS_FLAG_NO_CLEAR);
	cats[0].age_min = 65, cats[0].age_max = 74, cats[1].age_min = 75, cats[1].age_max = -1;
	set_category(&groups[0], "18-24", "Aged 18 to 24", 1, 1, 1, STATS_FLAG_NO_CLEAR);
	set_category(&groups[1], "75+", "Aged 75 and over", 1, 1, 1, STATS_FLAG_NO_CLEAR);
	groups[0].age_min = 18, groups[0].age_max = 24, groups[1].age_min = 75, groups[1].age_max = -1;
	struct compare_dimension d = { 0 };
	d.name = "age", d.cats = cats, d.ncats = 2, d.groups = groups, d.ngroups = 2;
	CHECK_INT(words_group_shown(&d, 0), 1);
	CHECK_INT(words_group_shown(&d, 1), 0);
	cats[1].age_max = 84;           /* 75-84: the group 75+ holds more */
	CHECK_INT(words_group_shown(&d, 1), 1);
}

int main(void)
{
	RUN(test_palette_contrast);
	RUN(test_reading_marks);
	RUN(test_ratio_script);
	RUN(test_shares_script);
	RUN(test_trend_script);
	RUN(test_group_shown);
	return check_summary();
}
