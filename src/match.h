/*
 * match.h — wording rules: "this text means that". Used for column roles
 * (seeds/columns/roles.csv) and for the taxonomy's synonyms alike.
 *
 * Texts and patterns are compared in their normalised form (text_normalize).
 * A rule is `exact` (the whole text), `prefix` (the text starts with the
 * pattern's words) or `contains` (the pattern's words appear in the text, on
 * word boundaries). An exact rule wins; otherwise the longest pattern; then
 * the earliest rule.
 */
#ifndef REACH_MATCH_H
#define REACH_MATCH_H

#include <stddef.h>

enum match_kind { MATCH_EXACT, MATCH_PREFIX, MATCH_CONTAINS };

struct match_rule {
	enum match_kind kind;
	char *pattern;          /* normalised */
	size_t len;
	int value;              /* what the rule means, to its user */
	const char *source;     /* file the rule came from, for messages */
	long line;
};

struct matcher {
	struct match_rule *rules;
	size_t n, cap;
};

/* Parses "exact", "prefix" or "contains"; returns -1 for anything else. */
int match_kind_parse(const char *word, enum match_kind *kind);

/* Adds a rule (PATTERN in any form; it is normalised here). */
void matcher_add(struct matcher *m, enum match_kind kind, const char *pattern, int value,
    const char *source, long line);

/* The best rule for the normalised text NORM, or NULL. */
const struct match_rule *matcher_find(const struct matcher *m, const char *norm);

void matcher_free(struct matcher *m);

#endif
