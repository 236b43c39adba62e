/*
 * weight.c — weighting (compare_options.weighted): notes the consultation's
 * closed questions, groups respondents into cells alike on age, sex and
 * ethnic group, rakes the cells to the census margins and weighs each closed
 * question's answers. See weight.h.
 */
#include "weight.h"

#include "policy.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const weight_margin_names[WEIGHT_MARGINS] = { "age", "sex", "ethnicity" };

/* ---- weighting: respondents by cell ---- */

/* The index of OPTION in Q's options, added if new. */
static size_t closed_option(struct closed *q, const char *option, size_t len)
{
	for (size_t i = 0; i < q->noptions; i++)
		if (strlen(q->options[i]) == len && strncmp(q->options[i], option, len) == 0)
			return i;
	q->options = xrealloc(q->options, (q->noptions + 1) * sizeof *q->options);
	q->options[q->noptions] = xstrndup(option, len);
	return q->noptions++;
}

/* Is TEXT (LEN bytes) one of the answers RAW[0..N) given on its own? */
static int answered_alone(char *const *raw, size_t n, const char *text, size_t len)
{
	for (size_t k = 0; k < n; k++)
		if (raw[k] && strlen(raw[k]) == len && strncmp(raw[k], text, len) == 0)
			return 1;
	return 0;
}

/*
 * The separator RAW is a list of options joined by: "; " for a question of
 * one column per option; for one cell, ", " or ";" when every part is also an
 * answer given on its own ("Walking, Cycling" but not "Yes, mostly"). NULL:
 * RAW is one answer.
 */
static const char *option_separator(const struct consult_question *cq, const char *raw)
{
	static const char *const separators[] = { ", ", "; ", ";" };
	if (cq->multi)
		return "; ";
	for (size_t i = 0; i < sizeof separators / sizeof *separators; i++) {
		const char *sep = separators[i], *p = raw, *end;
		int parts = 0, alone = 1;
		if (!strstr(raw, sep))
			continue;
		do {
			end = strstr(p, sep);
			size_t len = end ? (size_t)(end - p) : strlen(p);
			alone = alone && (len == 0 || answered_alone(cq->raw, cq->nvalues, p, len));
			parts += len > 0;
			p = end ? end + strlen(sep) : p;
		} while (end && alone);
		if (alone && parts > 1)
			return sep;
	}
	return NULL;
}

/* Notes the consultation's closed questions and their answers, multi-select answers split into options. */
void weight_add_questions(struct run *r, const struct consult_view *v)
{
	for (size_t i = 0; i < v->nq; i++) {
		const struct consult_question *cq = &v->q[i];
		if (strcmp(cq->role, "closed") != 0)
			continue;
		r->closed = xrealloc(r->closed, (r->nclosed + 1) * sizeof *r->closed);
		struct closed *q = &r->closed[r->nclosed++];
		memset(q, 0, sizeof *q);
		q->slot = i;
		q->text = xstrdup(cq->text);
		q->multi = cq->multi;
		q->nvalues = cq->nvalues;
		q->of_code = xcalloc(cq->nvalues ? cq->nvalues : 1, sizeof *q->of_code);
		q->nof_code = xcalloc(cq->nvalues ? cq->nvalues : 1, sizeof *q->nof_code);
		for (size_t k = 0; k < cq->nvalues; k++) {
			const char *raw = cq->raw[k] ? cq->raw[k] : "";
			const char *sep = option_separator(cq, raw);
			q->multi |= sep != NULL;
			for (const char *p = raw;;) {
				const char *end = sep ? strstr(p, sep) : NULL;
				size_t len = end ? (size_t)(end - p) : strlen(p);
				if (len) {
					q->of_code[k] = xrealloc(q->of_code[k], (q->nof_code[k] + 1) * sizeof **q->of_code);
					q->of_code[k][q->nof_code[k]++] = closed_option(q, p, len);
				}
				if (!end)
					break;
				p = end + strlen(sep);
			}
		}
	}
	for (size_t i = 0; i < r->nclosed; i++) {
		r->closed[i].offset = r->tally_len;
		r->tally_len += 1 + r->closed[i].noptions;
	}
}

void weight_free(struct run *r)
{
	for (size_t i = 0; i < r->nclosed; i++) {
		struct closed *q = &r->closed[i];
		for (size_t k = 0; k < q->noptions; k++)
			free(q->options[k]);
		free(q->options);
		for (size_t k = 0; k < q->nvalues; k++)
			free(q->of_code[k]);
		free(q->of_code);
		free(q->nof_code);
		free(q->text);
	}
	free(r->closed);
	for (size_t i = 0; i < r->ncells; i++)
		free(r->cells[i].tally);
	free(r->cells);
}

struct cell *weight_cell(struct run *r, const int *levels)
{
	for (size_t i = 0; i < r->ncells; i++)
		if (memcmp(r->cells[i].key, levels, sizeof r->cells[i].key) == 0)
			return &r->cells[i];
	r->cells = xrealloc(r->cells, (r->ncells + 1) * sizeof *r->cells);
	struct cell *c = &r->cells[r->ncells++];
	memcpy(c->key, levels, sizeof c->key);
	c->n = 0;
	c->tally = xcalloc(r->tally_len ? r->tally_len : 1, sizeof *c->tally);
	return c;
}

void weight_count_answer(struct run *r, struct cell *c, size_t q, uint32_t code, double n)
{
	const struct closed *cq = &r->closed[q];
	if (!code || code > cq->nvalues)
		return;
	c->tally[cq->offset] += n;
	for (size_t k = 0; k < cq->nof_code[code - 1]; k++)
		c->tally[cq->offset + 1 + cq->of_code[code - 1][k]] += n;
}

/* ---- weighting: raking the cells, weighing the closed questions ---- */

/* The category of D an answered age interval falls in once clipped to the eligible age, or -1. */
static int age_category(const struct compare_dimension *d, const struct interval *iv, int min_age)
{
	if (iv->hi >= 0 && iv->hi < min_age)
		return -1;
	int lo = iv->lo < min_age ? min_age : iv->lo;
	for (size_t k = 0; k < d->ncats; k++)
		if (d->cats[k].age_min <= lo && (d->cats[k].age_max < 0 || lo <= d->cats[k].age_max))
			return (int)k;
	return -1;
}

static int by_weighted_count(const void *a, const void *b)
{
	const struct compare_answer *x = a, *y = b;
	return (x->n < y->n) - (x->n > y->n);
}

/* One margin as raked: its census categories grouped, and a level for the not known. */
struct margin {
	const struct compare_dimension *d;
	int is_age;
	int *group;             /* per category: its group (a category index until numbered), -1 not known */
	size_t ngroups;         /* after renumbering: levels 0 .. ngroups-1 known, ngroups not known */
	double not_known;       /* respondents */
	double *targets;
};

/* Respondents in group G of M, over the cells' categories CAT (cell i's category on this margin). */
static double group_respondents(const struct margin *mg, const int *cat, const struct cell *cells, size_t ncells, int g)
{
	double n = 0;
	for (size_t i = 0; i < ncells; i++)
		if (cat[i] >= 0 && mg->group[cat[i]] == g)
			n += cells[i].n;
	return n;
}

/* Moves every category of group FROM into group TO. */
static void merge_group(struct margin *mg, int from, int to)
{
	for (size_t k = 0; k < mg->d->ncats; k++)
		if (mg->group[k] == from)
			mg->group[k] = to;
}

/* The live groups of M in category order (a group's id is its first category), into IDS; returns how many. */
static size_t live_groups(const struct margin *mg, int *ids)
{
	size_t n = 0;
	for (size_t k = 0; k < mg->d->ncats; k++)
		if (mg->group[k] == (int)k)
			ids[n++] = (int)k;
	return n;
}

/*
 * Merges M's groups with fewer than POLICY_WEIGHT_MIN_RESPONDENTS: an age
 * band with its neighbour of fewer respondents (the younger on a tie),
 * again until none is short; other categories pooled together, the pool
 * joined to the smallest other group if still short.
 */
static void collapse_margin(struct margin *mg, const int *cat, const struct cell *cells, size_t ncells)
{
	size_t ncats = mg->d->ncats;
	int *ids = xcalloc(ncats ? ncats : 1, sizeof *ids);
	for (;;) {
		size_t n = live_groups(mg, ids), small = 0;
		double least = INFINITY;
		if (n < 2)
			break;
		for (size_t j = 0; j < n; j++) {
			double r = group_respondents(mg, cat, cells, ncells, ids[j]);
			if (r < least)
				least = r, small = j;
		}
		if (least >= POLICY_WEIGHT_MIN_RESPONDENTS)
			break;
		if (mg->is_age) {
			size_t other = small == 0 ? 1 : small - 1;
			if (small > 0 && small + 1 < n &&
			    group_respondents(mg, cat, cells, ncells, ids[small + 1]) <
			    group_respondents(mg, cat, cells, ncells, ids[small - 1]))
				other = small + 1;
			int lo = ids[small < other ? small : other], hi = ids[small < other ? other : small];
			merge_group(mg, hi, lo);
			continue;
		}
		int pool = -1;
		for (size_t j = 0; j < n; j++)
			if (group_respondents(mg, cat, cells, ncells, ids[j]) < POLICY_WEIGHT_MIN_RESPONDENTS) {
				if (pool < 0)
					pool = ids[j];
				else
					merge_group(mg, ids[j], pool);
			}
		if (group_respondents(mg, cat, cells, ncells, pool) < POLICY_WEIGHT_MIN_RESPONDENTS) {
			int into = -1;
			double fewest = INFINITY;
			n = live_groups(mg, ids);
			for (size_t j = 0; j < n; j++) {
				double r = group_respondents(mg, cat, cells, ncells, ids[j]);
				if (ids[j] != pool && r < fewest)
					fewest = r, into = ids[j];
			}
			if (into >= 0)
				merge_group(mg, into < pool ? pool : into, into < pool ? into : pool);
		}
		break;
	}
	free(ids);
}


/* Notes every group of MG that holds more than one category; then numbers the groups 0, 1, … */
static void settle_margin(struct compare_weights *cw, struct margin *mg, const int *cat, const struct cell *cells,
    size_t ncells)
{
	const struct compare_dimension *d = mg->d;
	int *ids = xcalloc(d->ncats ? d->ncats : 1, sizeof *ids);
	size_t n = live_groups(mg, ids);
	struct buf text = { 0 };
	for (size_t j = 0; j < n; j++) {
		size_t members = 0;
		for (size_t k = 0; k < d->ncats; k++)
			members += mg->group[k] == ids[j];
		if (members < 2)
			continue;
		buf_printf(&text, "%s", text.len ? "; " : "");
		for (size_t k = 0, m = 0; k < d->ncats; k++)
			if (mg->group[k] == ids[j])
				buf_printf(&text, "%s%s", m++ ? (m == members ? " and " : ", ") : "", d->cats[k].label);
		buf_printf(&text, " (%.0f)", group_respondents(mg, cat, cells, ncells, ids[j]));
	}
	if (text.len)
		compare_note(&cw->notes, &cw->nnotes, "%s weighted as one group: %s; %s", d->name, text.data,
		    mg->is_age ? "an age band with fewer than " POLICY_TEXT(POLICY_WEIGHT_MIN_RESPONDENTS)
				 " respondents joins its neighbour with fewer"
			       : "categories with fewer than " POLICY_TEXT(POLICY_WEIGHT_MIN_RESPONDENTS)
				 " respondents are pooled (with the smallest other if still short)");
	free(text.data);
	for (size_t k = 0; k < d->ncats; k++)
		for (size_t j = 0; j < n; j++)
			if (mg->group[k] == ids[j]) {
				mg->group[k] = (int)j;
				break;
			}
	mg->ngroups = n;
	free(ids);
}

/* Weighs closed question Q over the raked cells: raw and weighted on the same base, those answering. */
static void weigh_question(struct run *r, struct compare_weights *cw, const struct closed *q, const long *levels,
    const size_t *nlevels, size_t nm, const double *weights)
{
	const struct cell *cells = r->cells;
	size_t ncells = r->ncells;
	double confidence = r->c->confidence;
	cw->questions = xrealloc(cw->questions, (cw->nquestions + 1) * sizeof *cw->questions);
	struct compare_question *cq = &cw->questions[cw->nquestions++];
	cq->text = xstrdup(q->text);
	cq->multi = q->multi;
	cq->answered = 0;
	cq->nanswers = q->noptions;
	cq->answers = xcalloc(q->noptions ? q->noptions : 1, sizeof *cq->answers);
	double *counts = xcalloc(3 * ncells + 1, sizeof *counts), *answered = counts + ncells, *gave = answered + ncells;
	for (size_t i = 0; i < ncells; i++) {
		counts[i] = cells[i].n;
		answered[i] = cells[i].tally[q->offset];
		cq->answered += answered[i];
	}
	for (size_t o = 0; o < q->noptions; o++) {
		struct compare_answer *a = &cq->answers[o];
		a->text = xstrdup(q->options[o]);
		for (size_t i = 0; i < ncells; i++) {
			gave[i] = cells[i].tally[q->offset + 1 + o];
			a->n += gave[i];
		}
		compare_stats_check(r, stats_wilson(a->n, cq->answered, confidence, &a->raw),
		    "the share answering \"%.60s\" to \"%.60s\"", a->text, q->text);
		compare_stats_check(r, stats_calibrated_proportion(counts, levels, ncells, nlevels, nm, weights, answered, gave,
		    confidence, &a->weighted), "the weighted share answering \"%.60s\" to \"%.60s\"", a->text, q->text);
	}
	qsort(cq->answers, cq->nanswers, sizeof *cq->answers, by_weighted_count);
	free(counts);
}

/* The category on margin M of cell I, or -1 when not known (unanswered, declined, or no census figure). */
static int cell_category(struct run *r, const struct margin *mg, int which, size_t i)
{
	int key = r->cells[i].key[which], k = key;
	if (key >= 0 && mg->is_age)
		k = age_category(mg->d, &compare_tally(r, "age")->ages[key], r->c->min_age);
	return k >= 0 && mg->group[k] >= 0 ? k : -1;
}

/* Rakes every respondent to the census margins held and weighs every closed question. */
void weight_run(struct run *r)
{
	struct compare *c = r->c;
	struct margin mgs[WEIGHT_MARGINS];
	size_t nm = 0, ncells = r->ncells;
	int which[WEIGHT_MARGINS];
	for (int m = 0; m < WEIGHT_MARGINS; m++) {
		const struct compare_dimension *d = NULL;
		for (size_t i = 0; i < c->ndims && !d; i++)
			if (strcmp(c->dims[i].name, weight_margin_names[m]) == 0)
				d = &c->dims[i];
		if (d && d->compared)
			mgs[nm] = (struct margin){ .d = d, .is_age = m == 0 }, which[nm++] = m;
	}
	if (nm == 0 || ncells == 0) {
		compare_note(&c->notes, &c->nnotes, "no census margins (age, sex, ethnic group) to weight to: not weighted");
		return;
	}
	struct compare_weights *cw = xcalloc(1, sizeof *cw);
	struct buf names = { 0 }, unknown = { 0 };
	struct stats_margin margins[WEIGHT_MARGINS];
	size_t nlevels[WEIGHT_MARGINS];
	long *levels = xcalloc(ncells * nm, sizeof *levels);
	int *cat = xcalloc(ncells, sizeof *cat);
	double *counts = xcalloc(ncells, sizeof *counts), *weights = xcalloc(ncells, sizeof *weights);
	double respondents = 0, total = 0;
	for (size_t i = 0; i < ncells; i++)
		respondents += counts[i] = r->cells[i].n;
	for (size_t m = 0; m < nm; m++) {
		struct margin *mg = &mgs[m];
		const struct compare_dimension *d = mg->d;
		double census = 0;
		mg->group = xcalloc(d->ncats ? d->ncats : 1, sizeof *mg->group);
		for (size_t k = 0; k < d->ncats; k++)
			mg->group[k] = d->cats[k].population > 0 ? (int)k : -1;
		for (size_t i = 0; i < ncells; i++)
			cat[i] = cell_category(r, mg, which[m], i);
		collapse_margin(mg, cat, r->cells, ncells);
		settle_margin(cw, mg, cat, r->cells, ncells);
		mg->targets = xcalloc(mg->ngroups + 1, sizeof *mg->targets);
		for (size_t k = 0; k < d->ncats; k++)
			if (mg->group[k] >= 0)
				mg->targets[mg->group[k]] += d->cats[k].population, census += d->cats[k].population;
		if (m == 0)
			total = census;
		for (size_t i = 0; i < ncells; i++) {
			levels[i * nm + m] = cat[i] >= 0 ? mg->group[cat[i]] : (long)mg->ngroups;
			mg->not_known += cat[i] >= 0 ? 0 : counts[i];
		}
		double share = mg->not_known / respondents;
		for (size_t g = 0; g < mg->ngroups; g++)
			mg->targets[g] *= census > 0 ? total * (1 - share) / census : 0;
		mg->targets[mg->ngroups] = total * share;
		nlevels[m] = mg->ngroups + (mg->not_known > 0);
		margins[m] = (struct stats_margin){ nlevels[m], mg->targets };
		buf_printf(&names, "%s%s", m ? ", " : "", d->name);
		if (mg->not_known > 0)
			buf_printf(&unknown, "%s%s %.0f (%.1f%%)", unknown.len ? ", " : "", d->name, mg->not_known, 100 * share);
	}
	if (unknown.len)
		compare_note(&cw->notes, &cw->nnotes, "not known (unanswered, declined, or no census figure), raked as a group of their own "
				 "to their share of respondents: %s", unknown.data);
	struct stats_rake_options opts = stats_rake_defaults();
	if (r->o->weight_cap != 0)
		opts.cap = r->o->weight_cap > 0 ? r->o->weight_cap : 0;
	/* Not converging is an answer, reported through cw->result.converged; other statuses are failures. */
	int raked = stats_rake(counts, levels, ncells, margins, nm, &opts, weights, &cw->result);
	if (raked != STATS_NOCONVERGE)
		compare_stats_check(r, raked, "the raking to %s", names.data);
	cw->margins = names.data;
	cw->cap = opts.cap;
	for (size_t i = 0; i < ncells; i++)
		cw->raked += weights[i] > 0 ? counts[i] : 0;
	for (size_t q = 0; q < r->nclosed; q++)
		weigh_question(r, cw, &r->closed[q], levels, nlevels, nm, weights);
	c->weights = cw;
	for (size_t m = 0; m < nm; m++) {
		free(mgs[m].group);
		free(mgs[m].targets);
	}
	free(unknown.data);
	free(levels);
	free(cat);
	free(counts);
	free(weights);
}
