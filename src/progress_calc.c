/*
 * progress_calc.c — the arithmetic of reach progress (see progress.h): the
 * days a weekly series ends on, the window of the current rate, and the
 * projection to the closing date. Pure: numbers in, numbers out.
 */
#include "progress.h"

#include <math.h>

#include "policy.h"
#include "stats.h"

size_t progress_series_days(long opened, long as_of, long *days, size_t max)
{
	size_t n = 0;
	long end = opened + 6;
	for (; end <= as_of; end += 7, n++)
		if (n < max)
			days[n] = end;
	/* end - 7: the last whole week's last day (OPENED - 1 when none has ended). */
	if (as_of >= opened && end - 7 != as_of) {
		if (n < max)
			days[n] = as_of;
		n++;
	}
	return n;
}

long progress_rate_window(long opened, long as_of, long *before)
{
	long since = as_of - opened + 1;
	if (since > POLICY_PROGRESS_RATE_DAYS) {
		*before = as_of - POLICY_PROGRESS_RATE_DAYS;
		return POLICY_PROGRESS_RATE_DAYS;
	}
	*before = opened - 1;
	return since;
}

double progress_per_week(double in_window, double days)
{
	return days > 0 ? in_window * 7 / days : NAN;
}

double progress_ratio_at_close(double n, double known, double per_week, double known_per_week, double weeks_left,
    double q)
{
	double known_then = known + known_per_week * weeks_left;
	if (isnan(known_then) || isnan(n) || isnan(per_week) || !(known_then > 0) || !(q > 0))
		return NAN;
	return (n + per_week * weeks_left) / known_then / q;
}

double progress_per_week_needed(double n, double known, double per_week, double known_per_week, double weeks_left,
    double q, double target)
{
	if (!(weeks_left > 0) || isnan(per_week) || isnan(known_per_week))
		return NAN;
	double more = stats_shortfall(n + per_week * weeks_left, known + known_per_week * weeks_left, q, target);
	return isnan(more) ? NAN : per_week + more / weeks_left;
}
