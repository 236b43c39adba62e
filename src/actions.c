/*
 * actions.c — the writers of `reach plan list` and `reach actions` (text,
 * Markdown, CSV and JSON: docs/plans.md), from the book measure.c loads and
 * measures.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "date.h"
#include "emit.h"
#include "measure.h"
#include "policy.h"
#include "plan.h"
#include "words.h"
#include "wrap.h"

/* ---- reach plan list ---- */

int plan_list(struct store *s, FILE *out, struct reach_error *err)
{
	struct measure_book b;
	if (measure_load_book(s, NULL, &b, err) < 0) {
		measure_book_free(&b);
		return -1;
	}
	if (b.nplans == 0)
		fputs("no plans held: reach plan import FILE\n", out);
	else
		fprintf(out, "%-10s %-10s %-10s %-8s %7s %10s %10s  %s\n", "plan", "from", "to", "status", "actions",
		    "measurable", "indicators", "title");
	for (size_t i = 0; i < b.nplans; i++) {
		const struct measure_plan *p = &b.plans[i];
		fprintf(out, "%-10s %-10s %-10s %-8s %7ld %10ld %10ld  %s\n", p->code, *p->start ? p->start : "-",
		    *p->end ? p->end : "-", *p->status ? p->status : "-", p->actions, p->measurable, p->indicators, p->title);
	}
	for (size_t i = 0; i < b.nplans; i++) {
		const struct measure_plan *p = &b.plans[i];
		fprintf(out, "%s%s: %s; %s%s\n", i ? "" : "\n", p->code, *p->council ? p->council : "no council given",
		    strcmp(p->origin, "built in") == 0 ? "" : "imported from ", p->origin);
	}
	measure_book_free(&b);
	return 0;
}

/* ---- words shared by the formats ---- */

/* Does BK hold any action of plan CODE? Plans without actions are left out of every format. */
static int has_actions(const struct measure_book *bk, const char *code)
{
	for (size_t i = 0; i < bk->nactions; i++)
		if (strcmp(bk->actions[i].plan, code) == 0)
			return 1;
	return 0;
}

/* What a form shows: the book, with what is withheld (HIDE NULL: nothing) at SUPPRESS. */
struct view {
	const struct measure_book *bk;
	const unsigned *hide;
	int suppress;
	int rounding;           /* counts rounded to a multiple of this (--round); 0: exact */
};

/* An indicator's status as a published form shows it. */
static const char *shown_status(const struct view *v, size_t i, int names)
{
	if (v->hide && v->hide[i])
		return "withheld";
	return names ? plan_status_name(v->bk->inds[i].status) : words_plan_status(v->bk->inds[i].status);
}

/* Is the metric's value a fraction shown as a percentage? */
static int is_share(enum plan_metric m)
{
	return m == PLAN_METRIC_SHARE_AT_LEAST || m == PLAN_METRIC_ASKED;
}

/* A window's value in words: "0.41 (0.30–0.55)", "67 % (4 of 6)", "6 dimensions", "no data". */
static void put_value(struct buf *b, const struct measure_indicator *ind, const struct measure_window *w)
{
	const struct plan_value *v = &w->value;
	if (isnan(v->estimate))
		buf_puts(b, "no data");
	else if (is_share(ind->metric))
		buf_printf(b, "%.0f %% (%.0f of %.0f)", 100 * v->estimate, w->hits, w->judged);
	else if (ind->metric == PLAN_METRIC_BASELINES)
		buf_printf(b, "%.0f dimension%s", v->estimate, v->estimate == 1 ? "" : "s");
	else
		emit_interval(b, EMIT_RATIO, v->estimate, v->lower, v->upper);
}

/* The window in words: "closing 2018-12-01 to 2019-11-30, on letstalk". */
static void put_span(struct buf *b, const struct measure_window *w)
{
	if (w->from && w->to)
		buf_printf(b, "closing %s to %s", w->from, w->to);
	else if (w->from)
		buf_printf(b, "closing from %s", w->from);
	else if (w->to)
		buf_printf(b, "closing by %s", w->to);
	else
		buf_puts(b, "any closing date");
	if (w->platform && w->platform[0] == '!')
		buf_printf(b, ", on any platform but %s", w->platform + 1);
	else if (w->platform)
		buf_printf(b, ", on %s", w->platform);
}

/* The consultations behind a window's value: "parking-2018", "budget-2022 0.47, parking-2025 0.57". */
static void put_evidence(struct buf *b, const struct measure_window *w, int with_values)
{
	size_t shown = 0;
	for (size_t i = 0; i < w->n; i++) {
		const struct measure_reading *r = &w->readings[i];
		if (isnan(r->estimate))
			continue;
		buf_printf(b, "%s%s", shown++ ? ", " : "", r->slug);
		/* Slug and value stay on one line when text is wrapped: WRAP_NO_BREAK is written as a space. */
		if (with_values) {
			buf_putc(b, WRAP_NO_BREAK);
			for (const char *p = r->brief.data; *p; p++)
				buf_putc(b, *p == ' ' ? WRAP_NO_BREAK : *p);
		}
	}
}

/*
 * An indicator's evidence as a published form shows it: "baseline:
 * parking-2018 0.20; latest: budget-2022 0.28; latest: parking-2025 0.51",
 * each consultation giving a value with its window and value, or "[c]" in a
 * window whose value is withheld (HIDE bit 0 the baseline, bit 1 the
 * latest). No commas, so that a spreadsheet column splits cleanly.
 */
static void put_evidence_values(struct buf *b, const struct measure_indicator *ind, unsigned hide)
{
	for (int k = 0; k < 2; k++) {
		const struct measure_window *w = &ind->w[k];
		for (size_t i = 0; w->defined && i < w->n; i++) {
			const struct measure_reading *r = &w->readings[i];
			if (!isnan(r->estimate))
				buf_printf(b, "%s%s: %s %s", b->len ? "; " : "", k ? "latest" : "baseline", r->slug,
				    (hide >> k) & 1 ? "[c]" : r->brief.data);
		}
	}
}

static const char *today(char out[11])
{
	days_to_date((long)(time(NULL) / 86400), out);
	return out;
}

/* ---- reach actions: text ---- */

/* "  Label:   text…", wrapped under the text. */
static void text_field(FILE *out, int indent, const char *label, const char *text)
{
	fprintf(out, "%*s%-9s", indent, "", label);
	wrap_line(out, text, indent + 9, indent + 9);
}

static void text_window(FILE *out, const char *label, const struct measure_indicator *ind,
    const struct measure_window *w)
{
	struct buf b = { 0 };
	put_value(&b, ind, w);
	if (w->used == 1) {
		buf_puts(&b, ", from ");
		put_evidence(&b, w, 0);
	} else if (w->used > 1) {
		buf_puts(&b, ind->metric == PLAN_METRIC_RATIO || ind->metric == PLAN_METRIC_RATE_RATIO ? ", mean of " : ", from ");
		put_evidence(&b, w, 1);
	}
	if (w->n == 0) {
		buf_puts(&b, ": no consultation ");
		put_span(&b, w);
	}
	text_field(out, 8, label, b.data);
	/* What the consultations without a value showed, so that the gap is explained. */
	for (size_t i = 0; i < w->n; i++)
		if (isnan(w->readings[i].estimate)) {
			buf_reset(&b);
			buf_printf(&b, "%s: %s", w->readings[i].slug, w->readings[i].showed.data);
			text_field(out, 8, "", b.data);
		}
	buf_free(&b);
}

/* An indicator in full, or (SHOWN_UNDER not NULL) a line pointing to where it was shown. */
static void text_indicator(FILE *out, const struct measure_indicator *ind, const char *shown_under)
{
	struct buf b = { 0 };
	buf_printf(&b, "%s: %s", ind->label, words_plan_status(ind->status));
	if (shown_under)
		buf_printf(&b, " (as shown under %s)", shown_under);
	fprintf(out, "      %s  ", ind->code);
	wrap_line(out, b.data, 8 + (int)strlen(ind->code), 8);
	if (shown_under) {
		buf_free(&b);
		return;
	}
	if (ind->w[0].defined)
		text_window(out, "baseline", ind, &ind->w[0]);
	text_window(out, "latest", ind, &ind->w[1]);
	buf_reset(&b);
	measure_target_words(&b, ind);
	text_field(out, 8, "target", b.data);
	if (*ind->note)
		text_field(out, 8, "note", ind->note);
	buf_free(&b);
}

/* An action; SHOWN[i] names the action indicator i was shown under so far, or is NULL. */
static void text_action(FILE *out, const struct measure_book *bk, const struct measure_action *a, const char **shown)
{
	struct buf b = { 0 };
	fprintf(out, "\n  %s  %s\n", a->code, *a->role ? a->role : "");
	fputs("    ", out);
	wrap_line(out, a->text, 4, 4);
	text_field(out, 4, "Owner:", *a->responsible ? a->responsible : "none given");
	if (*a->due_text)
		buf_printf(&b, "\"%s\"", a->due_text);
	if (*a->due_date)
		buf_printf(&b, "%s%s%s, %s", b.len ? " (" : "", a->due_date, b.len ? ")" : "",
		    a->overdue ? "overdue" : "not overdue");
	if (*a->due_text && !*a->due_date)
		buf_puts(&b, ", no date to be overdue by");
	text_field(out, 4, "Due:", b.len ? b.data : "none given");
	text_field(out, 4, "Status:", words_plan_status(a->status));
	if (*a->success)
		text_field(out, 4, "Measure:", a->success);
	if (a->ninds)
		fputs("    Indicators:\n", out);
	for (size_t k = 0; k < a->ninds; k++) {
		size_t i = a->inds[k];
		text_indicator(out, &bk->inds[i], shown[i]);
		if (!shown[i])
			shown[i] = a->code;
	}
	buf_free(&b);
}

/*
 * Counts of the plan's actions by status, and overdue; then of its
 * indicators, each once, by status as the rows show them (a published form's
 * withheld ones as withheld): "21 actions: 0 met, 3 improving, …; 21
 * overdue; 3 indicators: 0 met, 1 improving, 2 not met, 0 no data".
 */
static void put_tally(struct buf *b, const struct view *v, const char *plan)
{
	const struct measure_book *bk = v->bk;
	size_t by[PLAN_NOT_MEASURABLE + 1] = { 0 }, overdue = 0, n = 0;
	size_t ind_by[PLAN_NOT_MEASURABLE + 1] = { 0 }, ind_withheld = 0, inds = 0;
	char *counted = xcalloc(bk->ninds + 1, 1);
	for (size_t i = 0; i < bk->nactions; i++) {
		const struct measure_action *a = &bk->actions[i];
		if (strcmp(a->plan, plan) != 0)
			continue;
		by[a->status]++;
		overdue += a->overdue;
		n++;
		for (size_t k = 0; k < a->ninds; k++) {
			size_t j = a->inds[k];
			if (counted[j]++)
				continue;
			inds++;
			if (v->hide && v->hide[j])
				ind_withheld++;
			else
				ind_by[bk->inds[j].status]++;
		}
	}
	free(counted);
	buf_printf(b, "%zu actions: ", n);
	for (int s = 0; s <= PLAN_NOT_MEASURABLE; s++)
		buf_printf(b, "%s%zu %s", s ? ", " : "", by[s], words_plan_status((enum plan_status)s));
	buf_printf(b, "; %zu overdue", overdue);
	if (!inds)
		return;
	buf_printf(b, "; %zu indicator%s: ", inds, inds == 1 ? "" : "s");
	for (int s = 0; s < PLAN_NOT_MEASURABLE; s++)
		buf_printf(b, "%s%zu %s", s ? ", " : "", ind_by[s], words_plan_status((enum plan_status)s));
	if (ind_withheld)
		buf_printf(b, ", %zu withheld", ind_withheld);
}

/* The plan's heading facts: "Maidstone Borough Council, 2018-12-01 to 2019-11-30, adopted". */
static void put_plan_facts(struct buf *b, const struct measure_plan *p)
{
	buf_puts(b, *p->council ? p->council : "no council given");
	if (*p->start || *p->end)
		buf_printf(b, ", %s to %s", *p->start ? p->start : "?", *p->end ? p->end : "?");
	if (*p->status)
		buf_printf(b, ", %s", p->status);
}

static void text_actions(FILE *out, const struct view *v)
{
	const struct measure_book *bk = v->bk;
	const char **shown = xcalloc(bk->ninds + 1, sizeof *shown);
	fprintf(out, "Equality action plans, as of %s\n", bk->as_of);
	if (bk->nactions == 0)
		fputs("\nno actions held: reach plan import FILE adds a plan's actions (docs/plans.md)\n", out);
	for (size_t p = 0; p < bk->nplans; p++) {
		const struct measure_plan *plan = &bk->plans[p];
		struct buf b = { 0 };
		if (!has_actions(bk, plan->code))
			continue;
		fprintf(out, "\n%s  ", plan->code);
		wrap_line(out, plan->title, (int)strlen(plan->code) + 2, 2);
		put_plan_facts(&b, plan);
		fputs("  ", out);
		wrap_line(out, b.data, 2, 2);
		buf_reset(&b);
		put_tally(&b, v, plan->code);
		fputs("  ", out);
		wrap_line(out, b.data, 2, 2);
		for (size_t i = 0; i < bk->nactions; i++)
			if (strcmp(bk->actions[i].plan, plan->code) == 0)
				text_action(out, bk, &bk->actions[i], shown);
		buf_free(&b);
	}
	free(shown);
}

/* ---- disclosure control of the published forms (Markdown, CSV) ---- */

/*
 * HIDE[i]: which windows of indicator i (bit 0 the baseline, bit 1 the
 * latest) have a value resting on a count a published report withholds: a
 * consultation's reading in it is hidden (measure_mark_hidden). A mean of
 * several is withheld too, as the others' values are published elsewhere.
 */
static unsigned *withhold(struct measure_book *bk)
{
	unsigned *hide = xcalloc(bk->ninds + 1, sizeof *hide);
	for (size_t i = 0; i < bk->ninds; i++) {
		struct measure_indicator *ind = &bk->inds[i];
		for (int k = 0; k < 2; k++)
			for (size_t r = 0; ind->w[k].defined && r < ind->w[k].n; r++)
				if (ind->w[k].readings[r].hidden && !isnan(ind->w[k].readings[r].estimate))
					hide[i] |= 1u << k;
		/* Its status would say which side of the target or the baseline the hidden value lies. */
		if (hide[i])
			ind->status = PLAN_NO_DATA;
	}
	measure_action_statuses(bk);
	return hide;
}

static const char *const withheld_note =
    "A value marked \"[c]\" rests on a count from 1 to %d in a consultation; it is withheld, with its "
    "indicator's status (counted as no data in its action's status), because the value with the census "
    "share and the number of answers would give the count away.";

static const char *const rounded_note =
    "Every count behind these values is rounded to the nearest %d, and every value is worked out from the rounded "
    "counts; a value marked \"[c]\" rests on a count the rounded totals would give away, and is withheld with its "
    "indicator's status.";

static const char *const unsuppressed_note =
    "Not suppressed (--suppress 0): a value resting on a count as small as 1 to %d would give that count "
    "away. Not for publication.";

/* ---- reach actions: Markdown ---- */

static void md_action(FILE *out, const struct view *v, const struct measure_action *a)
{
	const struct measure_book *bk = v->bk;
	struct buf b = { 0 };
	size_t rows = a->ninds ? a->ninds : 1;
	for (size_t k = 0; k < rows; k++) {
		const struct measure_indicator *ind = a->ninds ? &bk->inds[a->inds[k]] : NULL;
		if (k == 0) {
			buf_printf(&b, "**%s** %s", a->code, a->text);
			emit_md_cell(out, b.data);
			emit_md_cell(out, a->responsible);
			buf_reset(&b);
			if (*a->due_text || *a->due_date)
				buf_printf(&b, "%s%s%s%s", a->due_text, *a->due_text && *a->due_date ? " (" : "", a->due_date,
				    *a->due_text && *a->due_date ? ")" : "");
			emit_md_cell(out, b.data);
			emit_md_cell(out, *a->due_date ? (a->overdue ? "yes" : "no") : "");
			emit_md_cell(out, words_plan_status(a->status));
			emit_md_cell(out, a->objective);
			emit_md_cell(out, a->success);
		} else {
			for (int blank = 0; blank < 7; blank++)
				emit_md_cell(out, "");
		}
		if (!ind) {
			for (int blank = 0; blank < 6; blank++)
				emit_md_cell(out, "");
			emit_md_row_end(out);
			break;
		}
		buf_reset(&b);
		buf_printf(&b, "%s (%s)", ind->label, ind->code);
		emit_md_cell(out, b.data);
		unsigned hide = v->hide ? v->hide[a->inds[k]] : 0;
		buf_reset(&b);
		if (ind->w[0].defined)
			(hide & 1) ? buf_puts(&b, "[c]") : put_value(&b, ind, &ind->w[0]);
		emit_md_cell(out, b.data);
		buf_reset(&b);
		(hide & 2) ? buf_puts(&b, "[c]") : put_value(&b, ind, &ind->w[1]);
		emit_md_cell(out, b.data);
		buf_reset(&b);
		measure_target_words(&b, ind);
		emit_md_cell(out, b.data);
		emit_md_cell(out, shown_status(v, a->inds[k], 0));
		buf_reset(&b);
		put_evidence_values(&b, ind, hide);
		emit_md_cell(out, b.data);
		emit_md_row_end(out);
		buf_reset(&b);
	}
	buf_free(&b);
}

static void md_actions(FILE *out, const struct view *v)
{
	const struct measure_book *bk = v->bk;
	int withheld = 0;
	for (size_t i = 0; v->hide && i < bk->ninds; i++)
		withheld |= v->hide[i] != 0;
	fprintf(out, "# Equality action plans, as of %s\n", bk->as_of);
	for (size_t p = 0; p < bk->nplans; p++) {
		const struct measure_plan *plan = &bk->plans[p];
		struct buf b = { 0 };
		put_plan_facts(&b, plan);
		buf_puts(&b, ". ");
		put_tally(&b, v, plan->code);
		if (has_actions(bk, plan->code)) {
			fprintf(out, "\n## %s: ", plan->code);        /* a code; the title and facts are text from a file */
			emit_md_text(out, plan->title);
			fputs("\n\n", out);
			emit_md_text(out, b.data);
			fputs(".\n\n", out);
			fputs("| Action | Owner | Due | Overdue | Status | Objective | How we will know | Indicator | Baseline | "
			      "Latest | Target | Indicator status | Evidence |\n", out);
			fputs("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n", out);
			for (size_t i = 0; i < bk->nactions; i++)
				if (strcmp(bk->actions[i].plan, plan->code) == 0)
					md_action(out, v, &bk->actions[i]);
		}
		buf_free(&b);
	}
	if (v->rounding) {
		fputc('\n', out);
		fprintf(out, rounded_note, v->rounding);
		fputc('\n', out);
	} else if (withheld) {
		fputc('\n', out);
		fprintf(out, withheld_note, v->suppress - 1);
		fputc('\n', out);
	}
	if (v->suppress <= 0 && !v->rounding) {
		fputc('\n', out);
		fprintf(out, unsuppressed_note, POLICY_SUPPRESS_DEFAULT - 1);
		fputc('\n', out);
	}
}

/* ---- reach actions: CSV, one row per action and indicator ---- */

/*
 * A window's four cells, each with its comma: value, lower, upper (each
 * "[c]" when HIDDEN), the consultations giving a value.
 */
static void csv_window(FILE *out, const struct measure_window *w, int hidden)
{
	struct buf b = { 0 };
	const double numbers[] = { w->value.estimate, w->value.lower, w->value.upper };
	for (size_t i = 0; i < sizeof numbers / sizeof *numbers; i++) {
		if (hidden)
			emit_csv_cell(out, "[c]");
		else
			emit_csv_number(out, numbers[i]);
		fputc(',', out);
	}
	for (size_t i = 0; i < w->n; i++)
		if (!isnan(w->readings[i].estimate))
			buf_printf(&b, "%s%s", b.len ? "; " : "", w->readings[i].slug);
	emit_csv_cell(out, b.data);
	fputc(',', out);
	buf_free(&b);
}

/*
 * The rows; the last column, suppressed, says "withheld" where a value is
 * "[c]", and "off" on every row under --suppress 0.
 */
static void csv_actions(FILE *out, const struct view *v)
{
	const struct measure_book *bk = v->bk;
	static const struct measure_window none = { NULL, NULL, NULL, 0, NULL, 0, 0, { NAN, NAN, NAN }, 0, 0, NULL, 0 };
	fputs("plan,action_code,role,objective,action,success_measure,responsible,due_text,due_date,overdue,action_status,"
	      "indicator_code,indicator,metric,dimension,group,baseline,baseline_lower,baseline_upper,baseline_consultations,"
	      "latest,latest_lower,latest_upper,latest_consultations,comparison,target,indicator_status,evidence,"
	      "suppressed\n", out);
	for (size_t i = 0; i < bk->nactions; i++) {
		const struct measure_action *a = &bk->actions[i];
		for (size_t k = 0; k < (a->ninds ? a->ninds : 1); k++) {
			const struct measure_indicator *ind = a->ninds ? &bk->inds[a->inds[k]] : NULL;
			const char *cells[] = { a->plan, a->code, a->role, a->objective, a->text, a->success, a->responsible,
				a->due_text, a->due_date,
				*a->due_date ? (a->overdue ? "yes" : "no") : "", plan_status_name(a->status),
				ind ? ind->code : "", ind ? ind->label : "", ind ? ind->metric_name : "",
				ind ? ind->dimension : "", ind ? ind->group : "" };
			for (size_t c = 0; c < sizeof cells / sizeof *cells; c++) {
				emit_csv_cell(out, cells[c]);
				fputc(',', out);
			}
			unsigned hide = ind && v->hide ? v->hide[a->inds[k]] : 0;
			csv_window(out, ind && ind->w[0].defined ? &ind->w[0] : &none, hide & 1);
			csv_window(out, ind ? &ind->w[1] : &none, hide & 2);
			emit_csv_cell(out, ind ? ind->comparison_name : "");
			fputc(',', out);
			emit_csv_number(out, ind ? ind->target : NAN);
			fputc(',', out);
			emit_csv_cell(out, ind ? shown_status(v, a->inds[k], 1) : plan_status_name(a->status));
			struct buf evidence = { 0 };
			if (ind)
				put_evidence_values(&evidence, ind, hide);
			fputc(',', out);
			emit_csv_cell(out, evidence.data);
			buf_free(&evidence);
			fprintf(out, ",%s\n", v->suppress <= 0 && !v->rounding ? "off" : hide ? "withheld" : "");
		}
	}
}

/* ---- reach actions: JSON (docs/plans.md) ---- */

static void json_window(FILE *out, const struct measure_window *w)
{
	if (!w->defined) {
		emit_json_string(out, NULL);
		return;
	}
	fputc('{', out);
	emit_json_member_text(out, "", "from", w->from);
	emit_json_member_text(out, ", ", "to", w->to);
	emit_json_member_text(out, ", ", "platform", w->platform);
	emit_json_members_value(out, ", ", w->value.estimate, w->value.lower, w->value.upper);
	emit_json_key(out, ", ", "consultations");
	fputc('[', out);
	for (size_t i = 0; i < w->n; i++) {
		const struct measure_reading *r = &w->readings[i];
		fputs(i ? ",\n        {" : "\n        {", out);
		emit_json_member_text(out, "", "slug", r->slug);
		emit_json_members_value(out, ", ", r->estimate, r->lower, r->upper);
		emit_json_member_text(out, ", ", "showed", r->showed.data);
		fputc('}', out);
	}
	fputs("]}", out);
}

static void json_indicator(FILE *out, const struct measure_indicator *ind)
{
	fputc('{', out);
	emit_json_member_text(out, "", "code", ind->code);
	emit_json_member_text(out, ", ", "label", ind->label);
	emit_json_member_text(out, ", ", "metric", ind->metric_name);
	emit_json_member_text(out, ", ", "dimension", ind->dimension);
	emit_json_member_text(out, ", ", "group", ind->group);
	emit_json_member_number(out, ", ", "threshold", ind->threshold);
	emit_json_member_text(out, ", ", "comparison", ind->comparison_name);
	emit_json_member_number(out, ", ", "target", ind->target);
	emit_json_member_text(out, ", ", "status", plan_status_name(ind->status));
	emit_json_member_text(out, ", ", "note", ind->note);
	emit_json_key(out, ",\n      ", "baseline");
	json_window(out, &ind->w[0]);
	emit_json_key(out, ",\n      ", "latest");
	json_window(out, &ind->w[1]);
	fputc('}', out);
}

/* "evidence": the consultations giving a value to any indicator of A, each once, in the order of its windows. */
static void json_evidence(FILE *out, const struct measure_book *bk, const struct measure_action *a)
{
	char **slugs = NULL;
	size_t n = 0;
	for (size_t k = 0; k < a->ninds; k++)
		for (int w = 0; w < 2; w++) {
			const struct measure_window *win = &bk->inds[a->inds[k]].w[w];
			for (size_t i = 0; win->defined && i < win->n; i++) {
				const struct measure_reading *r = &win->readings[i];
				size_t j = 0;
				while (j < n && strcmp(slugs[j], r->slug) != 0)
					j++;
				if (isnan(r->estimate) || j < n)
					continue;
				slugs = xrealloc(slugs, (n + 1) * sizeof *slugs);
				slugs[n++] = r->slug;
			}
		}
	emit_json_key(out, ", ", "evidence");
	fputc('[', out);
	for (size_t i = 0; i < n; i++) {
		fputs(i ? ", " : "", out);
		emit_json_string(out, slugs[i]);
	}
	fputc(']', out);
	free(slugs);
}

static void json_action(FILE *out, const struct measure_book *bk, const struct measure_action *a)
{
	fputs("{", out);
	emit_json_member_text(out, "", "code", a->code);
	emit_json_member_text(out, ", ", "role", a->role);
	emit_json_member_text(out, ", ", "objective", a->objective);
	emit_json_member_text(out, ", ", "action", a->text);
	emit_json_member_text(out, ", ", "responsible", a->responsible);
	emit_json_member_text(out, ", ", "due_text", a->due_text);
	emit_json_member_text(out, ", ", "due_date", a->due_date);
	emit_json_member_bool(out, ", ", "overdue", a->overdue);
	emit_json_member_text(out, ", ", "status", plan_status_name(a->status));
	emit_json_member_text(out, ", ", "success_measure", a->success);
	emit_json_member_text(out, ", ", "connections", a->connections);
	json_evidence(out, bk, a);
	emit_json_key(out, ",\n     ", "indicators");
	fputc('[', out);
	for (size_t k = 0; k < a->ninds; k++) {
		fputs(k ? ",\n      " : "\n      ", out);
		json_indicator(out, &bk->inds[a->inds[k]]);
	}
	fputs("]}", out);
}

static void json_actions(FILE *out, const struct measure_book *bk)
{
	fputc('{', out);
	emit_json_member_number(out, "", "reach_actions", 1);
	emit_json_member_string(out, ", ", "as_of", bk->as_of);
	emit_json_key(out, ",\n ", "plans");
	fputc('[', out);
	size_t shown = 0;
	for (size_t p = 0; p < bk->nplans; p++) {
		const struct measure_plan *plan = &bk->plans[p];
		if (!has_actions(bk, plan->code))
			continue;
		fputs(shown++ ? ",\n  {" : "\n  {", out);
		emit_json_member_text(out, "", "code", plan->code);
		emit_json_member_text(out, ", ", "title", plan->title);
		emit_json_member_text(out, ", ", "council", plan->council);
		emit_json_member_text(out, ", ", "period_start", plan->start);
		emit_json_member_text(out, ", ", "period_end", plan->end);
		emit_json_member_text(out, ", ", "status", plan->status);
		emit_json_member_text(out, ", ", "origin", plan->origin);
		emit_json_key(out, ",\n   ", "actions");
		fputc('[', out);
		for (size_t i = 0, k = 0; i < bk->nactions; i++)
			if (strcmp(bk->actions[i].plan, plan->code) == 0) {
				fputs(k++ ? ",\n    " : "\n    ", out);
				json_action(out, bk, &bk->actions[i]);
			}
		fputs("]}", out);
	}
	fputs("]}\n", out);
}

/* ---- reach actions ---- */

int plan_actions(struct store *s, const struct taxonomy *t, const struct plan_actions_options *o, FILE *out,
    struct reach_error *err)
{
	struct measure_book b;
	char now[11];
	const char *format = o->format ? o->format : "text";
	int published = strcmp(format, "csv") == 0 || strcmp(format, "md") == 0;
	struct view v = { &b, NULL, published ? o->suppress : 0, published ? o->compare.round : 0 };
	int rc = measure_load_book(s, o->plan, &b, err);
	if (rc == 0) {
		snprintf(b.as_of, sizeof b.as_of, "%s", o->as_of ? o->as_of : today(now));
		b.suppress = v.suppress;
		rc = measure_run(s, t, &o->compare, &b, err);
	}
	unsigned *hide = rc == 0 && (v.suppress > 0 || v.rounding) ? withhold(&b) : NULL;
	v.hide = hide;
	if (rc == 0 && published && v.suppress <= 0 && !v.rounding)
		fprintf(stderr, "reach: warning: actions: --suppress 0: not suppressed, not for publication\n");
	if (rc == 0 && strcmp(format, "json") == 0)
		json_actions(out, &b);
	else if (rc == 0 && strcmp(format, "csv") == 0)
		csv_actions(out, &v);
	else if (rc == 0 && strcmp(format, "md") == 0)
		md_actions(out, &v);
	else if (rc == 0)
		text_actions(out, &v);
	free(hide);
	measure_book_free(&b);
	return rc;
}
