/* split.c — see split.h. */
#include "split.h"

#include <string.h>

/* Is C a space libcsv drops around fields: a space, or a tab that is not the delimiter? */
static int is_space(char c, char delim)
{
	return (c == ' ' || c == '\t') && c != delim;
}

size_t split_line(const char *line, size_t len, char delim, struct split_field *fields, size_t max)
{
	const char *p = line, *end = line + len;
	size_t n = 0;
	while (p < end && is_space(*p, delim))
		p++;
	if (p == end)
		return 0;       /* nothing but spaces: libcsv makes no record of it */
	for (;;) {
		if (n == max)
			return SPLIT_HARD;
		if (p < end && *p == '"') {
			/* Quoted: up to the next quote, which must end the field (an escaped quote is not plain). */
			const char *close = memchr(p + 1, '"', (size_t)(end - p - 1));
			if (!close)
				return SPLIT_HARD;
			fields[n++] = (struct split_field){ (size_t)(p + 1 - line), (size_t)(close - p - 1) };
			for (p = close + 1; p < end && is_space(*p, delim); p++)
				;
			if (p == end)
				return n;
			if (*p != delim)
				return SPLIT_HARD;
		} else {
			/* Bare: up to the delimiter, less the spaces ending it; a quote inside is not plain. */
			const char *start = p;
			while (p < end && *p != delim && *p != '"')
				p++;
			if (p < end && *p == '"')
				return SPLIT_HARD;
			const char *stop = p;
			while (stop > start && (stop[-1] == ' ' || stop[-1] == '\t'))
				stop--;
			fields[n++] = (struct split_field){ (size_t)(start - line), (size_t)(stop - start) };
			if (p == end)
				return n;
		}
		for (p++; p < end && is_space(*p, delim); p++)
			;
	}
}
