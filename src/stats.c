/*
 * stats.c — the statistics of reach: intervals, representation, tests,
 * summary scores, raking and trends. Pure: no I/O. See stats.h.
 */
#include "stats.h"

#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_fit.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#include "policy.h"

/* R's slack for ties when comparing simulated and observed statistics. */
#define ALMOST_ONE (1.0 - 64.0 * DBL_EPSILON)

const char *stats_status_name(int status)
{
	switch (status) {
	case STATS_OK: return "ok";
	case STATS_EINVAL: return "invalid argument";
	case STATS_ENOMEM: return "out of memory";
	case STATS_NOCONVERGE: return "did not converge";
	}
	return "unknown status";
}

static int valid_confidence(double confidence)
{
	return confidence > 0.0 && confidence < 1.0;
}

/* A count or a population: finite and not negative. */
static int valid_count(double v)
{
	return isfinite(v) && v >= 0.0;
}

static void interval_nan(struct stats_interval *out)
{
	out->estimate = out->lower = out->upper = NAN;
}

/* The two-sided normal quantile for a confidence level. */
static double z_for(double confidence)
{
	return gsl_cdf_ugaussian_Pinv(0.5 + confidence / 2.0);
}

int stats_wilson(double x, double n, double confidence, struct stats_interval *out)
{
	if (!out)
		return STATS_EINVAL;
	interval_nan(out);
	if (!valid_count(x) || !valid_count(n) || x > n || !valid_confidence(confidence))
		return STATS_EINVAL;
	if (n == 0.0)
		return STATS_OK;

	double z = z_for(confidence), z2 = z * z;
	double p = x / n;
	double denom = 1.0 + z2 / n;
	double centre = (p + z2 / (2.0 * n)) / denom;
	double half = z * sqrt(p * (1.0 - p) / n + z2 / (4.0 * n * n)) / denom;

	out->estimate = p;
	out->lower = x == 0.0 ? 0.0 : fmax(0.0, centre - half);
	out->upper = x == n ? 1.0 : fmin(1.0, centre + half);
	return STATS_OK;
}

int stats_representation_ratio(double n_k, double n_known, double q,
    double confidence, struct stats_interval *out)
{
	if (!out)
		return STATS_EINVAL;
	if (isnan(q) || q < 0.0 || q > 1.0) {
		interval_nan(out);
		return STATS_EINVAL;
	}
	int rc = stats_wilson(n_k, n_known, confidence, out);
	if (rc != STATS_OK)
		return rc;
	if (q == 0.0) {
		interval_nan(out);
		return STATS_OK;
	}
	out->estimate /= q;
	out->lower /= q;
	out->upper /= q;
	return STATS_OK;
}

double stats_rate_per_1000(double n, double population)
{
	if (!valid_count(n) || !valid_count(population) || population == 0.0)
		return NAN;
	return 1000.0 * n / population;
}

enum stats_size stats_size_of(double ratio)
{
	if (isnan(ratio))
		return STATS_SIZE_UNKNOWN;
	if (ratio < POLICY_RATIO_HALF)
		return STATS_SIZE_UNDER_HALF;
	if (ratio < POLICY_PARITY_TARGET)
		return STATS_SIZE_BELOW_FOUR_FIFTHS;
	return ratio <= POLICY_RATIO_HIGH ? STATS_SIZE_NEAR_PARITY : STATS_SIZE_OVER;
}

enum stats_evidence stats_evidence_of(const struct stats_interval *ratio, double p_adjusted, double confidence)
{
	/* Written as !(p >= alpha) so that a NaN p (no adjustment) leaves the interval to decide. */
	int adjusted_clear = !(p_adjusted >= 1.0 - confidence);
	if (!ratio || !adjusted_clear)
		return STATS_EVIDENCE_UNCLEAR;
	if (ratio->upper < 1.0)
		return STATS_EVIDENCE_BELOW;
	if (ratio->lower > 1.0)
		return STATS_EVIDENCE_ABOVE;
	return STATS_EVIDENCE_UNCLEAR;
}

enum stats_flag stats_flag_category(double expected, const struct stats_interval *ratio, double p_adjusted,
    double confidence)
{
	/* Written as !(a > b) so that a NaN count, share or end means too few. */
	if (!(expected > 0.0) || !ratio || isnan(ratio->estimate) || isnan(ratio->lower) || isnan(ratio->upper))
		return STATS_FLAG_LOW_N;
	if (ratio->lower < POLICY_RATIO_HALF && ratio->upper > POLICY_RATIO_HIGH)
		return STATS_FLAG_LOW_N;
	enum stats_size size = stats_size_of(ratio->estimate);
	switch (stats_evidence_of(ratio, p_adjusted, confidence)) {
	case STATS_EVIDENCE_BELOW:
		return size == STATS_SIZE_UNDER_HALF ? STATS_FLAG_FAR_BELOW
		    : size == STATS_SIZE_BELOW_FOUR_FIFTHS ? STATS_FLAG_BELOW : STATS_FLAG_SLIGHTLY_BELOW;
	case STATS_EVIDENCE_ABOVE:
		return size == STATS_SIZE_OVER ? STATS_FLAG_ABOVE : STATS_FLAG_SLIGHTLY_ABOVE;
	case STATS_EVIDENCE_UNCLEAR:
		break;
	}
	return size == STATS_SIZE_OVER ? STATS_FLAG_UNCLEAR_ABOVE
	    : size == STATS_SIZE_NEAR_PARITY ? STATS_FLAG_NO_CLEAR : STATS_FLAG_UNCLEAR_BELOW;
}

const char *stats_flag_name(enum stats_flag flag)
{
	switch (flag) {
	case STATS_FLAG_NO_CLEAR: return "no_clear";
	case STATS_FLAG_FAR_BELOW: return "far_below";
	case STATS_FLAG_BELOW: return "below";
	case STATS_FLAG_SLIGHTLY_BELOW: return "slightly_below";
	case STATS_FLAG_UNCLEAR_BELOW: return "unclear_below";
	case STATS_FLAG_UNCLEAR_ABOVE: return "unclear_above";
	case STATS_FLAG_SLIGHTLY_ABOVE: return "slightly_above";
	case STATS_FLAG_ABOVE: return "above";
	case STATS_FLAG_LOW_N: return "low_n";
	}
	return "unknown";
}

double stats_parity_p(double n_k, double n_known, double q)
{
	if (!valid_count(n_k) || !valid_count(n_known) || n_k > n_known || n_known == 0.0 || !(q > 0.0) || q > 1.0)
		return NAN;
	if (q == 1.0)
		return n_k == n_known ? 1.0 : 0.0;
	double z = (n_k - n_known * q) / sqrt(n_known * q * (1.0 - q));
	return 2.0 * gsl_cdf_ugaussian_Q(fabs(z));
}

/* A p-value with its place, sorted by value (then place, so ties keep their order). */
struct ranked_p {
	double p;
	size_t at;
};

static int by_p(const void *a, const void *b)
{
	const struct ranked_p *x = a, *y = b;
	if (x->p != y->p)
		return x->p < y->p ? -1 : 1;
	return x->at < y->at ? -1 : x->at > y->at;
}

int stats_p_adjust(const double *p, size_t n, enum stats_adjust method, double *adjusted)
{
	if (n > 0 && (!p || !adjusted))
		return STATS_EINVAL;
	if (method != STATS_ADJUST_NONE && method != STATS_ADJUST_HOLM && method != STATS_ADJUST_BH)
		return STATS_EINVAL;
	size_t m = 0;
	for (size_t i = 0; i < n; i++) {
		if (!isnan(p[i]) && !(p[i] >= 0.0 && p[i] <= 1.0))
			return STATS_EINVAL;
		m += !isnan(p[i]);
	}
	struct ranked_p *sorted = malloc((m ? m : 1) * sizeof *sorted);
	if (!sorted)
		return STATS_ENOMEM;
	for (size_t i = 0, j = 0; i < n; i++)
		if (!isnan(p[i]))
			sorted[j++] = (struct ranked_p){ p[i], i };
	qsort(sorted, m, sizeof *sorted, by_p);
	/* Adjusted in sorted order first, so that ADJUSTED may be P. */
	if (method == STATS_ADJUST_HOLM) {
		double running = 0.0;
		for (size_t j = 0; j < m; j++) {
			running = fmax(running, fmin(1.0, (double)(m - j) * sorted[j].p));
			sorted[j].p = running;
		}
	} else if (method == STATS_ADJUST_BH) {
		double running = 1.0;
		for (size_t j = m; j-- > 0;) {
			running = fmin(running, fmin(1.0, (double)m * sorted[j].p / (double)(j + 1)));
			sorted[j].p = running;
		}
	}
	for (size_t i = 0; i < n; i++)
		if (isnan(p[i]))
			adjusted[i] = NAN;
	for (size_t j = 0; j < m; j++)
		adjusted[sorted[j].at] = sorted[j].p;
	free(sorted);
	return STATS_OK;
}

void stats_category_read(struct stats_category *out, double p_adjusted, double confidence)
{
	out->p_adjusted = isnan(p_adjusted) ? out->p_value : p_adjusted;
	out->size = stats_size_of(out->ratio.estimate);
	out->flag = stats_flag_category(out->expected, &out->ratio, p_adjusted, confidence);
	out->evidence = out->flag == STATS_FLAG_LOW_N ? STATS_EVIDENCE_UNCLEAR
	    : stats_evidence_of(&out->ratio, p_adjusted, confidence);
}

int stats_category(double n_k, double n_known, double population_k,
    double population_total, double confidence, struct stats_category *out)
{
	if (!out)
		return STATS_EINVAL;
	interval_nan(&out->share);
	interval_nan(&out->ratio);
	out->population_share = out->rate_per_1000 = out->expected = out->p_value = out->p_adjusted = NAN;
	out->evidence = STATS_EVIDENCE_UNCLEAR;
	out->size = STATS_SIZE_UNKNOWN;
	out->flag = STATS_FLAG_LOW_N;
	if (!valid_count(n_k) || !valid_count(n_known) || n_k > n_known ||
	    !valid_count(population_k) || !valid_count(population_total) ||
	    population_k > population_total || !valid_confidence(confidence))
		return STATS_EINVAL;

	double q = population_total > 0.0 ? population_k / population_total : NAN;
	int rc = stats_wilson(n_k, n_known, confidence, &out->share);
	out->population_share = q;
	if (rc == STATS_OK && !isnan(q))
		rc = stats_representation_ratio(n_k, n_known, q, confidence, &out->ratio);
	out->rate_per_1000 = stats_rate_per_1000(n_k, population_k);
	out->expected = n_known * q;
	out->p_value = stats_parity_p(n_k, n_known, q);
	stats_category_read(out, NAN, confidence);
	return rc;
}

/* X^2 of whole counts against expected counts, summed in index order. */
static double chisq_observed(const long *observed, const double *expected,
    const size_t *used, size_t k_used)
{
	double x2 = 0.0;
	for (size_t j = 0; j < k_used; j++) {
		double d = (double)observed[used[j]] - expected[j];
		x2 += d * d / expected[j];
	}
	return x2;
}

static double chisq_drawn(const unsigned int *drawn, const double *expected, size_t k_used)
{
	double x2 = 0.0;
	for (size_t j = 0; j < k_used; j++) {
		double d = (double)drawn[j] - expected[j];
		x2 += d * d / expected[j];
	}
	return x2;
}

/* Monte Carlo p-value of x2 for n respondents over k_used shares p. */
static int chisq_simulate(double x2, unsigned int n, const double *p,
    const double *expected, size_t k_used, unsigned long seed, size_t draws,
    double *p_value)
{
	unsigned int *drawn = malloc(k_used * sizeof *drawn);
	gsl_rng *rng = drawn ? gsl_rng_alloc(gsl_rng_mt19937) : NULL;
	if (!rng) {
		free(drawn);
		return STATS_ENOMEM;
	}
	gsl_rng_set(rng, seed);

	double threshold = ALMOST_ONE * x2;
	size_t as_large = 0;
	for (size_t d = 0; d < draws; d++) {
		gsl_ran_multinomial(rng, k_used, n, p, drawn);
		if (chisq_drawn(drawn, expected, k_used) >= threshold)
			as_large++;
	}
	*p_value = (1.0 + (double)as_large) / ((double)draws + 1.0);
	gsl_rng_free(rng);
	free(drawn);
	return STATS_OK;
}

static void chisq_nan(struct stats_chisq *out)
{
	out->statistic = out->p_value = out->effect_w = out->p_simulated = NAN;
	out->n = out->min_expected = NAN;
	out->df = 0;
	out->n_excluded = 0;
	out->k_used = 0;
	out->simulated = 0;
	out->draws = 0;
}

/*
 * The test itself, on categories already checked: out->n, k_used and df are
 * set, share_sum is the sum of the positive shares.
 */
static int chisq_test(const long *observed, const double *shares, size_t k,
    double share_sum, unsigned long seed, size_t draws, struct stats_chisq *out)
{
	size_t k_used = out->k_used;
	double n = out->n;

	/* Workspace: indices of the categories tested, their shares and expected counts. */
	size_t *used = malloc(k_used * sizeof *used);
	double *p = malloc(2 * k_used * sizeof *p);
	if (!used || !p) {
		free(used);
		free(p);
		return STATS_ENOMEM;
	}
	double *expected = p + k_used;
	double min_expected = INFINITY;
	for (size_t i = 0, j = 0; i < k; i++) {
		if (shares[i] > 0.0) {
			used[j] = i;
			p[j] = shares[i] / share_sum;
			expected[j] = n * p[j];
			min_expected = fmin(min_expected, expected[j]);
			j++;
		}
	}
	out->min_expected = min_expected;

	int rc = STATS_OK;
	if (n > 0.0) {
		double x2 = chisq_observed(observed, expected, used, k_used);
		out->statistic = x2;
		out->effect_w = sqrt(x2 / n);
		if (out->df > 0)
			out->p_value = gsl_cdf_chisq_Q(x2, (double)out->df);
		if (out->df > 0 && min_expected < POLICY_MIN_EXPECTED) {
			size_t b = draws < STATS_MC_MIN_DRAWS ? STATS_MC_MIN_DRAWS : draws;
			rc = chisq_simulate(x2, (unsigned int)n, p, expected, k_used,
			    seed, b, &out->p_simulated);
			out->simulated = rc == STATS_OK;
			out->draws = rc == STATS_OK ? b : 0;
		}
	}
	free(used);
	free(p);
	return rc;
}

int stats_chisq_gof(const long *observed, const double *shares, size_t k,
    unsigned long seed, size_t draws, struct stats_chisq *out)
{
	if (!out)
		return STATS_EINVAL;
	chisq_nan(out);
	if ((!observed || !shares) && k > 0)
		return STATS_EINVAL;

	double share_sum = 0.0, n = 0.0;
	long excluded = 0;
	size_t k_used = 0;
	for (size_t i = 0; i < k; i++) {
		if (observed[i] < 0 || !valid_count(shares[i]))
			return STATS_EINVAL;
		if (shares[i] > 0.0) {
			share_sum += shares[i];
			n += (double)observed[i];
			k_used++;
		} else {
			excluded += observed[i];
		}
	}
	if (n > (double)UINT_MAX)
		return STATS_EINVAL;
	out->n = n;
	out->n_excluded = excluded;
	out->k_used = k_used;
	out->df = k_used > 1 ? (long)k_used - 1 : 0;
	if (k_used == 0)
		return STATS_OK;
	return chisq_test(observed, shares, k, share_sum, seed, draws, out);
}

static void scores_nan(struct stats_scores *out, double *partial_r, size_t k)
{
	out->overall_rate = out->min_max_ratio = out->min_max_answered = out->proportional_similarity = NAN;
	out->k_used = out->k_empty = 0;
	if (partial_r)
		for (size_t i = 0; i < k; i++)
			partial_r[i] = NAN;
}

int stats_scores(const double *respondents, const double *population, size_t k,
    double *partial_r, struct stats_scores *out)
{
	if (!out)
		return STATS_EINVAL;
	scores_nan(out, partial_r, k);
	if ((!respondents || !population) && k > 0)
		return STATS_EINVAL;

	double n_sum = 0.0, pop_sum = 0.0, n_with_pop = 0.0;
	size_t k_used = 0;
	for (size_t i = 0; i < k; i++) {
		if (!valid_count(respondents[i]) || !valid_count(population[i]))
			return STATS_EINVAL;
		n_sum += respondents[i];
		pop_sum += population[i];
		if (population[i] > 0.0) {
			n_with_pop += respondents[i];
			k_used++;
		}
	}
	out->k_used = k_used;
	if (n_sum == 0.0 || pop_sum == 0.0)
		return STATS_OK;

	double overall = n_with_pop / pop_sum;
	double rate_min = INFINITY, rate_max = -INFINITY, answered_min = INFINITY;
	double similarity = 0.0;
	size_t answered = 0;
	for (size_t i = 0; i < k; i++) {
		double p = respondents[i] / n_sum, q = population[i] / pop_sum;
		similarity += fmin(p, q);
		if (population[i] == 0.0)
			continue;
		double rate = respondents[i] / population[i], gap = rate - overall;
		rate_min = fmin(rate_min, rate);
		rate_max = fmax(rate_max, rate);
		if (respondents[i] > 0.0)
			answered_min = fmin(answered_min, rate);
		else
			out->k_empty++;
		answered += respondents[i] > 0.0;
		if (partial_r)
			partial_r[i] = sqrt(q) * fabs(gap);
	}
	out->overall_rate = overall;
	out->min_max_ratio = rate_min / rate_max;
	out->min_max_answered = answered >= 2 ? answered_min / rate_max : NAN;
	out->proportional_similarity = similarity;
	return STATS_OK;
}

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

static void trend_nan(struct stats_trend *out)
{
	out->slope = out->slope_se = out->slope_lower = out->slope_upper = NAN;
	out->intercept = out->intercept_se = NAN;
	out->df = 0;
	out->n_used = 0;
}

int stats_trend(const double *x, const double *y, const double *weights,
    size_t n, double confidence, struct stats_trend *out)
{
	if (!out)
		return STATS_EINVAL;
	trend_nan(out);
	if (((!x || !y) && n > 0) || !valid_confidence(confidence))
		return STATS_EINVAL;

	size_t used = 0;
	for (size_t i = 0; i < n; i++) {
		double w = weights ? weights[i] : 1.0;
		if (isinf(x[i]) || isinf(y[i]) || !(w >= 0.0) || isinf(w))
			return STATS_EINVAL;
		used += !isnan(x[i]) && !isnan(y[i]) && w > 0.0;
	}
	out->n_used = used;
	out->df = used >= 2 ? (long)used - 2 : 0;
	if (used < 2)
		return STATS_OK;

	double *buf = malloc(3 * used * sizeof *buf);
	if (!buf)
		return STATS_ENOMEM;
	double *xs = buf, *ys = buf + used, *ws = buf + 2 * used;
	int varies = 0;
	for (size_t i = 0, j = 0; i < n; i++) {
		double w = weights ? weights[i] : 1.0;
		if (isnan(x[i]) || isnan(y[i]) || w == 0.0)
			continue;
		xs[j] = x[i];
		ys[j] = y[i];
		ws[j] = w;
		varies |= xs[j] != xs[0];
		j++;
	}
	if (varies) {
		double c0, c1, cov00, cov01, cov11, chisq;
		gsl_fit_wlinear(xs, 1, ws, 1, ys, 1, used, &c0, &c1, &cov00, &cov01, &cov11, &chisq);
		out->intercept = c0;
		out->slope = c1;
		if (out->df > 0) {
			double sigma2 = chisq / (double)out->df;
			double t = gsl_cdf_tdist_Pinv(0.5 + confidence / 2.0, (double)out->df);
			out->slope_se = sqrt(cov11 * sigma2);
			out->intercept_se = sqrt(cov00 * sigma2);
			out->slope_lower = c1 - t * out->slope_se;
			out->slope_upper = c1 + t * out->slope_se;
		}
	}
	free(buf);
	return STATS_OK;
}

/* Mean and sample variance of the non-NaN values; returns how many. */
static size_t mean_var(const double *v, size_t n, double *mean, double *var)
{
	size_t m = 0;
	double sum = 0.0, ss = 0.0;
	for (size_t i = 0; i < n; i++)
		if (!isnan(v[i])) {
			sum += v[i];
			m++;
		}
	*mean = m ? sum / (double)m : NAN;
	for (size_t i = 0; i < n; i++)
		if (!isnan(v[i]))
			ss += (v[i] - *mean) * (v[i] - *mean);
	*var = m > 1 ? ss / (double)(m - 1) : NAN;
	return m;
}

int stats_window_change(const double *baseline, size_t n_baseline,
    const double *review, size_t n_review, double confidence,
    struct stats_interval *out)
{
	if (!out)
		return STATS_EINVAL;
	interval_nan(out);
	if ((!baseline && n_baseline > 0) || (!review && n_review > 0) ||
	    !valid_confidence(confidence))
		return STATS_EINVAL;
	for (size_t i = 0; i < n_baseline; i++)
		if (isinf(baseline[i]))
			return STATS_EINVAL;
	for (size_t i = 0; i < n_review; i++)
		if (isinf(review[i]))
			return STATS_EINVAL;

	double mean_b, var_b, mean_r, var_r;
	size_t m_b = mean_var(baseline, n_baseline, &mean_b, &var_b);
	size_t m_r = mean_var(review, n_review, &mean_r, &var_r);
	if (m_b == 0 || m_r == 0)
		return STATS_OK;
	out->estimate = mean_r - mean_b;
	if (m_b < 2 || m_r < 2)
		return STATS_OK;

	double a = var_b / (double)m_b, b = var_r / (double)m_r;
	double se2 = a + b;
	if (!(se2 > 0.0))
		return STATS_OK;
	double df = se2 * se2 / (a * a / (double)(m_b - 1) + b * b / (double)(m_r - 1));
	double half = gsl_cdf_tdist_Pinv(0.5 + confidence / 2.0, df) * sqrt(se2);
	out->lower = out->estimate - half;
	out->upper = out->estimate + half;
	return STATS_OK;
}

double stats_log_ratio_weight(double count, double known)
{
	if (!(count > 0) || !(count < known) || isinf(known))
		return 0;
	return count * known / (known - count);
}

/* The line with its intercept at CENTRE: x[i] - centre against y; as stats_trend. */
static int centred_trend(const double *x, const double *y, const double *w, size_t n, double centre,
    double confidence, struct stats_trend *out)
{
	double *shifted = malloc((n ? n : 1) * sizeof *shifted);
	if (!shifted)
		return STATS_ENOMEM;
	for (size_t i = 0; i < n; i++)
		shifted[i] = x[i] - centre;
	int rc = stats_trend(shifted, y, w, n, confidence, out);
	free(shifted);
	return rc;
}

/* The line's value at its centre, exp()'d: the ratio it gives there, with a t interval on DF. */
static struct stats_interval fitted_ratio(const struct stats_trend *t, double confidence)
{
	struct stats_interval r = { exp(t->intercept), NAN, NAN };
	if (t->df > 0 && !isnan(t->intercept_se)) {
		double half = gsl_cdf_tdist_Pinv(0.5 + confidence / 2.0, (double)t->df) * t->intercept_se;
		r.lower = exp(t->intercept - half);
		r.upper = exp(t->intercept + half);
	}
	return r;
}

int stats_ratio_trend(const double *year, const double *count, const double *known,
    const double *population_share, size_t n, double confidence, struct stats_ratio_trend *out)
{
	if (!out)
		return STATS_EINVAL;
	trend_nan(&out->line);
	out->year0 = out->year1 = NAN;
	interval_nan(&out->change);
	interval_nan(&out->first);
	interval_nan(&out->last);
	if ((!year || !count || !known || !population_share) && n > 0)
		return STATS_EINVAL;
	if (!valid_confidence(confidence))
		return STATS_EINVAL;
	double *buf = malloc(2 * (n ? n : 1) * sizeof *buf);
	if (!buf)
		return STATS_ENOMEM;
	double *log_ratio = buf, *w = buf + n;
	int rc = STATS_OK;
	for (size_t i = 0; i < n; i++) {
		if (count[i] < 0 || isinf(count[i]) || known[i] < 0 || isinf(known[i]) || count[i] > known[i] ||
		    population_share[i] < 0 || population_share[i] > 1 || isinf(year[i]))
			rc = STATS_EINVAL;
		w[i] = population_share[i] > 0 ? stats_log_ratio_weight(count[i], known[i]) : 0;
		log_ratio[i] = w[i] > 0 && !isnan(year[i]) ? log(count[i] / known[i] / population_share[i]) : NAN;
		if (isnan(log_ratio[i]))
			w[i] = 0;
		else if (isnan(out->year0) || year[i] < out->year0)
			out->year0 = year[i];
		if (!isnan(log_ratio[i]) && (isnan(out->year1) || year[i] > out->year1))
			out->year1 = year[i];
	}
	if (rc == STATS_OK)
		rc = centred_trend(year, log_ratio, w, n, isnan(out->year0) ? 0 : out->year0, confidence, &out->line);
	struct stats_trend at_last;
	if (rc == STATS_OK && !isnan(out->line.slope))
		rc = centred_trend(year, log_ratio, w, n, out->year1, confidence, &at_last);
	if (rc == STATS_OK && !isnan(out->line.slope)) {
		out->change.estimate = expm1(out->line.slope);
		out->change.lower = expm1(out->line.slope_lower);
		out->change.upper = expm1(out->line.slope_upper);
		out->first = fitted_ratio(&out->line, confidence);
		out->last = fitted_ratio(&at_last, confidence);
	}
	if (rc != STATS_OK) {
		trend_nan(&out->line);
		out->year0 = out->year1 = NAN;
	}
	free(buf);
	return rc;
}

size_t stats_window_mean(const double *estimate, const double *lower, const double *upper, size_t n,
    struct stats_interval *out)
{
	double sum = 0, squares = 0;
	size_t k = 0;
	int known = 1;
	interval_nan(out);
	for (size_t i = 0; i < n; i++) {
		if (isnan(estimate[i]))
			continue;
		if (k++ == 0)
			*out = (struct stats_interval){ estimate[i], lower[i], upper[i] };
		double h = (upper[i] - lower[i]) / 2;
		sum += estimate[i];
		squares += h * h;
		known = known && !isnan(h);
	}
	if (k > 1) {
		double mean = sum / (double)k, h = sqrt(squares) / (double)k;
		*out = (struct stats_interval){ mean, known ? mean - h : NAN, known ? mean + h : NAN };
	}
	return k;
}

double stats_change_margin(const struct stats_interval *a, const struct stats_interval *b)
{
	double ha = (a->upper - a->lower) / 2, hb = (b->upper - b->lower) / 2;
	return sqrt(ha * ha + hb * hb);
}
