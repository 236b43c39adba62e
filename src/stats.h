/*
 * stats.h — the statistics of reach: intervals, representation, tests,
 * summary scores, raking and trends.
 *
 * Pure: numbers in, numbers out over plain arrays. Nothing here reads or
 * writes a file, prints, or touches the store, so every function can be
 * checked alone against R.
 *
 * Conventions, stated once:
 *  - Functions return a status (enum stats_status): STATS_OK, or a reason.
 *    On STATS_EINVAL the output struct holds NaN where it has numbers;
 *    caller-sized output arrays then hold nothing to rely on. The compiler
 *    makes every caller look at the status (STATS_MUST_CHECK).
 *  - A value that is undefined for the data (a share of nothing, a ratio
 *    to a zero population share, a p-value with 0 degrees of freedom) is
 *    NaN with status STATS_OK: undefined is an answer, not an error.
 *  - Counts are double unless they must be whole (the chi-square test,
 *    which simulates whole tables, takes long). Sizes are size_t.
 *  - The caller owns every array and every struct; nothing here keeps a
 *    pointer after it returns, and nothing it returns needs freeing.
 *  - Inputs are checked before they reach GSL, so GSL's error handler is
 *    never invoked by a bad argument.
 */
#ifndef REACH_STATS_H
#define REACH_STATS_H

#include <stddef.h>

/* The usual confidence level, 95 %. */
#define STATS_CONFIDENCE_DEFAULT 0.95

/* Fewest Monte Carlo draws the chi-square test makes. */
#define STATS_MC_MIN_DRAWS 100000

/* Cap on a raked weight, as a multiple of the mean weight. */
#define STATS_WEIGHT_CAP_DEFAULT 5.0

enum stats_status {
	STATS_OK = 0,
	STATS_EINVAL = 1,       /* bad argument: NULL, negative or non-finite count, x > n, level out of range */
	STATS_ENOMEM = 2,       /* out of memory */
	STATS_NOCONVERGE = 3    /* raking stopped before meeting its tolerance or cap */
};

/* On every function that returns a status: a caller that ignores it does not compile. */
#define STATS_MUST_CHECK __attribute__((warn_unused_result))

/*
 * The status's name, for a message: "ok", "invalid argument", "out of
 * memory", "did not converge"; "unknown status" for any other value. A
 * static string: do not free.
 */
const char *stats_status_name(int status);

/* An estimate with a two-sided confidence interval. */
struct stats_interval {
	double estimate, lower, upper;
};

/*
 * Wilson score interval for a proportion x/n at confidence level
 * `confidence` (in (0, 1); z = Phi^-1((1 + confidence) / 2)). x and n may be
 * fractional (an effective sample size). estimate is x/n; at x = 0 the lower
 * end is exactly 0 and at x = n the upper end exactly 1, as in R's
 * prop.test(x, n, correct = FALSE). n = 0: all three NaN, STATS_OK.
 * Fails with STATS_EINVAL (all NaN) when x < 0, x > n, either is not
 * finite, or confidence is outside (0, 1).
 */
STATS_MUST_CHECK int stats_wilson(double x, double n, double confidence, struct stats_interval *out);

/*
 * Representation ratio RR = p / q of a category with n_k of n_known known
 * answers and population share q: estimate (n_k / n_known) / q, and the
 * Wilson interval of n_k / n_known divided by q. q = 0 or n_known = 0: all
 * NaN, STATS_OK (the flag reports it as low_n). Fails with STATS_EINVAL
 * (all NaN) as stats_wilson does, or when q is negative, above 1 or NaN.
 */
STATS_MUST_CHECK int stats_representation_ratio(double n_k, double n_known, double q,
    double confidence, struct stats_interval *out);

/*
 * Respondents per 1,000 residents: 1000 * n / population. Returns NaN when
 * population is 0, or when either argument is negative or not finite.
 */
double stats_rate_per_1000(double n, double population);

/*
 * The shortfall of a group: how many more responses from it, every other
 * answer unchanged, would have brought its representation ratio to
 * `target` (0.8, or 1 for parity). With n of n_known answers in the group
 * and population share q, the x with (n + x) / (n_known + x) = target * q:
 * x = (target * q * n_known - n) / (1 - target * q). 0 when the group
 * already reaches the target. Fractional: a caller that says "responses"
 * rounds it up. NaN when n_known is 0 (no ratio to move), when target * q
 * is 1 or more (no number of responses reaches it), or when an argument is
 * negative, not finite, n > n_known or q > 1.
 */
double stats_shortfall(double n, double n_known, double q, double target);

/*
 * How a category reads, in two parts kept apart: the evidence (does the
 * ratio's interval, or its adjusted p-value, rule out parity?) and the size
 * (which band the unrounded ratio lies in: policy.h). A reading combines
 * them; "too few to say" is kept for a ratio whose interval cannot tell.
 */
enum stats_evidence {
	STATS_EVIDENCE_UNCLEAR = 0,     /* the interval includes 1 (or the adjusted p is not under 1 - confidence) */
	STATS_EVIDENCE_BELOW,           /* the interval lies wholly below 1 */
	STATS_EVIDENCE_ABOVE            /* the interval lies wholly above 1 */
};

enum stats_size {
	STATS_SIZE_UNKNOWN = 0,         /* no ratio */
	STATS_SIZE_UNDER_HALF,          /* ratio < 0.5 */
	STATS_SIZE_BELOW_FOUR_FIFTHS,   /* 0.5 <= ratio < 0.8 */
	STATS_SIZE_NEAR_PARITY,         /* 0.8 <= ratio <= 1.25 */
	STATS_SIZE_OVER                 /* ratio > 1.25 */
};

enum stats_flag {
	STATS_FLAG_NO_CLEAR = 0,        /* unclear, ratio near parity */
	STATS_FLAG_FAR_BELOW,           /* below, ratio under half */
	STATS_FLAG_BELOW,               /* below, ratio 0.5 to under 0.8 */
	STATS_FLAG_SLIGHTLY_BELOW,      /* below, ratio 0.8 or more */
	STATS_FLAG_UNCLEAR_BELOW,       /* unclear, ratio under 0.8 */
	STATS_FLAG_UNCLEAR_ABOVE,       /* unclear, ratio over 1.25 */
	STATS_FLAG_SLIGHTLY_ABOVE,      /* above, ratio 1.25 or less */
	STATS_FLAG_ABOVE,               /* above, ratio over 1.25 */
	STATS_FLAG_LOW_N                /* too few to say: the interval cannot tell */
};

/* The size band of a ratio (unrounded); STATS_SIZE_UNKNOWN for NaN. Never fails. */
enum stats_size stats_size_of(double ratio);

/*
 * The evidence of a ratio's interval: below when its upper end < 1, above
 * when its lower end > 1, and either only when P_ADJUSTED (the category's
 * p-value after adjustment for many comparisons) is under 1 - CONFIDENCE
 * too; P_ADJUSTED NaN: no adjustment, the interval alone decides (the
 * interval and the unadjusted p-value of stats_parity_p agree, being one
 * score test). A NULL or NaN interval is unclear. Never fails.
 */
enum stats_evidence stats_evidence_of(const struct stats_interval *ratio, double p_adjusted, double confidence);

/*
 * The reading of a category with expected count EXPECTED (n_known * q) and
 * ratio interval RATIO. Too few to say (low_n) exactly when the interval
 * cannot tell: the expected count is not > 0 (no residents' share, or no
 * answers; NaN too), the ratio or an end of its interval is NaN, or the
 * interval reaches both under 0.5 and over 1.25 (lower < 0.5 and
 * upper > 1.25), so that it allows a large shortfall and a large excess
 * alike. Otherwise the evidence (stats_evidence_of) with the size
 * (stats_size_of): below with under half, 0.5 to under 0.8, or 0.8 and more
 * (far_below, below, slightly_below); above with over 1.25 or not
 * (above, slightly_above); unclear with under 0.8, over 1.25 or between
 * (unclear_below, unclear_above, no_clear). Never fails.
 */
enum stats_flag stats_flag_category(double expected, const struct stats_interval *ratio, double p_adjusted,
    double confidence);

/*
 * The flag's name: "no_clear", "far_below", "below", "slightly_below",
 * "unclear_below", "unclear_above", "slightly_above", "above", "low_n";
 * "unknown" for a value outside the enum. A static string: do not free.
 */
const char *stats_flag_name(enum stats_flag flag);

/*
 * The two-sided p-value of parity (ratio = 1, i.e. share = q) for n_k of
 * n_known: the score test z = (n_k - n_known q) / sqrt(n_known q (1 - q)),
 * p = 2 (1 - Phi(|z|)) — R's prop.test(n_k, n_known, p = q,
 * correct = FALSE)$p.value, and the test the Wilson interval inverts, so
 * p < 1 - confidence exactly when the ratio's interval excludes 1. q = 1:
 * 1 when n_k = n_known, else 0. NaN when n_known = 0, q is 0 or NaN, or an
 * argument is out of range. Never fails.
 */
double stats_parity_p(double n_k, double n_known, double q);

/* How p-values are adjusted for many comparisons. */
enum stats_adjust {
	STATS_ADJUST_NONE = 0,  /* as they are */
	STATS_ADJUST_HOLM,      /* Holm (1979): controls the chance of any false difference */
	STATS_ADJUST_BH         /* Benjamini & Hochberg (1995): controls the false discovery rate */
};

/*
 * P[0..n-1] adjusted by METHOD into ADJUSTED (caller-sized, n; may be P
 * itself) — R's p.adjust(p, "none" | "holm" | "BH"). NaN p-values are left
 * NaN and not counted in m, the number of comparisons (as R removes NAs).
 * With the m p-values sorted ascending, p(1) <= ... <= p(m):
 * Holm: adj(i) = max over j <= i of min(1, (m - j + 1) p(j));
 * BH: adj(i) = min over j >= i of min(1, m p(j) / j).
 * Fails with STATS_EINVAL on a NULL array (n > 0), a p outside [0, 1] or an
 * unknown method; STATS_ENOMEM if it cannot sort.
 */
STATS_MUST_CHECK int stats_p_adjust(const double *p, size_t n, enum stats_adjust method, double *adjusted);

/* Everything reported for one category of one dimension. */
struct stats_category {
	struct stats_interval share;   /* p_k = n_k / n_known with Wilson interval */
	double population_share;       /* q_k = population_k / population_total */
	struct stats_interval ratio;   /* RR_k = p_k / q_k with interval */
	double rate_per_1000;          /* 1000 * n_k / population_k */
	double expected;               /* n_known * q_k */
	double p_value;                /* of parity, stats_parity_p */
	double p_adjusted;             /* after stats_p_adjust across a report; p_value until then */
	enum stats_evidence evidence;
	enum stats_size size;
	enum stats_flag flag;
};

/*
 * Reads OUT again from its ratio and expected count with P_ADJUSTED (NaN:
 * unadjusted, the interval alone): sets p_adjusted (to p_value when NaN),
 * evidence, size and flag as stats_flag_category defines them. Never fails.
 */
void stats_category_read(struct stats_category *out, double p_adjusted, double confidence);

/*
 * The share, representation ratio, response rate, parity p-value and
 * reading of a category with n_k of n_known known answers, population_k of
 * population_total residents, unadjusted. Undefined values (n_known = 0,
 * population 0) are NaN and the flag is then low_n. Fails with STATS_EINVAL
 * (numbers NaN, flag low_n) on a negative or non-finite count,
 * n_k > n_known, population_k > population_total, or a confidence outside
 * (0, 1).
 */
STATS_MUST_CHECK int stats_category(double n_k, double n_known, double population_k,
    double population_total, double confidence, struct stats_category *out);

/* A chi-square goodness-of-fit test of respondents against population shares. */
struct stats_chisq {
	double statistic;     /* X^2 = sum (O - E)^2 / E over the categories tested */
	long df;              /* categories tested - 1; 0 when fewer than 2 */
	double p_value;       /* asymptotic, gsl_cdf_chisq_Q(X^2, df); NaN when df = 0 or n = 0 */
	double effect_w;      /* Cohen's w = sqrt(X^2 / n) */
	double n;             /* respondents in the categories tested */
	long n_excluded;      /* respondents in categories with share 0, left out */
	size_t k_used;        /* categories tested (share > 0) */
	double min_expected;  /* smallest expected count among them */
	int simulated;        /* 1 when the Monte Carlo p-value was computed */
	double p_simulated;   /* Monte Carlo p-value, NaN when not simulated */
	size_t draws;         /* tables drawn, 0 when not simulated */
};

/*
 * Chi-square goodness of fit of observed[k] respondents to shares[k]
 * (population shares or population counts: only their ratios matter). A
 * category whose share is 0 is left out of the test together with its
 * respondents (counted in n_excluded), and the remaining shares are rescaled
 * to sum to 1 — the same as R's chisq.test(x[q > 0], p = q[q > 0],
 * rescale.p = TRUE). When every category tested has an expected count of at
 * least 5 nothing is simulated; otherwise (with df >= 1 and n > 0) a Monte
 * Carlo p-value is computed too, as R's chisq.test(simulate.p.value = TRUE):
 * `draws` tables (raised to STATS_MC_MIN_DRAWS if fewer) from the
 * multinomial under H0 with GSL's MT19937 seeded with `seed`,
 * p = (1 + #{X^2_sim >= X^2_obs}) / (draws + 1), where >= allows R's relative
 * slack of 64 machine epsilons for ties. n = 0: statistic, p and w are NaN.
 * Fails with STATS_EINVAL (numbers NaN) on a NULL array, a negative count, a
 * negative or non-finite share, or more respondents than an unsigned int
 * holds; STATS_ENOMEM if the simulation cannot allocate.
 */
STATS_MUST_CHECK int stats_chisq_gof(const long *observed, const double *shares, size_t k,
    unsigned long seed, size_t draws, struct stats_chisq *out);

/* Summary scores of one dimension across its k groups. */
struct stats_scores {
	double overall_rate;            /* rho-bar = sum n_k / sum N_k over groups with N_k > 0 */
	double min_max_ratio;           /* min rate / max rate over every group with N_k > 0 (0 when one is empty) */
	double min_max_answered;        /* min rate / max rate over the groups with respondents (NaN under 2) */
	double proportional_similarity; /* sum min(p_k, q_k), 1 = same mix as the population */
	size_t k_used;                  /* groups with population > 0 */
	size_t k_empty;                 /* of those, groups with no respondent */
};

/*
 * Summary scores over k groups with respondents[k] (n_k) and population[k]
 * (N_k). The response rate (propensity) of group k is rho_k = n_k / N_k, a
 * fraction, not per 1,000; p_k = n_k / sum n and q_k = N_k / sum N. Groups
 * with N_k = 0 have no rate: they and their respondents are left out of the
 * rate-based scores, whose overall rate is
 * rho-bar = sum_{N_k > 0} n_k / sum N_k = sum q_k rho_k.
 *  - min_max_ratio: smallest rho_k / largest rho_k (0 if a group has no
 *    respondents, NaN if no group has any).
 *  - min_max_answered: the same over the groups with n_k > 0 only, so that
 *    an empty group (k_empty counts them; the caller names them) does not
 *    make it 0; NaN when fewer than two groups have any (one group alone
 *    would read as parity).
 *  - proportional_similarity: sum over all groups of min(p_k, q_k).
 *  - partial_r (optional array of k, may be NULL): the unconditional partial
 *    R-indicator of each category (Schouten, Shlomo & Skinner 2011, with the
 *    propensity of a group taken as its response rate):
 *    P_u(k) = sqrt(q_k) * |rho_k - rho-bar|; NaN for a group with N_k = 0.
 *    The paper's category-level indicator carries a sign (rho_k - rho-bar);
 *    the sign here is dropped, and is the sign of RR_k - 1.
 * The coefficient of variation of the rates and the variable-level partial
 * R-indicator are not given: the first is Cohen's w of stats_chisq_gof, the
 * second rho-bar times w (tests/unit/test_stats.c derives both).
 * Everything is NaN when sum n = 0 or sum N = 0 (with STATS_OK).
 * Fails with STATS_EINVAL on a NULL array or a negative or non-finite count.
 */
STATS_MUST_CHECK int stats_scores(const double *respondents, const double *population, size_t k,
    double *partial_r, struct stats_scores *out);

/* One raking margin: population totals of its n_levels categories. */
struct stats_margin {
	size_t n_levels;
	const double *targets;
};

struct stats_rake_options {
	double tolerance;    /* stop when max |margin - target| / target < tolerance */
	int max_iterations;  /* sweeps over all margins, in all rounds together */
	double cap;          /* largest weight / mean weight allowed; <= 0: no cap */
};

/* Defaults: tolerance 1e-10, 2000 sweeps, cap 5. */
struct stats_rake_options stats_rake_defaults(void);

struct stats_rake_result {
	int converged;            /* 1: margins within tolerance and cap held */
	int iterations;           /* sweeps made */
	double max_margin_error;  /* max relative margin error at the end */
	double max_weight_ratio;  /* largest weight / mean weight at the end */
	double excluded;          /* respondents left out, weight 0 */
	size_t dropped_levels;    /* levels with a target but no respondents */
	double design_effect;     /* Kish, of the final weights */
	double effective_n;       /* Kish effective sample size */
};

/*
 * Raking (iterative proportional fitting) of respondent weights to
 * population margins, in cell form. Cell c holds counts[c] respondents whose
 * category on margin m is levels[c * n_margins + m] (row-major); a negative
 * level means the answer is missing or declined. On return weights[c] is the
 * weight of each respondent in cell c (caller-allocated, n_cells long).
 *
 * Rules, in order:
 *  1. A cell with a missing category on any margin, a category whose target
 *     is 0, or no respondents is left out: weight 0; its respondents are
 *     counted in `excluded`. Weighted estimates then ignore them.
 *  2. A level with a positive target but no respondents left cannot be met:
 *     it is dropped and the other targets of that margin are scaled up to
 *     keep the margin's total (counted in dropped_levels).
 *  3. Every margin is scaled to the total of the first, so margins that
 *     disagree slightly (rounding in census tables) still converge. The
 *     weights sum to that total.
 *  4. Starting from weight 1, sweep the margins in order, scaling each level
 *     to its target, until the largest relative margin error < tolerance.
 *  5. With cap > 0 the raking is bounded: every weight is
 *     min(exp(sum of its levels' multipliers), cap * mean weight), the mean
 *     being the total over the respondents taking part (fixed by the
 *     margins), and the multipliers are found level by level (each level's
 *     one-dimensional equation solved exactly) until the margins are met.
 *     This is the unique solution R's
 *       calibrate(svydesign(ids = ~1, weights = ~mean, data), ~m1 + m2 + ...,
 *                 population, calfun = "raking", bounds = c(0, cap))
 *     finds when it converges (the start weights all the mean, so the bounds
 *     are multiples of it). Without a cap it is iterative proportional
 *     fitting, what survey::rake and calibrate(calfun = "raking") compute.
 * If the cap cannot be kept while meeting the margins (a level would need
 * more than all its respondents at the cap), or the sweeps run out, the
 * weights are raked again without the cap (margins met, cap not),
 * result->converged is 0 and the return is STATS_NOCONVERGE; likewise when no
 * respondent is left to weight (all weights 0). options may be NULL for the
 * defaults; result may be NULL. Fails with STATS_EINVAL on a NULL array, a
 * negative or non-finite count or target, a level >= its margin's n_levels,
 * or no margins; STATS_ENOMEM if it cannot allocate its workspace.
 */
STATS_MUST_CHECK int stats_rake(const double *counts, const long *levels, size_t n_cells,
    const struct stats_margin *margins, size_t n_margins,
    const struct stats_rake_options *options, double *weights,
    struct stats_rake_result *result);

/*
 * Kish design effect and effective sample size of weights[n], each applying
 * to counts[i] respondents (counts NULL: one each). Over respondents with a
 * positive weight (a weight of 0 means left out): with m of them,
 * deff = m * sum w^2 / (sum w)^2 (= 1 + CV^2 of the weights, CV with divisor
 * m) and n_eff = (sum w)^2 / sum w^2. None: deff NaN, n_eff 0.
 * Either output pointer may be NULL. Fails with STATS_EINVAL on a NULL
 * weights array or a negative or non-finite weight or count.
 */
STATS_MUST_CHECK int stats_kish(const double *weights, const double *counts, size_t n,
    double *design_effect, double *effective_n);

/* A weighted proportion. */
struct stats_weighted {
	double estimate;     /* sum w y / sum w over answered rows */
	double lower, upper; /* the interval (see each function) */
	double se;           /* linearisation standard error, as survey::svymean */
	double effective_n;  /* Kish (sum w)^2 / sum w^2 over answered rows */
	double n;            /* respondents passed (the design's sample size) */
};

/*
 * Weighted proportion of an answer: rows i = 0..n-1, each counts[i]
 * respondents (counts NULL: one each) with weight weights[i] and answer y[i]
 * in [0, 1] (1 = gave the answer), or NaN for no answer.
 * estimate = sum w y / sum w over answered rows.
 * Interval: the Wilson score interval with the Kish effective sample size
 * n_eff in place of n (x = estimate * n_eff) — simple, stays inside [0, 1],
 * and reduces to the plain Wilson interval when the weights are equal.
 * se: the Taylor-linearisation standard error that R's
 * svymean(~y, svydesign(ids = ~1, weights = ~w, data), na.rm = TRUE) gives
 * on the same rows: with z_i = w_i (y_i - estimate) / sum w (0 when
 * unanswered), se^2 = n / (n - 1) * sum z_i^2 where n counts every
 * respondent passed, answered or not and whatever the weight (R's domain
 * estimation). Nothing answered with positive weight: all NaN but n.
 * Fails with STATS_EINVAL on a NULL array, a negative or non-finite weight or
 * count, y outside [0, 1], or a confidence outside (0, 1).
 */
STATS_MUST_CHECK int stats_weighted_proportion(const double *weights, const double *counts,
    const double *y, size_t n, double confidence, struct stats_weighted *out);

/*
 * A weighted proportion from a raked (calibrated) design, with its
 * linearisation standard error: what R's
 *   svymean(~y, calibrate(svydesign(ids = ~1, weights = ~d, data),
 *           ~m1 + m2 + ..., population, calfun = "raking"), na.rm = TRUE)
 * and confint() give. Cells as in stats_rake: cell c holds counts[c]
 * respondents with level levels[c * n_margins + m] (>= 0) on margin m of
 * n_levels[m] and the final weight weights[c] (0: not in the design, left
 * out); answered[c] of them answered the question and gave[c] gave the answer.
 * estimate p = sum w gave / sum w answered. With W = sum w answered, each
 * respondent's u = (y - p) / W if answering, else 0, is regressed (least
 * squares, equal weights, as the start weights are equal) on the level
 * indicators of every margin; the residual e, times the weight, is the
 * influence x = w e; se^2 = n / (n - 1) * sum (x - mean x)^2, n counting
 * every respondent in the design, answered or not (R's domain estimation).
 * The interval is p -+ z se, cut at 0 and 1; effective_n is Kish's over the
 * respondents answering. Nothing answered with positive weight: all NaN but
 * n. Fails with STATS_EINVAL on a NULL array, a negative or non-finite
 * count or weight, gave > answered > counts, a level out of range, or a
 * confidence outside (0, 1); STATS_ENOMEM if it cannot allocate.
 */
STATS_MUST_CHECK int stats_calibrated_proportion(const double *counts, const long *levels, size_t n_cells,
    const size_t *n_levels, size_t n_margins, const double *weights, const double *answered,
    const double *gave, double confidence, struct stats_weighted *out);

/* A weighted straight-line trend. */
struct stats_trend {
	double slope, slope_se, slope_lower, slope_upper;
	double intercept, intercept_se;
	long df;             /* points used - 2 */
	size_t n_used;       /* points with finite x, y, w and w > 0 */
};

/*
 * Weighted least-squares line y = intercept + slope * x through n points
 * (gsl_fit_wlinear), e.g. a group's log RR against closing date
 * (stats_ratio_trend). weights[i] (NULL: all 1) is proportional to 1 /
 * variance of y[i]; only their ratios matter, because the residual variance is estimated
 * from the fit: se = sqrt(cov / (sum w r^2 / df)), with df = n_used - 2 and a
 * t interval on df degrees of freedom — what R's lm(y ~ x, weights = w) and
 * confint() give. Points with a NaN x or y, or weight 0, are skipped. Fewer
 * than 2 points, or all x equal: all NaN; exactly 2: the line, with NaN
 * standard errors and interval. Fails with STATS_EINVAL on a NULL x or y, an
 * infinite value, a negative weight, or a confidence outside (0, 1);
 * STATS_ENOMEM if it cannot allocate.
 */
STATS_MUST_CHECK int stats_trend(const double *x, const double *y, const double *weights,
    size_t n, double confidence, struct stats_trend *out);

/*
 * Change between two windows: mean(review) - mean(baseline), with a Welch
 * (unequal variances) t interval — R's t.test(review, baseline)$conf.int.
 * NaN values are skipped. A window with no values: all NaN; fewer than 2
 * values in either, or no variance in both: NaN interval around the
 * estimate. Fails with STATS_EINVAL on a NULL array with a non-zero length,
 * an infinite value, or a confidence outside (0, 1).
 */
STATS_MUST_CHECK int stats_window_change(const double *baseline, size_t n_baseline,
    const double *review, size_t n_review, double confidence,
    struct stats_interval *out);

/*
 * The weight of a representation ratio in a trend on the log scale: 1 /
 * var(log RR) by the delta method, for COUNT of KNOWN answers in the group:
 * RR = (count / known) / q with q a census share (no sampling error), so
 * var(log RR) = var(log p) = (1 - p) / (known p), p = count / known, and
 * the weight is count * known / (known - count). It rests on the count, not
 * on the ratio: a low ratio is not weighted up for its narrow interval.
 * Returns 0 (the point carries no weight) when the count is not between 0
 * and KNOWN exclusive (its log ratio or its variance is undefined) or
 * either is NaN. Never fails.
 */
double stats_log_ratio_weight(double count, double known);

/* A representation ratio's trend: a straight line in log RR, as a change per year in RR. */
struct stats_ratio_trend {
	struct stats_trend line;        /* log RR = intercept + slope * (year - year0) */
	double year0, year1;            /* the first and last year of the points fitted */
	struct stats_interval change;   /* exp(slope) - 1: RR's change per year as a fraction, with interval */
	struct stats_interval first;    /* the ratio the line gives at year0, exp(intercept), with interval */
	struct stats_interval last;     /* ... and at year1 */
};

/*
 * The trend of a group's representation ratio over n consultations: in
 * consultation i, closing at YEAR[i], COUNT[i] of KNOWN[i] answers are in
 * the group, whose census share is POPULATION_SHARE[i]. Fits log RR_i =
 * log((count / known) / q) = a + b (year_i - year0) by weighted least
 * squares (stats_trend), weights stats_log_ratio_weight(count, known), the
 * residual variance estimated from the fit (consultations differ by more
 * than sampling: only the weights' ratios matter); year0 is the earliest
 * year fitted. This is R's
 *   lm(log(x / n / q) ~ I(year - year0), weights = x * n / (n - x))
 * with confint() for the slope and predict(..., interval = "confidence"),
 * exp()'d, for the ratio the line gives at the first and last year.
 * Points with a NaN value, a count of 0 or of all KNOWN, or a share of 0
 * are not fitted (log RR or its variance is undefined). Fewer than 2
 * fitted, or one year: NaN line; exactly 2: the line without intervals.
 * Fails with STATS_EINVAL on a NULL array, a negative or infinite count,
 * count > known, a share outside [0, 1] or a confidence outside (0, 1);
 * STATS_ENOMEM if it cannot allocate.
 */
STATS_MUST_CHECK int stats_ratio_trend(const double *year, const double *count, const double *known,
    const double *population_share, size_t n, double confidence, struct stats_ratio_trend *out);

/*
 * The pooled value of a window of n independent estimates, each counting
 * once: ESTIMATE[i] with the interval LOWER[i] to UPPER[i]. Estimates that
 * are NaN are left out. One left: its value and interval as they are.
 * Several (k): their mean, with the interval mean +- sqrt(sum h_i^2) / k (h_i
 * half the width of each interval: the half-width of a mean of independent
 * estimates), or a NaN interval when one of theirs is unknown. None: all
 * NaN. Returns k, the number of estimates used. Never fails.
 */
size_t stats_window_mean(const double *estimate, const double *lower, const double *upper, size_t n,
    struct stats_interval *out);

/*
 * The margin a change between two independent estimates A and B must exceed
 * to be more than chance: sqrt(h_a^2 + h_b^2), h half the width of each
 * interval. NaN when either interval is unknown. Never fails.
 */
double stats_change_margin(const struct stats_interval *a, const struct stats_interval *b);

#endif
