/*
 * evidence.c — the report's section on plans (plan_evidence): which actions
 * a consultation is evidence for, through which indicator and window, and
 * what it showed for each, as text, a JSON array or the HTML page's section,
 * and the page summary's sentences on the plans.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "emit.h"
#include "measure.h"
#include "plan.h"
#include "policy.h"
#include "wrap.h"

/* Does consultation CC close within window W? */
static int in_window(const struct measure_window *w, const struct compare_consultation *cc)
{
	const char *closed = cc->closed ? cc->closed : "", *platform = cc->platform ? cc->platform : "";
	if (!w->defined || ((w->from || w->to) && !*closed))
		return 0;
	if ((w->from && strcmp(closed, w->from) < 0) || (w->to && strcmp(closed, w->to) > 0))
		return 0;
	if (w->platform && w->platform[0] == '!')
		return strcmp(platform, w->platform + 1) != 0;
	return !w->platform || strcmp(platform, w->platform) == 0;
}

/* Which window of IND the consultations of C fall in: 1 measured, 0 baseline, -1 neither. */
static int window_of(struct measure_indicator *ind, const struct compare *c)
{
	int found = -1;
	measure_define_windows(ind);
	for (size_t i = 0; i < c->nconsultations; i++)
		for (int k = 1; k >= 0; k--)
			if (in_window(&ind->w[k], &c->consultations[i]) && k > found)
				found = k;
	return found;
}

static const char *const window_words[] = { "baseline", "measured" };

/* Do actions A and B take the consultation as evidence through the same indicators? */
static int same_evidence(const struct measure_action *a, const struct measure_action *b, const int *windows)
{
	size_t i = 0, k = 0;
	for (;;) {
		while (i < a->ninds && windows[a->inds[i]] < 0)
			i++;
		while (k < b->ninds && windows[b->inds[k]] < 0)
			k++;
		if (i == a->ninds || k == b->ninds)
			return i == a->ninds && k == b->ninds;
		if (a->inds[i++] != b->inds[k++])
			return 0;
	}
}

static int has_evidence(const struct measure_action *a, const int *windows)
{
	for (size_t k = 0; k < a->ninds; k++)
		if (windows[a->inds[k]] >= 0)
			return 1;
	return 0;
}

/* The section as text: each action (actions sharing the same evidence together), then what it showed. */
static void evidence_text(FILE *out, const struct measure_book *b, const struct measure_reading *readings,
    const int *windows)
{
	size_t shown = 0;
	fputs("\nEquality action plans\n", out);
	for (size_t i = 0; i < b->nactions; i++) {
		const struct measure_action *a = &b->actions[i];
		if (!has_evidence(a, windows))
			continue;
		if (shown++ == 0)
			fputs("  This consultation is evidence for these actions:\n", out);
		fputc('\n', out);
		size_t last = i;
		while (last + 1 < b->nactions && has_evidence(&b->actions[last + 1], windows) &&
		    same_evidence(a, &b->actions[last + 1], windows))
			last++;
		for (size_t g = i; g <= last; g++) {
			const struct measure_action *ga = &b->actions[g];
			fprintf(out, "  %s  ", ga->code);
			wrap_line(out, ga->text, 4 + (int)strlen(ga->code), 4 + (int)strlen(ga->code));
		}
		for (size_t k = 0; k < a->ninds; k++) {
			size_t j = a->inds[k];
			if (windows[j] < 0)
				continue;
			struct buf line = { 0 };
			buf_printf(&line, "%s (%s window): %s", b->inds[j].label, window_words[windows[j]],
			    readings[j].hidden ? "[c] withheld: it rests on a count the published report withholds"
			    : readings[j].showed.data);
			fputs("    - ", out);
			wrap_line(out, line.data, 6, 6);
			buf_free(&line);
		}
		i = last;
	}
	if (!shown)
		fputs("  No action of the plans held takes this consultation as evidence: its closing date and\n"
		      "  platform fall in no indicator's window (reach actions lists them).\n", out);
}

static void evidence_json(FILE *out, const struct measure_book *b, const struct measure_reading *readings,
    const int *windows)
{
	size_t shown = 0;
	fputs("[", out);
	for (size_t i = 0; i < b->nactions; i++) {
		const struct measure_action *a = &b->actions[i];
		for (size_t k = 0; k < a->ninds; k++) {
			size_t j = a->inds[k];
			const struct measure_indicator *ind = &b->inds[j];
			if (windows[j] < 0)
				continue;
			fputs(shown++ ? ",\n  {" : "\n  {", out);
			emit_json_member_text(out, "", "plan", a->plan);
			emit_json_member_text(out, ", ", "action", a->code);
			emit_json_member_text(out, ", ", "action_text", a->text);
			emit_json_member_text(out, ", ", "due_date", a->due_date);
			emit_json_member_text(out, ", ", "indicator", ind->code);
			emit_json_member_text(out, ", ", "label", ind->label);
			emit_json_member_text(out, ", ", "metric", ind->metric_name);
			emit_json_member_text(out, ", ", "window", window_words[windows[j]]);
			emit_json_members_value(out, ", ", readings[j].estimate, readings[j].lower, readings[j].upper);
			emit_json_member_text(out, ", ", "showed", readings[j].showed.data);
			if (ind->metric == PLAN_METRIC_RATIO) {
				emit_json_member_number(out, ", ", "shortfall_0_8", readings[j].shortfall_target);
				emit_json_member_number(out, ", ", "shortfall_parity", readings[j].shortfall_parity);
			}
			fputc('}', out);
		}
	}
	fputs(shown ? "\n]" : "]", out);
}

/* The book, and for each indicator the window C falls in and C's reading of it. */
struct evidence {
	struct measure_book b;
	struct measure_reading *readings;
	int *windows;
};

/* Loads E for C; a reading resting on a count withheld at THRESHOLD (0: none) is marked hidden. 0, or -1 with ERR set. */
static int evidence_open(struct evidence *e, struct store *s, const struct taxonomy *t, const struct compare *c,
    int threshold, struct reach_error *err)
{
	memset(e, 0, sizeof *e);
	if (measure_load_book(s, NULL, &e->b, err) < 0)
		return -1;
	e->readings = xcalloc(e->b.ninds + 1, sizeof *e->readings);
	e->windows = xcalloc(e->b.ninds + 1, sizeof *e->windows);
	for (size_t i = 0; i < e->b.ninds; i++)
		if ((e->windows[i] = window_of(&e->b.inds[i], c)) >= 0) {
			measure_read(&e->b.inds[i], c, &e->readings[i]);
			measure_mark_hidden(&e->b.inds[i], c, t, threshold, &e->readings[i]);
		}
	return 0;
}

static void evidence_close(struct evidence *e)
{
	for (size_t i = 0; e->readings && i < e->b.ninds; i++)
		measure_reading_free(&e->readings[i]);
	free(e->readings);
	free(e->windows);
	measure_book_free(&e->b);
}

/* The section as JSON or text; a reading resting on a count withheld at THRESHOLD (0: none) is withheld. */
static int evidence_write(struct store *s, const struct taxonomy *t, const struct compare *c, int json, int threshold,
    FILE *out, struct reach_error *err)
{
	struct evidence e;
	int rc = evidence_open(&e, s, t, c, threshold, err);
	if (rc == 0 && json)
		evidence_json(out, &e.b, e.readings, e.windows);
	else if (rc == 0)
		evidence_text(out, &e.b, e.readings, e.windows);
	evidence_close(&e);
	return rc;
}

int plan_evidence(struct store *s, const struct taxonomy *t, const struct compare *c, int json, FILE *out,
    struct reach_error *err)
{
	return evidence_write(s, t, c, json, 0, out, err);
}

int plan_evidence_published(struct store *s, const struct taxonomy *t, const struct compare *c, int threshold,
    FILE *out, struct reach_error *err)
{
	return evidence_write(s, t, c, 0, threshold, out, err);
}

/* ---- the HTML page's plan section and summary ---- */

/* <TAG>TEXT</TAG>, TEXT escaped; nothing when TEXT is empty. */
static void html_element(FILE *out, const char *tag, const char *text)
{
	if (!text || !*text)
		return;
	fprintf(out, "<%s>", tag);
	emit_html_text(out, text);
	fprintf(out, "</%s>\n", tag);
}

/* Action A's objective (SUCCESS 0) or its "how will we know" text (1). */
static const char *action_field(const struct measure_action *a, int success)
{
	return success ? a->success : a->objective;
}

/* Each distinct objective or "how will we know" text (SUCCESS) of actions FIRST to LAST, after LABEL. */
static void html_action_field(FILE *out, const struct measure_book *b, size_t first, size_t last, const char *label,
    int success)
{
	for (size_t g = first; g <= last; g++) {
		const char *text = action_field(&b->actions[g], success);
		int seen = !*text;
		for (size_t h = first; h < g && !seen; h++)
			seen = strcmp(text, action_field(&b->actions[h], success)) == 0;
		if (seen)
			continue;
		fprintf(out, "<p><strong>%s</strong> ", label);
		emit_html_text(out, text);
		fputs("</p>\n", out);
	}
}

static void evidence_html(FILE *out, const struct evidence *e, int threshold)
{
	const struct measure_book *b = &e->b;
	size_t shown = 0, withheld = 0;
	fputs("<section aria-labelledby=\"plans\">\n<h2 id=\"plans\">Equality action plans</h2>\n", out);
	for (size_t i = 0; i < b->nactions; i++) {
		const struct measure_action *a = &b->actions[i];
		if (!has_evidence(a, e->windows))
			continue;
		if (shown++ == 0)
			html_element(out, "p", "This consultation is evidence for these actions of the council's equality "
					       "action plans; for each, what it showed, beside the plan's target.");
		size_t last = i;
		while (last + 1 < b->nactions && has_evidence(&b->actions[last + 1], e->windows) &&
		    same_evidence(a, &b->actions[last + 1], e->windows))
			last++;
		fputs("<h3>", out);
		for (size_t g = i; g <= last; g++) {
			fputs(g == i ? "" : g == last ? " and " : ", ", out);
			emit_html_text(out, b->actions[g].code);
		}
		fputs(": ", out);
		emit_html_text(out, a->text);
		fputs("</h3>\n", out);
		for (size_t g = i + 1; g <= last; g++) {
			struct buf also = { 0 };
			buf_printf(&also, "%s: %s", b->actions[g].code, b->actions[g].text);
			html_element(out, "p", also.data);
			buf_free(&also);
		}
		html_action_field(out, b, i, last, "Objective:", 0);
		html_action_field(out, b, i, last, "How we will know:", 1);
		fputs("<ul>\n", out);
		for (size_t k = 0; k < a->ninds; k++) {
			size_t j = a->inds[k];
			if (e->windows[j] < 0)
				continue;
			struct buf line = { 0 };
			withheld += e->readings[j].hidden;
			buf_printf(&line, "%s (%s window): %s. Target: ", b->inds[j].label, window_words[e->windows[j]],
			    e->readings[j].hidden ? "[c] withheld: it rests on a count this report withholds"
			    : e->readings[j].showed.data);
			measure_target_words(&line, &b->inds[j]);
			buf_putc(&line, '.');
			html_element(out, "li", line.data);
			buf_free(&line);
		}
		fputs("</ul>\n", out);
		i = last;
	}
	if (!shown)
		html_element(out, "p", "No action of the plans held takes this consultation as evidence: its closing date "
				       "and platform fall in no indicator's window (reach actions lists them).");
	if (threshold > 0 && withheld)
		html_element(out, "p", "A reading marked [c] rests on a count this report withholds; it is withheld too.");
	fputs("</section>\n", out);
}

int plan_evidence_html(struct store *s, const struct taxonomy *t, const struct compare *c, int threshold, FILE *out,
    struct reach_error *err)
{
	struct evidence e;
	int rc = evidence_open(&e, s, t, c, threshold, err);
	if (rc == 0)
		evidence_html(out, &e, threshold);
	evidence_close(&e);
	return rc;
}

/* Appends to B each ratio indicator's group (of C) short of the review line, once a group. */
static void summary_groups(struct buf *b, const struct evidence *e, const struct compare *c)
{
	struct buf named = { 0 };
	size_t n = 0;
	for (size_t j = 0; j < e->b.ninds; j++) {
		const struct measure_indicator *ind = &e->b.inds[j];
		const struct measure_reading *r = &e->readings[j];
		if (e->windows[j] < 0 || r->hidden || ind->metric != PLAN_METRIC_RATIO || !(r->estimate < POLICY_PARITY_TARGET))
			continue;
		struct buf key = { 0 };
		buf_printf(&key, "|%s|", ind->group);
		int seen = named.len && strstr(named.data, key.data) != NULL;
		buf_puts(&named, key.data);
		buf_free(&key);
		if (seen)
			continue;
		const struct compare_category *cat = compare_find(compare_dimension(c, ind->dimension), ind->group);
		buf_printf(b, "%s%s (ratio %s", n++ ? ", " : " The groups the plans name that fall short of a "
		    "ratio of " POLICY_TEXT(POLICY_PARITY_TARGET) ": ", cat ? cat->label : ind->group, r->brief.data);
		if (r->shortfall_target > 0)
			buf_printf(b, "; about %.0f more response%s would have reached it", r->shortfall_target,
			    r->shortfall_target == 1 ? "" : "s");
		buf_putc(b, ')');
	}
	if (n)
		buf_putc(b, '.');
	buf_free(&named);
}

int plan_evidence_summary(struct store *s, const struct taxonomy *t, const struct compare *c, int threshold,
    struct buf *b, struct reach_error *err)
{
	struct evidence e;
	int rc = evidence_open(&e, s, t, c, threshold, err);
	size_t actions = 0, targets = 0;
	struct buf codes = { 0 }, counts = { 0 };
	for (size_t i = 0; rc == 0 && i < e.b.nactions; i++)
		if (has_evidence(&e.b.actions[i], e.windows))
			buf_printf(&codes, "%s%s", actions++ ? ", " : "", e.b.actions[i].code);
	for (size_t j = 0; rc == 0 && j < e.b.ninds; j++) {
		const struct measure_indicator *ind = &e.b.inds[j];
		const struct measure_reading *r = &e.readings[j];
		if (e.windows[j] < 0 || ind->metric != PLAN_METRIC_SHARE_AT_LEAST || isnan(r->estimate))
			continue;
		buf_printf(&counts, "%s%s: %s", targets++ ? "; " : " Against the plans' targets: ", ind->label,
		    r->hidden ? "[c]" : r->brief.data);
	}
	if (actions) {
		buf_printf(b, "this consultation is evidence for %zu action%s of the equality action plans (%s; see "
			      "below).", actions, actions == 1 ? "" : "s", codes.data);
		summary_groups(b, &e, c);
		if (targets)
			buf_printf(b, "%s.", counts.data);
	}
	buf_free(&codes);
	buf_free(&counts);
	evidence_close(&e);
	return rc;
}
