/*
 * text.h — text as reach compares it: the matching form of a header or an
 * answer (case, accents, punctuation and "&" folded), white space squeezed,
 * and ASCII comparison without case. No state: every function may be called
 * from any thread.
 */
#ifndef REACH_TEXT_H
#define REACH_TEXT_H

#include <stddef.h>

#include "policy.h"
#include "util.h"

/*
 * Writes the matching form of TEXT into OUT (replacing its contents): lower
 * case, Latin accents folded, "&" as " and ", every run of other characters
 * than letters and digits as one space, no leading or trailing space. Used
 * for header rules and taxonomy synonyms alike.
 */
void text_normalize(const char *text, struct buf *out);

/* Collapses runs of white space (including newlines) to one space, trims. */
void text_squeeze(const char *text, struct buf *out);

/* Is TEXT (LEN bytes) already as text_squeeze would make it? */
int text_is_squeezed(const char *text, size_t len);

/* Compares ASCII strings ignoring case, like strcasecmp. */
int strcasecmp_ascii(const char *a, const char *b);

/*
 * Is S a code: a consultation's slug, or a plan's, action's or indicator's
 * code? 1 to POLICY_CODE_MAX letters, digits, "-", "_", "." and "+",
 * beginning with a letter or digit: safe as a file name (no "/", never "."
 * or ".."), on a command line and in every output. The one rule for codes;
 * TEXT_CODE_RULE says it in words for a message.
 */
int text_is_code(const char *s);
#define TEXT_CODE_RULE \
	"1 to " POLICY_TEXT(POLICY_CODE_MAX) " letters, digits, -, _, . and +, beginning with a letter or digit"

/* Is TEXT well-formed UTF-8 (no overlong form, surrogate, or code point past U+10FFFF)? */
int text_is_utf8(const char *text);

/*
 * Writes TEXT into OUT (replacing its contents) as it may reach a terminal:
 * control characters (C0, DEL and C1, so no escape sequence) written
 * visibly as \n, \t, \x1b or \u009b, and each byte of invalid UTF-8 as \xNN.
 */
void text_visible(const char *text, struct buf *out);

/* Writes TEXT into OUT (replacing its contents) with each byte of invalid UTF-8 as U+FFFD. */
void text_repair_utf8(const char *text, struct buf *out);

#endif
