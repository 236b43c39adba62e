/*
 * evidence.c — the report's section on plans (plan_evidence): which actions
 * a consultation is evidence for, through which indicator and window, and
 * what it showed for each, as text or as a JSON array.
 */
#include <stdlib.h>
#include <string.h>

#include "emit.h"
#include "measure.h"
#include "plan.h"
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

/* The section as JSON or text; a reading resting on a count withheld at THRESHOLD (0: none) is withheld. */
static int evidence_write(struct store *s, const struct taxonomy *t, const struct compare *c, int json, int threshold,
    FILE *out, struct reach_error *err)
{
	struct measure_book b;
	if (measure_load_book(s, NULL, &b, err) < 0) {
		measure_book_free(&b);
		return -1;
	}
	struct measure_reading *readings = xcalloc(b.ninds + 1, sizeof *readings);
	int *windows = xcalloc(b.ninds + 1, sizeof *windows);
	for (size_t i = 0; i < b.ninds; i++)
		if ((windows[i] = window_of(&b.inds[i], c)) >= 0) {
			measure_read(&b.inds[i], c, &readings[i]);
			measure_mark_hidden(&b.inds[i], c, t, threshold, &readings[i]);
		}
	if (json)
		evidence_json(out, &b, readings, windows);
	else
		evidence_text(out, &b, readings, windows);
	for (size_t i = 0; i < b.ninds; i++)
		measure_reading_free(&readings[i]);
	free(readings);
	free(windows);
	measure_book_free(&b);
	return 0;
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
