/* publish.c — see publish.h. */
#include "publish.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "chart.h"
#include "disclose.h"
#include "output.h"
#include "published.h"
#include "emit.h"
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
	fputc('\n', out);
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
	fprintf(out, ",,,,,,,,,,,%s,\n", suppressed);
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

static void write_csv(const struct compare *c, const struct taxonomy *t, const struct publish_options *o, FILE *out)
{
	fputs("dimension,kind,code,label,n,share,share_lower,share_upper,population,population_share,"
	      "ratio,ratio_lower,ratio_upper,rate_per_1000,reading,suppressed,members\n", out);
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
			fprintf(out, ",,,,,,,,,,%s,,\n", words_reading(READING_NOT_COMPARED)->code);
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
}

/* ---- HTML ---- */

static const char html_style[] =
    "body{font-family:system-ui,sans-serif;line-height:1.5;color:#111;background:#fff;max-width:60rem;"
    "margin:0 auto;padding:1rem}\n"
    "table{border-collapse:collapse;margin:1rem 0}caption{text-align:left;font-weight:bold;padding:.25rem 0}\n"
    "th,td{border:1px solid #666;padding:.25rem .5rem;vertical-align:top}td.n{text-align:right}\n"
    "thead th{background:#eee}.under{color:#a63d00;font-weight:bold}.over{color:#00558a;font-weight:bold}\n"
    "tbody th{text-align:left;font-weight:normal}figure{margin:1rem 0}svg{max-width:100%;height:auto}.notes{font-size:.95rem}\n"
    "a:focus,a:hover{outline:3px solid #ffbf47}\n"
    "@media print{nav{display:none}section{break-inside:avoid-page}a{color:#000}}\n";

/* One table cell, <td ATTRS>TEXT</td>, TEXT escaped. */
static void html_cell(FILE *out, const char *attrs, const char *text)
{
	fprintf(out, "<td%s>", attrs);
	emit_html_text(out, text);
	fputs("</td>", out);
}

static void html_rows(FILE *out, const struct compare_dimension *d, const struct compare_category *cats, size_t n,
    const enum disclose_cell *cells, int threshold)
{
	for (size_t k = 0; k < n; k++) {
		struct published_row r;
		if (cats == d->groups && !words_group_shown(d, k))
			continue;
		published_make_row(&r, &cats[k], cells[k], threshold, d->compared);
		fputs("<tr><th scope=\"row\">", out);
		emit_html_text(out, cats[k].label);
		fputs("</th>", out);
		html_cell(out, " class=\"n\"", r.count);
		html_cell(out, " class=\"n\"", r.share.data);
		if (d->compared) {
			int side = cells[k] == CELL_SHOWN ? published_evidence_side(&cats[k], d->compared) : 0;
			const char *cls = side < 0 ? " class=\"under\"" : side > 0 ? " class=\"over\"" : "";
			html_cell(out, " class=\"n\"", r.census);
			html_cell(out, " class=\"n\"", r.ratio.data);
			html_cell(out, " class=\"n\"", r.rate);
			html_cell(out, cls, r.flag);
		}
		fputs("</tr>\n", out);
		published_row_free(&r);
	}
}

/* A kind of chart: how to draw it, what it is called, what it shows. */
struct chart_kind {
	int (*draw)(const struct compare_dimension *d, const int *show, const char *format, const char *path,
	    const struct chart_caption *caption, struct reach_error *err);
	const char *suffix;     /* of its file name in --charts, after the dimension */
	const char *title;      /* after the dimension's name */
	const char *desc;
	const char *caption;
	int legend;             /* the caption names each reading's colour (charts/ratios.gp) */
};

static const struct chart_kind ratio_chart = {
	chart_ratios, "", "representation ratios with 95% intervals",
	"One point per category, with its interval, against the dashed parity line at 1. The table that follows "
	"gives every figure.",
	"representation ratio of each category (share of respondents divided by share of residents) with its 95% "
	"interval; the dashed line at 1 is parity.", 1,
};

static const struct chart_kind share_chart = {
	chart_shares, "-shares", "respondents and residents",
	"Two bars per category: its share of the respondents and its share of the residents. The table that "
	"follows gives every figure.",
	"each category's share of the respondents (blue) beside its share of the residents (orange).", 0,
};

/* Draws one chart of D; returns the inline SVG (the caller frees), or NULL when skipped (*SKIPPED set). */
static char *html_chart(const struct compare *c, const struct compare_dimension *d, const enum disclose_cell *cats,
    const struct publish_options *o, const struct chart_kind *kind, int *skipped)
{
	struct reach_error err = { 0 };
	char path[] = "/tmp/reach-svg-XXXXXX";
	int fd = mkstemp(path), *show = xcalloc(d->ncats + 1, sizeof *show);
	char *svg = NULL;
	for (size_t k = 0; k < d->ncats; k++)
		show[k] = cats[k] == CELL_SHOWN;
	if (fd >= 0) {
		close(fd);
		output_scratch_add(path);
	}
	int drawn = fd >= 0 ? kind->draw(d, show, "svg", path, NULL, &err) : -1;
	if (drawn == 0) {
		struct buf title = { 0 };
		buf_printf(&title, "%s: %s", words_dimension_title(d->name), kind->title);
		svg = chart_inline_svg(path, title.data, kind->desc);
		buf_free(&title);
	} else if (drawn < 0 && !*skipped) {
		fputs("reach: warning: charts left out: gnuplot is missing or failed (Debian package gnuplot-nox)\n", stderr);
		*skipped = 1;
	}
	if (fd >= 0)
		output_scratch_remove(path);
	char *report_title = published_title(c);
	struct buf standalone = { 0 };
	buf_printf(&standalone, "%s: %s", words_dimension_title(d->name), kind->title);
	struct chart_caption caption = { report_title, standalone.data, c->source };
	for (int f = 0; svg && o->charts_dir && f < 2; f++) {
		struct buf file = { 0 };
		const char *name = c->nconsultations == 1 ? c->consultations[0].slug : "pooled";
		if ((chart_file(&file, o->charts_dir, f ? "png" : "svg", &err, name, d->name,
		    *kind->suffix ? kind->suffix + 1 : NULL, (char *)NULL) < 0 ||
		    kind->draw(d, show, f ? "png" : "svg", file.data, &caption, &err) < 0) && !*skipped) {
			fprintf(stderr, "reach: warning: %s\n", err.msg);
			*skipped = 1;
		}
		buf_free(&file);
	}
	buf_free(&standalone);
	free(report_title);
	free(show);
	return svg;
}

/*
 * The colours of charts/ratios.gp in words, from the table of readings: each
 * colour once, naming the readings drawn in it (" vermilion: well
 * under-represented or under-represented; orange: …"). Nothing unless SHOWN.
 */
static void html_legend(FILE *out, int shown)
{
	for (enum reading r = 0; shown && r < READING_CHARTED; r++) {
		const struct reading_words *w = words_reading(r);
		enum reading first = 0;
		while (words_reading(first)->colour != w->colour)
			first++;
		if (first != r)
			continue;               /* named with the first reading of its colour */
		fprintf(out, "%s%s: ", r ? "; " : " ", w->colour_name);
		for (enum reading same = r; same < READING_CHARTED; same++)
			if (words_reading(same)->colour == w->colour) {
				fputs(same == r ? "" : " or ", out);
				emit_html_text(out, words_reading(same)->word);
			}
	}
}

/* The chart as a figure with its caption. */
static void html_figure(FILE *out, const struct compare *c, const struct compare_dimension *d,
    const enum disclose_cell *cats, const struct publish_options *o, const struct chart_kind *kind, int *skipped)
{
	char *svg = html_chart(c, d, cats, o, kind, skipped);
	if (!svg)
		return;
	fputs("<figure>\n", out);
	fputs(svg, out);
	fputs("\n<figcaption>", out);
	emit_html_text(out, words_dimension_title(d->name));
	fputs(": ", out);
	emit_html_text(out, kind->caption);
	html_legend(out, kind->legend);
	fputs(kind->legend ? ". The table below gives the figures.</figcaption>\n</figure>\n"
			   : " The table below gives the figures.</figcaption>\n</figure>\n", out);
	free(svg);
}

static void html_notes(FILE *out, const struct compare_dimension *d, const struct published *p)
{
	if (!d->nnotes)
		return;
	fputs("<ul class=\"notes\">\n", out);
	for (size_t i = 0; i < d->nnotes; i++) {
		struct buf note = { 0 };
		published_note_text(d, p, i, &note);
		if (note.len) {
			fputs("<li>", out);
			emit_html_text(out, note.data);
			fputs("</li>\n", out);
		}
		buf_free(&note);
	}
	fputs("</ul>\n", out);
}

static void html_dimension(FILE *out, const struct compare *c, const struct compare_dimension *d,
    const struct taxonomy *t, const struct publish_options *o, int *skipped)
{
	struct published p;
	struct buf sentence = { 0 };
	published_open(&p, d, t, o->suppress);
	fprintf(out, "<section aria-labelledby=\"d-%s\">\n<h2 id=\"d-%s\">", d->name, d->name);
	emit_html_text(out, words_dimension_title(d->name));
	fputs("</h2>\n", out);
	published_base_sentence(d, c->min_age, &sentence);
	if (sentence.len) {
		fputs("<p>", out);
		emit_html_text(out, sentence.data);
		fputs("</p>\n", out);
	}
	buf_reset(&sentence);
	published_answers_sentence(d, &p, &sentence);
	fputs("<p>", out);
	emit_html_text(out, sentence.data);
	if (d->compared && d->warning == COMPARE_SHOWN) {
		published_summary_sentence(d, p.cats, &sentence);
		fputs(" ", out);
		emit_html_text(out, sentence.data);
	}
	fputs("</p>\n", out);
	if (d->warning != COMPARE_SHOWN) {
		fputs("<p><strong>", out);
		emit_html_text(out, words_warning(d->warning));
		fputs("</strong></p>\n", out);
		html_notes(out, d, &p);
		fputs("</section>\n", out);
		buf_free(&sentence);
		published_close(&p);
		return;
	}
	if (d->compared) {
		html_figure(out, c, d, p.cats, o, &ratio_chart, skipped);
		if (strcmp(d->name, "age") == 0)
			html_figure(out, c, d, p.cats, o, &share_chart, skipped);
	}
	fputs("<table>\n<caption>", out);
	emit_html_text(out, words_dimension_title(d->name));
	fputs(d->compared ? ": respondents and residents</caption>\n<thead><tr><th scope=\"col\">Category</th>"
			    "<th scope=\"col\">Respondents</th><th scope=\"col\">Share (95% CI)</th>"
			    "<th scope=\"col\">Residents' share</th><th scope=\"col\">Ratio (95% CI)</th>"
			    "<th scope=\"col\">Per 1,000 residents</th><th scope=\"col\">Reading</th></tr></thead>\n<tbody>\n"
			  : ": respondents (no census figures held)</caption>\n<thead><tr><th scope=\"col\">Category</th>"
			    "<th scope=\"col\">Respondents</th><th scope=\"col\">Share (95% CI)</th></tr></thead>\n<tbody>\n",
	    out);
	html_rows(out, d, d->cats, d->ncats, p.cats, o->suppress);
	html_rows(out, d, d->groups, d->ngroups, p.groups, o->suppress);
	fputs("</tbody>\n</table>\n", out);
	buf_reset(&sentence);
	published_test_sentence(d, &p, &sentence);
	if (sentence.len) {
		fputs("<p>", out);
		emit_html_text(out, sentence.data);
		fputs("</p>\n", out);
	}
	html_notes(out, d, &p);
	fputs("</section>\n", out);
	buf_free(&sentence);
	published_close(&p);
}

static void write_html(const struct compare *c, const struct taxonomy *t, const struct publish_options *o, FILE *out,
    int *skipped)
{
	char *title = published_title(c);
	fputs("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
	      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Who did we reach? ", out);
	emit_html_text(out, title);
	fprintf(out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<header>\n<h1>Who did we reach? ", html_style);
	emit_html_text(out, title);
	fputs("</h1>\n<p>", out);
	if (c->nconsultations == 1) {
		const struct compare_consultation *cc = &c->consultations[0];
		fputs("Consultation ", out);
		emit_html_text(out, cc->slug);
		if (cc->closed) {
			fputs(cc->opened ? ", open " : ", closed ", out);
			if (cc->opened) {
				emit_html_text(out, cc->opened);
				fputs(" to ", out);
			}
			emit_html_text(out, cc->closed);
		}
		fprintf(out, ": %llu responses.", (unsigned long long)cc->responses);
	} else {
		fprintf(out, "%llu responses to %zu consultations:", (unsigned long long)c->responses, c->nconsultations);
		for (size_t i = 0; i < c->nconsultations; i++) {
			fputs(i ? ", " : " ", out);
			emit_html_text(out, c->consultations[i].slug);
		}
		fputs(".", out);
	}
	struct buf ages = { 0 };
	published_base_phrase(c, &ages);
	fputs(" Compared with the usual residents of ", out);
	emit_html_text(out, c->geography_name);
	fputs(" (", out);
	emit_html_text(out, c->geography);
	fputc(')', out);
	emit_html_text(out, ages.data);
	fputs(", Census 2021.", out);
	struct buf rate = { 0 };
	published_rate_sentence(c, &rate);
	emit_html_text(out, rate.data);
	buf_free(&rate);
	fputs("</p>\n</header>\n<nav aria-label=\"Contents\">\n<ul>\n", out);
	buf_free(&ages);
	for (size_t i = 0; i < c->ndims; i++) {
		fprintf(out, "<li><a href=\"#d-%s\">", c->dims[i].name);
		emit_html_text(out, words_dimension_title(c->dims[i].name));
		fputs("</a></li>\n", out);
	}
	fputs("</ul>\n</nav>\n<main>\n<p>The <strong>representation ratio</strong> of a group is its share of the "
	      "respondents divided by its share of the residents: 1 means the group answered in proportion, below 1 "
	      "that it was missed. Each reading says two things. The evidence: whether the whole 95% interval of the "
	      "ratio lies below 1 (<em>under-represented</em>), above 1 (<em>over-represented</em>) or includes 1. "
	      "The size of the ratio: under 0.5 (<em>well</em> under-represented), 0.5 to under 0.8 (the four-fifths "
	      "line), 0.8 to 1.25 (<em>slightly</em> under- or over-represented when the interval excludes 1, "
	      "<em>no clear difference</em> when it does not), or over 1.25. An interval that includes 1 around a "
	      "ratio under 0.8 or over 1.25 reads <em>perhaps</em> under- or over-represented. <em>Too few to "
	      "say</em> means the interval cannot tell: no residents are expected, or it reaches from under 0.5 to "
	      "over 1.25.</p>\n", out);
	char *comparisons = published_comparisons_sentence(c);
	if (comparisons) {
		fputs("<p>", out);
		emit_html_text(out, comparisons);
		fputs("</p>\n", out);
	}
	free(comparisons);
	char *disclosure = published_disclosure_sentence(c, t, o->suppress);
	if (disclosure) {
		fputs("<p><strong>", out);
		emit_html_text(out, disclosure);
		fputs("</strong></p>\n", out);
	}
	free(disclosure);
	for (size_t i = 0; i < c->nnotes; i++) {
		fputs("<p>", out);
		emit_html_text(out, c->notes[i]);
		fputs("</p>\n", out);
	}
	for (size_t i = 0; i < c->ndims; i++)
		html_dimension(out, c, &c->dims[i], t, o, skipped);
	fputs("</main>\n<footer>\n<p>", out);
	if (o->suppress > 0)
		fprintf(out, published_suppress_note, o->suppress - 1, o->suppress);
	fputs("</p>\n<p>Census figures: ", out);
	emit_html_text(out, c->source);
	fputs(".</p>\n</footer>\n</body>\n</html>\n", out);
	free(title);
}

void publish_adjust(struct compare *c, const struct taxonomy *t, const struct publish_options *o)
{
	published_adjust(c, t, o->suppress);
}

int publish_report(struct store *s, const struct taxonomy *t, const struct compare *c, const char *format,
    const struct publish_options *o, FILE *out, struct reach_error *err)
{
	int skipped = 0;
	(void)s;
	(void)err;
	if (strcmp(format, "csv") == 0) {
		write_csv(c, t, o, out);
		return 0;
	}
	if (strcmp(format, "html") == 0) {
		write_html(c, t, o, out, &skipped);
		return skipped;
	}
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
			buf_printf(&standalone, "%s: %s", words_dimension_title(d->name), ratio_chart.title);
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
