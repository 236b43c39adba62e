/*
 * stats_private.h — what the three files of the statistics module share
 * (stats.c, stats_weight.c, stats_trend.c), and nothing else: the checks of
 * arguments and the normal quantile. Pure: no I/O.
 */
#ifndef REACH_STATS_PRIVATE_H
#define REACH_STATS_PRIVATE_H

#include <math.h>

#include <gsl/gsl_cdf.h>

#include "stats.h"

static inline int valid_confidence(double confidence)
{
	return confidence > 0.0 && confidence < 1.0;
}

/* A count or a population: finite and not negative. */
static inline int valid_count(double v)
{
	return isfinite(v) && v >= 0.0;
}

static inline void interval_nan(struct stats_interval *out)
{
	out->estimate = out->lower = out->upper = NAN;
}

/* The two-sided normal quantile for a confidence level. */
static inline double z_for(double confidence)
{
	return gsl_cdf_ugaussian_Pinv(0.5 + confidence / 2.0);
}

#endif
