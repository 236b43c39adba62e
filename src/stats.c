/*
 * stats.c — the statistics of reach: intervals, representation, readings,
 * p-values and their adjustment, tests and summary scores; raking is in
 * stats_weight.c and trends in stats_trend.c. Pure: no I/O. See stats.h.
 */
#include "stats.h"

#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#include "policy.h"
#include "stats_private.h"

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

double stats_shortfall(double n, double n_known, double q, double target)
{
	if (!valid_count(n) || !valid_count(n_known) || n > n_known || n_known == 0.0 ||
	    !valid_count(q) || q > 1.0 || !valid_count(target))
		return NAN;
	double aim = target * q;
	if (aim >= 1.0)
		return NAN;
	double x = (aim * n_known - n) / (1.0 - aim);
	return x > 0.0 ? x : 0.0;
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
