/* match.c — see match.h. */
#include "match.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "util.h"

int match_kind_parse(const char *word, enum match_kind *kind)
{
	if (strcmp(word, "exact") == 0)
		*kind = MATCH_EXACT;
	else if (strcmp(word, "prefix") == 0)
		*kind = MATCH_PREFIX;
	else if (strcmp(word, "contains") == 0)
		*kind = MATCH_CONTAINS;
	else
		return -1;
	return 0;
}

void matcher_add(struct matcher *m, enum match_kind kind, const char *pattern, int value,
    const char *source, long line)
{
	struct buf norm = { 0 };
	text_normalize(pattern, &norm);
	if (m->n == m->cap) {
		m->cap = m->cap ? m->cap * 2 : 64;
		m->rules = xrealloc(m->rules, m->cap * sizeof *m->rules);
	}
	struct match_rule *r = &m->rules[m->n++];
	r->kind = kind;
	r->pattern = norm.data;
	r->len = norm.len;
	r->value = value;
	r->source = source;
	r->line = line;
}

/* Does PATTERN (LEN bytes) occur in TEXT on word boundaries (at the start only, if PREFIX)? */
static int has_words(const char *text, const char *pattern, size_t len, int prefix)
{
	if (len == 0)
		return 0;
	for (const char *p = text; (p = strstr(p, pattern)) != NULL; p++) {
		int starts = p == text || (!prefix && p[-1] == ' ');
		int ends = p[len] == '\0' || p[len] == ' ';
		if (starts && ends)
			return 1;
		if (prefix)
			return 0;
	}
	return 0;
}

const struct match_rule *matcher_find(const struct matcher *m, const char *norm)
{
	const struct match_rule *best = NULL;
	for (size_t i = 0; i < m->n; i++) {
		const struct match_rule *r = &m->rules[i];
		if (r->kind == MATCH_EXACT) {
			if (strcmp(r->pattern, norm) == 0)
				return r;
			continue;
		}
		if (best && r->len <= best->len)
			continue;
		if (has_words(norm, r->pattern, r->len, r->kind == MATCH_PREFIX))
			best = r;
	}
	return best;
}

void matcher_free(struct matcher *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->n; i++)
		free(m->rules[i].pattern);
	free(m->rules);
	m->rules = NULL;
	m->n = m->cap = 0;
}
