/* util.c — see util.h. */
#include "util.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void out_of_memory(void)
{
	fputs("reach: out of memory\n", stderr);
	abort();
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		out_of_memory();
	return p;
}

void *xcalloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);
	if (!p)
		out_of_memory();
	return p;
}

void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		out_of_memory();
	return p;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void strings_free(char **list, size_t n)
{
	for (size_t i = 0; list && i < n; i++)
		free(list[i]);
	free(list);
}

void buf_grow(struct buf *b, size_t more)
{
	if (b->len + more + 1 <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < b->len + more + 1)
		cap *= 2;
	b->data = xrealloc(b->data, cap);
	b->cap = cap;
}

void buf_append(struct buf *b, const void *s, size_t n)
{
	buf_grow(b, n);
	if (n)
		memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void buf_puts(struct buf *b, const char *s)
{
	buf_append(b, s, strlen(s));
}

void buf_putc(struct buf *b, char c)
{
	buf_append(b, &c, 1);
}

void buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	buf_grow(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

void buf_free(struct buf *b)
{
	if (!b)
		return;
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

void error_set(struct reach_error *e, int code, const char *file, long line,
    const char *fmt, ...)
{
	size_t n = 0;
	e->code = code;
	if (file && line > 0)
		n = (size_t)snprintf(e->msg, sizeof e->msg, "%s:%ld: ", file, line);
	else if (file)
		n = (size_t)snprintf(e->msg, sizeof e->msg, "%s: ", file);
	if (n >= sizeof e->msg)
		n = sizeof e->msg - 1;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(e->msg + n, sizeof e->msg - n, fmt, ap);
	va_end(ap);
}

int error_print(const struct reach_error *e)
{
	fprintf(stderr, "reach: %s\n", e->msg);
	return e->code;
}

/*
 * Folds one Unicode code point from the Latin-1 Supplement and Latin
 * Extended-A blocks to its unaccented ASCII letter(s); returns NULL for
 * anything else.
 */
static const char *fold_accent(unsigned cp)
{
	static const char *latin1[64] = {
		"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
		"d", "n", "o", "o", "o", "o", "o", NULL, "o", "u", "u", "u", "u", "y", "th", "ss",
		"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
		"d", "n", "o", "o", "o", "o", "o", NULL, "o", "u", "u", "u", "u", "y", "th", "y",
	};
	/* U+0100 to U+017F in order; ligatures fold to their first letter. */
	static const char extended_a[] =
	    "aaaaaa" "cccccccc" "dddd" "eeeeeeeeee" "gggggggg" "hhhh" "iiiiiiiiii"
	    "ii" "jj" "kkk" "llllllllll" "nnnnnnnnn" "oooooo" "oo" "rrrrrr"
	    "ssssssss" "tttttt" "uuuuuuuuuuuu" "ww" "yyy" "zzzzzz" "s";
	static char one[2];
	if (cp >= 0xC0 && cp <= 0xFF)
		return latin1[cp - 0xC0];
	if (cp == 0x152 || cp == 0x153)
		return "oe";
	if (cp == 0x132 || cp == 0x133)
		return "ij";
	if (cp >= 0x100 && cp < 0x100 + sizeof extended_a - 1) {
		one[0] = extended_a[cp - 0x100];
		one[1] = '\0';
		return one;
	}
	return NULL;
}

/* Decodes one UTF-8 sequence at S; returns its length (1 for a bad byte). */
static size_t utf8_decode(const unsigned char *s, unsigned *cp)
{
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if ((s[0] & 0xE0) == 0xC0 && (s[1] & 0xC0) == 0x80) {
		*cp = ((unsigned)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
		return 2;
	}
	if ((s[0] & 0xF0) == 0xE0 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80) {
		*cp = ((unsigned)(s[0] & 0x0F) << 12) | ((unsigned)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
		return 3;
	}
	if ((s[0] & 0xF8) == 0xF0 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80 &&
	    (s[3] & 0xC0) == 0x80) {
		*cp = ((unsigned)(s[0] & 0x07) << 18) | ((unsigned)(s[1] & 0x3F) << 12) |
		    ((unsigned)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
		return 4;
	}
	*cp = 0xFFFD;
	return 1;
}

void text_normalize(const char *text, struct buf *out)
{
	const unsigned char *s = (const unsigned char *)text;
	int space = 0;
	buf_reset(out);
	buf_grow(out, strlen(text) + 8);
	out->data[0] = '\0';
	while (*s) {
		unsigned cp;
		size_t n = utf8_decode(s, &cp);
		const char *folded = NULL;
		char ascii[2] = { 0, 0 };
		s += n;
		if (cp < 0x80 && isalnum((int)cp)) {
			ascii[0] = (char)tolower((int)cp);
			folded = ascii;
		} else if (cp == '&') {
			folded = "and";
			if (out->len)
				space = 1;
		} else {
			folded = fold_accent(cp);
		}
		if (!folded) {
			space = out->len > 0;
			continue;
		}
		if (space)
			buf_putc(out, ' ');
		space = cp == '&';
		buf_puts(out, folded);
	}
}

void text_squeeze(const char *text, struct buf *out)
{
	int space = 0;
	buf_reset(out);
	for (const char *s = text; *s; s++) {
		if (isspace((unsigned char)*s)) {
			space = out->len > 0;
			continue;
		}
		if (space)
			buf_putc(out, ' ');
		space = 0;
		buf_putc(out, *s);
	}
	if (!out->data)
		buf_puts(out, "");
}

int text_is_squeezed(const char *text, size_t len)
{
	if (len && (text[0] == ' ' || text[len - 1] == ' '))
		return 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)text[i];
		if (c <= ' ' && (c != ' ' || text[i + 1] == ' '))
			return 0;
	}
	return 1;
}

int strcasecmp_ascii(const char *a, const char *b)
{
	for (;; a++, b++) {
		int d = tolower((unsigned char)*a) - tolower((unsigned char)*b);
		if (d || !*a)
			return d;
	}
}

int parse_long(const char *s, long min, long max, long *out)
{
	char *end;
	if (!s || !*s || isspace((unsigned char)*s))
		return -1;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || *end || v < min || v > max)
		return -1;
	*out = v;
	return 0;
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

/* ORDER is 0 day first with fallback, 1 month first with fallback, 2 day only, 3 month only. */
static int read_date(const char *s, int order, char out[11])
{
	int a, b, c, y, m, d;
	const char *p = s;
	while (*p == ' ')
		p++;
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
	} else if (nc == 4) {
		y = c;
		int month_first = order == 1 || order == 3;
		if (order >= 2)
			m = month_first ? a : b, d = month_first ? b : a;
		else if (month_first ? a <= 12 || b > 12 : b > 12 && a <= 12)
			m = a, d = b;
		else
			d = a, m = b;
	} else {
		return -1;
	}
	if (y < 1850 || y > 2200 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
		return -1;
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
	return 0;
}

int parse_date(const char *s, int month_first, char out[11])
{
	return read_date(s, month_first ? 1 : 0, out);
}

int parse_date_order(const char *s, enum date_order order, char out[11])
{
	return read_date(s, order == DATE_MONTH_FIRST ? 3 : 2, out);
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
	return month_first > 0 && day_first == 0;
}

static const char *const date_reading_names[] = { "auto", "day-first", "month-first" };

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
	days += 719468;
	long era = (days >= 0 ? days : days - 146096) / 146097;
	long doe = days - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long y = yoe + era * 400, doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153, d = doy - (153 * mp + 2) / 5 + 1;
	long m = mp + (mp < 10 ? 3 : -9);
	y += m <= 2;
	char text[64];
	snprintf(text, sizeof text, "%04d-%02d-%02d", (int)(y % 10000), (int)(m % 100), (int)(d % 100));
	memcpy(out, text, 10);
	out[10] = '\0';
}

size_t varint_put(unsigned char *p, uint64_t v)
{
	size_t n = 0;
	while (v >= 0x80) {
		p[n++] = (unsigned char)(v | 0x80);
		v >>= 7;
	}
	p[n++] = (unsigned char)v;
	return n;
}

size_t varint_get(const unsigned char *p, const unsigned char *end, uint64_t *v)
{
	uint64_t r = 0;
	for (size_t n = 0; n < 10 && p + n < end; n++) {
		r |= (uint64_t)(p[n] & 0x7F) << (7 * n);
		if (!(p[n] & 0x80)) {
			*v = r;
			return n + 1;
		}
	}
	return 0;
}
