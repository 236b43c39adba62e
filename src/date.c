/* date.c — see date.h. */
#include "date.h"

#include <assert.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Writes Y-M-D (Y 0 to 9999) as "YYYY-MM-DD" with its NUL into OUT. */
static void write_iso(long y, long m, long d, char out[11])
{
	out[0] = (char)('0' + y / 1000);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '-';
	out[8] = (char)('0' + d / 10);
	out[9] = (char)('0' + d % 10);
	out[10] = '\0';
}

static int days_in_month(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return days[m - 1];
}

/* Reads 1 to MAXLEN digits at *P into *V, advancing *P; returns digit count. */
static int read_digits(const char **p, int maxlen, int *v)
{
	int n = 0;
	*v = 0;
	while (n < maxlen && isdigit((unsigned char)**p)) {
		*v = *v * 10 + (**p - '0');
		(*p)++;
		n++;
	}
	return n;
}

/* Are the first LEN letters of S those of WORD, in either case? */
static int is_prefix_nocase(const char *s, const char *word, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (tolower((unsigned char)s[i]) != word[i])
			return 0;
	return 1;
}

/* Writes Y-M-D into OUT as read_date does; -1 when it is no calendar date reach accepts. */
static int checked_date(int y, int m, int d, char out[11])
{
	if (y < 1850 || y > 2200 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
		return -1;
	write_iso(y, m, d, out);
	return 0;
}

/*
 * "Jul 3, 2026" or "July 3, 2026" (JotForm's Submission Date): the month by
 * its English name, so day and month cannot be mistaken. Returns 0 with *Y,
 * *M, *D set, or -1.
 */
static int read_named_month(const char *p, int *y, int *m, int *d)
{
	static const char *const months[] = {
		"january", "february", "march", "april", "may", "june",
		"july", "august", "september", "october", "november", "december",
	};
	size_t len = 0;
	while (isalpha((unsigned char)p[len]))
		len++;
	*m = 0;
	for (int i = 0; i < 12 && len >= 3; i++)
		if (len <= strlen(months[i]) && is_prefix_nocase(p, months[i], len))
			*m = i + 1;
	if (*m == 0 || p[len] != ' ')
		return -1;
	p += len + 1;
	if (read_digits(&p, 2, d) == 0 || *p++ != ',' || *p++ != ' ' || read_digits(&p, 4, y) != 4 ||
	    (*p && *p != ' '))
		return -1;
	return 0;
}

/* How read_date orders day and month: with a fallback when the first field is over 12, fixed, or only where unambiguous. */
enum read_order { READ_DAY_FIRST, READ_MONTH_FIRST, READ_DAY_ONLY, READ_MONTH_ONLY, READ_UNAMBIGUOUS };

/* Reads a date at S in ORDER, two-digit years pivoted on LATEST_YEAR (see parse_date_latest). */
static int read_date(const char *s, enum read_order order, int latest_year, char out[11])
{
	int a, b, c, y, m, d;
	const char *p = s;
	if (order == READ_UNAMBIGUOUS) {
		char day[11], month[11];
		int as_day = read_date(s, READ_DAY_ONLY, latest_year, day) == 0;
		int as_month = read_date(s, READ_MONTH_ONLY, latest_year, month) == 0;
		if (as_day && as_month && strcmp(day, month) != 0)
			return -1;      /* 05/06/2024: 5 June or 6 May, and the column writes both */
		if (!as_day && !as_month)
			return -1;
		memcpy(out, as_day ? day : month, 11);
		return 0;
	}
	while (*p == ' ')
		p++;
	if (isalpha((unsigned char)*p))
		return read_named_month(p, &y, &m, &d) == 0 ? checked_date(y, m, d, out) : -1;
	int na = read_digits(&p, 4, &a);
	if (na == 0 || (*p != '-' && *p != '/' && *p != '.'))
		return -1;
	char sep = *p++;
	if (read_digits(&p, 2, &b) == 0 || *p != sep)
		return -1;
	p++;
	int nc = read_digits(&p, 4, &c);
	if (nc == 0 || isdigit((unsigned char)*p))
		return -1;
	if (*p && *p != ' ' && *p != 'T' && *p != ',')
		return -1;
	if (na == 4) {
		y = a, m = b, d = c;
	} else if (na <= 2 && (nc == 4 || (nc == 2 && sep != '-' && latest_year > 0))) {
		/* Two digits: the latest year ending in them that is not after LATEST_YEAR. */
		y = nc == 4 ? c : latest_year - ((latest_year % 100 - c + 100) % 100);
		int month_first = order == READ_MONTH_FIRST || order == READ_MONTH_ONLY;
		if (order == READ_DAY_ONLY || order == READ_MONTH_ONLY)
			m = month_first ? a : b, d = month_first ? b : a;
		else if (month_first ? a <= 12 || b > 12 : b > 12 && a <= 12)
			m = a, d = b;
		else
			d = a, m = b;
	} else {
		return -1;
	}
	return checked_date(y, m, d, out);
}

static enum read_order order_of(int month_first)
{
	return month_first == DATE_ORDER_MIXED ? READ_UNAMBIGUOUS : month_first ? READ_MONTH_FIRST : READ_DAY_FIRST;
}

int parse_date(const char *s, int month_first, char out[11])
{
	return read_date(s, order_of(month_first), date_current_year(), out);
}

int date_is_iso(const char *s)
{
	char iso[11];
	return parse_date(s, 0, iso) == 0 && strcmp(iso, s) == 0;
}

int parse_date_latest(const char *s, int month_first, int latest_year, char out[11])
{
	return read_date(s, order_of(month_first), latest_year, out);
}

int parse_date_order(const char *s, enum date_order order, char out[11])
{
	return read_date(s, order == DATE_MONTH_FIRST ? READ_MONTH_ONLY : READ_DAY_ONLY, date_current_year(), out);
}

int dates_month_first(const char *const *values, size_t n)
{
	int month_first = 0, day_first = 0;
	char iso[11];
	for (size_t i = 0; i < n; i++) {
		if (!values[i])
			continue;
		int as_day = parse_date_order(values[i], DATE_DAY_FIRST, iso) == 0;
		int as_month = parse_date_order(values[i], DATE_MONTH_FIRST, iso) == 0;
		month_first += as_month && !as_day;
		day_first += as_day && !as_month;
	}
	if (month_first > 0 && day_first > 0)
		return DATE_ORDER_MIXED;
	return month_first > 0;
}

/* The year, month and day of DAYS since 1970-01-01 (Howard Hinnant's civil_from_days). */
static void civil_from_days(long days, long *year, long *month, long *day)
{
	days += 719468;
	long era = (days >= 0 ? days : days - 146096) / 146097;
	long doe = days - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long y = yoe + era * 400, doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	*day = doy - (153 * mp + 2) / 5 + 1;
	*month = mp + (mp < 10 ? 3 : -9);
	*year = y + (*month <= 2);
}

long date_today(void)
{
	return (long)(time(NULL) / 86400);
}

int date_current_year(void)
{
	long y, m, d;
	civil_from_days(date_today(), &y, &m, &d);
	return (int)y;
}

int date_age_years(long born, long at)
{
	char b[11], a[11];
	days_to_date(born, b);
	days_to_date(at, a);
	int years = atoi(a) - atoi(b);
	if (strcmp(a + 5, b + 5) < 0)
		years--;
	return years;
}

static const char *const date_reading_names[] = { "auto", "day-first", "month-first" };
static_assert(sizeof date_reading_names / sizeof *date_reading_names == DATES_MONTH_FIRST + 1, "a name for every reading");

int date_reading_parse(const char *word, enum date_reading *out)
{
	for (int i = 0; i < 3; i++)
		if (strcmp(word, date_reading_names[i]) == 0) {
			*out = (enum date_reading)i;
			return 0;
		}
	return -1;
}

const char *date_reading_name(enum date_reading r)
{
	return date_reading_names[r];
}

/* After Howard Hinnant's days_from_civil and civil_from_days (public domain). */
long date_to_days(const char *iso)
{
	/* "YYYY-MM-DD", as reach writes it (once for every response ingested), read without strtol. */
	const char *form = "dddd-dd-dd";
	int v[10];
	size_t i = 0;
	for (; i < 10; i++) {
		if (form[i] == '-' ? iso[i] != '-' : (unsigned)(iso[i] - '0') >= 10u)
			break;          /* a NUL ends it here too */
		v[i] = iso[i] - '0';
	}
	if (i == 10)
		return date_to_days_ymd(v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3], v[5] * 10 + v[6], v[8] * 10 + v[9]);
	return date_to_days_ymd(strtol(iso, NULL, 10), strtol(iso + 5, NULL, 10), strtol(iso + 8, NULL, 10));
}

long date_to_days_ymd(long y, long m, long d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void days_to_date(long days, char out[11])
{
	long y, m, d;
	civil_from_days(days, &y, &m, &d);
	y %= 10000;
	if (y < 0)
		y += 10000;
	write_iso(y, m, d, out);
}

