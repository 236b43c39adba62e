/* emit.c — see emit.h. */
#include "emit.h"

#include <math.h>
#include <string.h>

void emit_json_string(FILE *out, const char *s)
{
	if (!s) {
		fputs("null", out);
		return;
	}
	fputc('"', out);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(out, "\\%c", *p);
		else if (*p == '\n')
			fputs("\\n", out);
		else if (*p < 0x20)
			fprintf(out, "\\u%04x", *p);
		else
			fputc(*p, out);
	}
	fputc('"', out);
}

void emit_json_text(FILE *out, const char *s)
{
	emit_json_string(out, s && *s ? s : NULL);
}

void emit_json_number(FILE *out, double v)
{
	if (isnan(v) || isinf(v))
		fputs("null", out);
	else if (v == floor(v) && fabs(v) < 1e15)
		fprintf(out, "%.0f", v);
	else
		fprintf(out, "%.10g", v);
}

void emit_json_bool(FILE *out, int v)
{
	fputs(v ? "true" : "false", out);
}

void emit_json_interval(FILE *out, double lower, double upper)
{
	fputc('[', out);
	emit_json_number(out, lower);
	fputs(", ", out);
	emit_json_number(out, upper);
	fputc(']', out);
}

void emit_json_key(FILE *out, const char *sep, const char *key)
{
	fprintf(out, "%s\"%s\": ", sep, key);
}

void emit_json_member_string(FILE *out, const char *sep, const char *key, const char *value)
{
	emit_json_key(out, sep, key);
	emit_json_string(out, value);
}

void emit_json_member_text(FILE *out, const char *sep, const char *key, const char *value)
{
	emit_json_key(out, sep, key);
	emit_json_text(out, value);
}

void emit_json_member_number(FILE *out, const char *sep, const char *key, double value)
{
	emit_json_key(out, sep, key);
	emit_json_number(out, value);
}

void emit_json_member_bool(FILE *out, const char *sep, const char *key, int value)
{
	emit_json_key(out, sep, key);
	emit_json_bool(out, value);
}

void emit_json_member_interval(FILE *out, const char *sep, const char *key, double lower, double upper)
{
	emit_json_key(out, sep, key);
	emit_json_interval(out, lower, upper);
}

void emit_csv_cell(FILE *out, const char *cell)
{
	if (!cell)
		return;
	int formula = cell[0] != '\0' && strchr("=+-@\t\r", cell[0]) != NULL;
	int quote = formula || strpbrk(cell, ",\"\r\n") != NULL ||
	    (cell[0] == ' ' || (cell[0] && cell[strlen(cell) - 1] == ' '));
	if (!quote) {
		fputs(cell, out);
		return;
	}
	fputc('"', out);
	if (formula)
		fputc('\'', out);
	for (const char *p = cell; *p; p++) {
		if (*p == '"')
			fputc('"', out);
		fputc(*p, out);
	}
	fputc('"', out);
}

void emit_csv_number(FILE *out, double v)
{
	if (!isnan(v))
		fprintf(out, "%.6g", v);
}

void emit_md_cell(FILE *out, const char *text)
{
	fputs("| ", out);
	for (const char *p = text ? text : ""; *p; p++) {
		if (*p == '|')
			fputs("\\|", out);
		else
			fputc(*p == '\n' || *p == '\r' ? ' ' : *p, out);
	}
	fputc(' ', out);
}

void emit_md_row_end(FILE *out)
{
	fputs("|\n", out);
}

void emit_html_text(FILE *out, const char *s)
{
	for (; s && *s; s++) {
		if (*s == '<')
			fputs("&lt;", out);
		else if (*s == '>')
			fputs("&gt;", out);
		else if (*s == '&')
			fputs("&amp;", out);
		else if (*s == '"')
			fputs("&quot;", out);
		else
			fputc(*s, out);
	}
}

void emit_interval(struct buf *b, enum emit_scale scale, double estimate, double lower, double upper)
{
	const char *format = scale == EMIT_PERCENT ? "%.1f%%" : "%.2f";
	const char *bounds = scale == EMIT_PERCENT ? " (%.1f\xE2\x80\x93%.1f)" : " (%.2f\xE2\x80\x93%.2f)";
	double k = scale == EMIT_PERCENT ? 100 : 1;
	if (isnan(estimate)) {
		buf_puts(b, "-");
		return;
	}
	buf_printf(b, format, k * estimate);
	if (!isnan(lower) && !isnan(upper))
		buf_printf(b, bounds, k * lower, k * upper);
}

int emit_columns(const char *text)
{
	int n = 0;
	for (const unsigned char *p = (const unsigned char *)text; *p; p++)
		n += (*p & 0xC0) != 0x80;
	return n;
}

void emit_padded(FILE *out, const char *text, int width, int left)
{
	int pad = width - emit_columns(text);
	if (left)
		fputs(text, out);
	for (; pad > 0; pad--)
		fputc(' ', out);
	if (!left)
		fputs(text, out);
}
