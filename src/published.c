/*
 * published.c — see published.h. The published table of a dimension, as
 * every published format shows it: each row's cells with hidden counts
 * withheld, and the sentences (answers, test, notes, disclosure, bases)
 * that say no more than the table does.
 */
#include "published.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emit.h"
#include "policy.h"
#include "words.h"

/* "<5" or "[c]" for a hidden count, or the count. */
void published_count_text(char *out, size_t len, double n, enum disclose_cell cell, int threshold)
{
	if (cell == CELL_SMALL)
		snprintf(out, len, "<%d", threshold);
	else if (cell == CELL_WITHHELD)
		snprintf(out, len, "[c]");
	else
		snprintf(out, len, "%.0f", n);
}

/* V with DECIMALS decimals and SUFFIX, or "-" when unknown. */
void published_number(char *out, size_t len, double v, int decimals, const char *suffix)
{
	if (isnan(v))
		snprintf(out, len, "-");
	else
		snprintf(out, len, "%.*f%s", decimals, v, suffix);
}


void published_make_row(struct published_row *r, const struct compare_category *c, enum disclose_cell cell, int threshold,
    int compared)
{
	const struct stats_interval *share = &c->st.share, *ratio = &c->st.ratio;
	memset(r, 0, sizeof *r);
	published_count_text(r->count, sizeof r->count, c->n, cell, threshold);
	published_number(r->census, sizeof r->census, 100 * c->st.population_share, 1, "%");
	if (cell != CELL_SHOWN) {
		buf_puts(&r->share, "[c]");
		buf_puts(&r->ratio, "[c]");
		snprintf(r->rate, sizeof r->rate, "[c]");
		r->flag = words_reading(READING_WITHHELD)->word;
		return;
	}
	emit_interval(&r->share, EMIT_PERCENT, share->estimate, share->lower, share->upper);
	emit_interval(&r->ratio, EMIT_RATIO, ratio->estimate, ratio->lower, ratio->upper);
	published_number(r->rate, sizeof r->rate, c->st.rate_per_1000, 1, "");
	r->flag = compared ? words_reading(words_reading_of(c, compared))->word : "";
}

void published_row_free(struct published_row *r)
{
	buf_free(&r->share);
	buf_free(&r->ratio);
}

/* Is C's evidence below (-1) or above (1) parity, by the table of readings; 0 when neither. */
int published_evidence_side(const struct compare_category *c, int compared)
{
	const char *evidence = words_reading(words_reading_of(c, compared))->evidence;
	return !evidence ? 0 : strcmp(evidence, "below") == 0 ? -1 : strcmp(evidence, "above") == 0;
}

/* One sentence naming who was missed and who was over-represented: the categories whose interval excludes 1. */
void published_summary_sentence(const struct compare_dimension *d, const enum disclose_cell *cells, struct buf *b)
{
	struct buf under = { 0 }, over = { 0 };
	for (size_t k = 0; k < d->ncats; k++) {
		const struct compare_category *c = &d->cats[k];
		if (cells[k] != CELL_SHOWN || isnan(c->population))
			continue;
		int side = published_evidence_side(c, d->compared);
		struct buf *to = side < 0 ? &under : side > 0 ? &over : NULL;
		if (!to)
			continue;
		buf_printf(to, "%s%s (ratio ", to->len ? ", " : "", c->label);
		emit_interval(to, EMIT_RATIO, c->st.ratio.estimate, NAN, NAN);
		buf_putc(to, ')');
	}
	buf_reset(b);
	buf_printf(b, "Under-represented: %s. Over-represented: %s.", under.len ? under.data : "none",
	    over.len ? over.data : "none");
	buf_free(&under);
	buf_free(&over);
}

/* The sentence on how many comparisons the report makes, with its full stop; NULL when none (the caller frees). */
char *published_comparisons_sentence(const struct compare *c)
{
	if (c->comparisons == 0)
		return NULL;
	char *sentence = words_comparisons(c->comparisons, c->adjust, c->confidence);
	struct buf b = { 0 };
	buf_printf(&b, "%s.", sentence);
	free(sentence);
	return b.data;
}

char *published_title(const struct compare *c)
{
	struct buf b = { 0 };
	if (c->nconsultations == 1)
		buf_puts(&b, *c->consultations[0].title ? c->consultations[0].title : c->consultations[0].slug);
	else
		buf_printf(&b, "%zu consultations", c->nconsultations);
	return b.data;
}

const char *const published_suppress_note =
    "Counts from 1 to %d are shown as \"<%d\", and further figures are withheld (\"[c]\") so that no total "
    "gives them away; their shares, ratios and rates are withheld too.";


void published_open(struct published *p, const struct compare_dimension *d, const struct taxonomy *t,
    int threshold)
{
	p->cats = xcalloc(d->ncats + 1, sizeof *p->cats);
	p->groups = xcalloc(d->ngroups + 1, sizeof *p->groups);
	p->threshold = threshold;
	p->hidden = disclose_suppress(d, t, threshold, p->cats, p->groups, p->extras);
}

void published_close(struct published *p)
{
	free(p->cats);
	free(p->groups);
}

/* The published decisions of every dimension of a compare, for published_adjust. */
struct hiding {
	const struct compare *c;
	struct published *dims;
};

static int is_hidden(const struct compare_dimension *d, const struct compare_category *cat, void *arg)
{
	const struct hiding *h = arg;
	const struct published *p = &h->dims[d - h->c->dims];
	if (cat >= d->cats && cat < d->cats + d->ncats)
		return p->cats[cat - d->cats] != CELL_SHOWN;
	return p->groups[cat - d->groups] != CELL_SHOWN;
}

void published_adjust(struct compare *c, const struct taxonomy *t, int threshold)
{
	if (c->adjust == STATS_ADJUST_NONE)
		return;
	struct hiding h = { c, xcalloc(c->ndims + 1, sizeof *h.dims) };
	for (size_t i = 0; i < c->ndims; i++)
		published_open(&h.dims[i], &c->dims[i], t, threshold);
	compare_adjust_without(c, is_hidden, &h);
	for (size_t i = 0; i < c->ndims; i++)
		published_close(&h.dims[i]);
	free(h.dims);
}

void published_shortfall_row(const struct compare_dimension *d, const struct published *p, size_t i, struct buf *b)
{
	int group = i >= d->ncats;
	const struct compare_category *c = group ? &d->groups[i - d->ncats] : &d->cats[i];
	if ((group ? p->groups[i - d->ncats] : p->cats[i]) != CELL_SHOWN || published_evidence_side(c, d->compared) >= 0 ||
	    (group && !words_group_shown(d, i - d->ncats)))
		return;
	published_shortfall_sentence(d, c, b);
}

/* The extra counts' codes in CSV and their words in sentences (publish_extra order). */
const char *const published_extra_code[DISCLOSE_EXTRAS] = { "missing", "declined", "unmatched", "left_out" };

/*
 * "1010 of 1200 responses compared with the census; 152 missing, 38
 * declined, 0 unmatched." with hidden counts as "<5" or "[c]", and the
 * answers left out otherwise when there are any.
 */
void published_answers_sentence(const struct compare_dimension *d, const struct published *p, struct buf *b)
{
	char text[DISCLOSE_EXTRAS][32];
	for (int e = 0; e < DISCLOSE_EXTRAS; e++)
		published_count_text(text[e], sizeof text[e], disclose_extra_count(d, (enum disclose_extra)e), p->extras[e], p->threshold);
	buf_printf(b, "%.0f of %.0f responses %s; %s missing, %s declined, %s unmatched", d->known, d->responses,
	    d->compared ? "compared with the census" : "answered", text[DISCLOSE_MISSING], text[DISCLOSE_DECLINED],
	    text[DISCLOSE_UNMATCHED]);
	if (p->extras[DISCLOSE_LEFT_OUT] != CELL_SHOWN || disclose_extra_count(d, DISCLOSE_LEFT_OUT) > 0)
		buf_printf(b, "; %s left out otherwise", text[DISCLOSE_LEFT_OUT]);
	buf_putc(b, '.');
}

/*
 * The test and scores of a shown, compared dimension in words; when some
 * count is hidden, the sentence saying they are withheld; empty otherwise.
 */
void published_test_sentence(const struct compare_dimension *d, const struct published *p, struct buf *b)
{
	if (!d->compared || d->warning != COMPARE_SHOWN || isnan(d->test.statistic))
		return;
	if (p->hidden) {
		buf_puts(b, "Some counts here are withheld, so the test, effect size and summary score are not shown: "
			    "with the counts shown they would give the withheld ones away.");
		return;
	}
	buf_printf(b, "Chi-square goodness of fit %.2f on %ld degrees of freedom, p %s%.4f; effect size w %.2f. "
		      "Lowest group response rate over highest, of the groups with respondents: %.2f.",
	    d->test.statistic, d->test.df, d->test.p_value < 0.0001 ? "< " : "",
	    d->test.p_value < 0.0001 ? 0.0001 : d->test.p_value, d->test.effect_w, d->scores.min_max_answered);
}

/*
 * Note I of D as published: a note that begins with a count of answers
 * ("6 answers are in categories …") gives that count as the table does when
 * it is small or equals a hidden count, and every other count in it as
 * "[c]". The note naming the categories nobody
 * chose is left out when some count is hidden: it would say a withheld count
 * is 0, and it explains the scores, withheld then too. B is left empty then.
 */
void published_note_text(const struct compare_dimension *d, const struct published *p, size_t i, struct buf *b)
{
	const char *note = d->notes[i];
	if (p->hidden && strncmp(note, "no respondent in ", 17) == 0)
		return;
	char *end;
	double v = strtod(note, &end);
	int hide = 0;
	if (end != note && note[0] >= '0' && note[0] <= '9' && p->threshold > 0) {
		hide = v > 0 && v < p->threshold;
		for (size_t k = 0; k < d->ncats && !hide; k++)
			hide = p->cats[k] != CELL_SHOWN && d->cats[k].n == v;
		for (int e = 0; e < DISCLOSE_EXTRAS && !hide; e++)
			hide = p->extras[e] != CELL_SHOWN && disclose_extra_count(d, (enum disclose_extra)e) == v;
	}
	if (!hide) {
		buf_puts(b, note);
		return;
	}
	char text[32];
	published_count_text(text, sizeof text, v, v > 0 && v < p->threshold ? CELL_SMALL : CELL_WITHHELD, p->threshold);
	/* Its other counts ("of the 6 answers given") would give it back: each is "[c]". */
	buf_puts(b, text);
	for (const char *s = end; *s;) {
		if (*s >= '0' && *s <= '9' && s[-1] == ' ') {
			buf_puts(b, "[c]");
			while (*s >= '0' && *s <= '9')
				s++;
		} else
			buf_putc(b, *s++);
	}
}

/*
 * The sentences at the head of every published report on disclosure
 * control: that it is off, or how many dimensions have counts withheld
 * (NULL when neither; the caller frees).
 */
char *published_disclosure_sentence(const struct compare *c, const struct taxonomy *t, int threshold)
{
	struct buf b = { 0 };
	if (c->rounding)
		buf_printf(&b, "Every count is rounded to the nearest %d (halves up), so a 0 may stand for up to %d; every share, "
		    "ratio, interval, rate and test is worked out from the rounded counts, and totals are rounded on their own, "
		    "so parts may not add up to them.", c->rounding, (c->rounding + 1) / 2 - 1);
	else if (threshold <= 0) {
		buf_puts(&b, "Disclosure control is off: small counts are shown.");
		return b.data;
	}
	size_t withheld = 0;
	for (size_t i = 0; i < c->ndims; i++) {
		struct published p;
		published_open(&p, &c->dims[i], t, threshold);
		withheld += p.hidden > 0;
		published_close(&p);
	}
	if (withheld == 1)
		buf_printf(&b, "%sIn 1 dimension some counts are withheld; its test and scores are not shown.", b.len ? " " : "");
	else if (withheld)
		buf_printf(&b, "%sIn %zu dimensions some counts are withheld; their tests and scores are not shown.", b.len ? " " : "",
		    withheld);
	return b.data;
}
/* How the ages of the residents in the header are said: " aged 16 and over", and where that holds. */
void published_base_phrase(const struct compare *c, struct buf *b)
{
	buf_printf(b, " aged %d and over", c->min_age);
	if (!compare_bases_match(c))
		buf_printf(b, " where the census gives figures by age (otherwise as each dimension says)");
}

/* " Responses per 1,000 residents aged 16 and over: 8.4.": the crude rate; nothing without single years of age. */
void published_rate_sentence(const struct compare *c, struct buf *b)
{
	double rate = c->crude_rate_per_1000;
	if (!isnan(rate))
		buf_printf(b, " Responses per 1,000 residents aged %d and over: %.*f.", c->min_age, rate < 1 ? 2 : 1, rate);
}

/*
 * The sentence under a shown dimension's heading when its census figures do not
 * cover exactly the ages invited (MIN_AGE and over); empty otherwise.
 */
void published_base_sentence(const struct compare_dimension *d, int min_age, struct buf *b)
{
	if (!d->compared || d->warning != COMPARE_SHOWN || d->base_min_age < 0 || d->base_min_age == min_age)
		return;
	if (d->base_min_age == 0)
		buf_printf(b, "The census figures here cover residents of all ages, "
			      "not only those aged %d and over invited.", min_age);
	else
		buf_printf(b, "The census figures here cover residents aged %d and over; the consultation invited "
			      "residents aged %d and over.", d->base_min_age, min_age);
}

/* ---- the shortfall and the weighted questions, as every published format says them ---- */

void published_shortfall_phrase(const struct compare_dimension *d, const struct compare_category *c, struct buf *b)
{
	double parity = compare_shortfall(d, c, 1.0), line = compare_shortfall(d, c, POLICY_PARITY_TARGET);
	if (!(parity > 0))
		return;
	buf_printf(b, "; %.0f more response%s for parity", parity, parity == 1 ? "" : "s");
	if (line > 0)
		buf_printf(b, ", %.0f for %g", line, POLICY_PARITY_TARGET);
}

void published_shortfall_sentence(const struct compare_dimension *d, const struct compare_category *c, struct buf *b)
{
	double parity = compare_shortfall(d, c, 1.0), line = compare_shortfall(d, c, POLICY_PARITY_TARGET);
	if (!(parity > 0))
		return;
	buf_printf(b, "About %.0f more response%s from %s would have reached parity", parity, parity == 1 ? "" : "s",
	    c->label);
	if (line > 0)
		buf_printf(b, ", and %.0f a ratio of %g", line, POLICY_PARITY_TARGET);
	buf_putc(b, '.');
}

void published_name_in_list(const struct compare_dimension *d, const struct compare_category *c, size_t *named,
    struct buf *b)
{
	if ((*named)++ == 0)
		buf_printf(b, "%s%s: ", b->len ? "; " : "", words_dimension_title(d->name));
	else
		buf_puts(b, ", ");
	buf_printf(b, "%s (ratio ", c->label);
	emit_interval(b, EMIT_RATIO, c->st.ratio.estimate, NAN, NAN);
}

void published_over_phrase(const struct compare_dimension *d, const struct published *p, struct buf *b)
{
	size_t named = 0;
	for (size_t k = 0; k < d->ncats; k++) {
		const struct compare_category *c = &d->cats[k];
		if (p->cats[k] != CELL_SHOWN || published_evidence_side(c, d->compared) <= 0 ||
		    !(c->st.ratio.estimate > POLICY_RATIO_HIGH))
			continue;
		published_name_in_list(d, c, &named, b);
		buf_putc(b, ')');
	}
}

void published_weights_sentence(const struct compare_weights *w, struct buf *b)
{
	buf_printf(b, "Every respondent (%.0f) is weighted to the census margins of %s, those not known on a margin "
		      "as a group of their own at their share of respondents; design effect %.2f, effective sample size "
		      "%.0f. Each share is of those answering the question; the weighted share's interval comes from the "
		      "weighted design.", w->raked, w->margins, w->result.design_effect, w->result.effective_n);
	if (!w->result.converged && w->cap > 0 && w->result.max_weight_ratio > w->cap)
		buf_printf(b, " The cap of %g times the mean weight could not be kept while meeting the census margins "
			      "(the largest weight is %.1f times the mean): read the weighted shares with care.", w->cap,
		    w->result.max_weight_ratio);
	else if (!w->result.converged)
		buf_puts(b, " The weights could not meet the census margins (too few respondents in some groups): read "
			    "the weighted shares with care.");
	else if (w->cap > 0)
		buf_printf(b, " Weights are bounded at %g times the mean (the largest is %.1f).", w->cap,
		    w->result.max_weight_ratio);
	buf_puts(b, " The weighting's notes on which groups were merged count small groups of respondents and are "
		    "left out here; the analysts' text and JSON reports give them.");
}
