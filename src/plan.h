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

/* Loads the built-in plans and indicators (seeds/plans/, seeds/indicators.csv)
 * into a new database, inside the caller's transaction; 0 or -1 with ERR set. */
int plan_seed(struct store *s, struct reach_error *err);

/*
 * Imports a plan file (or an indicators file) in the documented CSV format,
 * in one transaction; prints a summary to OUT. 0, or -1 with ERR set
 * ("FILE:LINE: …") and nothing imported.
 */
int plan_import(struct store *s, const struct taxonomy *t, const char *path, FILE *out, struct reach_error *err);

/* Prints the plans held: code, title, period, status, actions, indicators. */
int plan_list(struct store *s, FILE *out, struct reach_error *err);

struct plan_actions_options {
	const char *plan;       /* one plan's code, or NULL for all */
	const char *as_of;      /* YYYY-MM-DD for "overdue"; NULL: today */
	const char *format;     /* text, json, csv or md */
	struct compare_options compare;         /* how indicators compare with the census */
};

/* Prints every action with its indicators, values, status and evidence. */
int plan_actions(struct store *s, const struct taxonomy *t, const struct plan_actions_options *o, FILE *out,
    struct reach_error *err);

/*
 * The report's section on plans: the actions consultation SLUG is evidence
 * for, and what it showed for each, as text or as a JSON array (the value of
 * the report's "plan_actions" member). 0, or -1 with ERR set.
 */
int plan_evidence(struct store *s, const struct taxonomy *t, const struct compare *c, int json, FILE *out,
    struct reach_error *err);

#endif
