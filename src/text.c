/* text.c — see text.h. */
#include "text.h"

#include <ctype.h>
#include <string.h>

#include "policy.h"

/*
 * Folds one Unicode code point from the Latin-1 Supplement and Latin
 * Extended-A blocks to its unaccented ASCII letter(s); returns NULL for
 * anything else. A single letter is written to the caller's ONE, so that
 * the function keeps no state (the reader thread folds text too).
 */
static const char *fold_accent(unsigned cp, char one[2])
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
		char ascii[2] = { 0, 0 }, one[2];
		s += n;
		if (cp < 0x80 && isalnum((int)cp)) {
			ascii[0] = (char)tolower((int)cp);
			folded = ascii;
		} else if (cp == '&') {
			folded = "and";
			if (out->len)
				space = 1;
		} else {
			folded = fold_accent(cp, one);
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


int text_is_code(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > POLICY_CODE_MAX || !isalnum((unsigned char)s[0]))
		return 0;
	for (; *s; s++)
		if (!isalnum((unsigned char)*s) && !strchr("-_.+", *s))
			return 0;
	return 1;
}

/* Length of the valid UTF-8 sequence at S (no overlong form, surrogate or code point past U+10FFFF), or 0. */
static size_t utf8_valid(const unsigned char *s)
{
	unsigned cp;
	size_t n = utf8_decode(s, &cp);
	if (n == 1)
		return s[0] < 0x80;
	if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
	    (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	return n;
}

int text_is_utf8(const char *text)
{
	for (const unsigned char *s = (const unsigned char *)text; *s;) {
		size_t n = utf8_valid(s);
		if (!n)
			return 0;
		s += n;
	}
	return 1;
}

void text_visible(const char *text, struct buf *out)
{
	static const char named[] = "\a" "a" "\b" "b" "\t" "t" "\n" "n" "\v" "v" "\f" "f" "\r" "r";
	buf_reset(out);
	buf_puts(out, "");
	for (const unsigned char *s = (const unsigned char *)text; *s;) {
		size_t n = utf8_valid(s);
		unsigned cp = 0;
		if (n)
			utf8_decode(s, &cp);
		const char *name = n && cp < 0x20 ? strchr(named, (int)cp) : NULL;
		if (name && (name - named) % 2 == 0) {
			buf_putc(out, '\\');
			buf_putc(out, name[1]);
		} else if (!n || cp < 0x20 || cp == 0x7F) {
			buf_printf(out, "\\x%02x", s[0]);
			n = 1;
		} else if (cp >= 0x80 && cp < 0xA0) {
			buf_printf(out, "\\u%04x", cp);
		} else {
			buf_append(out, s, n);
		}
		s += n;
	}
}

void text_repair_utf8(const char *text, struct buf *out)
{
	buf_reset(out);
	buf_puts(out, "");
	for (const unsigned char *s = (const unsigned char *)text; *s;) {
		size_t n = utf8_valid(s);
		if (n)
			buf_append(out, s, n);
		else
			buf_puts(out, "\xEF\xBF\xBD");
		s += n ? n : 1;
	}
}
