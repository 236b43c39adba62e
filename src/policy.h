/*
 * policy.h — the numbers that are choices, not facts: each named once, with
 * why it is what it is. Every module takes them from here; reach.1 lists the
 * ones a user can change.
 */
#ifndef REACH_POLICY_H
#define REACH_POLICY_H

/* The youngest age a consultation invites unless told (--min-age). */
#define POLICY_MIN_AGE_DEFAULT 16

/* Ages accepted from the command line and consultations.csv (--min-age). */
#define POLICY_MIN_AGE_MAX 120

/*
 * The oldest age an answer is believed: an age, or a birth year or date of
 * birth that gives an age past it at submission, is unmatched (and listed by
 * reach unmatched), never counted. 110: the oldest people living in the UK
 * are a handful at 110 or just over, so an older age is far likelier a slip
 * (1900 for 2000) than a respondent.
 */
#define POLICY_AGE_CEILING 110

/* The widest age a band in a seed, baseline or plan file may name. */
#define POLICY_AGE_LIMIT 130

/* Published counts from 1 to below this are withheld (--suppress). */
#define POLICY_SUPPRESS_DEFAULT 5

/*
 * The size bands of a representation ratio, on its unrounded estimate:
 * under half (< POLICY_RATIO_HALF), below four-fifths (< POLICY_PARITY_TARGET),
 * near parity (up to POLICY_RATIO_HIGH) and over (> POLICY_RATIO_HIGH).
 * 0.8 is the four-fifths rule of adverse impact; 1.25 is its mirror (1 / 0.8),
 * so a group over-represented by as much as another is under-represented
 * falls in the matching band; 0.5 marks a group reached at under half its
 * share. An interval reaching below POLICY_RATIO_HALF and above
 * POLICY_RATIO_HIGH at once cannot tell a large shortfall from a large
 * excess: that category reads "too few to say".
 */
#define POLICY_RATIO_HALF 0.5
#define POLICY_PARITY_TARGET 0.8
#define POLICY_RATIO_HIGH 1.25

/* The expected count under which the chi-square test also gives a Monte Carlo p-value. */
#define POLICY_MIN_EXPECTED 5

/*
 * Weighting: a margin's category with fewer respondents than this is not
 * raked on its own — an age band joins its neighbour with fewer respondents,
 * other categories are pooled together (with the smallest other category
 * if still short). 20: a weight resting on a handful of people swings with
 * each of them, and the census target of a category far smaller than the
 * others is met only by weights many times the mean.
 */
#define POLICY_WEIGHT_MIN_RESPONDENTS 20

/* Over this share of a dimension's answers given unmatched, it shows counts only, no shares. */
#define POLICY_UNMATCHED_LIMIT 0.5

/* A column is personal data when at least this share of its answers look like personal values. */
#define POLICY_PERSONAL_SHARE 0.25

/* A column is read as postcodes when over this share of its answers are full postcodes. */
#define POLICY_POSTCODE_SHARE 0.5

/* An equality role from a column's wording stands when at least this share of its answers fit it. */
#define POLICY_ROLE_FIT_SHARE 0.5

/*
 * reach progress: the current rate of responses is taken over this many
 * days to the day followed to (or since opening, when fewer have passed).
 * 14: two whole weeks, so that weekday and weekend and the day a reminder
 * went out weigh alike, and recent enough to show what outreach has changed.
 */
#define POLICY_PROGRESS_RATE_DAYS 14

/*
 * The longest code (a consultation's slug, a plan's, action's or indicator's
 * code): it names files ("SLUG.html", "SLUG-DIMENSION-shares.png"), which
 * must stay well inside a file name's 255 bytes.
 */
#define POLICY_CODE_MAX 64

/* The largest profile (--profile) read: a real one is a few dozen lines; past this it is no profile (/dev/zero). */
#define POLICY_PROFILE_MAX_BYTES (1024 * 1024)

/* A number above as text, for a sentence: POLICY_TEXT(POLICY_PARITY_TARGET) is "0.8". */
#define POLICY_TEXT(x) POLICY_TEXT_(x)
#define POLICY_TEXT_(x) #x

#endif
