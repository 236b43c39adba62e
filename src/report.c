/* report.c — see report.h. */
#include "report.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "emit.h"
#include "plan.h"
#include "policy.h"
#include "words.h"

/* ---- the representation report, as text ---- */

/* V with DECIMALS decimals and SUFFIX, right-aligned in WIDTH; "-" when unknown. */
static void text_number(FILE *out, double v, int width, int decimals, const char *suffix)
{
	if (isnan(v))
		fprintf(out, "%*s", width, "-");
	else
		fprintf(out, "%*.*f%s", width, decimals, v, suffix);
}

/*
 * An estimate with its interval as emit_interval writes it, the estimate
 * right-aligned in LEAD terminal columns so that a column of them lines up,
 * the whole padded on the right to WIDTH (0: not padded).
 */
static void text_interval(FILE *out, enum emit_scale scale, double estimate, double lower, double upper, int lead,
    int width)
{
	struct buf alone = { 0 }, whole = { 0 };
	emit_interval(&alone, scale, estimate, NAN, NAN);
	emit_interval(&whole, scale, estimate, lower, upper);
	int pad = lead - emit_columns(alone.data);
	emit_padded(out, "", pad, 0);
	emit_padded(out, whole.data, width - (pad > 0 ? pad : 0), 1);
	buf_free(&alone);
	buf_free(&whole);
}

/*
 * The columns of a category's row: its share's estimate ("100.0%") and the
 * whole share cell ("100.0% (99.1–100.0)" and a gap); the ratio's estimate
 * ("99.99") and its cell ("99.99 (99.99–999.99)").
 */
enum { LABEL_WIDTH = 28, SHARE_LEAD = 7, SHARE_WIDTH = 21, RATIO_LEAD = 5, RATIO_WIDTH = 19, WEIGHTED_LEAD = 6 };

/* A category's row: its label (on a line of its own when longer than the column), figures and reading in words. */
static void text_row(FILE *out, const struct compare_category *c, int compared)
{
	const struct stats_interval *share = &c->st.share, *ratio = &c->st.ratio;
	fputs("  ", out);
	if (emit_columns(c->label) > LABEL_WIDTH)
		fprintf(out, "%s\n  ", c->label);
	emit_padded(out, emit_columns(c->label) > LABEL_WIDTH ? "" : c->label, LABEL_WIDTH, 1);
	fprintf(out, " %6.0f ", c->n);
	text_interval(out, EMIT_PERCENT, share->estimate, share->lower, share->upper, SHARE_LEAD,
	    compared ? SHARE_WIDTH : 0);
	if (compared) {
		text_number(out, 100 * c->st.population_share, 6, 1, "%");
		fputs("  ", out);
		text_interval(out, EMIT_RATIO, ratio->estimate, ratio->lower, ratio->upper, RATIO_LEAD, RATIO_WIDTH);
		text_number(out, c->st.rate_per_1000, 9, c->st.rate_per_1000 < 1 ? 2 : 1, "");
		fprintf(out, "  %s", words_reading(words_reading_of(c, compared))->word);
	}
	fputc('\n', out);
}

static void text_p(FILE *out, double p)
{
	if (isnan(p))
		fputs("-", out);
	else if (p < 0.0001)
		fputs("< 0.0001", out);
	else
		fprintf(out, "%.4f", p);
}

/* Is C's reading one of evidence below parity (its interval wholly below 1)? */
static int under_represented(const struct compare_category *c, int compared)
{
	const char *evidence = words_reading(words_reading_of(c, compared))->evidence;
	return evidence && strcmp(evidence, "below") == 0;
}

/* Each under-represented category and group of D with the responses it needed to reach 0.8 and parity. */
static void text_shortfalls(FILE *out, const struct compare_dimension *d)
{
	int shown = 0;
	for (size_t i = 0; i < d->ncats + d->ngroups; i++) {
		const struct compare_category *c = i < d->ncats ? &d->cats[i] : &d->groups[i - d->ncats];
		double four_fifths = compare_shortfall(d, c, POLICY_PARITY_TARGET), parity = compare_shortfall(d, c, 1.0);
		if (!under_represented(c, d->compared) || isnan(parity) || (i >= d->ncats && !words_group_shown(d, i - d->ncats)))
			continue;
		if (!shown++)
			fputs("  shortfall: more responses from the group, every other answer unchanged, to reach\n", out);
		fputs("  ", out);
		if (emit_columns(c->label) > LABEL_WIDTH)
			fprintf(out, "%s\n  ", c->label);
		emit_padded(out, emit_columns(c->label) > LABEL_WIDTH ? "" : c->label, LABEL_WIDTH, 1);
		fprintf(out, " %6.0f to " POLICY_TEXT(POLICY_PARITY_TARGET) ", %.0f to parity\n", four_fifths, parity);
	}
}

static void text_dimension(FILE *out, const struct compare_dimension *d)
{
	fprintf(out, "\n%s: %.0f of %.0f responses %s (%.0f missing, %.0f declined, %.0f unmatched",
	    words_dimension_title(d->name), d->known, d->responses, d->compared ? "compared" : "answered", d->missing, d->declined,
	    d->unmatched);
	if (d->broad > 0)
		fprintf(out, ", %.0f broad only", d->broad);
	if (d->below_min_age > 0)
		fprintf(out, ", %.0f below the age invited", d->below_min_age);
	if (d->not_compared > 0)
		fprintf(out, ", %.0f not compared", d->not_compared);
	if (d->overlapping > 0)
		fprintf(out, ", %.0f in overlapping bands", d->overlapping);
	fputs(")\n", out);
	if (d->warning != COMPARE_SHOWN) {
		fprintf(out, "  %s\n", words_warning(d->warning));
		for (size_t i = 0; i < d->nnotes; i++)
			fprintf(out, "  note: %s\n", d->notes[i]);
		return;
	}
	fprintf(out, "  %-28s %6s %s", "category", "n", d->compared ? "  share (95% CI)      " : "  share (95% CI)");
	if (d->compared)
		fprintf(out, "%7s  %-19s%9s  %s", "census", "ratio (95% CI)", "per 1,000", "reading");
	fputc('\n', out);
	for (size_t i = 0; i < d->ncats; i++)
		text_row(out, &d->cats[i], d->compared);
	for (size_t i = 0, first = 1; i < d->ngroups; i++) {
		if (!words_group_shown(d, i))
			continue;               /* the same interval as a category's row */
		if (first)
			fputs("  groups:\n", out), first = 0;
		text_row(out, &d->groups[i], d->compared);
	}
	text_shortfalls(out, d);
	if (d->compared) {
		fputs("  chi-square ", out);
		text_number(out, d->test.statistic, 0, 2, "");
		fprintf(out, ", df %ld, p ", d->test.df);
		text_p(out, d->test.p_value);
		if (d->test.simulated) {
			fputs(" (Monte Carlo p ", out);
			text_p(out, d->test.p_simulated);
			fprintf(out, ", %zu draws)", d->test.draws);
		}
		fputs(", effect size w ", out);
		text_number(out, d->test.effect_w, 0, 2, "");
		fputs("\n  min/max rate ratio ", out);
		text_number(out, d->scores.min_max_answered, 0, 2, "");
		fputs(", proportional similarity ", out);
		text_number(out, d->scores.proportional_similarity, 0, 2, "");
		fputc('\n', out);
	}
	for (size_t i = 0; i < d->nnotes; i++)
		fprintf(out, "  note: %s\n", d->notes[i]);
}

/* " (8.4 per 1,000 residents aged 16 and over)": C's crude response rate; nothing without single years of age. */
static void text_crude_rate(FILE *out, const struct compare *c)
{
	double rate = c->crude_rate_per_1000;
	if (!isnan(rate))
		fprintf(out, " (%.*f per 1,000 residents aged %d and over)", rate < 1 ? 2 : 1, rate, c->min_age);
}

static void text_heading(FILE *out, const struct compare *c)
{
	if (c->nconsultations == 1) {
		const struct compare_consultation *cc = &c->consultations[0];
		/* Text from a title or a file goes to a terminal: its control characters shown escaped. */
		emit_term(out, *cc->title ? cc->title : cc->slug, 0);
		if (*cc->title) {
			fputs(" (", out);
			emit_term(out, cc->slug, 0);
			fputc(')', out);
		}
		fputs("\n  ", out);
		if (*cc->platform) {
			emit_term(out, cc->platform, 0);
			fputs(", ", out);
		}
		if (cc->opened)
			fprintf(out, "open %s to %s", cc->opened, cc->closed ? cc->closed : "?");
		else if (cc->closed)
			fprintf(out, "closed %s", cc->closed);
		fprintf(out, "%s%llu responses", cc->opened || cc->closed ? ": " : "", (unsigned long long)cc->responses);
		text_crude_rate(out, c);
		fputc('\n', out);
	} else {
		fprintf(out, "%zu consultations pooled, %llu responses", c->nconsultations, (unsigned long long)c->responses);
		text_crude_rate(out, c);
		fputc(':', out);
		for (size_t i = 0; i < c->nconsultations; i++)
			fprintf(out, " %s", c->consultations[i].slug);
		fputc('\n', out);
	}
	fputs("Compared with: ", out);
	emit_term(out, c->geography_name, 0);
	fputs(" (", out);
	emit_term(out, c->geography, 0);
	if (compare_bases_match(c))
		fprintf(out, "), usual residents aged %d and over, Census 2021 (%s)\n", c->min_age, c->census_date);
	else
		fprintf(out, "), usual residents aged %d and over where the census gives figures by age "
			     "(otherwise as each dimension notes), Census 2021 (%s)\n", c->min_age, c->census_date);
	fputs("Source: ", out);
	emit_term(out, c->source, 0);
	fputc('\n', out);
	for (size_t i = 0; i < c->nnotes; i++)
		fprintf(out, "Note: %s\n", c->notes[i]);
}

static void text_weights(FILE *out, const struct compare_weights *w)
{
	fprintf(out, "\nclosed questions, raw and weighted to the census by %s:\n", w->margins);
	fprintf(out, "  %.0f respondents raked; design effect %.2f, effective sample size %.0f\n",
	    w->raked, w->result.design_effect, w->result.effective_n);
	for (size_t i = 0; i < w->nnotes; i++)
		fprintf(out, "  Note: %s\n", w->notes[i]);
	if (!w->result.converged && w->cap > 0 && w->result.max_weight_ratio > w->cap)
		fprintf(out, "  the cap of %g times the mean weight could not be kept while meeting the census margins:\n"
			     "  the largest weight is %.1f times the mean; read the weighted shares with care\n",
		    w->cap, w->result.max_weight_ratio);
	else if (!w->result.converged)
		fputs("  the weights could not meet the census margins (too few respondents in some groups):\n"
		      "  read the weighted shares with care\n", out);
	else if (w->cap > 0)
		fprintf(out, "  weights bounded at %g times the mean (the largest is %.1f)\n", w->cap, w->result.max_weight_ratio);
	for (size_t q = 0; q < w->nquestions; q++) {
		const struct compare_question *cq = &w->questions[q];
		fprintf(out, "\n  %s\n  (%.0f answered%s)\n", cq->text, cq->answered,
		    cq->multi ? "; each option ticked separately" : "");
		for (size_t a = 0; a < cq->nanswers; a++) {
			const struct compare_answer *an = &cq->answers[a];
			fprintf(out, "    %-40.40s %5.0f  %5.1f%% raw  ", an->text, an->n, 100 * an->raw.estimate);
			text_interval(out, EMIT_PERCENT, an->weighted.estimate, an->weighted.lower, an->weighted.upper,
			    WEIGHTED_LEAD, 0);
			fputs(" weighted\n", out);
		}
	}
}

/* What each reading means, in the words of words.h, and what the many comparisons mean. */
static void text_legend(FILE *out, const struct compare *c)
{
	fputs("\nreading: the evidence (the ratio's interval below 1, above 1, or including it) with the ratio's size:\n", out);
	for (enum reading r = 0; r < READING_CHARTED; r++) {
		const struct reading_words *w = words_reading(r);
		fprintf(out, "  %s: %s\n", w->word, w->sentence);
	}
	fputs("ratio = share of respondents / share of residents; per 1,000 = respondents per 1,000 residents.\n"
	      "effect size w = Cohen's w of the chi-square test: how far the mix of respondents is from residents' (0 = none).\n"
	      "min/max rate ratio = lowest response rate per resident over the highest, of categories with respondents.\n"
	      "proportional similarity = share of respondents' mix that matches residents' (sum of the smaller shares; 1 = same).\n",
	    out);
	if (c->comparisons > 0) {
		char *sentence = words_comparisons(c->comparisons, c->adjust, c->confidence);
		fprintf(out, "%s.\n", sentence);
		free(sentence);
	}
	if (c->rounding)
		fprintf(out, "Every count is rounded to the nearest %d, and every figure is worked out from the rounded counts.\n",
		    c->rounding);
}

int report_text(struct store *s, const struct taxonomy *t, const struct compare *c, FILE *out,
    struct reach_error *err)
{
	text_heading(out, c);
	for (size_t i = 0; i < c->ndims; i++)
		text_dimension(out, &c->dims[i]);
	if (c->weights)
		text_weights(out, c->weights);
	text_legend(out, c);
	return plan_evidence(s, t, c, 0, out, err);
}

/* ---- the representation report, as JSON ---- */

/* The strings V[0..N-1] as a JSON array. */
static void json_strings(FILE *out, char *const *v, size_t n)
{
	fputc('[', out);
	for (size_t i = 0; i < n; i++) {
		fputs(i ? ", " : "", out);
		emit_json_string(out, v[i]);
	}
	fputc(']', out);
}

static void json_category(FILE *out, const struct compare_dimension *d, const struct compare_category *c, int compared,
    int last)
{
	emit_json_member_string(out, "        {", "code", c->code);
	emit_json_member_string(out, ", ", "label", c->label);
	if (c->definition)
		emit_json_member_string(out, ", ", "definition", c->definition);
	if (c->age_min >= 0) {
		emit_json_member_number(out, ", ", "age_min", c->age_min);
		emit_json_member_number(out, ", ", "age_max", c->age_max >= 0 ? c->age_max : NAN);
		emit_json_member_bool(out, ", ", "overlaps", c->overlaps);
	}
	emit_json_member_number(out, ",\n         ", "n", c->n);
	emit_json_member_number(out, ", ", "share", c->st.share.estimate);
	emit_json_member_interval(out, ", ", "share_ci", c->st.share.lower, c->st.share.upper);
	emit_json_member_number(out, ",\n         ", "population", c->population);
	emit_json_member_number(out, ", ", "population_share", c->st.population_share);
	emit_json_member_number(out, ", ", "ratio", c->st.ratio.estimate);
	emit_json_member_interval(out, ", ", "ratio_ci", c->st.ratio.lower, c->st.ratio.upper);
	emit_json_member_number(out, ", ", "rate_per_1000", c->st.rate_per_1000);
	emit_json_member_number(out, ",\n         ", "shortfall_0_8",
	    compared ? compare_shortfall(d, c, POLICY_PARITY_TARGET) : NAN);
	emit_json_member_number(out, ", ", "shortfall_parity", compared ? compare_shortfall(d, c, 1.0) : NAN);
	const struct reading_words *w = words_reading(words_reading_of(c, compared));
	emit_json_member_number(out, ",\n         ", "p", c->st.p_value);
	emit_json_member_number(out, ", ", "p_adjusted", c->st.p_adjusted);
	emit_json_member_string(out, ", ", "evidence", w->evidence);
	emit_json_member_string(out, ", ", "size", w->evidence ? words_size(c->st.size) : NULL);
	emit_json_member_string(out, ", ", "reading", w->code);
	emit_json_member_string(out, ", ", "reading_label", w->word);
	emit_json_member_number(out, ", ", "partial_r", c->partial_r);
	if (c->definition)
		emit_json_member_number(out, ", ", "only_group", c->only_group);
	fprintf(out, "}%s\n", last ? "" : ",");
}

static void json_test(FILE *out, const struct compare_dimension *d)
{
	if (!d->compared || d->warning != COMPARE_SHOWN) {
		fputs("null,\n     \"summary\": null", out);
		return;
	}
	emit_json_member_number(out, "{", "chi_square", d->test.statistic);
	emit_json_member_number(out, ", ", "df", d->test.df);
	emit_json_member_number(out, ", ", "p", d->test.p_value);
	emit_json_member_number(out, ", ", "p_monte_carlo", d->test.simulated ? d->test.p_simulated : NAN);
	emit_json_member_number(out, ", ", "draws", d->test.draws);
	emit_json_member_number(out, ", ", "effect_size_w", d->test.effect_w);
	emit_json_member_number(out, "},\n     \"summary\": {", "min_max_rate_ratio", d->scores.min_max_answered);
	emit_json_member_number(out, ", ", "proportional_similarity", d->scores.proportional_similarity);
	emit_json_member_number(out, ", ", "known_rate_per_1000", 1000 * d->scores.overall_rate);
	fputc('}', out);
}

static void json_dimension(FILE *out, const struct compare_dimension *d, int last)
{
	emit_json_member_string(out, "    {", "dimension", d->name);
	emit_json_member_string(out, ", ", "title", words_dimension_title(d->name));
	emit_json_member_bool(out, ", ", "compared", d->compared);
	emit_json_member_string(out, ", ", "warning", words_warning_code(d->warning));
	emit_json_member_number(out, ",\n     ", "n", d->responses);
	emit_json_member_number(out, ", ", "n_known", d->known);
	emit_json_member_number(out, ", ", "missing", d->missing);
	emit_json_member_number(out, ", ", "declined", d->declined);
	emit_json_member_number(out, ", ", "unmatched", d->unmatched);
	emit_json_member_number(out, ", ", "broad_only", d->broad);
	emit_json_member_number(out, ", ", "below_min_age", d->below_min_age);
	emit_json_member_number(out, ", ", "not_compared", d->not_compared);
	emit_json_member_number(out, ", ", "overlapping", d->overlapping);
	emit_json_key(out, ", ", "not_pooled");
	json_strings(out, d->not_pooled, d->nnot_pooled);
	emit_json_member_number(out, ",\n     ", "population", d->population);
	emit_json_member_number(out, ", ", "population_min_age", d->base_min_age >= 0 ? d->base_min_age : NAN);
	fputs(",\n     \"categories\": [\n", out);
	for (size_t i = 0; i < d->ncats; i++)
		json_category(out, d, &d->cats[i], d->compared && !d->warning, i + 1 == d->ncats);
	fputs("     ],\n     \"groups\": [\n", out);
	for (size_t i = 0; i < d->ngroups; i++)
		json_category(out, d, &d->groups[i], d->compared && !d->warning, i + 1 == d->ngroups);
	fputs("     ],\n     \"test\": ", out);
	json_test(out, d);
	emit_json_key(out, ",\n     ", "notes");
	json_strings(out, d->notes, d->nnotes);
	fprintf(out, "}%s\n", last ? "" : ",");
}

static void json_answer(FILE *out, const struct compare_answer *an, const char *sep)
{
	emit_json_member_string(out, sep, "answer", an->text);
	emit_json_member_number(out, ", ", "n", an->n);
	emit_json_member_number(out, ", ", "share", an->raw.estimate);
	emit_json_member_interval(out, ", ", "share_ci", an->raw.lower, an->raw.upper);
	emit_json_member_number(out, ", ", "weighted_share", an->weighted.estimate);
	emit_json_member_interval(out, ", ", "weighted_ci", an->weighted.lower, an->weighted.upper);
	emit_json_member_number(out, ", ", "weighted_se", an->weighted.se);
	fputc('}', out);
}

static void json_weights(FILE *out, const struct compare_weights *w)
{
	if (!w) {
		fputs("null", out);
		return;
	}
	emit_json_member_string(out, "{", "margins", w->margins);
	emit_json_member_number(out, ", ", "raked", w->raked);
	emit_json_member_number(out, ", ", "cap", w->cap);
	emit_json_member_bool(out, ", ", "converged", w->result.converged);
	emit_json_member_number(out, ", ", "design_effect", w->result.design_effect);
	emit_json_member_number(out, ", ", "effective_n", w->result.effective_n);
	emit_json_member_number(out, ", ", "max_weight_ratio", w->result.max_weight_ratio);
	emit_json_key(out, ",\n  ", "notes");
	fputc('[', out);
	for (size_t i = 0; i < w->nnotes; i++) {
		fputs(i ? ", " : "", out);
		emit_json_string(out, w->notes[i]);
	}
	fputc(']', out);
	fputs(",\n  \"questions\": [", out);
	for (size_t q = 0; q < w->nquestions; q++) {
		const struct compare_question *cq = &w->questions[q];
		emit_json_member_string(out, q ? ",\n   {" : "\n   {", "question", cq->text);
		emit_json_member_bool(out, ", ", "multi", cq->multi);
		emit_json_member_number(out, ", ", "answered", cq->answered);
		fputs(", \"answers\": [", out);
		for (size_t a = 0; a < cq->nanswers; a++)
			json_answer(out, &cq->answers[a], a ? ",\n     {" : "\n     {");
		fputs("]}", out);
	}
	fputs("]}", out);
}

static void json_consultation(FILE *out, const struct compare *c)
{
	if (c->nconsultations != 1) {
		fputs("null", out);
		return;
	}
	const struct compare_consultation *cc = &c->consultations[0];
	emit_json_member_string(out, "{", "slug", cc->slug);
	emit_json_member_string(out, ", ", "title", cc->title);
	emit_json_member_text(out, ", ", "platform", cc->platform);
	emit_json_member_string(out, ", ", "opened", cc->opened);
	emit_json_member_string(out, ", ", "closed", cc->closed);
	emit_json_member_number(out, ", ", "min_age", cc->min_age);
	emit_json_member_number(out, ", ", "responses", cc->responses);
	fputc('}', out);
}

/*
 * The plan section as plan_evidence writes it, or "[]" when there is none.
 * Returns 0, or -1 with ERR set.
 */
static int json_plan(struct store *s, const struct taxonomy *t, const struct compare *c, FILE *out,
    struct reach_error *err)
{
	char *section = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&section, &len);
	if (!mem) {
		/* Nothing else can fail here without a message: say why, so the exit is not 0. */
		error_set(err, REACH_EDB, NULL, 0, "cannot hold the plan section in memory");
		fputs("[]", out);
		return -1;
	}
	int rc = plan_evidence(s, t, c, 1, mem, err);
	if (fclose(mem) != 0 && rc == 0) {
		error_set(err, REACH_EDB, NULL, 0, "cannot hold the plan section in memory");
		rc = -1;
	}
	fputs(rc == 0 && len ? section : "[]", out);
	free(section);
	return rc;
}

int report_json(struct store *s, const struct taxonomy *t, const struct compare *c, FILE *out,
    struct reach_error *err)
{
	fputs("{\"reach_report\": 3,\n \"consultation\": ", out);
	json_consultation(out, c);
	emit_json_key(out, ",\n ", "consultations");
	fputc('[', out);
	for (size_t i = 0; i < c->nconsultations; i++) {
		fputs(i ? ", " : "", out);
		emit_json_string(out, c->consultations[i].slug);
	}
	fputc(']', out);
	emit_json_member_number(out, ",\n ", "responses", c->responses);
	emit_json_member_number(out, ", ", "eligible_residents", c->eligible_residents);
	emit_json_member_number(out, ", ", "overall_rate_per_1000", c->crude_rate_per_1000);
	emit_json_member_string(out, ",\n \"baseline\": {", "geography_code", c->geography);
	emit_json_member_string(out, ", ", "geography_name", c->geography_name);
	emit_json_member_string(out, ", ", "census", c->census_date);
	emit_json_member_number(out, ", ", "min_age", c->min_age);
	emit_json_member_string(out, ", ", "source", c->source);
	emit_json_member_number(out, "},\n ", "confidence", c->confidence);
	if (c->rounding)
		emit_json_member_number(out, ", ", "rounding", c->rounding);
	char *sentence = words_comparisons(c->comparisons, c->adjust, c->confidence);
	emit_json_member_string(out, ",\n \"comparisons\": {", "adjust", words_adjust_code(c->adjust));
	emit_json_member_number(out, ", ", "count", (double)c->comparisons);
	emit_json_member_string(out, ", ", "note", c->comparisons ? sentence : NULL);
	fputc('}', out);
	free(sentence);
	emit_json_member_bool(out, ",\n ", "equality_questions", c->equality_questions);
	emit_json_key(out, ",\n ", "notes");
	json_strings(out, c->notes, c->nnotes);
	fputs(",\n \"dimensions\": [\n", out);
	for (size_t i = 0; i < c->ndims; i++)
		json_dimension(out, &c->dims[i], i + 1 == c->ndims);
	fputs(" ],\n \"weighted\": ", out);
	json_weights(out, c->weights);
	fputs(",\n \"plan_actions\": ", out);
	int rc = json_plan(s, t, c, out, err);
	fputs("\n}\n", out);
	return rc;
}
