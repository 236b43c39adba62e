/*
 * stats_trend.c — change over time: the weighted straight-line fit, the
 * trend of a representation ratio on its log, a window's mean and the
 * margin of error of a change. Part of the statistics module (stats.h).
 * Pure: no I/O.
 */
#include "stats.h"

#include <math.h>
#include <stdlib.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_fit.h>

#include "stats_private.h"

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
