/* publish.c — see publish.h. */
#include "publish.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "disclose.h"
#include "emit.h"
#include "page.h"
#include "policy.h"
#include "published.h"
#include "words.h"

/* ---- Markdown ---- */

static void md_rows(FILE *out, const struct compare_dimension *d, const struct compare_category *cats, size_t n,
    const enum disclose_cell *cells, int threshold)
{
	for (size_t k = 0; k < n; k++) {
		struct published_row r;
		if (cats == d->groups && !words_group_shown(d, k))
			continue;
		published_make_row(&r, &cats[k], cells[k], threshold, d->compared);
		emit_md_cell(out, cats[k].label);
		emit_md_cell(out, r.count);
		emit_md_cell(out, r.share.data);
		if (d->compared) {
			emit_md_cell(out, r.census);
			emit_md_cell(out, r.ratio.data);
			emit_md_cell(out, r.rate);
			emit_md_cell(out, r.flag);
		}
		emit_md_row_end(out);
		published_row_free(&r);
	}
}

static void md_notes(FILE *out, const struct compare_dimension *d, const struct published *p)
{
	int first = 1;
	for (size_t i = 0; i < d->nnotes; i++) {
		struct buf note = { 0 };
		published_note_text(d, p, i, &note);
		if (note.len)
			fprintf(out, "%s- %s\n", first ? "\n" : "", note.data), first = 0;
		buf_free(&note);
	}
}

/* Each shown under-represented category and group with its shortfall, as a list. */
static void md_shortfalls(FILE *out, const struct compare_dimension *d, const struct published *p)
{
	int listed = 0;
	for (size_t i = 0; i < d->ncats + d->ngroups; i++) {
		struct buf sentence = { 0 };
		published_shortfall_row(d, p, i, &sentence);
		if (sentence.len)
			fprintf(out, "%s- %s\n", listed++ ? "" : "\nThe shortfall, every other answer unchanged:\n\n", sentence.data);
		buf_free(&sentence);
	}
}

/* The closed questions, raw and weighted, as Markdown tables. */
static void md_weighted(FILE *out, const struct compare_weights *w)
{
	struct buf b = { 0 };
	published_weights_sentence(w, &b);
	fprintf(out, "\n## Closed questions, weighted to the census\n\n%s\n", b.data);
	for (size_t q = 0; q < w->nquestions; q++) {
		const struct compare_question *cq = &w->questions[q];
		buf_reset(&b);
		buf_printf(&b, "%s (%.0f answered%s)", cq->text, cq->answered, cq->multi ? "; each option ticked separately" : "");
		fputs("\n**", out);
		for (const char *c = b.data; *c; c++)
			fputs(*c == '*' ? "\\*" : *c == '\n' ? " " : (char[]){ *c, 0 }, out);
		fputs("**\n\n| Answer | Respondents | Share | Weighted share (95% CI) |\n|---|---:|---:|---:|\n", out);
		for (size_t a = 0; a < cq->nanswers; a++) {
			const struct compare_answer *an = &cq->answers[a];
			char n[32], raw[32];
			struct buf weighted = { 0 };
			snprintf(n, sizeof n, "%.0f", an->n);
			published_number(raw, sizeof raw, 100 * an->raw.estimate, 1, "%");
			emit_interval(&weighted, EMIT_PERCENT, an->weighted.estimate, an->weighted.lower, an->weighted.upper);
			emit_md_cell(out, an->text);
			emit_md_cell(out, n);
			emit_md_cell(out, raw);
			emit_md_cell(out, weighted.data);
			emit_md_row_end(out);
			buf_free(&weighted);
		}
	}
	buf_free(&b);
}

static void md_dimension(FILE *out, const struct compare_dimension *d, int min_age, const struct taxonomy *t,
    const struct publish_options *o, const char *chart)
{
	struct published p;
	struct buf sentence = { 0 };
	published_open(&p, d, t, o->suppress);
	fprintf(out, "\n## %s\n\n", words_dimension_title(d->name));
	published_base_sentence(d, min_age, &sentence);
	if (sentence.len)
		fprintf(out, "%s\n\n", sentence.data);
	buf_reset(&sentence);
	published_answers_sentence(d, &p, &sentence);
	fprintf(out, "%s\n", sentence.data);
	if (d->warning != COMPARE_SHOWN) {
		fputs("\n**", out);
		fputs(words_warning(d->warning), out);
		fputs("**\n", out);
		md_notes(out, d, &p);
		buf_free(&sentence);
		published_close(&p);
		return;
	}
	if (d->compared) {
		published_summary_sentence(d, p.cats, &sentence);
		fprintf(out, "%s\n", sentence.data);
		md_shortfalls(out, d, &p);
	}
	if (chart)
		fprintf(out, "\n![Representation ratios for %s, with 95%% intervals: the table below gives the figures](%s)\n",
		    words_dimension_title(d->name), chart);
	fputs(d->compared ? "\n| Category | Respondents | Share (95% CI) | Residents | Ratio (95% CI) | Per 1,000 | |\n"
			    "|---|---:|---:|---:|---:|---:|---|\n"
			  : "\n| Category | Respondents | Share (95% CI) |\n|---|---:|---:|\n", out);
	md_rows(out, d, d->cats, d->ncats, p.cats, o->suppress);
	md_rows(out, d, d->groups, d->ngroups, p.groups, o->suppress);
	buf_reset(&sentence);
	published_test_sentence(d, &p, &sentence);
	if (sentence.len)
		fprintf(out, "\n%s\n", sentence.data);
	md_notes(out, d, &p);
	buf_free(&sentence);
	published_close(&p);
}

/* ---- CSV ---- */

/* The codes of D's categories in group G, space-separated, into B. */
static void group_members(const struct compare_dimension *d, const struct taxonomy *t, size_t g, struct buf *b)
{
	for (size_t k = 0; k < d->ncats; k++)
		if (disclose_in_group(d, t, g, k))
			buf_printf(b, "%s%s", b->len ? " " : "", d->cats[k].code);
}

static void csv_row(FILE *out, const struct compare_dimension *d, const struct compare_category *c, const char *kind,
    enum disclose_cell cell, int threshold, const char *members)
{
	char count[32];
	published_count_text(count, sizeof count, c->n, cell, threshold);
	emit_csv_cell(out, d->name);
	fprintf(out, ",%s,", kind);
	emit_csv_cell(out, c->code);
	fputc(',', out);
	emit_csv_cell(out, c->label);
	fputc(',', out);
	emit_csv_cell(out, count);
	double v[] = { c->st.share.estimate, c->st.share.lower, c->st.share.upper, c->population,
		c->st.population_share, c->st.ratio.estimate, c->st.ratio.lower, c->st.ratio.upper, c->st.rate_per_1000 };
	for (size_t i = 0; i < sizeof v / sizeof *v; i++) {
		fputc(',', out);
		int reveals = i != 3 && i != 4;        /* the population is the census's own */
		if (cell != CELL_SHOWN && reveals)
			fputs("[c]", out);
		else
			emit_csv_number(out, v[i]);
	}
	enum reading reading = cell != CELL_SHOWN ? READING_WITHHELD : words_reading_of(c, d->compared);
	fprintf(out, ",%s,%s,", words_reading(reading)->code,
	    cell == CELL_SHOWN ? "" : cell == CELL_SMALL ? "small" : "secondary");
	emit_csv_cell(out, members);
	/* The shortfall rests on the count: withheld with it. */
	for (int target = 0; target < 2; target++) {
		fputc(',', out);
		if (!d->compared)
			continue;
		if (cell != CELL_SHOWN)
			fputs("[c]", out);
		else
			emit_csv_number(out, compare_shortfall(d, c, target ? 1.0 : POLICY_PARITY_TARGET));
	}
	fputs(",,,\n", out);
}

/* A row of DIMENSION (NULL: the report) that is not a category: KIND, CODE, LABEL, the figure N and why it is hidden. */
static void csv_line(FILE *out, const char *dimension, const char *kind, const char *code, const char *label,
    const char *n, const char *suppressed)
{
	emit_csv_cell(out, dimension);
	fprintf(out, ",%s,", kind);
	emit_csv_cell(out, code);
	fputc(',', out);
	emit_csv_cell(out, label);
	fputc(',', out);
	emit_csv_cell(out, n);
	fprintf(out, ",,,,,,,,,,,%s,,,,,,\n", suppressed);
}

/* D's answers: responses, known, and each extra count (disclose_extra), hidden as the table hides them. */
static void csv_answers(FILE *out, const struct compare_dimension *d, const struct published *p)
{
	char text[32];
	snprintf(text, sizeof text, "%.0f", d->responses);
	csv_line(out, d->name, "answers", "responses", "responses to the consultations that asked it", text, "");
	snprintf(text, sizeof text, "%.0f", d->known);
	csv_line(out, d->name, "answers", "known", d->compared ? "compared with the census: the base of every share"
							       : "answered: the base of every share", text, "");
	for (int e = 0; e < DISCLOSE_EXTRAS; e++) {
		published_count_text(text, sizeof text, disclose_extra_count(d, (enum disclose_extra)e), p->extras[e], p->threshold);
		csv_line(out, d->name, "answers", published_extra_code[e], published_extra_code[e], text,
		    p->extras[e] == CELL_SHOWN ? "" : p->extras[e] == CELL_SMALL ? "small" : "secondary");
	}
}

/* D's test and scores, one figure a row in the n column; one row saying they are withheld when some count is hidden. */
static void csv_test(FILE *out, const struct compare_dimension *d, const struct published *p)
{
	struct buf sentence = { 0 };
	published_test_sentence(d, p, &sentence);
	if (p->hidden && sentence.len)
		csv_line(out, d->name, "test", "withheld", sentence.data, "[c]", "secondary");
	else if (sentence.len) {
		const char *code[] = { "chi_square", "df", "p_value", "effect_w", "min_max_answered" };
		double v[] = { d->test.statistic, (double)d->test.df, d->test.p_value, d->test.effect_w,
			d->scores.min_max_answered };
		for (size_t i = 0; i < sizeof v / sizeof *v; i++) {
			char text[32];
			snprintf(text, sizeof text, "%.6g", v[i]);
			csv_line(out, d->name, "test", code[i], code[i], isnan(v[i]) ? "" : text, "");
		}
	}
	buf_free(&sentence);
}

/*
 * The closed questions raw and weighted, with no dimension (so that they are
 * read apart from the equality tables): a note on the weighting, then for
 * question N a row "question,qN" with its text and the answers, and a row
 * "answer,qN" for each answer: its count, raw share with interval and
 * weighted share with interval.
 */
static void csv_weighted(FILE *out, const struct compare_weights *w)
{
	struct buf b = { 0 };
	published_weights_sentence(w, &b);
	csv_line(out, NULL, "note", "weighting", b.data, NULL, "");
	for (size_t q = 0; q < w->nquestions; q++) {
		const struct compare_question *cq = &w->questions[q];
		char code[32], n[32];
		snprintf(code, sizeof code, "q%zu", q + 1);
		snprintf(n, sizeof n, "%.0f", cq->answered);
		csv_line(out, NULL, "question", code, cq->text, n, "");
		for (size_t a = 0; a < cq->nanswers; a++) {
			const struct compare_answer *an = &cq->answers[a];
			fprintf(out, ",answer,%s,", code);
			emit_csv_cell(out, an->text);
			fputc(',', out);
			emit_csv_number(out, an->n);
			const double raw[] = { an->raw.estimate, an->raw.lower, an->raw.upper };
			for (size_t i = 0; i < 3; i++) {
				fputc(',', out);
				emit_csv_number(out, raw[i]);
			}
			fputs(",,,,,,,,,,,", out);
			const double weighted[] = { an->weighted.estimate, an->weighted.lower, an->weighted.upper };
			for (size_t i = 0; i < 3; i++) {
				fputc(',', out);
				emit_csv_number(out, weighted[i]);
			}
			fputc('\n', out);
		}
	}
	buf_free(&b);
}

static void write_csv(const struct compare *c, const struct taxonomy *t, const struct publish_options *o, FILE *out)
{
	fputs("dimension,kind,code,label,n,share,share_lower,share_upper,population,population_share,"
	      "ratio,ratio_lower,ratio_upper,rate_per_1000,reading,suppressed,members,shortfall_0_8,shortfall_parity,"
	      "weighted_share,weighted_lower,weighted_upper\n", out);
	char *disclosure = published_disclosure_sentence(c, t, o->suppress);
	if (disclosure)
		csv_line(out, NULL, "note", "disclosure", disclosure, NULL, "");
	free(disclosure);
	if (c->rounding) {
		/* The base, for a reader (or a program) that must know what range a count stands for. */
		char base[16];
		snprintf(base, sizeof base, "%d", c->rounding);
		csv_line(out, NULL, "note", "rounding", "every count is rounded to a multiple of this, halves up", base, "");
	}
	for (size_t i = 0; i < c->ndims; i++) {
		const struct compare_dimension *d = &c->dims[i];
		struct published p;
		published_open(&p, d, t, o->suppress);
		csv_answers(out, d, &p);
		if (d->warning != COMPARE_SHOWN) {
			/* One row in place of the table: the warning, with the unmatched count. */
			char text[32];
			published_count_text(text, sizeof text, d->unmatched, p.extras[DISCLOSE_UNMATCHED], p.threshold);
			emit_csv_cell(out, d->name);
			fputs(",warning,", out);
			emit_csv_cell(out, words_warning_code(d->warning));
			fputc(',', out);
			emit_csv_cell(out, words_warning(d->warning));
			fputc(',', out);
			emit_csv_cell(out, text);
			fprintf(out, ",,,,,,,,,,%s,,,,,,,\n", words_reading(READING_NOT_COMPARED)->code);
		} else {
			for (size_t k = 0; k < d->ncats; k++)
				csv_row(out, d, &d->cats[k], "category", p.cats[k], o->suppress, NULL);
			for (size_t g = 0; g < d->ngroups; g++) {
				struct buf members = { 0 };
				group_members(d, t, g, &members);
				csv_row(out, d, &d->groups[g], "group", p.groups[g], o->suppress, members.data ? members.data : "");
				buf_free(&members);
			}
			csv_test(out, d, &p);
		}
		for (size_t n = 0; n < d->nnotes; n++) {
			struct buf note = { 0 };
			published_note_text(d, &p, n, &note);
			if (note.len)
				csv_line(out, d->name, "note", NULL, note.data, NULL, "");
			buf_free(&note);
		}
		published_close(&p);
	}
	if (c->weights)
		csv_weighted(out, c->weights);
}

void publish_adjust(struct compare *c, const struct taxonomy *t, const struct publish_options *o)
{
	published_adjust(c, t, o->suppress);
}

int publish_report(struct store *s, const struct taxonomy *t, const struct compare *c, const char *format,
    const struct publish_options *o, FILE *out, struct reach_error *err)
{
	int skipped = 0;
	if (strcmp(format, "csv") == 0) {
		write_csv(c, t, o, out);
		return 0;
	}
	if (strcmp(format, "html") == 0)
		return page_write(s, t, c, o, out, err);
	char *title = published_title(c);
	fputs("# Who did we reach? ", out);
	emit_md_text(out, title);
	fputs("\n\n", out);
	struct buf ages = { 0 };
	published_base_phrase(c, &ages);
	struct buf rate = { 0 };
	published_rate_sentence(c, &rate);
	fprintf(out, "%llu responses to %zu consultation%s, compared with the usual residents of ",
	    (unsigned long long)c->responses, c->nconsultations, c->nconsultations == 1 ? "" : "s");
	emit_md_text(out, c->geography_name);
	fputs(" (", out);
	emit_md_text(out, c->geography);
	fprintf(out, ")%s, Census 2021.%s\n", ages.data, rate.data ? rate.data : "");
	buf_free(&ages);
	buf_free(&rate);
	for (size_t i = 0; i < c->nnotes; i++)
		fprintf(out, "\n%s\n", c->notes[i]);
	char *comparisons = published_comparisons_sentence(c);
	if (comparisons)
		fprintf(out, "\n%s\n", comparisons);
	free(comparisons);
	char *disclosure = published_disclosure_sentence(c, t, o->suppress);
	if (disclosure)
		fprintf(out, "\n**%s**\n", disclosure);
	free(disclosure);
	for (size_t i = 0; i < c->ndims; i++) {
		const struct compare_dimension *d = &c->dims[i];
		char *chart = NULL;
		if (o->charts_dir && d->compared && d->warning == COMPARE_SHOWN) {
			enum disclose_cell *cats = xcalloc(d->ncats + 1, sizeof *cats), *groups = xcalloc(d->ngroups + 1, sizeof *groups);
			int *show = xcalloc(d->ncats + 1, sizeof *show);
			struct buf file = { 0 };
			struct reach_error cerr = { 0 };
			disclose_suppress(d, t, o->suppress, cats, groups, NULL);
			for (size_t k = 0; k < d->ncats; k++)
				show[k] = cats[k] == CELL_SHOWN;
			const char *name = c->nconsultations == 1 ? c->consultations[0].slug : "pooled";
			struct buf standalone = { 0 };
			buf_printf(&standalone, "%s: representation ratios with 95%% intervals", words_dimension_title(d->name));
			struct chart_caption caption = { title, standalone.data, c->source };
			int drawn = chart_file(&file, o->charts_dir, "png", &cerr, name, d->name, (char *)NULL) < 0 ? -1
			    : chart_ratios(d, show, "png", file.data, &caption, &cerr);
			buf_free(&standalone);
			if (drawn == 0)
				chart = xstrdup(file.data);
			else if (drawn < 0 && !skipped)
				fprintf(stderr, "reach: warning: %s\n", cerr.msg), skipped = 1;
			buf_free(&file);
			free(cats);
			free(groups);
			free(show);
		}
		md_dimension(out, d, c->min_age, t, o, chart);
		free(chart);
	}
	if (c->weights)
		md_weighted(out, c->weights);
	fputs("\n---\n\n", out);
	if (o->suppress > 0) {
		fprintf(out, published_suppress_note, o->suppress - 1, o->suppress);
		fputs("\n\n", out);
	}
	fputs("Census figures: ", out);
	emit_md_text(out, c->source);
	fputs(".\n", out);
	free(title);
	return skipped;
}
