/*
 * progress_write.c — reach progress written out (see progress.h): text and
 * JSON for the team, with every count, and one HTML page to publish, with
 * the report's disclosure control and a chart of the cumulative ratios.
 */
#include "progress.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "chart.h"
#include "date.h"
#include "emit.h"
#include "output.h"
#include "policy.h"
#include "published.h"

/* What every output says of the projection, with its full stop. */
static const char projection_sentence[] =
    "The projection is at the current rate: each group's responses a week over the last "
    POLICY_TEXT(POLICY_PROGRESS_RATE_DAYS) " days (or since opening, when it opened less recently), continued "
    "unchanged to the closing date; the ratio at the close is the projected count over the projected answers "
    "known, over the group's share of the residents. It is not a forecast of what outreach will do.";

/* The day of the consultation (the opening day is 1) the last day of P's series is. */
static long day_of(const struct progress *p)
{
	return date_to_days(p->points[p->npoints - 1].date) - date_to_days(p->opened) + 1;
}

/* The first group of each dimension of P, in turn: *FROM to *TO (past the end); 0 at the end. */
static int next_dimension(const struct progress *p, size_t *from, size_t *to)
{
	*from = *to;
	if (*from >= p->ngroups)
		return 0;
	for (*to = *from + 1; *to < p->ngroups && strcmp(p->groups[*to].dimension, p->groups[*from].dimension) == 0;)
		++*to;
	return 1;
}

/* A count of responses still needed, rounded up; "-" when unknown. */
static void needed_text(char *out, size_t len, double v)
{
	if (isnan(v))
		snprintf(out, len, "-");
	else
		snprintf(out, len, "%.0f", v > 1e-9 ? ceil(v - 1e-9) : 0.0);
}

/* ---- text ---- */

enum { LABEL_WIDTH = 20 };

/* A group's label in its column, indented; a longer one on a line of its own above the row's figures. */
static void text_label(FILE *out, const char *label)
{
	fputs("    ", out);
	if (emit_columns(label) > LABEL_WIDTH)
		fprintf(out, "%s\n    ", label);
	emit_padded(out, emit_columns(label) > LABEL_WIDTH ? "" : label, LABEL_WIDTH, 1);
}

/* Before the first roll-up group of a dimension (its groups from FROM), a line saying the groups follow. */
static void text_groups_line(const struct progress *p, size_t k, size_t from, FILE *out)
{
	if (p->groups[k].is_group && (k == from || !p->groups[k - 1].is_group))
		fputs("    groups:\n", out);
}

/*
 * One row a group of P, under its dimension's title, with the groups
 * apart: its label, then what CELLS writes of it (to the end of the line).
 */
static void text_groups(const struct progress *p, FILE *out,
    void (*cells)(const struct progress *p, const struct progress_group *g, FILE *out))
{
	size_t from = 0, to = 0;
	while (next_dimension(p, &from, &to)) {
		fprintf(out, "  %s\n", words_dimension_title(p->groups[from].dimension));
		for (size_t k = from; k < to; k++) {
			text_groups_line(p, k, from, out);
			text_label(out, p->groups[k].label);
			cells(p, &p->groups[k], out);
			fputc('\n', out);
		}
	}
}

static void text_heading(const struct progress *p, FILE *out)
{
	if (*p->title)
		fprintf(out, "%s (%s): progress to %s\n", p->title, p->slug, p->as_of);
	else
		fprintf(out, "%s: progress to %s\n", p->slug, p->as_of);
	if (p->state == PROGRESS_NO_DATES) {
		fprintf(out, "  %llu responses held\n", (unsigned long long)p->responses);
		return;
	}
	fprintf(out, "  opened %s", p->opened);
	if (*p->closed)
		fprintf(out, ", %s %s", p->state == PROGRESS_CLOSED ? "closed" : "closes", p->closed);
	fprintf(out, "; day %ld", day_of(p));
	if (*p->closed)
		fprintf(out, " of %ld", date_to_days(p->closed) - date_to_days(p->opened) + 1);
	if (!isnan(p->weeks_left))
		fprintf(out, ", %.1f weeks left", p->weeks_left);
	fprintf(out, "\n  %llu responses submitted by %s (of %llu held)\n", (unsigned long long)p->dated,
	    p->points[p->npoints - 1].date, (unsigned long long)p->responses);
	fprintf(out, "  compared with the residents of %s (%s) aged %d and over, Census 2021\n", p->geography_name,
	    p->geography, p->min_age);
}

/* G's ratio at the end of each week. */
static void series_cells(const struct progress *p, const struct progress_group *g, FILE *out)
{
	for (size_t i = 0; i < p->npoints; i++) {
		if (isnan(g->ratio[i]))
			fprintf(out, "  %5s", "-");
		else
			fprintf(out, "  %5.2f", g->ratio[i]);
	}
}

static void text_series(const struct progress *p, FILE *out)
{
	fputs("\nRepresentation ratio so far, at the end of each week (share of respondents / share of residents)\n", out);
	fprintf(out, "  %-22s", "week");
	for (size_t i = 0; i < p->npoints; i++)
		fprintf(out, " %6d%s", p->points[i].week, p->points[i].complete ? "" : "*");
	fprintf(out, "\n  %-22s", "to");
	for (size_t i = 0; i < p->npoints; i++)
		fprintf(out, "  %5.5s", p->points[i].date + 5);
	fprintf(out, "\n  %-22s", "responses");
	for (size_t i = 0; i < p->npoints; i++)
		fprintf(out, "  %5.0f", p->points[i].responses);
	fputc('\n', out);
	text_groups(p, out, series_cells);
	if (!p->points[p->npoints - 1].complete)
		fprintf(out, "  * to %s, within the week\n", p->points[p->npoints - 1].date);
}

/* G's counts, ratio and shortfalls now, and its reading. */
static void now_cells(const struct progress *p, const struct progress_group *g, FILE *out)
{
	struct buf ratio = { 0 };
	char target[32], parity[32];
	size_t last = p->npoints - 1;
	emit_interval(&ratio, EMIT_RATIO, g->ratio_now.estimate, g->ratio_now.lower, g->ratio_now.upper);
	needed_text(target, sizeof target, g->shortfall_target);
	needed_text(parity, sizeof parity, g->shortfall_parity);
	fprintf(out, " %5.0f %5.0f  ", g->n[last], g->known[last]);
	emit_padded(out, ratio.data, 19, 1);
	fprintf(out, " %6s %6s  %s", target, parity, words_reading(g->reading)->word);
	buf_free(&ratio);
}

static void text_now(const struct progress *p, FILE *out)
{
	fprintf(out, "\nTo %s: responses still needed to reach %s and parity, every other answer unchanged\n",
	    p->points[p->npoints - 1].date, POLICY_TEXT(POLICY_PARITY_TARGET));
	fprintf(out, "  %-22s %5s %5s  %-19s %6s %6s  %s\n", "group", "n", "known", "ratio (95% CI)", "to 0.8", "to 1",
	    "reading");
	text_groups(p, out, now_cells);
}

/* V with one decimal, right-aligned in WIDTH; "-" when unknown. */
static void text_rate(FILE *out, double v, int width, int decimals)
{
	if (isnan(v))
		fprintf(out, " %*s", width, "-");
	else
		fprintf(out, " %*.*f", width, decimals, v);
}

/* G's rate a week now, its ratio at the close, and the rates a week that would reach 0.8 and parity. */
static void rate_cells(const struct progress *p, const struct progress_group *g, FILE *out)
{
	(void)p;
	text_rate(out, g->per_week, 9, 1);
	text_rate(out, g->ratio_at_close, 9, 2);
	text_rate(out, g->per_week_for_target, 9, 1);
	text_rate(out, g->per_week_for_parity, 9, 1);
}

static void text_projection(const struct progress *p, FILE *out)
{
	if (p->state != PROGRESS_OPEN)
		return;
	char first[11];
	days_to_date(date_to_days(p->rate_from) + 1, first);
	fprintf(out, "\nAt the current rate (responses a week over the %.0f days from %s to %s)", p->rate_days, first,
	    p->points[p->npoints - 1].date);
	if (isnan(p->weeks_left))
		fputs(": no closing date, so no projection\n", out);
	else
		fprintf(out, ",\nprojected to the close on %s\n", p->closed);
	fprintf(out, "  %-22s %9s %9s %9s %9s\n", "group", "a week", "at close", "a week", "a week");
	fprintf(out, "  %-22s %9s %9s %9s %9s\n", "", "now", "ratio", "for 0.8", "for 1");
	text_groups(p, out, rate_cells);
	if (!isnan(p->weeks_left))
		fprintf(out, "  %s\n", projection_sentence);
}

void progress_text(const struct progress *p, FILE *out)
{
	text_heading(p, out);
	for (size_t i = 0; i < p->nnotes; i++)
		fprintf(out, "  note: %s\n", p->notes[i]);
	if (p->state == PROGRESS_NO_DATES)
		return;
	if (p->ngroups == 0) {
		fputs("\nNo dimension could be compared with the census yet.\n", out);
		return;
	}
	text_series(p, out);
	text_now(p, out);
	text_projection(p, out);
}

/* ---- JSON ---- */

static const char *state_name(enum progress_state s)
{
	return s == PROGRESS_OPEN ? "open" : s == PROGRESS_CLOSED ? "closed" : "no_dates";
}

static void json_group(const struct progress *p, const struct progress_group *g, FILE *out)
{
	size_t last = p->npoints - 1;
	emit_json_member_string(out, "{", "code", g->code);
	emit_json_member_string(out, ", ", "label", g->label);
	emit_json_member_string(out, ", ", "kind", g->is_group ? "group" : "category");
	emit_json_member_number(out, ", ", "population_share", g->population_share);
	emit_json_key(out, ",\n       ", "series");
	for (size_t i = 0; i < p->npoints; i++) {
		emit_json_member_number(out, i ? ", {" : "[{", "n", g->n[i]);
		emit_json_member_number(out, ", ", "known", g->known[i]);
		emit_json_member_number(out, ", ", "ratio", g->ratio[i]);
		fputc('}', out);
	}
	fputs("],\n       \"now\": {", out);
	emit_json_member_number(out, "", "n", g->n[last]);
	emit_json_member_number(out, ", ", "known", g->known[last]);
	emit_json_key(out, ", ", "ratio");
	emit_json_members_value(out, "{", g->ratio_now.estimate, g->ratio_now.lower, g->ratio_now.upper);
	fputc('}', out);
	emit_json_member_string(out, ", ", "reading", words_reading(g->reading)->code);
	emit_json_member_number(out, ", ", "shortfall_target", g->shortfall_target);
	emit_json_member_number(out, ", ", "shortfall_parity", g->shortfall_parity);
	fputs("},\n       \"rate\": ", out);
	if (p->state != PROGRESS_OPEN) {
		fputs("null", out);
	} else {
		emit_json_member_number(out, "{", "in_window", g->in_window);
		emit_json_member_number(out, ", ", "known_in_window", g->known_in_window);
		emit_json_member_number(out, ", ", "per_week", g->per_week);
		emit_json_member_number(out, ", ", "known_per_week", g->known_per_week);
		fputc('}', out);
	}
	fputs(",\n       \"projection\": ", out);
	if (isnan(p->weeks_left)) {
		fputs("null", out);
	} else {
		emit_json_member_number(out, "{", "ratio_at_close", g->ratio_at_close);
		emit_json_member_number(out, ", ", "per_week_for_target", g->per_week_for_target);
		emit_json_member_number(out, ", ", "per_week_for_parity", g->per_week_for_parity);
		fputc('}', out);
	}
	fputc('}', out);
}

void progress_json(const struct progress *p, FILE *out)
{
	fputs("{\"reach_progress\": 1,\n \"consultation\": ", out);
	emit_json_member_string(out, "{", "slug", p->slug);
	emit_json_member_text(out, ", ", "title", p->title);
	emit_json_member_text(out, ", ", "opened", p->opened);
	emit_json_member_bool(out, ", ", "opened_from_responses", p->opened_from_responses);
	emit_json_member_text(out, ", ", "closed", p->closed);
	fputs("},\n", out);
	emit_json_member_string(out, " ", "as_of", p->as_of);
	emit_json_member_string(out, ",\n ", "state", state_name(p->state));
	fputs(",\n \"responses\": ", out);
	emit_json_member_number(out, "{", "held", (double)p->responses);
	emit_json_member_number(out, ", ", "dated", (double)p->dated);
	emit_json_member_number(out, ", ", "undated", (double)p->undated);
	emit_json_member_number(out, ", ", "after", (double)p->after);
	fputs("},\n \"census\": ", out);
	if (p->state == PROGRESS_NO_DATES) {
		fputs("null", out);
	} else {
		emit_json_member_string(out, "{", "geography", p->geography);
		emit_json_member_string(out, ", ", "name", p->geography_name);
		emit_json_member_string(out, ", ", "source", p->source);
		emit_json_member_number(out, ", ", "min_age", p->min_age);
		fputc('}', out);
	}
	emit_json_member_number(out, ",\n ", "rounding", p->rounding);
	emit_json_member_number(out, ",\n ", "target", POLICY_PARITY_TARGET);
	fputs(",\n \"rate\": ", out);
	if (p->state != PROGRESS_OPEN) {
		fputs("null", out);
	} else {
		emit_json_member_string(out, "{", "after", p->rate_from);
		emit_json_member_number(out, ", ", "days", p->rate_days);
		fputc('}', out);
	}
	emit_json_member_number(out, ",\n ", "weeks_left", p->weeks_left);
	fputs(",\n \"points\": [", out);
	for (size_t i = 0; i < p->npoints; i++) {
		emit_json_member_string(out, i ? ",\n  {" : "\n  {", "date", p->points[i].date);
		emit_json_member_number(out, ", ", "week", p->points[i].week);
		emit_json_member_bool(out, ", ", "complete_week", p->points[i].complete);
		emit_json_member_number(out, ", ", "responses", p->points[i].responses);
		fputc('}', out);
	}
	fputs("],\n \"dimensions\": [", out);
	size_t from = 0, to = 0;
	for (int first = 1; next_dimension(p, &from, &to); first = 0) {
		emit_json_member_string(out, first ? "\n  {" : ",\n  {", "name", p->groups[from].dimension);
		fputs(", \"groups\": [", out);
		for (size_t k = from; k < to; k++) {
			fputs(k > from ? ",\n      " : "\n      ", out);
			json_group(p, &p->groups[k], out);
		}
		fputs("]}", out);
	}
	fputs("],\n \"notes\": [", out);
	for (size_t i = 0; i < p->nnotes; i++) {
		fputs(i ? ", " : "", out);
		emit_json_string(out, p->notes[i]);
	}
	fputs("]}\n", out);
}

/* ---- the chart ---- */

/* Is G, a group, also a category of its dimension (the age group 18-24 and the band 18-24)? Drawn once. */
static int category_named(const struct progress *p, const struct progress_group *g)
{
	for (size_t k = 0; k < p->ngroups; k++)
		if (!p->groups[k].is_group && strcmp(p->groups[k].dimension, g->dimension) == 0 &&
		    strcmp(p->groups[k].code, g->code) == 0)
			return 1;
	return 0;
}

int progress_chart(const struct progress *p, const char *dimension, int published, const char *format,
    const char *path, struct reach_error *err)
{
	const char **labels = xcalloc(p->ngroups + 1, sizeof *labels);
	double *x = xcalloc(p->npoints + 1, sizeof *x), *y = xcalloc(p->ngroups * p->npoints + 1, sizeof *y);
	size_t n = 0;
	long opened = date_to_days(p->opened);
	for (size_t i = 0; i < p->npoints; i++)
		x[i] = (double)(date_to_days(p->points[i].date) - opened + 1) / 7;
	for (size_t k = 0; k < p->ngroups; k++) {
		const struct progress_group *g = &p->groups[k];
		if (strcmp(g->dimension, dimension) != 0 || (g->is_group && category_named(p, g)))
			continue;
		for (size_t i = 0; i < p->npoints; i++)
			y[n * p->npoints + i] = published && g->cell[i] != CELL_SHOWN ? NAN : g->ratio[i];
		labels[n++] = g->label;
	}
	double close = *p->closed ? (double)(date_to_days(p->closed) - opened + 1) / 7 : 0;
	struct buf title = { 0 }, subtitle = { 0 }, n_text = { 0 };
	buf_puts(&title, *p->title ? p->title : p->slug);
	buf_printf(&subtitle, "%s: representation ratio so far, by week, to %s", words_dimension_title(dimension),
	    p->points[p->npoints - 1].date);
	buf_printf(&n_text, "n = %llu responses submitted by %s", (unsigned long long)p->dated, p->points[p->npoints - 1].date);
	struct chart_caption caption = { title.data, subtitle.data, p->source };
	/* Inside the page (PUBLISHED) the figure's caption and the page say what a chart file says itself. */
	int rc = chart_progress(labels, n, x, p->npoints, y, close, format, path, published ? NULL : &caption,
	    n_text.data, err);
	buf_free(&title);
	buf_free(&subtitle);
	buf_free(&n_text);
	free(labels);
	free(x);
	free(y);
	return rc;
}

/* ---- HTML, to publish ---- */

static const char html_style[] =
    "body{font-family:system-ui,sans-serif;line-height:1.5;color:#111;background:#fff;max-width:60rem;"
    "margin:0 auto;padding:1rem}\n"
    "table{border-collapse:collapse;margin:1rem 0}caption{text-align:left;font-weight:bold;padding:.25rem 0}\n"
    "th,td{border:1px solid #666;padding:.25rem .5rem;vertical-align:top}td{text-align:right}\n"
    "thead th{background:#eee}tbody th{text-align:left;font-weight:normal}figure{margin:1rem 0}\n"
    "svg{max-width:100%;height:auto}@media print{section{break-inside:avoid-page}}\n";

static void html_text_cell(FILE *out, const char *text)
{
	fputs("<td>", out);
	emit_html_text(out, text);
	fputs("</td>", out);
}

/* V with DECIMALS decimals as a cell, "[c]" when WITHHELD, "-" when unknown. */
static void html_number_cell(FILE *out, double v, int decimals, int withheld)
{
	char text[32];
	if (withheld)
		snprintf(text, sizeof text, "[c]");
	else
		published_number(text, sizeof text, v, decimals, "");
	html_text_cell(out, text);
}

/* The chart of one dimension inlined; 1 when it was skipped (why on WARN, unless NULL), 0 otherwise. */
static int html_chart(const struct progress *p, const char *dimension, FILE *out, FILE *warn)
{
	char dir[] = "/tmp/reach-progress-XXXXXX";
	struct reach_error err = { 0 };
	struct buf path = { 0 }, title = { 0 };
	int rc = 0;
	if (!mkdtemp(dir)) {
		if (warn)
			fprintf(warn, "reach: warning: no chart: cannot make a scratch folder\n");
		return 1;
	}
	output_scratch_add(dir);
	buf_printf(&path, "%s/chart.svg", dir);
	output_scratch_add(path.data);
	buf_printf(&title, "%s: representation ratio so far, by week", words_dimension_title(dimension));
	int drawn = progress_chart(p, dimension, 1, "svg", path.data, &err);
	char *svg = drawn == 0 ? chart_inline_svg(path.data, title.data,
	    "Each group's representation ratio on the responses so far, at the end of each week, with the 0.8 line, "
	    "parity and the closing date; the same figures are in the table below.") : NULL;
	if (svg) {
		fputs("<figure>\n", out);
		fputs(svg, out);
		fputs("\n</figure>\n", out);
	} else if (drawn < 0) {
		/* The scratch file's name is no use to anyone: only why. */
		const char *why = strncmp(err.msg, path.data, path.len) == 0 ? err.msg + path.len + 2 : err.msg;
		if (warn)
			fprintf(warn, "reach: warning: charts left out of the page: %s\n", why);
		rc = 1;
	}
	free(svg);
	unlink(path.data);
	output_scratch_remove(path.data);
	rmdir(dir);
	output_scratch_remove(dir);
	buf_free(&path);
	buf_free(&title);
	return rc;
}

static void html_series(const struct progress *p, size_t from, size_t to, FILE *out)
{
	fputs("<table>\n<caption>Representation ratio so far, at the end of each week</caption>\n<thead><tr>"
	      "<th scope=\"col\">group</th>", out);
	for (size_t i = 0; i < p->npoints; i++)
		fprintf(out, "<th scope=\"col\">week %d%s<br>to %s</th>", p->points[i].week,
		    p->points[i].complete ? "" : " so far", p->points[i].date);
	fputs("</tr></thead>\n<tbody>\n", out);
	for (size_t k = from; k < to; k++) {
		const struct progress_group *g = &p->groups[k];
		fputs("<tr><th scope=\"row\">", out);
		emit_html_text(out, g->label);
		fputs("</th>", out);
		for (size_t i = 0; i < p->npoints; i++)
			html_number_cell(out, g->ratio[i], 2, g->cell[i] != CELL_SHOWN);
		fputs("</tr>\n", out);
	}
	fputs("</tbody>\n</table>\n", out);
}

static void html_now(const struct progress *p, size_t from, size_t to, FILE *out)
{
	size_t last = p->npoints - 1;
	int projected = !isnan(p->weeks_left);
	fprintf(out, "<table>\n<caption>To %s%s</caption>\n<thead><tr><th scope=\"col\">group</th>"
	    "<th scope=\"col\">respondents</th><th scope=\"col\">ratio (95%% interval)</th>"
	    "<th scope=\"col\">more needed for 0.8</th><th scope=\"col\">more needed for parity</th>", p->points[last].date,
	    projected ? ", and at the current rate to the close" : "");
	if (projected)
		fputs("<th scope=\"col\">a week now</th><th scope=\"col\">ratio at the close</th>"
		      "<th scope=\"col\">a week to reach 0.8</th><th scope=\"col\">a week to reach parity</th>", out);
	fputs("</tr></thead>\n<tbody>\n", out);
	for (size_t k = from; k < to; k++) {
		const struct progress_group *g = &p->groups[k];
		int hidden = g->cell[last] != CELL_SHOWN;
		char count[32], target[32], parity[32];
		struct buf ratio = { 0 };
		published_count_text(count, sizeof count, g->n[last], g->cell[last], p->threshold);
		emit_interval(&ratio, EMIT_RATIO, g->ratio_now.estimate, g->ratio_now.lower, g->ratio_now.upper);
		needed_text(target, sizeof target, g->shortfall_target);
		needed_text(parity, sizeof parity, g->shortfall_parity);
		fputs("<tr><th scope=\"row\">", out);
		emit_html_text(out, g->label);
		fputs("</th>", out);
		html_text_cell(out, count);
		html_text_cell(out, hidden ? "[c]" : ratio.data);
		html_text_cell(out, hidden ? "[c]" : target);
		html_text_cell(out, hidden ? "[c]" : parity);
		if (projected) {
			html_number_cell(out, g->per_week, 1, g->rate_hidden);
			html_number_cell(out, g->ratio_at_close, 2, g->rate_hidden);
			html_number_cell(out, g->per_week_for_target, 1, g->rate_hidden);
			html_number_cell(out, g->per_week_for_parity, 1, g->rate_hidden);
		}
		fputs("</tr>\n", out);
		buf_free(&ratio);
	}
	fputs("</tbody>\n</table>\n", out);
}

static void html_head(const struct progress *p, FILE *out)
{
	const char *title = *p->title ? p->title : p->slug;
	fputs("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
	      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Whom to reach: ", out);
	emit_html_text(out, title);
	fprintf(out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<header>\n<h1>Whom to reach: ", html_style);
	emit_html_text(out, title);
	fprintf(out, "</h1>\n<p>Consultation ");
	emit_html_text(out, p->slug);
	fprintf(out, ", progress to %s.", p->as_of);
	if (p->state != PROGRESS_NO_DATES) {
		fprintf(out, " Opened %s", p->opened);
		if (*p->closed)
			fprintf(out, ", %s %s", p->state == PROGRESS_CLOSED ? "closed" : "closes", p->closed);
		fprintf(out, "; %.0f responses so far. Compared with the usual residents of ", p->rounding ?
		    floor((double)p->dated / p->rounding + 0.5) * p->rounding : (double)p->dated);
		emit_html_text(out, p->geography_name);
		fprintf(out, " (%s) aged %d and over, Census 2021.", p->geography, p->min_age);
	}
	fputs("</p>\n</header>\n<main>\n", out);
}

int progress_html(const struct progress *p, FILE *out, FILE *warn)
{
	int partial = 0;
	html_head(p, out);
	if (p->nnotes) {
		fputs("<ul>\n", out);
		for (size_t i = 0; i < p->nnotes; i++) {
			fputs("<li>", out);
			emit_html_text(out, p->notes[i]);
			fputs("</li>\n", out);
		}
		fputs("</ul>\n", out);
	}
	if (p->state != PROGRESS_NO_DATES) {
		fputs("<p>The <strong>representation ratio</strong> of a group is its share of the respondents so far divided "
		      "by its share of the residents: 1 means it has answered in proportion, below 0.8 that it is being "
		      "missed. <strong>More needed</strong> is how many more responses from the group, every other answer "
		      "unchanged, would bring it to 0.8 or to parity now.", out);
		if (!isnan(p->weeks_left)) {
			fputs(" ", out);
			emit_html_text(out, projection_sentence);
		}
		fputs("</p>\n", out);
		if (p->rounding)
			fprintf(out, "<p>Every count is rounded to the nearest %d (halves up), so a 0 may stand for up to %d; "
			    "every ratio, shortfall, rate and projection is worked out from the rounded counts. Weekly counts "
			    "are not published.</p>\n", p->rounding, (p->rounding + 1) / 2 - 1);
		else if (p->threshold > 0)
			fprintf(out, "<p>Counts from 1 to %d are shown as \"&lt;%d\", and further figures are withheld "
			    "(\"[c]\") so that no total gives them away; so are the ratios and rates resting on them. Weekly "
			    "counts are not published.</p>\n", p->threshold - 1, p->threshold);
		else
			fputs("<p><strong>Disclosure control is off (--suppress 0): this page shows small counts and is not "
			      "for publication.</strong></p>\n", out);
	}
	size_t from = 0, to = 0;
	while (next_dimension(p, &from, &to)) {
		const char *dimension = p->groups[from].dimension;
		fprintf(out, "<section id=\"d-%s\">\n<h2>", dimension);
		emit_html_text(out, words_dimension_title(dimension));
		fputs("</h2>\n", out);
		partial |= html_chart(p, dimension, out, partial ? NULL : warn);
		html_series(p, from, to, out);
		html_now(p, from, to, out);
		fputs("</section>\n", out);
	}
	fputs("</main>\n</body>\n</html>\n", out);
	return partial;
}
