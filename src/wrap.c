/* wrap.c — see wrap.h. */
#include "wrap.h"

#include <string.h>

#include "emit.h"

void wrap_line(FILE *out, const char *text, int column, int indent)
{
	struct buf word = { 0 };
	int at = column, first = 1;
	while (*text) {
		while (*text == ' ')
			text++;
		size_t len = strcspn(text, " ");
		if (!len)
			break;
		buf_reset(&word);
		for (size_t i = 0; i < len; i++)
			buf_putc(&word, text[i] == WRAP_NO_BREAK ? ' ' : text[i]);
		int width = emit_columns(word.data);
		if (!first && at + 1 + width > WRAP_WIDTH) {
			fprintf(out, "\n%*s", indent, "");
			at = indent;
		} else if (!first) {
			fputc(' ', out);
			at++;
		}
		fputs(word.data, out);
		at += width;
		first = 0;
		text += len;
	}
	fputc('\n', out);
	buf_free(&word);
}
