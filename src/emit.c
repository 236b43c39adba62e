/* emit.c — see emit.h. */
#include "emit.h"

#include <ctype.h>
#include <math.h>
#include <string.h>

#include "policy.h"
#include "text.h"

void emit_json_string(FILE *out, const char *s)
{
	struct buf repaired = { 0 };
	if (!s) {
		fputs("null", out);
		return;
	}
	if (!text_is_utf8(s)) {
		text_repair_utf8(s, &repaired);      /* JSON is UTF-8: a stray byte becomes U+FFFD */
		s = repaired.data;
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
	buf_free(&repaired);
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

void emit_json_members_value(FILE *out, const char *sep, double value, double lower, double upper)
{
	emit_json_member_number(out, sep, "value", value);
	emit_json_member_number(out, ", ", "lower", lower);
	emit_json_member_number(out, ", ", "upper", upper);
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

/*
 * Writes S as Markdown inline text: a backslash and "|" escaped always; "<"
 * before what could begin a tag ("<a", "</", "<!", "<?") and "]" before what
 * could make a link ("](", "][", "]:") escaped; line breaks and other
 * control characters as spaces. "<5" and "[c]" stay as they are.
 */
static void put_md(FILE *out, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
		if (*p == '\\' || *p == '|' || (*p == '<' && (isalpha(p[1]) || (p[1] && strchr("/!?", p[1])))) ||
		    (*p == ']' && p[1] && strchr("([:", p[1])))
			fputc('\\', out);
		fputc(*p < 0x20 || *p == 0x7F ? ' ' : *p, out);
	}
}

void emit_md_cell(FILE *out, const char *text)
{
	fputs("| ", out);
	put_md(out, text);
	fputc(' ', out);
}

void emit_md_text(FILE *out, const char *text)
{
	put_md(out, text);
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

/*
 * Decimals enough for V (a ratio) to keep its side of every line a reading
 * is drawn at — 0.5, 0.8, 1 and 1.25 (policy.h) — so that no printed
 * figure contradicts its reading: 2, or up to 4 when 2 would print V on or
 * across a line it is not on (0.7984 as "0.798", not "0.80"; an upper end
 * of 0.9996 as "0.9996", not "1.00").
 */
static int ratio_decimals(double v)
{
	static const double lines[] = { POLICY_RATIO_HALF, POLICY_PARITY_TARGET, 1.0, POLICY_RATIO_HIGH };
	int decimals = 2;
	for (size_t i = 0; i < sizeof lines / sizeof *lines; i++) {
		while (v != lines[i] && decimals < 4) {
			double scale = pow(10, decimals), shown = round(v * scale) / scale;
			if ((shown < lines[i]) == (v < lines[i]) && shown != lines[i])
				break;
			decimals++;
		}
	}
	return decimals;
}

/*
 * V as a ratio with ratio_decimals; past 4 decimals still on a line it is not
 * on (0.79999), rounded away from the line (down to 0.7999, up to 1.0001).
 */
static void put_ratio(struct buf *b, double v)
{
	int decimals = ratio_decimals(v);
	double scale = pow(10, decimals), shown = round(v * scale) / scale;
	static const double lines[] = { POLICY_RATIO_HALF, POLICY_PARITY_TARGET, 1.0, POLICY_RATIO_HIGH };
	for (size_t i = 0; i < sizeof lines / sizeof *lines; i++)
		if (v != lines[i] && ((shown < lines[i]) != (v < lines[i]) || shown == lines[i]))
			shown = v < lines[i] ? floor(v * scale) / scale : ceil(v * scale) / scale;
	buf_printf(b, "%.*f", decimals, shown);
}

void emit_interval(struct buf *b, enum emit_scale scale, double estimate, double lower, double upper)
{
	if (isnan(estimate)) {
		buf_puts(b, "-");
		return;
	}
	if (scale == EMIT_PERCENT) {
		buf_printf(b, "%.1f%%", 100 * estimate);
		if (!isnan(lower) && !isnan(upper))
			buf_printf(b, " (%.1f\xE2\x80\x93%.1f)", 100 * lower, 100 * upper);
		return;
	}
	put_ratio(b, estimate);
	if (!isnan(lower) && !isnan(upper)) {
		buf_puts(b, " (");
		put_ratio(b, lower);
		buf_puts(b, "\xE2\x80\x93");
		put_ratio(b, upper);
		buf_putc(b, ')');
	}
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

void emit_term(FILE *out, const char *text, int width)
{
	struct buf shown = { 0 };
	text_visible(text ? text : "", &shown);
	emit_padded(out, shown.data, width, 1);
	buf_free(&shown);
}
