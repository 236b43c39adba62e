/*
 * stats_weight.c — weighting respondents to census margins: raking (bounded
 * calibration), Kish's design effect, and weighted shares with their
 * linearisation standard errors. Part of the statistics module (stats.h).
 * Pure: no I/O.
 */
#include "stats.h"

#include <math.h>
#include <stdlib.h>

#include <gsl/gsl_cdf.h>

#include "stats_private.h"

struct stats_rake_options stats_rake_defaults(void)
{
	struct stats_rake_options o = { 1e-10, 2000, STATS_WEIGHT_CAP_DEFAULT };
	return o;
}

int stats_kish(const double *weights, const double *counts, size_t n,
    double *design_effect, double *effective_n)
{
	if (design_effect)
		*design_effect = NAN;
	if (effective_n)
		*effective_n = NAN;
	if (!weights && n > 0)
		return STATS_EINVAL;

	double m = 0.0, sum = 0.0, sum_sq = 0.0;
	for (size_t i = 0; i < n; i++) {
		double c = counts ? counts[i] : 1.0, w = weights[i];
		if (!valid_count(w) || !valid_count(c))
			return STATS_EINVAL;
		if (w > 0.0) {
			m += c;
			sum += c * w;
			sum_sq += c * w * w;
		}
	}
	if (effective_n)
		*effective_n = sum > 0.0 ? sum * sum / sum_sq : 0.0;
	if (design_effect && sum > 0.0)
		*design_effect = m * sum_sq / (sum * sum);
	return STATS_OK;
}

/*
 * The raking problem after the rules of stats_rake are applied: each cell's
 * level on each margin, the targets of all margins laid end to end
 * (offset[m] is where margin m starts), and which cells take part.
 */
struct rake {
	const double *counts;
	const long *levels;
	size_t n_cells, n_margins;
	const struct stats_margin *margins;
	size_t *offset;
	double *target;         /* adjusted targets; 0 for a dropped level */
	double *sum;            /* workspace: weighted count per level */
	unsigned char *in;      /* cell takes part */
	unsigned char *capped;  /* workspace: cell held at the cap (rake_level) */
};

static size_t level_of(const struct rake *r, size_t c, size_t m)
{
	return r->offset[m] + (size_t)r->levels[c * r->n_margins + m];
}

/* Weighted counts per level of margin m into r->sum. */
static void rake_sums(struct rake *r, size_t m, const double *w)
{
	for (size_t l = 0; l < r->margins[m].n_levels; l++)
		r->sum[r->offset[m] + l] = 0.0;
	for (size_t c = 0; c < r->n_cells; c++)
		if (r->in[c])
			r->sum[level_of(r, c, m)] += r->counts[c] * w[c];
}

/* Largest relative error over all margins' levels with a target. */
static double rake_error(struct rake *r, const double *w)
{
	double worst = 0.0;
	for (size_t m = 0; m < r->n_margins; m++) {
		rake_sums(r, m, w);
		for (size_t l = 0; l < r->margins[m].n_levels; l++) {
			double t = r->target[r->offset[m] + l];
			if (t > 0.0)
				worst = fmax(worst, fabs(r->sum[r->offset[m] + l] - t) / t);
		}
	}
	return worst;
}

/* Mean weight per respondent and the largest weight, over cells taking part. */
static void rake_weight_range(const struct rake *r, const double *w,
    double *mean, double *max)
{
	double n = 0.0, total = 0.0, top = 0.0;
	for (size_t c = 0; c < r->n_cells; c++) {
		if (!r->in[c])
			continue;
		n += r->counts[c];
		total += r->counts[c] * w[c];
		top = fmax(top, w[c]);
	}
	*mean = total / n;
	*max = top;
}

/*
 * Rules 1 to 3 of stats_rake: which cells take part, which levels are
 * dropped, and the scaled targets. Returns the respondents taking part.
 */
static double rake_prepare(struct rake *r, double *w, struct stats_rake_result *res)
{
	double taking_part = 0.0;
	for (size_t c = 0; c < r->n_cells; c++) {
		int in = r->counts[c] > 0.0;
		for (size_t m = 0; m < r->n_margins && in; m++)
			in = r->levels[c * r->n_margins + m] >= 0 && r->target[level_of(r, c, m)] > 0.0;
		r->in[c] = (unsigned char)in;
		w[c] = in ? 1.0 : 0.0;
		if (in)
			taking_part += r->counts[c];
		else
			res->excluded += r->counts[c];
	}
	if (taking_part == 0.0)
		return 0.0;

	double first_total = 0.0;
	for (size_t m = 0; m < r->n_margins; m++) {
		size_t o = r->offset[m], k = r->margins[m].n_levels;
		double total = 0.0, kept = 0.0;
		rake_sums(r, m, w);
		for (size_t l = 0; l < k; l++) {
			total += r->target[o + l];
			if (r->target[o + l] > 0.0 && r->sum[o + l] == 0.0) {
				r->target[o + l] = 0.0;
				res->dropped_levels++;
			}
			kept += r->target[o + l];
		}
		if (m == 0)
			first_total = total;
		for (size_t l = 0; l < k; l++)
			r->target[o + l] *= first_total / kept;
	}
	return taking_part;
}

/*
 * Scales level L (of the cells in it, log-multipliers LOG_W) to its target
 * with every weight clamped to at most CAP (INFINITY: none): finds the shift
 * d with sum counts * min(exp(log_w + d), cap) = target by an active set
 * that only grows (each pass caps the cells past the cap and solves the
 * rest exactly). Returns 0 when no shift reaches the target (all capped).
 */
static int rake_level(struct rake *r, size_t m, size_t l, double *log_w, double cap)
{
	double target = r->target[r->offset[m] + l];
	unsigned char *capped = r->capped;
	if (target <= 0.0)
		return 1;
	for (size_t c = 0; c < r->n_cells; c++)
		capped[c] = 0;
	for (;;) {
		double fixed = 0.0, free_sum = 0.0, d;
		for (size_t c = 0; c < r->n_cells; c++) {
			if (!r->in[c] || (size_t)r->levels[c * r->n_margins + m] != l)
				continue;
			if (capped[c])
				fixed += r->counts[c] * cap;
			else
				free_sum += r->counts[c] * exp(log_w[c]);
		}
		if (!(target - fixed > 0.0) || free_sum <= 0.0)
			return 0;
		d = log((target - fixed) / free_sum);
		int more = 0;
		for (size_t c = 0; c < r->n_cells; c++) {
			if (!r->in[c] || (size_t)r->levels[c * r->n_margins + m] != l || capped[c])
				continue;
			if (exp(log_w[c] + d) > cap)
				capped[c] = 1, more = 1;
		}
		if (!more) {
			for (size_t c = 0; c < r->n_cells; c++)
				if (r->in[c] && (size_t)r->levels[c * r->n_margins + m] == l)
					log_w[c] += d;
			return 1;
		}
	}
}

/* The weights of the log-multipliers LOG_W, each clamped to at most CAP. */
static void rake_clamp(const struct rake *r, const double *log_w, double cap, double *w)
{
	for (size_t c = 0; c < r->n_cells; c++)
		w[c] = r->in[c] ? fmin(exp(log_w[c]), cap) : 0.0;
}

/*
 * Step 4 of stats_rake, on prepared cells, from log-multipliers LOG_W (each
 * weight exp(log_w) clamped to CAP): sweeps until the margins are met.
 * Returns 1 if they are, 0 if the sweeps run out or a level cannot be met.
 */
static int rake_run(struct rake *r, double *log_w, double cap, double *w, const struct stats_rake_options *opt,
    struct stats_rake_result *res)
{
	double error = INFINITY;
	int feasible = 1;
	while (feasible && res->iterations < opt->max_iterations) {
		for (size_t m = 0; m < r->n_margins && feasible; m++)
			for (size_t l = 0; l < r->margins[m].n_levels && feasible; l++)
				feasible = rake_level(r, m, l, log_w, cap);
		res->iterations++;
		rake_clamp(r, log_w, cap, w);
		error = rake_error(r, w);
		if (error < opt->tolerance)
			break;
	}
	res->max_margin_error = error;
	return feasible && error < opt->tolerance;
}

/* Checks the arguments of stats_rake; returns the number of levels in all. */
static int rake_check(const double *counts, const long *levels, size_t n_cells,
    const struct stats_margin *margins, size_t n_margins, size_t *n_levels)
{
	if (!margins || n_margins == 0 || (n_cells > 0 && (!counts || !levels)))
		return STATS_EINVAL;
	size_t total = 0;
	for (size_t m = 0; m < n_margins; m++) {
		if (margins[m].n_levels == 0 || !margins[m].targets)
			return STATS_EINVAL;
		for (size_t l = 0; l < margins[m].n_levels; l++)
			if (!valid_count(margins[m].targets[l]))
				return STATS_EINVAL;
		total += margins[m].n_levels;
	}
	for (size_t c = 0; c < n_cells; c++) {
		if (!valid_count(counts[c]))
			return STATS_EINVAL;
		for (size_t m = 0; m < n_margins; m++) {
			long l = levels[c * n_margins + m];
			if (l >= 0 && (unsigned long)l >= margins[m].n_levels)
				return STATS_EINVAL;
		}
	}
	*n_levels = total;
	return STATS_OK;
}

int stats_rake(const double *counts, const long *levels, size_t n_cells,
    const struct stats_margin *margins, size_t n_margins,
    const struct stats_rake_options *options, double *weights,
    struct stats_rake_result *result)
{
	struct stats_rake_result scratch;
	struct stats_rake_result *res = result ? result : &scratch;
	struct stats_rake_options opt = options ? *options : stats_rake_defaults();
	size_t n_levels = 0;

	res->converged = 0;
	res->iterations = 0;
	res->max_margin_error = res->max_weight_ratio = NAN;
	res->excluded = 0.0;
	res->dropped_levels = 0;
	res->design_effect = res->effective_n = NAN;
	if (!weights && n_cells > 0)
		return STATS_EINVAL;
	if (rake_check(counts, levels, n_cells, margins, n_margins, &n_levels) != STATS_OK)
		return STATS_EINVAL;

	struct rake r = { counts, levels, n_cells, n_margins, margins, NULL, NULL, NULL, NULL, NULL };
	double *log_w = malloc((n_cells ? n_cells : 1) * sizeof *log_w);
	r.offset = malloc(n_margins * sizeof *r.offset);
	r.target = malloc(2 * n_levels * sizeof *r.target);
	r.in = malloc(2 * (n_cells ? n_cells : 1));
	if (!log_w || !r.offset || !r.target || !r.in) {
		free(log_w);
		free(r.offset);
		free(r.target);
		free(r.in);
		return STATS_ENOMEM;
	}
	r.capped = r.in + (n_cells ? n_cells : 1);
	r.sum = r.target + n_levels;
	for (size_t m = 0, o = 0; m < n_margins; m++) {
		r.offset[m] = o;
		for (size_t l = 0; l < margins[m].n_levels; l++)
			r.target[o + l] = margins[m].targets[l];
		o += margins[m].n_levels;
	}

	int rc = STATS_OK;
	double taking_part = rake_prepare(&r, weights, res);
	if (taking_part > 0.0) {
		double total = 0.0, mean, max;
		for (size_t l = 0; l < r.margins[0].n_levels; l++)
			total += r.target[l];
		double start = log(total / taking_part), cap = opt.cap > 0.0 ? opt.cap * total / taking_part : INFINITY;
		for (size_t c = 0; c < n_cells; c++)
			log_w[c] = start;
		res->converged = rake_run(&r, log_w, cap, weights, &opt, res);
		if (!res->converged && isfinite(cap)) {
			/* the cap cannot be kept: rake without it, so the margins at least are met */
			int used = res->iterations;
			for (size_t c = 0; c < n_cells; c++)
				log_w[c] = start;
			res->iterations = 0;
			rake_run(&r, log_w, INFINITY, weights, &opt, res);
			res->iterations += used;
		}
		rake_weight_range(&r, weights, &mean, &max);
		res->max_weight_ratio = max / mean;
		rc = stats_kish(weights, counts, n_cells, &res->design_effect, &res->effective_n);
	} else {
		res->effective_n = 0.0;
	}
	free(log_w);
	free(r.offset);
	free(r.target);
	free(r.in);
	if (rc != STATS_OK)
		return rc;
	return res->converged ? STATS_OK : STATS_NOCONVERGE;
}

static void weighted_nan(struct stats_weighted *out)
{
	out->estimate = out->lower = out->upper = out->se = out->effective_n = NAN;
	out->n = NAN;
}

int stats_weighted_proportion(const double *weights, const double *counts,
    const double *y, size_t n, double confidence, struct stats_weighted *out)
{
	if (!out)
		return STATS_EINVAL;
	weighted_nan(out);
	if (((!weights || !y) && n > 0) || !valid_confidence(confidence))
		return STATS_EINVAL;

	double respondents = 0.0, sum_w = 0.0, sum_wy = 0.0, sum_w2 = 0.0;
	for (size_t i = 0; i < n; i++) {
		double c = counts ? counts[i] : 1.0, w = weights[i];
		if (!valid_count(w) || !valid_count(c) ||
		    (!isnan(y[i]) && !(y[i] >= 0.0 && y[i] <= 1.0)))
			return STATS_EINVAL;
		respondents += c;
		if (isnan(y[i]))
			continue;
		sum_w += c * w;
		sum_wy += c * w * y[i];
		sum_w2 += c * w * w;
	}
	out->n = respondents;
	if (!(sum_w > 0.0))
		return STATS_OK;

	double p = fmin(1.0, sum_wy / sum_w);
	double n_eff = sum_w * sum_w / sum_w2;
	struct stats_interval ci;
	int rc = stats_wilson(fmin(n_eff, p * n_eff), n_eff, confidence, &ci);
	if (rc != STATS_OK)
		return rc;
	out->estimate = p;
	out->lower = ci.lower;
	out->upper = ci.upper;
	out->effective_n = n_eff;

	double sum_z2 = 0.0;
	for (size_t i = 0; i < n; i++) {
		if (isnan(y[i]))
			continue;
		double z = weights[i] * (y[i] - p) / sum_w;
		sum_z2 += (counts ? counts[i] : 1.0) * z * z;
	}
	out->se = respondents > 1.0 ? sqrt(respondents / (respondents - 1.0) * sum_z2) : NAN;
	return STATS_OK;
}

/*
 * The least-squares fit, per cell, of cell sums U[c] (of counts[c] values)
 * on the level indicators of every margin, into FIT (per respondent): by
 * backfitting, each margin's level means of the residual taken out in turn
 * until nothing is left to take (the projection onto the sum of the
 * margins' spans, rank-deficient or not). OFFSET[m] is where margin m's
 * levels start in BETA (workspace of all levels).
 */
static void calibration_fit(const double *counts, const long *levels, size_t n_cells, const size_t *n_levels,
    size_t n_margins, const size_t *offset, const double *weights, const double *u, double *beta,
    double *sums, double *fit)
{
	size_t all = offset[n_margins - 1] + n_levels[n_margins - 1];
	double scale = 0.0;
	for (size_t c = 0; c < n_cells; c++) {
		fit[c] = 0.0;
		if (weights[c] > 0.0 && counts[c] > 0.0)
			scale = fmax(scale, fabs(u[c] / counts[c]));
	}
	for (size_t l = 0; l < all; l++)
		beta[l] = 0.0;
	for (int sweep = 0; sweep < 100000; sweep++) {
		double moved = 0.0;
		for (size_t m = 0; m < n_margins; m++) {
			double *r = sums, *n = sums + all;
			for (size_t l = 0; l < n_levels[m]; l++)
				r[l] = n[l] = 0.0;
			for (size_t c = 0; c < n_cells; c++) {
				if (!(weights[c] > 0.0))
					continue;
				size_t l = (size_t)levels[c * n_margins + m];
				r[l] += u[c] - counts[c] * fit[c];
				n[l] += counts[c];
			}
			for (size_t l = 0; l < n_levels[m]; l++)
				r[l] = n[l] > 0.0 ? r[l] / n[l] : 0.0;
			for (size_t c = 0; c < n_cells; c++)
				if (weights[c] > 0.0)
					fit[c] += r[(size_t)levels[c * n_margins + m]];
			for (size_t l = 0; l < n_levels[m]; l++) {
				beta[offset[m] + l] += r[l];
				moved = fmax(moved, fabs(r[l]));
			}
		}
		if (!(moved > 1e-15 * scale))
			break;
	}
}

int stats_calibrated_proportion(const double *counts, const long *levels, size_t n_cells,
    const size_t *n_levels, size_t n_margins, const double *weights, const double *answered,
    const double *gave, double confidence, struct stats_weighted *out)
{
	if (!out)
		return STATS_EINVAL;
	weighted_nan(out);
	if ((n_cells > 0 && (!counts || !levels || !weights || !answered || !gave)) || !n_levels ||
	    n_margins == 0 || !valid_confidence(confidence))
		return STATS_EINVAL;
	double respondents = 0.0, sum_w = 0.0, sum_wy = 0.0, sum_w2 = 0.0;
	for (size_t c = 0; c < n_cells; c++) {
		if (!valid_count(counts[c]) || !valid_count(weights[c]) || !valid_count(answered[c]) ||
		    !valid_count(gave[c]) || gave[c] > answered[c] || answered[c] > counts[c])
			return STATS_EINVAL;
		for (size_t m = 0; m < n_margins; m++)
			if (levels[c * n_margins + m] < 0 || (size_t)levels[c * n_margins + m] >= n_levels[m])
				return STATS_EINVAL;
		if (!(weights[c] > 0.0))
			continue;
		respondents += counts[c];
		sum_w += answered[c] * weights[c];
		sum_wy += gave[c] * weights[c];
		sum_w2 += answered[c] * weights[c] * weights[c];
	}
	out->n = respondents;
	if (!(sum_w > 0.0))
		return STATS_OK;
	double p = fmin(1.0, sum_wy / sum_w);
	out->estimate = p;
	out->effective_n = sum_w * sum_w / sum_w2;

	size_t all = 0;
	for (size_t m = 0; m < n_margins; m++)
		all += n_levels[m];
	double *u = malloc((2 * n_cells + 1) * sizeof *u);
	double *beta = malloc((3 * all + 1) * sizeof *beta);
	size_t *offset = malloc(n_margins * sizeof *offset);
	if (!u || !beta || !offset) {
		free(u);
		free(beta);
		free(offset);
		return STATS_ENOMEM;
	}
	for (size_t m = 0, o = 0; m < n_margins; o += n_levels[m], m++)
		offset[m] = o;
	double *fit = u + n_cells;
	for (size_t c = 0; c < n_cells; c++)
		u[c] = weights[c] > 0.0 ? (gave[c] * (1.0 - p) - (answered[c] - gave[c]) * p) / sum_w : 0.0;
	calibration_fit(counts, levels, n_cells, n_levels, n_margins, offset, weights, u, beta, beta + all, fit);

	/* x = w (u - fit) for each respondent: gave, answered otherwise, or not answering */
	double sum_x = 0.0, sum_x2 = 0.0;
	for (size_t c = 0; c < n_cells; c++) {
		if (!(weights[c] > 0.0))
			continue;
		double w = weights[c], f = fit[c];
		double x1 = w * ((1.0 - p) / sum_w - f), x0 = w * (-p / sum_w - f), xn = -w * f;
		double n1 = gave[c], n0 = answered[c] - gave[c], nn = counts[c] - answered[c];
		sum_x += n1 * x1 + n0 * x0 + nn * xn;
		sum_x2 += n1 * x1 * x1 + n0 * x0 * x0 + nn * xn * xn;
	}
	free(u);
	free(beta);
	free(offset);
	if (respondents > 1.0) {
		double z = z_for(confidence);
		out->se = sqrt(respondents / (respondents - 1.0) * fmax(0.0, sum_x2 - sum_x * sum_x / respondents));
		out->lower = fmax(0.0, p - z * out->se);
		out->upper = fmin(1.0, p + z * out->se);
	}
	return STATS_OK;
}
