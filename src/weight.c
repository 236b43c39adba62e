/*
 * weight.c — weighting (compare_options.weighted): notes the consultation's
 * closed questions, groups respondents into cells alike on age, sex and
 * ethnic group, rakes the cells to the census margins and weighs each closed
 * question's answers. See weight.h.
 */
#include "weight.h"

#include <math.h>
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

/* Adds the response to its cell: one more respondent, and its closed answers. */
void weight_collect(struct run *r, const int *levels, const struct block_response *resp)
{
	struct cell *c = NULL;
	for (size_t i = 0; i < r->ncells && !c; i++)
		if (memcmp(r->cells[i].key, levels, sizeof r->cells[i].key) == 0)
			c = &r->cells[i];
	if (!c) {
		r->cells = xrealloc(r->cells, (r->ncells + 1) * sizeof *r->cells);
		c = &r->cells[r->ncells++];
		memcpy(c->key, levels, sizeof c->key);
		c->n = 0;
		c->tally = xcalloc(r->tally_len ? r->tally_len : 1, sizeof *c->tally);
	}
	c->n++;
	for (size_t i = 0; i < r->nclosed; i++) {
		const struct closed *q = &r->closed[i];
		uint32_t code = resp->codes[q->slot];
		if (!code)
			continue;
		c->tally[q->offset]++;
		for (size_t k = 0; k < q->nof_code[code - 1]; k++)
			c->tally[q->offset + 1 + q->of_code[code - 1][k]]++;
	}
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

static void weigh_question(struct run *r, struct compare_weights *cw, const struct closed *q, const double *weights)
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
	double *w = xcalloc(2 * ncells + 1, sizeof *w), *n = xcalloc(2 * ncells + 1, sizeof *n);
	double *y = xcalloc(2 * ncells + 1, sizeof *y);
	for (size_t i = 0; i < ncells; i++)
		cq->answered += cells[i].tally[q->offset];
	for (size_t o = 0; o < q->noptions; o++) {
		struct compare_answer *a = &cq->answers[o];
		size_t rows = 0;
		a->text = xstrdup(q->options[o]);
		for (size_t i = 0; i < ncells; i++) {
			double answered = cells[i].tally[q->offset], gave = cells[i].tally[q->offset + 1 + o];
			a->n += gave;
			if (answered <= 0 || weights[i] <= 0)
				continue;       /* not raked: left out of the weighted share, as R's rake leaves them */
			w[rows] = weights[i], n[rows] = gave, y[rows++] = 1;
			w[rows] = weights[i], n[rows] = answered - gave, y[rows++] = 0;
		}
		compare_stats_check(r, stats_wilson(a->n, cq->answered, confidence, &a->raw),
		    "the share answering \"%.60s\" to \"%.60s\"", a->text, q->text);
		compare_stats_check(r, stats_weighted_proportion(w, n, y, rows, confidence, &a->weighted),
		    "the weighted share answering \"%.60s\" to \"%.60s\"", a->text, q->text);
	}
	qsort(cq->answers, cq->nanswers, sizeof *cq->answers, by_weighted_count);
	free(w);
	free(n);
	free(y);
}

/* Rakes the respondents to the census margins held and weighs every closed question. */
void weight_run(struct run *r)
{
	struct compare *c = r->c;
	const struct compare_dimension *dims[WEIGHT_MARGINS];
	size_t nm = 0;
	int which[WEIGHT_MARGINS];
	for (int m = 0; m < WEIGHT_MARGINS; m++) {
		const struct compare_dimension *d = NULL;
		for (size_t i = 0; i < c->ndims && !d; i++)
			if (strcmp(c->dims[i].name, weight_margin_names[m]) == 0)
				d = &c->dims[i];
		if (d && d->compared)
			dims[nm] = d, which[nm++] = m;
	}
	if (nm == 0 || r->ncells == 0) {
		compare_note(&c->notes, &c->nnotes, "no census margins (age, sex, ethnic group) to weight to: not weighted");
		return;
	}
	struct compare_weights *cw = xcalloc(1, sizeof *cw);
	struct buf names = { 0 };
	struct stats_margin margins[WEIGHT_MARGINS];
	double *targets[WEIGHT_MARGINS];
	int *compact[WEIGHT_MARGINS];
	for (size_t m = 0; m < nm; m++) {
		const struct compare_dimension *d = dims[m];
		size_t levels = 0;
		targets[m] = xcalloc(d->ncats ? d->ncats : 1, sizeof *targets[m]);
		compact[m] = xcalloc(d->ncats ? d->ncats : 1, sizeof *compact[m]);
		for (size_t k = 0; k < d->ncats; k++) {
			compact[m][k] = isnan(d->cats[k].population) ? -1 : (int)levels;
			if (!isnan(d->cats[k].population))
				targets[m][levels++] = d->cats[k].population;
		}
		margins[m] = (struct stats_margin){ levels, targets[m] };
		buf_printf(&names, "%s%s", m ? ", " : "", d->name);
	}
	long *levels = xcalloc(r->ncells * nm, sizeof *levels);
	double *counts = xcalloc(r->ncells, sizeof *counts), *weights = xcalloc(r->ncells, sizeof *weights);
	const struct tally *ages = compare_tally(r, "age");
	for (size_t i = 0; i < r->ncells; i++) {
		counts[i] = r->cells[i].n;
		for (size_t m = 0; m < nm; m++) {
			int key = r->cells[i].key[which[m]], k = key;
			if (key >= 0 && which[m] == 0)
				k = age_category(dims[m], &ages->ages[key], c->min_age);
			levels[i * nm + m] = k >= 0 ? compact[m][k] : -1;
		}
	}
	struct stats_rake_options opts = stats_rake_defaults();
	if (r->o->weight_cap != 0)
		opts.cap = r->o->weight_cap > 0 ? r->o->weight_cap : 0;
	/* Not converging is an answer, reported through cw->result.converged; other statuses are failures. */
	int raked = stats_rake(counts, levels, r->ncells, margins, nm, &opts, weights, &cw->result);
	if (raked != STATS_NOCONVERGE)
		compare_stats_check(r, raked, "the raking to %s", names.data);
	cw->margins = names.data;
	cw->cap = opts.cap;
	cw->excluded = cw->result.excluded;
	for (size_t i = 0; i < r->ncells; i++)
		cw->raked += weights[i] > 0 ? r->cells[i].n : 0;
	for (size_t q = 0; q < r->nclosed; q++)
		weigh_question(r, cw, &r->closed[q], weights);
	c->weights = cw;
	for (size_t m = 0; m < nm; m++) {
		free(targets[m]);
		free(compact[m]);
	}
	free(levels);
	free(counts);
	free(weights);
}
