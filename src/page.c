/*
 * page.c — see page.h. Every piece of text goes through emit_html_text, so
 * that "<5" and "p < 0.0001" reach the page escaped; the figures and
 * sentences are published.c's, so that the page says what Markdown and CSV
 * say.
 */
#include "page.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "chart.h"
#include "date.h"
#include "disclose.h"
#include "emit.h"
#include "output.h"
#include "plan.h"
#include "policy.h"
#include "published.h"
#include "trend.h"
#include "words.h"

/*
 * The page's style. Figures never wrap inside a cell; a table wider than a
 * narrow screen scrolls inside its own box (.scroll, WCAG 1.4.10); groups
 * sit in a table body of their own under a heading row. In print: A4, the
 * navigation left out, sections free to break across pages (so that none
 * leaves a page three-quarters blank), a figure, a table row and a heading
 * with what follows kept together.
 */
static const char page_style[] =
    "body{font-family:system-ui,sans-serif;line-height:1.5;color:#111;background:#fff;max-width:60rem;"
    "margin:0 auto;padding:1rem}\n"
    "h1{font-size:1.75rem;line-height:1.25}h2{margin-top:2rem}\n"
    ".summary{border-left:.4rem solid #00558a;background:#f2f6f9;padding:.5rem 1rem;margin:1rem 0}\n"
    ".scroll{overflow-x:auto;max-width:100%;margin:1rem 0}.scroll:focus{outline:3px solid #ffbf47}\n"
    "table{border-collapse:collapse}caption{text-align:left;font-weight:bold;padding:.25rem 0;max-width:calc(100vw - 3rem)}\n"
    "th,td{border:1px solid #666;padding:.25rem .5rem;vertical-align:top}td.n{text-align:right;white-space:nowrap}\n"
    "thead th{background:#eee}.under{color:#a63d00;font-weight:bold}.over{color:#00558a;font-weight:bold}\n"
    "tbody th{text-align:left;font-weight:normal}tbody.groups{border-top:3px double #666}\n"
    "tbody.groups th[scope=rowgroup]{background:#f4f4f4;font-weight:bold}\n"
    "figure{margin:1rem 0}svg{max-width:100%;height:auto}.notes{font-size:.95rem}\n"
    "nav ul{columns:3 12rem}footer{border-top:1px solid #666;margin-top:2rem;font-size:.95rem}\n"
    "a:focus,a:hover{outline:3px solid #ffbf47}\n"
    "@media print{@page{size:A4;margin:15mm}body{max-width:none;padding:0;font-size:10pt}nav{display:none}"
    "h2,h3{break-after:avoid}figure,tr,.summary{break-inside:avoid}.scroll{overflow:visible}"
    "svg{max-height:110mm}a{color:#000}}\n";

/* <TAG>TEXT</TAG>, TEXT escaped; nothing when TEXT is empty. */
static void element(FILE *out, const char *tag, const char *text)
{
	if (!text || !*text)
		return;
	fprintf(out, "<%s>", tag);
	emit_html_text(out, text);
	fprintf(out, "</%s>\n", tag);
}

/* One table cell, <td ATTRS>TEXT</td>, TEXT escaped. */
static void cell(FILE *out, const char *attrs, const char *text)
{
	fprintf(out, "<td%s>", attrs);
	emit_html_text(out, text);
	fputs("</td>", out);
}

/* The opening of a table in its own scrolling box, labelled by its caption ID. */
static void table_open(FILE *out, const char *id, const char *caption)
{
	fprintf(out, "<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"%s\">\n<table>\n"
		     "<caption id=\"%s\">", id, id);
	emit_html_text(out, caption);
	fputs("</caption>\n", out);
}

static void table_close(FILE *out)
{
	fputs("</tbody>\n</table>\n</div>\n", out);
}

/* ---- the summary ---- */

/*
 * "Age: 16-24 (ratio 0.36; 83 more responses for parity, 56 for 0.8), …"
 * appended to B: D's shown categories and groups whose interval lies wholly
 * below 1 and ratio under 0.8.
 */
static void summary_missed(struct buf *b, const struct compare_dimension *d, const struct published *p)
{
	size_t named = 0;
	for (size_t i = 0; i < d->ncats + d->ngroups; i++) {
		int group = i >= d->ncats;
		const struct compare_category *c = group ? &d->groups[i - d->ncats] : &d->cats[i];
		enum disclose_cell shown = group ? p->groups[i - d->ncats] : p->cats[i];
		/* A shortfall rests on the count: withheld with it. A group that repeats a band is named once. */
		if (shown != CELL_SHOWN || published_evidence_side(c, d->compared) >= 0 ||
		    !(c->st.ratio.estimate < POLICY_PARITY_TARGET) || (group && !words_group_shown(d, i - d->ncats)))
			continue;
		published_name_in_list(d, c, &named, b);
		published_shortfall_phrase(d, c, b);
		buf_putc(b, ')');
	}
}

/*
 * The summary: who was missed, by how much (ratio and shortfall), who was
 * over-represented, and what that means for the plans' targets.
 */
static int page_summary(FILE *out, struct store *s, const struct taxonomy *t, const struct compare *c,
    const struct publish_options *o, struct reach_error *err)
{
	struct buf missed = { 0 }, over = { 0 }, plans = { 0 };
	size_t withheld = 0;
	for (size_t i = 0; i < c->ndims; i++) {
		const struct compare_dimension *d = &c->dims[i];
		if (!d->compared || d->warning != COMPARE_SHOWN)
			continue;
		struct published p;
		published_open(&p, d, t, o->suppress);
		withheld += p.hidden > 0;
		summary_missed(&missed, d, &p);
		published_over_phrase(d, &p, &over);
		published_close(&p);
	}
	int rc = plan_evidence_summary(s, t, c, o->suppress, &plans, err);
	fputs("<section class=\"summary\" aria-labelledby=\"summary\">\n<h2 id=\"summary\">Summary</h2>\n<p>", out);
	if (missed.len) {
		buf_puts(&missed, ".");
		fputs("<strong>Who we missed</strong> ", out);
		emit_html_text(out, "(a ratio under " POLICY_TEXT(POLICY_PARITY_TARGET) ", its interval wholly below parity; "
				    "with the responses from each group that would have reached parity and "
				    POLICY_TEXT(POLICY_PARITY_TARGET) ", every other answer unchanged): ");
		emit_html_text(out, missed.data);
	} else {
		emit_html_text(out, "No group was clearly missed: no group's ratio is under " POLICY_TEXT(POLICY_PARITY_TARGET)
				    " with its interval wholly below parity.");
	}
	if (over.len) {
		buf_puts(&over, ".");
		fputs(" <strong>Over-represented</strong> (a ratio over " POLICY_TEXT(POLICY_RATIO_HIGH) ", its interval wholly "
		      "above parity): ", out);
		emit_html_text(out, over.data);
	}
	if (withheld) {
		fputs(" ", out);
		emit_html_text(out, withheld == 1 ? "In 1 dimension some counts are withheld, and a group resting on them "
						    "is not named here."
				    : "In some dimensions counts are withheld, and a group resting on them is not named here.");
	}
	if (plans.len) {
		fputs(" <strong>For the plans:</strong> ", out);
		emit_html_text(out, plans.data);
	}
	fputs("</p>\n</section>\n", out);
	buf_free(&missed);
	buf_free(&over);
	buf_free(&plans);
	return rc;
}

/* ---- a dimension ---- */

static void page_rows(FILE *out, const struct compare_dimension *d, const struct compare_category *cats, size_t n,
    const enum disclose_cell *cells, int threshold)
{
	for (size_t k = 0; k < n; k++) {
		struct published_row r;
		if (cats == d->groups && !words_group_shown(d, k))
			continue;               /* a group that is one of the bands ("75+") */
		published_make_row(&r, &cats[k], cells[k], threshold, d->compared);
		fputs("<tr><th scope=\"row\">", out);
		emit_html_text(out, cats[k].label);
		fputs("</th>", out);
		cell(out, " class=\"n\"", r.count);
		cell(out, " class=\"n\"", r.share.data);
		if (d->compared) {
			int side = cells[k] == CELL_SHOWN ? published_evidence_side(&cats[k], d->compared) : 0;
			cell(out, " class=\"n\"", r.census);
			cell(out, " class=\"n\"", r.ratio.data);
			cell(out, " class=\"n\"", r.rate);
			cell(out, side < 0 ? " class=\"under\"" : side > 0 ? " class=\"over\"" : "", r.flag);
		}
		fputs("</tr>\n", out);
		published_row_free(&r);
	}
}

/* The dimension's table: categories, then the groups in a body of their own under a heading row. */
static void page_table(FILE *out, const struct compare_dimension *d, const struct published *p)
{
	struct buf id = { 0 }, caption = { 0 };
	buf_printf(&id, "t-%s", d->name);
	buf_printf(&caption, "%s: %s", words_dimension_title(d->name),
	    d->compared ? "respondents and residents" : "respondents (no census figures held)");
	table_open(out, id.data, caption.data);
	fputs(d->compared ? "<thead><tr><th scope=\"col\">Category</th><th scope=\"col\">Respondents</th>"
			    "<th scope=\"col\">Share (95% CI)</th><th scope=\"col\">Residents' share</th>"
			    "<th scope=\"col\">Ratio (95% CI)</th><th scope=\"col\">Per 1,000 residents</th>"
			    "<th scope=\"col\">Reading</th></tr></thead>\n<tbody>\n"
			  : "<thead><tr><th scope=\"col\">Category</th><th scope=\"col\">Respondents</th>"
			    "<th scope=\"col\">Share (95% CI)</th></tr></thead>\n<tbody>\n", out);
	page_rows(out, d, d->cats, d->ncats, p->cats, p->threshold);
	size_t groups = 0;
	for (size_t g = 0; g < d->ngroups; g++)
		groups += words_group_shown(d, g);
	if (groups) {
		fprintf(out, "</tbody>\n<tbody class=\"groups\">\n<tr><th scope=\"rowgroup\" colspan=\"%d\">Groups: "
			     "categories above taken together</th></tr>\n", d->compared ? 7 : 3);
		page_rows(out, d, d->groups, d->ngroups, p->groups, p->threshold);
	}
	table_close(out);
	buf_free(&id);
	buf_free(&caption);
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
	"each category's share of the respondents (solid bars) beside its share of the residents (hatched bars).", 0,
};

/* Warns once that charts are left out. */
static void charts_skipped(int *skipped, const char *why)
{
	if (!*skipped)
		fprintf(stderr, "reach: warning: %s\n", why);
	*skipped = 1;
}

/* A chart drawn by DRAW into a temporary SVG, returned inline (the caller frees), or NULL when skipped. */
static char *inline_chart(int (*draw)(const void *what, const char *path, struct reach_error *err), const void *what,
    const char *title, const char *desc, int *skipped)
{
	struct reach_error err = { 0 };
	char path[] = "/tmp/reach-svg-XXXXXX";
	int fd = mkstemp(path);
	char *svg = NULL;
	if (fd >= 0) {
		close(fd);
		output_scratch_add(path);
	}
	int drawn = fd >= 0 ? draw(what, path, &err) : -1;
	if (drawn == 0)
		svg = chart_inline_svg(path, title, desc);
	else if (drawn < 0)
		charts_skipped(skipped, "charts left out: gnuplot is missing or failed (Debian package gnuplot-nox)");
	if (fd >= 0)
		output_scratch_remove(path);
	return svg;
}

/* What a dimension's chart is drawn from. */
struct dimension_chart {
	const struct chart_kind *kind;
	const struct compare_dimension *d;
	const int *show;
};

static int draw_dimension(const void *what, const char *path, struct reach_error *err)
{
	const struct dimension_chart *dc = what;
	return dc->kind->draw(dc->d, dc->show, "svg", path, NULL, err);
}

/*
 * The colours and markers of charts/ratios.gp in words, from the table of
 * readings: each colour once, naming the readings drawn in it, each with its
 * marker, so that a reader who cannot tell the colours apart reads the
 * shapes. Nothing unless SHOWN.
 */
static void legend(FILE *out, int shown)
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
				fputs(same == r ? "" : ", ", out);
				emit_html_text(out, words_reading(same)->word);
				fputs(" (", out);
				emit_html_text(out, words_reading(same)->shape_name);
				fputc(')', out);
			}
	}
}

/* The chart of KIND as a figure with its caption; with --charts, also as files. */
static void page_figure(FILE *out, const struct compare *c, const struct compare_dimension *d,
    const enum disclose_cell *cats, const struct publish_options *o, const struct chart_kind *kind, int *skipped)
{
	int *show = xcalloc(d->ncats + 1, sizeof *show);
	for (size_t k = 0; k < d->ncats; k++)
		show[k] = cats[k] == CELL_SHOWN;
	struct dimension_chart dc = { kind, d, show };
	struct buf title = { 0 };
	buf_printf(&title, "%s: %s", words_dimension_title(d->name), kind->title);
	char *svg = inline_chart(draw_dimension, &dc, title.data, kind->desc, skipped);
	char *report_title = published_title(c);
	struct chart_caption caption = { report_title, title.data, c->source };
	for (int f = 0; svg && o->charts_dir && f < 2; f++) {
		struct buf file = { 0 };
		struct reach_error err = { 0 };
		const char *name = c->nconsultations == 1 ? c->consultations[0].slug : "pooled";
		if (chart_file(&file, o->charts_dir, f ? "png" : "svg", &err, name, d->name,
		    *kind->suffix ? kind->suffix + 1 : NULL, (char *)NULL) < 0 ||
		    kind->draw(d, show, f ? "png" : "svg", file.data, &caption, &err) < 0)
			charts_skipped(skipped, err.msg);
		buf_free(&file);
	}
	free(report_title);
	if (svg) {
		fputs("<figure>\n", out);
		fputs(svg, out);
		fputs("\n<figcaption>", out);
		emit_html_text(out, title.data);
		fputs(": ", out);
		emit_html_text(out, kind->caption);
		legend(out, kind->legend);
		fputs(kind->legend ? ". The table below gives the figures.</figcaption>\n</figure>\n"
				   : " The table below gives the figures.</figcaption>\n</figure>\n", out);
	}
	free(svg);
	free(show);
	buf_free(&title);
}

static void page_notes(FILE *out, const struct compare_dimension *d, const struct published *p)
{
	struct buf items = { 0 };
	for (size_t i = 0; i < d->nnotes; i++) {
		struct buf note = { 0 };
		published_note_text(d, p, i, &note);
		if (note.len)
			buf_printf(&items, "%s%s", items.len ? "\n" : "", note.data);
		buf_free(&note);
	}
	if (items.len) {
		fputs("<ul class=\"notes\">\n", out);
		for (char *line = items.data, *end; line; line = end ? end + 1 : NULL) {
			end = strchr(line, '\n');
			if (end)
				*end = '\0';
			element(out, "li", line);
		}
		fputs("</ul>\n", out);
	}
	buf_free(&items);
}

/* Each under-represented category and group shown, with the responses that would have reached 0.8 and parity. */
static void page_shortfalls(FILE *out, const struct compare_dimension *d, const struct published *p)
{
	int listed = 0;
	for (size_t i = 0; i < d->ncats + d->ngroups; i++) {
		struct buf sentence = { 0 };
		published_shortfall_row(d, p, i, &sentence);
		if (sentence.len) {
			fputs(listed++ ? "" : "<p>The shortfall, every other answer unchanged:</p>\n<ul class=\"shortfall\">\n", out);
			element(out, "li", sentence.data);
		}
		buf_free(&sentence);
	}
	if (listed)
		fputs("</ul>\n", out);
}

static void page_dimension(FILE *out, const struct compare *c, const struct compare_dimension *d,
    const struct taxonomy *t, const struct publish_options *o, int *skipped)
{
	struct published p;
	struct buf sentence = { 0 };
	published_open(&p, d, t, o->suppress);
	fprintf(out, "<section aria-labelledby=\"d-%s\">\n<h2 id=\"d-%s\">", d->name, d->name);
	emit_html_text(out, words_dimension_title(d->name));
	fputs("</h2>\n", out);
	published_base_sentence(d, c->min_age, &sentence);
	element(out, "p", sentence.data);
	buf_reset(&sentence);
	published_answers_sentence(d, &p, &sentence);
	if (d->compared && d->warning == COMPARE_SHOWN) {
		struct buf summary = { 0 };
		published_summary_sentence(d, p.cats, &summary);
		buf_printf(&sentence, " %s", summary.data);
		buf_free(&summary);
	}
	element(out, "p", sentence.data);
	if (d->warning != COMPARE_SHOWN) {
		fputs("<p><strong>", out);
		emit_html_text(out, words_warning(d->warning));
		fputs("</strong></p>\n", out);
	} else {
		if (d->compared) {
			page_shortfalls(out, d, &p);
			page_figure(out, c, d, p.cats, o, &ratio_chart, skipped);
			if (strcmp(d->name, "age") == 0)
				page_figure(out, c, d, p.cats, o, &share_chart, skipped);
		}
		page_table(out, d, &p);
		buf_reset(&sentence);
		published_test_sentence(d, &p, &sentence);
		element(out, "p", sentence.data);
	}
	page_notes(out, d, &p);
	fputs("</section>\n", out);
	buf_free(&sentence);
	published_close(&p);
}

/* ---- the weighted closed questions ---- */

static void page_weighted(FILE *out, const struct compare_weights *w)
{
	struct buf b = { 0 };
	fputs("<section aria-labelledby=\"weighted\">\n<h2 id=\"weighted\">Closed questions, weighted to the census</h2>\n",
	    out);
	published_weights_sentence(w, &b);
	element(out, "p", b.data);
	for (size_t q = 0; q < w->nquestions; q++) {
		const struct compare_question *cq = &w->questions[q];
		struct buf id = { 0 }, caption = { 0 };
		buf_printf(&id, "w-%zu", q + 1);
		buf_printf(&caption, "%s (%.0f answered%s)", cq->text, cq->answered,
		    cq->multi ? "; each option ticked separately" : "");
		table_open(out, id.data, caption.data);
		fputs("<thead><tr><th scope=\"col\">Answer</th><th scope=\"col\">Respondents</th><th scope=\"col\">Share</th>"
		      "<th scope=\"col\">Weighted share (95% CI)</th></tr></thead>\n<tbody>\n", out);
		for (size_t a = 0; a < cq->nanswers; a++) {
			const struct compare_answer *an = &cq->answers[a];
			char n[32], raw[32];
			struct buf weighted = { 0 };
			snprintf(n, sizeof n, "%.0f", an->n);
			published_number(raw, sizeof raw, 100 * an->raw.estimate, 1, "%");
			emit_interval(&weighted, EMIT_PERCENT, an->weighted.estimate, an->weighted.lower, an->weighted.upper);
			fputs("<tr><th scope=\"row\">", out);
			emit_html_text(out, an->text);
			fputs("</th>", out);
			cell(out, " class=\"n\"", n);
			cell(out, " class=\"n\"", raw);
			cell(out, " class=\"n\"", weighted.data);
			fputs("</tr>\n", out);
			buf_free(&weighted);
		}
		table_close(out);
		buf_free(&id);
		buf_free(&caption);
	}
	fputs("</section>\n", out);
	buf_free(&b);
}

/* ---- the trends ---- */

/* What a trend chart is drawn from. */
struct trend_chart {
	const struct trend_series *series;
	double confidence;
};

static int draw_trend(const void *what, const char *path, struct reach_error *err)
{
	const struct trend_chart *tc = what;
	return chart_trend(tc->series, tc->confidence, "svg", path, NULL, err);
}

/* "The ratio changed by +1.4% a year (95% interval -6.0% to +9.3%): no clear change." */
static void trend_sentence(const struct trend_series *s, double confidence, struct buf *b)
{
	const struct stats_ratio_trend *f = &s->fit;
	if (isnan(f->line.slope))
		buf_puts(b, "Too few consultations to fit a trend.");
	else if (isnan(f->change.lower))
		buf_printf(b, "The ratio changed by %+.1f%% a year (two consultations: no interval).", 100 * f->change.estimate);
	else
		buf_printf(b, "The ratio changed by %+.1f%% a year (%.0f%% interval %+.1f%% to %+.1f%%): %s.",
		    100 * f->change.estimate, 100 * confidence, 100 * f->change.lower, 100 * f->change.upper,
		    f->change.lower > 0 ? "rising" : f->change.upper < 0 ? "falling" : "no clear change");
}

/* Does S have at least two ratios shown, the last of them C's own consultation? */
static int has_history(const struct trend_series *s, const char *slug)
{
	size_t shown = 0;
	for (size_t k = 0; k < s->npoints; k++)
		shown += !s->points[k].withheld && !isnan(s->points[k].ratio.estimate);
	return shown >= 2 && s->npoints && strcmp(s->points[s->npoints - 1].slug, slug) == 0;
}

static void trend_table(FILE *out, const struct trend_series *s, int suppress, size_t i)
{
	struct buf id = { 0 }, caption = { 0 };
	buf_printf(&id, "tr-%zu", i + 1);
	buf_printf(&caption, "%s: representation ratio in each consultation", s->label);
	table_open(out, id.data, caption.data);
	fputs("<thead><tr><th scope=\"col\">Consultation</th><th scope=\"col\">Closed</th>"
	      "<th scope=\"col\">Respondents</th><th scope=\"col\">Ratio (95% CI)</th></tr></thead>\n<tbody>\n", out);
	for (size_t k = 0; k < s->npoints; k++) {
		const struct trend_point *pt = &s->points[k];
		char n[32];
		struct buf ratio = { 0 };
		published_count_text(n, sizeof n, pt->n, !pt->withheld ? CELL_SHOWN : pt->secondary ? CELL_WITHHELD : CELL_SMALL,
		    suppress);
		if (pt->withheld)
			buf_puts(&ratio, "[c]");
		else
			emit_interval(&ratio, EMIT_RATIO, pt->ratio.estimate, pt->ratio.lower, pt->ratio.upper);
		fputs("<tr><th scope=\"row\">", out);
		emit_html_text(out, pt->slug);
		fputs("</th>", out);
		cell(out, "", pt->closed);
		cell(out, " class=\"n\"", n);
		cell(out, " class=\"n\"", ratio.data);
		fputs("</tr>\n", out);
		buf_free(&ratio);
	}
	table_close(out);
	buf_free(&id);
	buf_free(&caption);
}

/*
 * Each group's ratio across the consultations up to this one, with its
 * fitted trend, when it has history: one consultation, and earlier ones
 * with the group. Nothing for a pooled report. 0, or -1 with ERR set.
 */
static int page_trends(FILE *out, struct store *s, const struct taxonomy *t, const struct compare *c,
    const struct publish_options *o, int *skipped, struct reach_error *err)
{
	if (c->nconsultations != 1 || !c->consultations[0].closed)
		return 0;
	struct compare_options co = { 0 };
	co.geography = c->geography;
	co.min_age = -1;
	co.confidence = c->confidence;
	co.no_test = 1;
	struct trend *tr = trend_run(s, t, NULL, c->consultations[0].closed, NULL, 0, &co, o->suppress, err);
	if (!tr && err->code == REACH_EDATA) {
		*err = (struct reach_error){ 0 };      /* no group has a series: no history to show */
		return 0;
	}
	if (!tr)
		return -1;
	size_t shown = 0;
	for (size_t i = 0; i < tr->nseries; i++) {
		const struct trend_series *sr = &tr->series[i];
		if (!has_history(sr, c->consultations[0].slug))
			continue;
		if (shown++ == 0)
			fputs("<section aria-labelledby=\"trends\">\n<h2 id=\"trends\">Over time</h2>\n<p>Each group's "
			      "representation ratio in the consultations up to this one, by closing date, with a line fitted "
			      "to the log of the ratio (each consultation weighted by its count), parity and the review target "
			      "of " POLICY_TEXT(POLICY_PARITY_TARGET) ". A withheld count is not drawn and not fitted.</p>\n", out);
		struct buf title = { 0 }, words = { 0 };
		buf_printf(&title, "%s: representation ratio over time", sr->label);
		trend_sentence(sr, c->confidence, &words);
		fputs("<h3>", out);
		emit_html_text(out, sr->label);
		fputs("</h3>\n", out);
		element(out, "p", words.data);
		struct trend_chart tc = { sr, tr->confidence };
		char *svg = inline_chart(draw_trend, &tc, title.data, "One point per consultation with its interval, the "
		    "fitted line, parity and the review target. The table that follows gives every figure.", skipped);
		if (svg) {
			fputs("<figure>\n", out);
			fputs(svg, out);
			fputs("\n<figcaption>", out);
			emit_html_text(out, title.data);
			fputs(". The table below gives the figures.</figcaption>\n</figure>\n", out);
		}
		free(svg);
		trend_table(out, sr, o->suppress, i);
		buf_free(&title);
		buf_free(&words);
	}
	if (shown)
		fputs("</section>\n", out);
	trend_free(tr);
	return 0;
}

/* ---- the page ---- */

static void page_header(FILE *out, const struct compare *c, const char *title)
{
	fputs("<header>\n<h1>Who did we reach? ", out);
	emit_html_text(out, title);
	fputs("</h1>\n<p>", out);
	struct buf facts = { 0 }, ages = { 0 };
	if (c->nconsultations == 1) {
		const struct compare_consultation *cc = &c->consultations[0];
		buf_printf(&facts, "Consultation %s", cc->slug);
		if (cc->opened && cc->closed)
			buf_printf(&facts, ", open %s to %s", cc->opened, cc->closed);
		else if (cc->closed)
			buf_printf(&facts, ", closed %s", cc->closed);
		buf_printf(&facts, ": %llu responses.", (unsigned long long)cc->responses);
	} else {
		buf_printf(&facts, "%llu responses to %zu consultations:", (unsigned long long)c->responses, c->nconsultations);
		for (size_t i = 0; i < c->nconsultations; i++)
			buf_printf(&facts, "%s%s", i ? ", " : " ", c->consultations[i].slug);
		buf_puts(&facts, ".");
	}
	published_base_phrase(c, &ages);
	buf_printf(&facts, " Compared with the usual residents of %s (%s)%s, Census 2021.", c->geography_name, c->geography,
	    ages.data);
	published_rate_sentence(c, &facts);
	emit_html_text(out, facts.data);
	fputs("</p>\n</header>\n", out);
	buf_free(&facts);
	buf_free(&ages);
}

static void page_nav(FILE *out, const struct compare *c, int trends)
{
	fputs("<nav aria-label=\"Contents\">\n<ul>\n<li><a href=\"#summary\">Summary</a></li>\n"
	      "<li><a href=\"#reading\">How to read this report</a></li>\n", out);
	for (size_t i = 0; i < c->ndims; i++) {
		fprintf(out, "<li><a href=\"#d-%s\">", c->dims[i].name);
		emit_html_text(out, words_dimension_title(c->dims[i].name));
		fputs("</a></li>\n", out);
	}
	if (c->weights)
		fputs("<li><a href=\"#weighted\">Closed questions, weighted</a></li>\n", out);
	if (trends)
		fputs("<li><a href=\"#trends\">Over time</a></li>\n", out);
	fputs("<li><a href=\"#plans\">Equality action plans</a></li>\n</ul>\n</nav>\n", out);
}

static void page_reading(FILE *out, const struct compare *c, const struct taxonomy *t, const struct publish_options *o)
{
	fputs("<section aria-labelledby=\"reading\">\n<h2 id=\"reading\">How to read this report</h2>\n"
	      "<p>The <strong>representation ratio</strong> of a group is its share of the "
	      "respondents divided by its share of the residents: 1 means the group answered in proportion, below 1 "
	      "that it was missed. Each reading says two things. The evidence: whether the whole 95% interval of the "
	      "ratio lies below 1 (<em>under-represented</em>), above 1 (<em>over-represented</em>) or includes 1. "
	      "The size of the ratio: under 0.5 (<em>well</em> under-represented), 0.5 to under 0.8 (the four-fifths "
	      "line), 0.8 to 1.25 (<em>slightly</em> under- or over-represented when the interval excludes 1, "
	      "<em>no clear difference</em> when it does not), or over 1.25. An interval that includes 1 around a "
	      "ratio under 0.8 or over 1.25 reads <em>perhaps</em> under- or over-represented. <em>Too few to "
	      "say</em> means the interval cannot tell: no residents are expected, or it reaches from under 0.5 to "
	      "over 1.25. The <strong>shortfall</strong> of a group is how many more responses from it, every other "
	      "answer unchanged, would have brought its ratio to 0.8 or to parity.</p>\n", out);
	char *comparisons = published_comparisons_sentence(c);
	element(out, "p", comparisons);
	free(comparisons);
	char *disclosure = published_disclosure_sentence(c, t, o->suppress);
	if (disclosure) {
		fputs("<p><strong>", out);
		emit_html_text(out, disclosure);
		fputs("</strong></p>\n", out);
	}
	free(disclosure);
	for (size_t i = 0; i < c->nnotes; i++)
		element(out, "p", c->notes[i]);
	fputs("</section>\n", out);
}

/* The date the page is made: SOURCE_DATE_EPOCH's when set (so that a page can be made again the same), else today. */
static void made_on(char out[11])
{
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	char *end = NULL;
	long long seconds = epoch && *epoch ? strtoll(epoch, &end, 10) : -1;
	days_to_date(seconds >= 0 && end && !*end ? (long)(seconds / 86400) : date_today(), out);
}

static void page_footer(FILE *out, const struct compare *c, const struct publish_options *o)
{
	char today[11];
	struct buf b = { 0 };
	made_on(today);
	buf_printf(&b, "Made on %s by reach %s. Sources: the consultation's response export (equality-monitoring "
		       "answers tagged to the Census 2021 categories); census figures: %s.", today, REACH_VERSION, c->source);
	fputs("<footer>\n", out);
	element(out, "p", b.data);
	if (o->suppress > 0) {
		buf_reset(&b);
		buf_printf(&b, published_suppress_note, o->suppress - 1, o->suppress);
		element(out, "p", b.data);
	}
	fputs("</footer>\n", out);
	buf_free(&b);
}

int page_write(struct store *s, const struct taxonomy *t, const struct compare *c, const struct publish_options *o,
    FILE *out, struct reach_error *err)
{
	int skipped = 0;
	char *title = published_title(c);
	fputs("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
	      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Who did we reach? ", out);
	emit_html_text(out, title);
	fprintf(out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n", page_style);
	/* The trends first, into memory, so that the contents can say whether there are any. */
	char *trends = NULL;
	size_t trends_len = 0;
	FILE *mem = open_memstream(&trends, &trends_len);
	int rc = mem ? page_trends(mem, s, t, c, o, &skipped, err) : -1;
	if (mem && fclose(mem) != 0 && rc == 0)
		rc = -1;
	if (!mem || rc < 0)
		trends_len = 0;
	if (rc < 0 && !err->code)
		error_set(err, REACH_EDB, NULL, 0, "cannot hold the page's trends in memory");
	page_header(out, c, title);
	page_nav(out, c, trends_len > 0);
	fputs("<main>\n", out);
	if (rc == 0)
		rc = page_summary(out, s, t, c, o, err);
	page_reading(out, c, t, o);
	for (size_t i = 0; i < c->ndims; i++)
		page_dimension(out, c, &c->dims[i], t, o, &skipped);
	if (c->weights)
		page_weighted(out, c->weights);
	if (trends_len)
		fputs(trends, out);
	free(trends);
	if (rc == 0)
		rc = plan_evidence_html(s, t, c, o->suppress, out, err);
	fputs("</main>\n", out);
	page_footer(out, c, o);
	fputs("</body>\n</html>\n", out);
	free(title);
	return rc < 0 ? -1 : skipped;
}
