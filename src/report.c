/* report.c — see report.h. */
#include "report.h"

#include "emit.h"
#include "plan.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- the representation report, as text ---- */

static void text_number(FILE *out, const char *format, double v, int width)
{
	if (isnan(v))
		fprintf(out, "%*s", width, "-");
	else
		fprintf(out, format, width, v);
}

static void text_percent_ci(FILE *out, const struct stats_interval *i, int last)
{
	if (isnan(i->estimate))
		fprintf(out, last ? "%7s" : "%22s", "-");
	else
		fprintf(out, last ? "%6.1f%% (%4.1f-%4.1f)" : "%6.1f%% (%4.1f-%4.1f)  ", 100 * i->estimate,
		    100 * i->lower, 100 * i->upper);
}

static void text_ratio_ci(FILE *out, const struct stats_interval *i)
{
	if (isnan(i->estimate))
		fprintf(out, "%19s", "-");
	else
		fprintf(out, "%5.2f (%4.2f-%4.2f)  ", i->estimate, i->lower, i->upper);
}

static void text_row(FILE *out, const struct compare_category *c, int compared)
{
	fprintf(out, "  %-28.28s %6.0f ", c->code, c->n);
	text_percent_ci(out, &c->st.share, !compared);
	if (compared) {
		text_number(out, "%*.1f%%", 100 * c->st.population_share, 6);
		fputs("  ", out);
		text_ratio_ci(out, &c->st.ratio);
		text_number(out, c->st.rate_per_1000 < 1 ? "%*.2f" : "%*.1f", c->st.rate_per_1000, 9);
		fprintf(out, "  %s", isnan(c->population) ? "not compared" : stats_flag_name(c->st.flag));
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

static void text_dimension(FILE *out, const struct compare_dimension *d)
{
	fprintf(out, "\n%s: %.0f of %.0f responses %s (%.0f missing, %.0f declined, %.0f unmatched",
	    d->name, d->known, d->responses, d->compared ? "compared" : "answered", d->missing, d->declined,
	    d->unmatched);
	if (d->broad > 0)
		fprintf(out, ", %.0f broad only", d->broad);
	if (d->below_min_age > 0)
		fprintf(out, ", %.0f below the age invited", d->below_min_age);
	if (d->not_compared > 0)
		fprintf(out, ", %.0f not compared", d->not_compared);
	fputs(")\n", out);
	fprintf(out, "  %-28s %6s %s", "category", "n", d->compared ? "  share (95% CI)      " : "  share (95% CI)");
	if (d->compared)
		fprintf(out, "%7s  %-19s%9s  %s", "census", "ratio (95% CI)", "per 1,000", "flag");
	fputc('\n', out);
	for (size_t i = 0; i < d->ncats; i++)
		text_row(out, &d->cats[i], d->compared);
	for (size_t i = 0; i < d->ngroups; i++) {
		if (i == 0)
			fputs("  groups:\n", out);
		text_row(out, &d->groups[i], d->compared);
	}
	if (d->compared) {
		fputs("  chi-square ", out);
		text_number(out, "%*.2f", d->test.statistic, 0);
		fprintf(out, ", df %ld, p ", d->test.df);
		text_p(out, d->test.p_value);
		if (d->test.simulated) {
			fputs(" (Monte Carlo p ", out);
			text_p(out, d->test.p_simulated);
			fprintf(out, ", %zu draws)", d->test.draws);
		}
		fputs(", effect size w ", out);
		text_number(out, "%*.2f", d->test.effect_w, 0);
		fputs("\n  min/max rate ratio ", out);
		text_number(out, "%*.2f", d->scores.min_max_ratio, 0);
		fputs(", proportional similarity ", out);
		text_number(out, "%*.2f", d->scores.proportional_similarity, 0);
		fputs(", CV of rates ", out);
		text_number(out, "%*.2f", d->scores.rate_cv, 0);
		fputc('\n', out);
	}
	for (size_t i = 0; i < d->nnotes; i++)
		fprintf(out, "  note: %s\n", d->notes[i]);
}

static void text_heading(FILE *out, const struct compare *c)
{
	if (c->nconsultations == 1) {
		const struct compare_consultation *cc = &c->consultations[0];
		if (*cc->title)
			fprintf(out, "%s (%s)\n  ", cc->title, cc->slug);
		else
			fprintf(out, "%s\n  ", cc->slug);
		if (*cc->platform)
			fprintf(out, "%s, ", cc->platform);
		if (cc->opened)
			fprintf(out, "open %s to %s", cc->opened, cc->closed ? cc->closed : "?");
		else if (cc->closed)
			fprintf(out, "closed %s", cc->closed);
		fprintf(out, "%s%llu responses\n", cc->opened || cc->closed ? ": " : "", (unsigned long long)cc->responses);
	} else {
		fprintf(out, "%zu consultations pooled, %llu responses:", c->nconsultations, (unsigned long long)c->responses);
		for (size_t i = 0; i < c->nconsultations; i++)
			fprintf(out, " %s", c->consultations[i].slug);
		fputc('\n', out);
	}
	fprintf(out, "Compared with: %s (%s), usual residents aged %d and over, Census 2021 (%s)\n",
	    c->geography_name, c->geography, c->min_age, c->census_date);
	fprintf(out, "Source: %s\n", c->source);
	for (size_t i = 0; i < c->nnotes; i++)
		fprintf(out, "Note: %s\n", c->notes[i]);
}

static void text_weights(FILE *out, const struct compare_weights *w)
{
	fprintf(out, "\nclosed questions, raw and weighted to the census by %s:\n", w->margins);
	fprintf(out, "  %.0f respondents raked (%.0f left out: a margin unanswered); design effect %.2f, effective sample size %.0f\n",
	    w->raked, w->excluded, w->result.design_effect, w->result.effective_n);
	if (!w->result.converged && w->cap > 0 && w->result.max_weight_ratio > w->cap)
		fprintf(out, "  the cap of %g times the mean weight could not be kept while meeting the census margins:\n"
			     "  the largest weight is %.1f times the mean; read the weighted shares with care\n",
		    w->cap, w->result.max_weight_ratio);
	else if (!w->result.converged)
		fputs("  the weights could not meet the census margins (too few respondents in some groups):\n"
		      "  read the weighted shares with care\n", out);
	else if (w->cap > 0)
		fprintf(out, "  weights capped at %g times the mean (the largest is %.1f)\n", w->cap, w->result.max_weight_ratio);
	for (size_t q = 0; q < w->nquestions; q++) {
		const struct compare_question *cq = &w->questions[q];
		fprintf(out, "\n  %s\n  (%.0f answered%s)\n", cq->text, cq->answered,
		    cq->multi ? "; each option ticked separately" : "");
		for (size_t a = 0; a < cq->nanswers; a++) {
			const struct compare_answer *an = &cq->answers[a];
			fprintf(out, "    %-40.40s %5.0f  %5.1f%% raw  ", an->text, an->n, 100 * an->raw.estimate);
			if (isnan(an->weighted.estimate))
				fputs("    - weighted\n", out);
			else
				fprintf(out, "%5.1f%% weighted (%4.1f-%4.1f)\n", 100 * an->weighted.estimate,
				    100 * an->weighted.lower, 100 * an->weighted.upper);
		}
	}
}

int report_text(struct store *s, const struct taxonomy *t, const struct compare *c, FILE *out,
    struct reach_error *err)
{
	text_heading(out, c);
	for (size_t i = 0; i < c->ndims; i++)
		text_dimension(out, &c->dims[i]);
	if (c->weights)
		text_weights(out, c->weights);
	fputs("\nflag: under = the ratio's interval lies below 1; well_below = ratio under 0.8; over = interval above 1;\n"
	      "      low_n = under 10 respondents or an expected count under 5; ok = none of these.\n"
	      "ratio = share of respondents / share of residents; per 1,000 = respondents per 1,000 residents.\n", out);
	return plan_evidence(s, t, c, 0, out, err);
}

/* ---- the representation report, as JSON ---- */

static void json_interval(FILE *out, const struct stats_interval *i)
{
	fputc('[', out);
	emit_json_number(out, i->lower);
	fputs(", ", out);
	emit_json_number(out, i->upper);
	fputc(']', out);
}

static void json_category(FILE *out, const struct compare_category *c, int compared, int last)
{
	fputs("        {\"code\": ", out);
	emit_json_string(out, c->code);
	fputs(", \"label\": ", out);
	emit_json_string(out, c->label);
	if (c->definition) {
		fputs(", \"definition\": ", out);
		emit_json_string(out, c->definition);
	}
	if (c->age_min >= 0) {
		fprintf(out, ", \"age_min\": %d, \"age_max\": ", c->age_min);
		if (c->age_max >= 0)
			fprintf(out, "%d", c->age_max);
		else
			fputs("null", out);
	}
	fputs(",\n         \"n\": ", out);
	emit_json_number(out, c->n);
	fputs(", \"share\": ", out);
	emit_json_number(out, c->st.share.estimate);
	fputs(", \"share_ci\": ", out);
	json_interval(out, &c->st.share);
	fputs(",\n         \"population\": ", out);
	emit_json_number(out, c->population);
	fputs(", \"population_share\": ", out);
	emit_json_number(out, c->st.population_share);
	fputs(", \"ratio\": ", out);
	emit_json_number(out, c->st.ratio.estimate);
	fputs(", \"ratio_ci\": ", out);
	json_interval(out, &c->st.ratio);
	fputs(", \"rate_per_1000\": ", out);
	emit_json_number(out, c->st.rate_per_1000);
	fputs(", \"flag\": ", out);
	emit_json_string(out, compared && !isnan(c->population) ? stats_flag_name(c->st.flag) : "not_compared");
	fputs(", \"partial_r\": ", out);
	emit_json_number(out, c->partial_r);
	if (c->definition) {
		fputs(", \"only_group\": ", out);
		emit_json_number(out, c->only_group);
	}
	fprintf(out, "}%s\n", last ? "" : ",");
}

static void json_dimension(FILE *out, const struct compare_dimension *d, int last)
{
	fputs("    {\"dimension\": ", out);
	emit_json_string(out, d->name);
	fputs(", \"compared\": ", out);
	fputs(d->compared ? "true" : "false", out);
	fputs(",\n     \"n\": ", out);
	emit_json_number(out, d->responses);
	fputs(", \"n_known\": ", out);
	emit_json_number(out, d->known);
	fputs(", \"missing\": ", out);
	emit_json_number(out, d->missing);
	fputs(", \"declined\": ", out);
	emit_json_number(out, d->declined);
	fputs(", \"unmatched\": ", out);
	emit_json_number(out, d->unmatched);
	fputs(", \"broad_only\": ", out);
	emit_json_number(out, d->broad);
	fputs(", \"below_min_age\": ", out);
	emit_json_number(out, d->below_min_age);
	fputs(", \"not_compared\": ", out);
	emit_json_number(out, d->not_compared);
	fputs(",\n     \"population\": ", out);
	emit_json_number(out, d->population);
	fputs(", \"population_min_age\": ", out);
	if (d->base_min_age >= 0)
		fprintf(out, "%d", d->base_min_age);
	else
		fputs("null", out);
	fputs(",\n     \"categories\": [\n", out);
	for (size_t i = 0; i < d->ncats; i++)
		json_category(out, &d->cats[i], d->compared, i + 1 == d->ncats);
	fputs("     ],\n     \"groups\": [\n", out);
	for (size_t i = 0; i < d->ngroups; i++)
		json_category(out, &d->groups[i], d->compared, i + 1 == d->ngroups);
	fputs("     ],\n     \"test\": ", out);
	if (d->compared) {
		fputs("{\"chi_square\": ", out);
		emit_json_number(out, d->test.statistic);
		fprintf(out, ", \"df\": %ld, \"p\": ", d->test.df);
		emit_json_number(out, d->test.p_value);
		fputs(", \"p_monte_carlo\": ", out);
		emit_json_number(out, d->test.simulated ? d->test.p_simulated : NAN);
		fprintf(out, ", \"draws\": %zu, \"effect_size_w\": ", d->test.draws);
		emit_json_number(out, d->test.effect_w);
		fputs("},\n     \"summary\": {\"min_max_rate_ratio\": ", out);
		emit_json_number(out, d->scores.min_max_ratio);
		fputs(", \"proportional_similarity\": ", out);
		emit_json_number(out, d->scores.proportional_similarity);
		fputs(", \"cv_rates\": ", out);
		emit_json_number(out, d->scores.rate_cv);
		fputs(", \"overall_rate_per_1000\": ", out);
		emit_json_number(out, 1000 * d->scores.overall_rate);
		fputs(", \"partial_r\": ", out);
		emit_json_number(out, d->scores.partial_r_variable);
		fputs("}", out);
	} else {
		fputs("null,\n     \"summary\": null", out);
	}
	fputs(",\n     \"notes\": [", out);
	for (size_t i = 0; i < d->nnotes; i++) {
		fputs(i ? ", " : "", out);
		emit_json_string(out, d->notes[i]);
	}
	fprintf(out, "]}%s\n", last ? "" : ",");
}

static void json_weights(FILE *out, const struct compare_weights *w)
{
	if (!w) {
		fputs("null", out);
		return;
	}
	fputs("{\"margins\": ", out);
	emit_json_string(out, w->margins);
	fputs(", \"raked\": ", out);
	emit_json_number(out, w->raked);
	fputs(", \"excluded\": ", out);
	emit_json_number(out, w->excluded);
	fputs(", \"cap\": ", out);
	emit_json_number(out, w->cap);
	fprintf(out, ", \"converged\": %s, \"design_effect\": ", w->result.converged ? "true" : "false");
	emit_json_number(out, w->result.design_effect);
	fputs(", \"effective_n\": ", out);
	emit_json_number(out, w->result.effective_n);
	fputs(", \"max_weight_ratio\": ", out);
	emit_json_number(out, w->result.max_weight_ratio);
	fputs(",\n  \"questions\": [", out);
	for (size_t q = 0; q < w->nquestions; q++) {
		const struct compare_question *cq = &w->questions[q];
		fputs(q ? ",\n   {\"question\": " : "\n   {\"question\": ", out);
		emit_json_string(out, cq->text);
		fprintf(out, ", \"multi\": %s, \"answered\": ", cq->multi ? "true" : "false");
		emit_json_number(out, cq->answered);
		fputs(", \"answers\": [", out);
		for (size_t a = 0; a < cq->nanswers; a++) {
			const struct compare_answer *an = &cq->answers[a];
			fputs(a ? ",\n     {\"answer\": " : "\n     {\"answer\": ", out);
			emit_json_string(out, an->text);
			fputs(", \"n\": ", out);
			emit_json_number(out, an->n);
			fputs(", \"share\": ", out);
			emit_json_number(out, an->raw.estimate);
			fputs(", \"share_ci\": ", out);
			json_interval(out, &an->raw);
			fputs(", \"weighted_share\": ", out);
			emit_json_number(out, an->weighted.estimate);
			fputs(", \"weighted_ci\": [", out);
			emit_json_number(out, an->weighted.lower);
			fputs(", ", out);
			emit_json_number(out, an->weighted.upper);
			fputs("], \"weighted_se\": ", out);
			emit_json_number(out, an->weighted.se);
			fputc('}', out);
		}
		fputs("]}", out);
	}
	fputs("]}", out);
}

int report_json(struct store *s, const struct taxonomy *t, const struct compare *c, FILE *out,
    struct reach_error *err)
{
	fputs("{\"reach_report\": 1,\n \"consultation\": ", out);
	if (c->nconsultations == 1) {
		const struct compare_consultation *cc = &c->consultations[0];
		fputs("{\"slug\": ", out);
		emit_json_string(out, cc->slug);
		fputs(", \"title\": ", out);
		emit_json_string(out, cc->title);
		fputs(", \"platform\": ", out);
		emit_json_string(out, *cc->platform ? cc->platform : NULL);
		fputs(", \"opened\": ", out);
		emit_json_string(out, cc->opened);
		fputs(", \"closed\": ", out);
		emit_json_string(out, cc->closed);
		fprintf(out, ", \"min_age\": %ld, \"responses\": %llu}", cc->min_age, (unsigned long long)cc->responses);
	} else {
		fputs("null", out);
	}
	fputs(",\n \"consultations\": [", out);
	for (size_t i = 0; i < c->nconsultations; i++) {
		fputs(i ? ", " : "", out);
		emit_json_string(out, c->consultations[i].slug);
	}
	fprintf(out, "],\n \"responses\": %llu,\n \"baseline\": {\"geography_code\": ", (unsigned long long)c->responses);
	emit_json_string(out, c->geography);
	fputs(", \"geography_name\": ", out);
	emit_json_string(out, c->geography_name);
	fputs(", \"census\": ", out);
	emit_json_string(out, c->census_date);
	fprintf(out, ", \"min_age\": %d, \"source\": ", c->min_age);
	emit_json_string(out, c->source);
	fprintf(out, "},\n \"confidence\": %g,\n \"notes\": [", c->confidence);
	for (size_t i = 0; i < c->nnotes; i++) {
		fputs(i ? ", " : "", out);
		emit_json_string(out, c->notes[i]);
	}
	fputs("],\n \"dimensions\": [\n", out);
	for (size_t i = 0; i < c->ndims; i++)
		json_dimension(out, &c->dims[i], i + 1 == c->ndims);
	fputs(" ],\n \"weighted\": ", out);
	json_weights(out, c->weights);
	fputs(",\n \"plan_actions\": ", out);
	/* The plan section, or an empty array when there is none. */
	char *section = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&section, &len);
	int rc = mem ? plan_evidence(s, t, c, 1, mem, err) : -1;
	if (mem)
		fclose(mem);
	fputs(rc == 0 && len ? section : "[]", out);
	free(section);
	fputs("\n}\n", out);
	return rc;
}
