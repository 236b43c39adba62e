/*
 * plan.h — equality action plans: every action of a council's plans, the
 * indicators that make some of them measurable from consultations, and each
 * action's status.
 */
#ifndef REACH_PLAN_H
#define REACH_PLAN_H

#include <stdio.h>

#include "compare.h"
#include "store.h"
#include "tag.h"

/*
 * How an indicator, or an action as a whole, stands. The names, in this
 * order: met, improving, not_met, no_data, not_measurable.
 */
enum plan_status {
	PLAN_MET,
	PLAN_IMPROVING,
	PLAN_NOT_MET,
	PLAN_NO_DATA,           /* measurable, but no consultation gives a value */
	PLAN_NOT_MEASURABLE     /* no indicator: reach cannot measure it */
};

/* What an indicator's latest value is held against. */
enum plan_comparison {
	PLAN_AT_LEAST,          /* the target, or more */
	PLAN_AT_MOST,           /* the target, or less */
	PLAN_RISE,              /* a rise on the baseline */
	PLAN_FALL               /* a fall from the baseline */
};

/* The kinds of metric an indicator can use; what each measures is data (seeds/indicators.csv). */
enum plan_metric {
	PLAN_METRIC_RATIO, PLAN_METRIC_RATE_RATIO, PLAN_METRIC_SHARE_AT_LEAST, PLAN_METRIC_ASKED,
	PLAN_METRIC_BASELINES
};

/* Reads a metric's name (ratio, rate_ratio, share_at_least, asked, baselines); 0, or -1 if unknown. */
int plan_metric_parse(const char *name, enum plan_metric *out);

/* A window's value with its interval; NaN where unknown. */
struct plan_value {
	double estimate, lower, upper;
};

/* The status's name ("met", …, "not_measurable"): a static string. */
const char *plan_status_name(enum plan_status status);

/* Reads a comparison's name (at_least, at_most, rise, fall); 0, or -1 if unknown. */
int plan_comparison_parse(const char *name, enum plan_comparison *out);

/*
 * The status of an indicator whose latest window has the value LATEST, its
 * baseline window BASELINE (NULL or a NaN estimate: none), against TARGET
 * under CMP. Pure; never fails. In order:
 *  - no_data: no latest value; for rise and fall, no baseline either.
 *  - at_least: met when latest >= target; improving when below it but above
 *    the baseline; otherwise not_met. at_most the same way round.
 *  - rise: not_met unless latest > baseline; met when the rise is beyond
 *    its margin of error, sqrt(h_b^2 + h_l^2) with h half the width of each
 *    value's interval; improving when it is not, or an interval is unknown.
 *    fall the same way round.
 */
enum plan_status plan_indicator_status(enum plan_comparison cmp, double target, const struct plan_value *baseline,
    const struct plan_value *latest);

/*
 * The status of an action from those of its N indicators. Pure. None:
 * not_measurable. Indicators with no data are left out; if that leaves
 * none: no_data. Then met when every one is met; improving when one is met
 * or improving; otherwise not_met.
 */
enum plan_status plan_action_status(const enum plan_status *indicators, size_t n);

/*
 * Is an action due on DUE_DATE (YYYY-MM-DD; NULL or "": no date) overdue on
 * AS_OF (YYYY-MM-DD)? Yes when the date has passed (it is before AS_OF) and
 * STATUS is not met. Pure.
 */
int plan_overdue(const char *due_date, const char *as_of, enum plan_status status);

/* Loads the built-in plans and indicators (seeds/plans/, seeds/indicators.csv)
 * into a new database, inside the caller's transaction; 0 or -1 with ERR set. */
int plan_seed(struct store *s, struct reach_error *err);

/*
 * Imports PATH (docs/plans.md), told apart by its header: a plan file
 * (plan_code, action_code, action, …; the plan's own columns on its first
 * row when it is new), whose actions replace those held for each plan in it;
 * a plans index (plan_code, title, …); or an indicators file
 * (indicator_code, …), whose indicators replace those of the same code. T
 * checks dimensions and groups. One transaction; prints a summary to OUT.
 * 0, or -1 with ERR set ("FILE:LINE: column …: …") and nothing imported,
 * also when an indicator would be left measuring an action no longer held.
 */
int plan_import(struct store *s, const struct taxonomy *t, const char *path, FILE *out, struct reach_error *err);

/*
 * Prints the plans held: code, period, status, actions, measurable actions,
 * indicators, title; then each plan's council and origin. 0, or -1 with ERR
 * set.
 */
__attribute__((warn_unused_result))
int plan_list(struct store *s, FILE *out, struct reach_error *err);

struct plan_actions_options {
	const char *plan;       /* one plan's code, or NULL for all */
	const char *as_of;      /* YYYY-MM-DD for "overdue"; NULL: today */
	const char *format;     /* text, json, csv or md */
	int suppress;           /* csv and md (published): values resting on a count from 1 to under this are
	                           withheld; 0: none, with a warning (text and json, for analysts: never) */
	struct compare_options compare;         /* how indicators compare with the census */
};

/*
 * Prints every action of O->plan (NULL: of every plan) in O->format: owner,
 * due date, overdue as of O->as_of, status, and its indicators measured over
 * the consultations held, with their evidence (docs/plans.md). In csv and
 * md, the forms to publish, a value resting on a count withheld at
 * O->suppress is "[c]" with its indicator's status, and the action's status
 * counts it as no data. -1 with ERR set when the plan is not held or a
 * comparison fails; 0 otherwise.
 */
__attribute__((warn_unused_result))
int plan_actions(struct store *s, const struct taxonomy *t, const struct plan_actions_options *o, FILE *out,
    struct reach_error *err);

/*
 * The report's section on plans: the actions consultation SLUG is evidence
 * for, and what it showed for each, as text or as a JSON array (the value of
 * the report's "plan_actions" member). 0, or -1 with ERR set.
 */
__attribute__((warn_unused_result))
int plan_evidence(struct store *s, const struct taxonomy *t, const struct compare *c, int json, FILE *out,
    struct reach_error *err);

/*
 * The same section as text, for a published form: what a reading showed is
 * "[c] withheld" when it rests on a count the published report of C
 * withholds at THRESHOLD (measure_mark_hidden; 0: none). plan_evidence's
 * forms are for analysts. 0, or -1 with ERR set.
 */
__attribute__((warn_unused_result))
int plan_evidence_published(struct store *s, const struct taxonomy *t, const struct compare *c, int threshold,
    FILE *out, struct reach_error *err);

/*
 * The same section for the HTML page: each action (its objective and "how
 * will we know" text), what the consultation showed for each indicator,
 * shortfall included, beside its target; a reading resting on a count
 * withheld at THRESHOLD is "[c] withheld". 0, or -1 with ERR set.
 */
__attribute__((warn_unused_result))
int plan_evidence_html(struct store *s, const struct taxonomy *t, const struct compare *c, int threshold,
    FILE *out, struct reach_error *err);

/*
 * The page summary's sentences on the plans, appended to B: the actions C is
 * evidence for, the groups the plans name that fall short of the review line
 * (with the responses that would have reached it), and each count of
 * categories at the line against its target; nothing when no action takes C
 * as evidence. Readings withheld at THRESHOLD are left out or "[c]". 0, or
 * -1 with ERR set.
 */
__attribute__((warn_unused_result))
int plan_evidence_summary(struct store *s, const struct taxonomy *t, const struct compare *c, int threshold,
    struct buf *b, struct reach_error *err);

#endif
