/*
 * content.c — see content.h. Personal data told by what the answers look
 * like, whatever a column's header says.
 */
#include "content.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "policy.h"
#include "text.h"


static int alpha_at(const char *p) { return isalpha((unsigned char)*p) != 0; }
static int digit_at(const char *p) { return isdigit((unsigned char)*p) != 0; }

/*
 * The length of a full UK postcode at P ("ME15 6JQ", "sw1a1aa"), ending on a
 * word boundary, or 0; *OUTWARD is the length of its district.
 */
static size_t postcode_at(const char *p, size_t *outward)
{
	if (!alpha_at(p))
		return 0;
	size_t i = alpha_at(p + 1) ? 2 : 1;
	if (!digit_at(p + i))
		return 0;
	i++;
	for (size_t out = i; out <= i + 1; out++) {
		if (out > i && !isalnum((unsigned char)p[i]))
			break;
		size_t in = out + (p[out] == ' ');
		if (digit_at(p + in) && alpha_at(p + in + 1) && alpha_at(p + in + 2) &&
		    !isalnum((unsigned char)p[in + 3])) {
			*outward = out;
			return in + 3;
		}
	}
	return 0;
}

size_t content_cut_postcodes(const char *s, struct buf *out)
{
	size_t cut = 0, outward, len;
	buf_reset(out);
	for (const char *p = s; *p; ) {
		if ((p == s || !isalnum((unsigned char)p[-1])) && (len = postcode_at(p, &outward))) {
			for (size_t i = 0; i < outward; i++)
				buf_putc(out, (char)toupper((unsigned char)p[i]));
			p += len;
			cut++;
		} else {
			buf_putc(out, *p++);
		}
	}
	if (!out->data)
		buf_puts(out, "");
	return cut;
}

static const char *const content_words[CONTENT_COUNT] = {
	"", "full postcodes", "email addresses", "phone numbers", "IP addresses",
	"grid references or eastings and northings", "latitudes and longitudes",
};

static int is_email(const char *s)
{
	const char *at = strchr(s, '@');
	if (!at || at == s || strchr(at + 1, '@') || strpbrk(s, " \t,;<>"))
		return 0;
	const char *dot = strrchr(at + 1, '.');
	return dot && dot > at + 1 && dot[1];
}

static int is_phone(const char *s)
{
	size_t digits = 0;
	if (*s != '0' && *s != '+' && *s != '(')
		return 0;
	for (const char *p = s; *p; p++) {
		if (digit_at(p))
			digits++;
		else if (!strchr(" +()-.", *p))
			return 0;
	}
	return digits >= 10 && digits <= 13;
}

static int is_ip(const char *s)
{
	int parts = 0, colons = 0;
	const char *p = s;
	for (;;) {
		char *end;
		if (!digit_at(p))
			break;
		long v = strtol(p, &end, 10);
		if (end - p > 3 || v > 255)
			break;
		parts++;
		p = end;
		if (*p != '.')
			break;
		p++;
	}
	if (parts == 4 && !*p)
		return 1;
	for (p = s; *p; p++) {
		if (*p == ':')
			colons++;
		else if (!isxdigit((unsigned char)*p))
			return 0;
	}
	return colons >= 5 || (colons >= 2 && strstr(s, "::") && strlen(s) >= 6);
}

/* A number of MIN_DIGITS or more digits at *P, with at least DECIMALS after a point; advances *P. */
static int number_at(const char **p, int min_digits, int decimals, double *value)
{
	char *end;
	const char *s = *p;
	if (*s == '-' || *s == '+')
		s++;
	if (!digit_at(s))
		return 0;
	*value = strtod(*p, &end);
	const char *dot = memchr(s, '.', (size_t)(end - s));
	int before = (int)((dot ? dot : end) - s), after = dot ? (int)(end - dot - 1) : 0;
	*p = end;
	return before >= min_digits && after >= decimals;
}

/* "TQ 75838 55291", "TQ7583855291", "575838, 155291". */
static int is_grid(const char *s)
{
	struct buf b = { 0 };
	for (const char *p = s; *p; p++)
		if (*p != ' ')
			buf_putc(&b, (char)toupper((unsigned char)*p));
	int grid = 0;
	if (b.len >= 6 && b.len <= 12 && strchr("HJNOST", b.data[0]) && alpha_at(b.data + 1) &&
	    b.data[1] != 'I' && (b.len - 2) % 2 == 0) {
		grid = 1;
		for (size_t i = 2; i < b.len; i++)
			grid &= digit_at(b.data + i);
	}
	buf_free(&b);
	if (grid)
		return 1;
	/* Eastings and northings in metres: six digits, then six or seven. */
	const char *p = s;
	double e, n;
	if (*s == '0' || !number_at(&p, 6, 0, &e) || p - s != 6)
		return 0;
	while (*p == ',' || *p == ' ' || *p == ';')
		p++;
	const char *north = p;
	return *p != '0' && number_at(&p, 6, 0, &n) && !*p && p - north <= 7 && e <= 700000 && n <= 1300000;
}

/* "51.27201", "51.2720, 0.5290". */
static int is_coordinates(const char *s)
{
	const char *p = s;
	double a, b;
	if (!number_at(&p, 1, 3, &a) || fabs(a) > 180)
		return 0;
	if (!*p)
		return p - s >= 6 && strchr(s, '.') && strlen(strchr(s, '.') + 1) >= 4;
	while (*p == ',' || *p == ' ' || *p == ';')
		p++;
	return number_at(&p, 1, 3, &b) && !*p && fabs(b) <= 180;
}

static enum content content_of(const char *v)
{
	size_t outward, len = strlen(v);
	if (postcode_at(v, &outward) == len)
		return CONTENT_POSTCODE;
	if (is_email(v))
		return CONTENT_EMAIL;
	if (is_ip(v))
		return CONTENT_IP;
	if (is_grid(v))
		return CONTENT_GRID;
	if (is_coordinates(v))
		return CONTENT_COORDINATES;
	if (is_phone(v))
		return CONTENT_PHONE;
	return CONTENT_OTHER;
}

enum role content_role(const char *const *const *answers, const size_t *nfields, size_t nrows, size_t col,
    enum content *kind)
{
	size_t seen[CONTENT_COUNT] = { 0 }, filled = 0, personal = 0;
	struct buf b = { 0 };
	for (size_t r = 0; r < nrows; r++) {
		const char *v = columns_cell(answers[r], nfields[r], col);
		if (!*v)
			continue;
		text_squeeze(v, &b);
		if (!b.len)
			continue;
		filled++;
		seen[content_of(b.data)]++;
	}
	buf_free(&b);
	*kind = CONTENT_OTHER;
	for (int k = CONTENT_EMAIL; k < CONTENT_COUNT; k++) {
		personal += seen[k];
		if (seen[k] > seen[*kind] || *kind == CONTENT_OTHER)
			*kind = seen[k] ? (enum content)k : *kind;
	}
	if (filled && personal && (double)personal >= POLICY_PERSONAL_SHARE * (double)filled)
		return ROLE_PERSONAL;
	*kind = CONTENT_POSTCODE;
	if (filled && (double)seen[CONTENT_POSTCODE] > POLICY_POSTCODE_SHARE * (double)filled)
		return ROLE_POSTCODE;
	*kind = CONTENT_OTHER;
	return ROLE_UNKNOWN;
}

const char *content_name(enum content kind)
{
	return (unsigned)kind < CONTENT_COUNT ? content_words[kind] : "";
}
