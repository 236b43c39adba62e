/*
 * attack.c — tries to undo the disclosure control of a published report.
 *
 * attack REPORT.csv reads only what `reach report SLUG --format csv` publishes
 * (with the residents' shares printed in it) and, dimension by dimension,
 * enumerates every assignment of the hidden counts that agrees with
 * everything shown: a count shown "<5" is from 1 to 4, "[c]" from 0 to the
 * responses; the categories and the counts beside them (missing, declined,
 * unmatched, left out) add up to the responses; the compared categories to
 * the known answers; each group's members to the group; and a published
 * chi-square statistic equals the one the assignment gives, within its
 * printed digits. A report whose counts are rounded (a "rounding" note
 * giving the base) is attacked as such: every count shown is a range (the
 * whole numbers that round to it), the parts of the responses add up to
 * the responses' range, and each share must be the rounded count over the
 * rounded known answers (a share worked out from the true counts would give
 * them back). It prints what it found, and exits 1 when some hidden
 * count has only one consistent value (it was given away), 2 on bad input
 * or when the enumeration is too large, 0 otherwise.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_FIELDS 20
#define MAX_ROWS 400
#define MAX_VARS 64
#define MAX_COUNT 1000
#define MAX_NODES 200000000L

enum { DIMENSION, KIND, CODE, LABEL, N, SHARE, POPULATION_SHARE = 9, MEMBERS = 16 };

struct row {
	char *field[MAX_FIELDS];
	int nfields;
};

static struct row rows[MAX_ROWS];
static int nrows;

/* Splits one CSV record from LINE (quotes doubled inside quoted fields) into R; the strings are R's own. */
static void split(const char *line, struct row *r)
{
	const char *p = line;
	r->nfields = 0;
	while (r->nfields < MAX_FIELDS) {
		size_t cap = strlen(p) + 1, len = 0;
		char *f = malloc(cap);
		if (*p == '"') {
			for (p++; *p; p++) {
				if (*p == '"' && p[1] == '"')
					f[len++] = '"', p++;
				else if (*p == '"') {
					p++;
					break;
				} else
					f[len++] = *p;
			}
		}
		while (*p && *p != ',' && *p != '\n')
			f[len++] = *p++;
		f[len] = 0;
		if (f[0] == '\'')
			memmove(f, f + 1, len);
		r->field[r->nfields++] = f;
		if (*p != ',')
			break;
		p++;
	}
	for (int i = r->nfields; i < MAX_FIELDS; i++)
		r->field[i] = "";
}

/* A count of the dimension: known, or hidden with the range the attacker knows. */
struct var {
	const char *code;
	int hidden, low, high, value;   /* value: when shown */
	int seen[MAX_COUNT + 1];        /* hidden: values found in a consistent assignment */
};

/* A published equation: the sum of TERMS equals the count of TOTAL (or the fixed TARGET when TOTAL < 0). */
struct sum {
	int terms[MAX_VARS], nterms, total, target;
};

static struct var vars[MAX_VARS];
static int nvars;
static struct sum sums[MAX_VARS];
static int nsums;
static int assigned[MAX_VARS], value[MAX_VARS];
static int order[MAX_VARS], norder;
static long nodes, solutions;
/* The chi-square test as published, and each category's expected share. */
static double chi_square = NAN, expected_share[MAX_VARS];
static int compared[MAX_VARS], category[MAX_VARS], known_var = -1;

static int add_var(const char *code, const char *n, int most)
{
	struct var *v = &vars[nvars];
	memset(v, 0, sizeof *v);
	v->code = code;
	compared[nvars] = category[nvars] = 0;
	expected_share[nvars] = NAN;
	if (n[0] == '<') {
		v->hidden = 1, v->low = 1, v->high = atoi(n + 1) - 1;
	} else if (strcmp(n, "[c]") == 0) {
		v->hidden = 1, v->low = 0, v->high = most;
	} else
		v->low = v->high = v->value = atoi(n);
	return nvars++;
}

/* Can every sum still be met, with the counts assigned so far? */
static int feasible(void)
{
	for (int s = 0; s < nsums; s++) {
		int low = 0, high = 0;
		for (int t = 0; t < sums[s].nterms; t++) {
			int i = sums[s].terms[t];
			low += assigned[i] ? value[i] : vars[i].low;
			high += assigned[i] ? value[i] : vars[i].high;
		}
		int total = sums[s].total;
		int tlow = total < 0 ? sums[s].target : assigned[total] ? value[total] : vars[total].low;
		int thigh = total < 0 ? sums[s].target : assigned[total] ? value[total] : vars[total].high;
		if (high < tlow || low > thigh)
			return 0;
	}
	return 1;
}

/* Does the assignment give the chi-square statistic published (to its 6 significant digits)? */
static int test_agrees(void)
{
	if (isnan(chi_square) || known_var < 0)
		return 1;
	double statistic = 0, known = value[known_var];
	for (int i = 0; i < nvars; i++) {
		if (!compared[i] || !(expected_share[i] > 0))
			continue;
		double e = known * expected_share[i];
		statistic += (value[i] - e) * (value[i] - e) / e;
	}
	/* The residents' shares are printed to 6 digits: allow for that, and for the statistic's own. */
	return fabs(statistic - chi_square) <= 1e-4 * fmax(1, chi_square);
}

static void search(int depth)
{
	if (++nodes > MAX_NODES)
		return;
	if (depth == norder) {
		if (!test_agrees())
			return;
		solutions++;
		for (int i = 0; i < nvars; i++)
			if (vars[i].hidden)
				vars[i].seen[value[i]] = 1;
		return;
	}
	int i = order[depth];
	assigned[i] = 1;
	for (int v = vars[i].low; v <= vars[i].high; v++) {
		value[i] = v;
		if (feasible())
			search(depth + 1);
	}
	assigned[i] = 0;
}

/* The base counts are rounded to (the report's "rounding" note), or 0. */
static int rounding;

/* The whole counts from *LOW to *HIGH that round to R at the base, halves up. */
static void rounded_range(int r, int *low, int *high)
{
	*low = (int)fmax(0, ceil(r - rounding / 2.0));
	*high = (int)ceil(r + rounding / 2.0) - 1;
}

/*
 * Rounded counts: each part of the responses (categories and the counts
 * beside them) lies in its range, and the parts add up to the responses,
 * which lie in theirs. With one equation and ranges, the values a part can
 * take are exactly the whole numbers from the most the others leave it
 * below to the least: a part is given away when those meet.
 */
static int attack_rounded(int first, int last)
{
	const char *dimension = rows[first].field[DIMENSION];
	int low[MAX_ROWS], high[MAX_ROWS], part[MAX_ROWS], n = 0, total_low = -1, total_high = -1, known = -1;
	for (int r = first; r < last; r++)
		if (strcmp(rows[r].field[KIND], "answers") == 0 && strcmp(rows[r].field[CODE], "responses") == 0)
			rounded_range(atoi(rows[r].field[N]), &total_low, &total_high);
		else if (strcmp(rows[r].field[KIND], "answers") == 0 && strcmp(rows[r].field[CODE], "known") == 0)
			known = atoi(rows[r].field[N]);
	if (total_low < 0) {
		printf("%s: no responses published\n", dimension);
		return 2;
	}
	int given_away = 0;
	for (int r = first; r < last; r++) {
		struct row *w = &rows[r];
		int category = strcmp(w->field[KIND], "category") == 0;
		if (!category && (strcmp(w->field[KIND], "answers") != 0 || strcmp(w->field[CODE], "responses") == 0 ||
		    strcmp(w->field[CODE], "known") == 0))
			continue;
		if (strcmp(w->field[N], "[c]") == 0)
			low[n] = 0, high[n] = total_high;
		else
			rounded_range(atoi(w->field[N]), &low[n], &high[n]);
		part[n++] = r;
		/* A share shown must be the rounded count over the rounded known answers, to its 6 digits. */
		if (category && known > 0 && w->field[SHARE][0] && w->field[SHARE][0] != '[' &&
		    fabs(atof(w->field[SHARE]) - atof(w->field[N]) / known) > 1e-5 * fmax(1e-3, atof(w->field[SHARE]))) {
			printf("%s: the share of %s is not of the rounded counts: it gives the true count away\n", dimension,
			    w->field[CODE]);
			given_away = 1;
		}
	}
	int sum_low = 0, sum_high = 0;
	for (int i = 0; i < n; i++)
		sum_low += low[i], sum_high += high[i];
	for (int i = 0; i < n; i++) {
		int from = (int)fmax(low[i], total_low - (sum_high - high[i]));
		int to = (int)fmin(high[i], total_high - (sum_low - low[i]));
		if (low[i] < high[i] && from >= to) {
			printf("%s: %s is given away: only %d agrees with what is published\n", dimension, rows[part[i]].field[CODE],
			    from);
			given_away = 1;
		}
	}
	if (!given_away)
		printf("%s: rounded to %d, %d counts, none given away\n", dimension, rounding, n);
	return given_away;
}

/* Attacks the dimension whose rows are FIRST to LAST - 1; returns 1 when a hidden count is given away, 2 when it cannot tell. */
static int attack(int first, int last)
{
	const char *dimension = rows[first].field[DIMENSION];
	int responses = -1, all = -1, known = -1;
	nvars = nsums = norder = 0;
	chi_square = NAN;
	known_var = -1;
	for (int r = first; r < last; r++)
		if (strcmp(rows[r].field[KIND], "answers") == 0 && strcmp(rows[r].field[CODE], "responses") == 0)
			responses = atoi(rows[r].field[N]);
	if (responses < 0 || responses > MAX_COUNT) {
		printf("%s: no responses published, or too many to attack\n", dimension);
		return 2;
	}
	struct sum every = { .total = -1, .target = responses }, compared_sum = { .total = -1 };
	int any_compared = 0;
	for (int r = first; r < last; r++) {
		struct row *w = &rows[r];
		const char *kind = w->field[KIND];
		if (strcmp(kind, "answers") == 0 && strcmp(w->field[CODE], "responses") != 0) {
			int i = add_var(w->field[CODE], w->field[N], responses);
			if (strcmp(w->field[CODE], "known") == 0)
				known = known_var = i;
			else
				every.terms[every.nterms++] = i;
		} else if (strcmp(kind, "category") == 0) {
			int i = add_var(w->field[CODE], w->field[N], responses);
			every.terms[every.nterms++] = i;
			category[i] = 1;
			compared[i] = w->field[POPULATION_SHARE][0] != 0;
			expected_share[i] = compared[i] ? atof(w->field[POPULATION_SHARE]) : NAN;
			any_compared |= compared[i];
		} else if (strcmp(kind, "test") == 0 && strcmp(w->field[CODE], "chi_square") == 0)
			chi_square = atof(w->field[N]);
	}
	/* The known answers: the compared categories, or every category when none is compared. */
	for (int i = 0; i < nvars; i++)
		if (category[i] && (compared[i] || !any_compared))
			compared_sum.terms[compared_sum.nterms++] = i;
	all = nvars;
	sums[nsums++] = every;
	if (known >= 0 && compared_sum.nterms) {
		compared_sum.total = known;
		sums[nsums++] = compared_sum;
	}
	/* Each group: the sum of its members (a group may also hold answers naming only it: then it has no equation here). */
	for (int r = first; r < last; r++) {
		struct row *w = &rows[r];
		if (strcmp(w->field[KIND], "group") != 0 || !w->field[MEMBERS][0])
			continue;
		int g = add_var(w->field[CODE], w->field[N], responses);
		struct sum s = { .total = g };
		char *members = strdup(w->field[MEMBERS]);
		for (char *m = strtok(members, " "); m; m = strtok(NULL, " ")) {
			int i = -1;
			for (int k = 0; k < all; k++)
				if (strcmp(vars[k].code, m) == 0)
					i = k;
			if (i >= 0)
				s.terms[s.nterms++] = i;
		}
		free(members);
		sums[nsums++] = s;
	}
	int hidden = 0;
	for (int i = 0; i < nvars; i++) {
		assigned[i] = !vars[i].hidden;
		value[i] = vars[i].value;
		if (vars[i].hidden)
			order[norder++] = i, hidden++;
	}
	if (!hidden) {
		printf("%s: nothing hidden\n", dimension);
		return 0;
	}
	nodes = solutions = 0;
	search(0);
	if (nodes > MAX_NODES) {
		printf("%s: %d hidden, too many assignments to try\n", dimension, hidden);
		return 2;
	}
	if (solutions == 0) {
		printf("%s: %d hidden, no assignment agrees with what is published\n", dimension, hidden);
		return 2;
	}
	int given_away = 0;
	for (int i = 0; i < nvars; i++) {
		if (!vars[i].hidden)
			continue;
		int values = 0, last_value = -1;
		for (int v = 0; v <= MAX_COUNT; v++)
			if (vars[i].seen[v])
				values++, last_value = v;
		if (values == 1) {
			printf("%s: %s is given away: only %d agrees with what is published\n", dimension, vars[i].code,
			    last_value);
			given_away = 1;
		}
	}
	if (!given_away)
		printf("%s: %d hidden, %ld assignments agree, none given away\n", dimension, hidden, solutions);
	return given_away;
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fputs("usage: attack REPORT.csv\n", stderr);
		return 2;
	}
	FILE *in = fopen(argv[1], "r");
	if (!in) {
		perror(argv[1]);
		return 2;
	}
	char line[8192];
	while (nrows < MAX_ROWS && fgets(line, sizeof line, in))
		split(line, &rows[nrows++]);
	fclose(in);
	if (nrows == 0 || strcmp(rows[0].field[DIMENSION], "dimension") != 0) {
		fprintf(stderr, "attack: %s: not a published CSV report\n", argv[1]);
		return 2;
	}
	for (int r = 1; r < nrows; r++)
		if (strcmp(rows[r].field[KIND], "note") == 0 && strcmp(rows[r].field[CODE], "rounding") == 0)
			rounding = atoi(rows[r].field[N]);
	int worst = 0;
	for (int r = 1; r < nrows;) {
		int end = r;
		while (end < nrows && strcmp(rows[end].field[DIMENSION], rows[r].field[DIMENSION]) == 0)
			end++;
		if (rows[r].field[DIMENSION][0]) {
			int rc = rounding > 1 ? attack_rounded(r, end) : attack(r, end);
			if (rc == 1 || (rc == 2 && worst == 0))
				worst = rc;
		}
		r = end;
	}
	return worst;
}
