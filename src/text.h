/*
 * text.h — text as reach compares it: the matching form of a header or an
 * answer (case, accents, punctuation and "&" folded), white space squeezed,
 * and ASCII comparison without case. No state: every function may be called
 * from any thread.
 */
#ifndef REACH_TEXT_H
#define REACH_TEXT_H

#include <stddef.h>

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

#endif
