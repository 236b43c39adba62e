/*
 * emit.h — the one writer of every output format's smallest pieces: JSON
 * values, CSV cells, Markdown table cells and HTML text, and the figures
 * every format shows (an interval, a padded column). Escaping and number
 * precision are decided here, once; the report, the published formats, the
 * plans and the trends all write through it.
 */
#ifndef REACH_EMIT_H
#define REACH_EMIT_H

#include <stdio.h>

#include "util.h"

/* ---- JSON ---- */

/* S as a JSON string, escaped, invalid UTF-8 bytes as U+FFFD; NULL as null. */
void emit_json_string(FILE *out, const char *s);

/* The same, with an empty string as null too. */
void emit_json_text(FILE *out, const char *s);

/*
 * V as a JSON number: a whole number under 1e15 without decimals, any other
 * with ten significant digits (%.10g); NaN and infinities as null.
 */
void emit_json_number(FILE *out, double v);

/* V as true or false. */
void emit_json_bool(FILE *out, int v);

/* An interval as a two-number array, "[LOWER, UPPER]". */
void emit_json_interval(FILE *out, double lower, double upper);

/*
 * A member's name: SEP (as "", ", " or ",\n   "), then "KEY": . The
 * *_member forms write the name and then the value.
 */
void emit_json_key(FILE *out, const char *sep, const char *key);
void emit_json_member_string(FILE *out, const char *sep, const char *key, const char *value);
void emit_json_member_text(FILE *out, const char *sep, const char *key, const char *value);
void emit_json_member_number(FILE *out, const char *sep, const char *key, double value);
void emit_json_member_bool(FILE *out, const char *sep, const char *key, int value);
void emit_json_member_interval(FILE *out, const char *sep, const char *key, double lower, double upper);

/* SEP"value": V, "lower": L, "upper": U: an estimate with its interval as three members. */
void emit_json_members_value(FILE *out, const char *sep, double value, double lower, double upper);

/* ---- CSV ---- */

/*
 * CELL as one CSV field (NULL as empty): quoted when it must be, and with a
 * leading "'" when a spreadsheet would run it as a formula (=, +, -, @,
 * tab, CR).
 */
void emit_csv_cell(FILE *out, const char *cell);

/* V with six significant digits (%.6g); NaN as an empty field. */
void emit_csv_number(FILE *out, double v);

/* ---- Markdown and HTML ---- */

/*
 * "| TEXT " as one cell of a Markdown table row: "\\" and "|" escaped, and
 * "<" and "]" where they could begin a tag or a link, so no text from data
 * makes raw HTML, a link or a new cell; line breaks and other control
 * characters as spaces, so none makes a new row. Emphasis ("**code**") is
 * left to the caller. emit_md_row_end closes the row.
 */
void emit_md_cell(FILE *out, const char *text);

/* TEXT (NULL as nothing) as Markdown inline text, escaped as a cell is: it cannot start a heading, row or tag. */
void emit_md_text(FILE *out, const char *text);
void emit_md_row_end(FILE *out);

/* S as HTML text or an attribute value: <, >, & and " escaped. */
void emit_html_text(FILE *out, const char *s);

/* ---- figures in words ---- */

/* How an interval's numbers are shown. */
enum emit_scale {
	EMIT_RATIO,     /* "0.31 (0.22–0.44)" */
	EMIT_PERCENT    /* a share: "54.0% (50.1–57.8)" */
};

/*
 * Appends an estimate with its interval to B, the one way every output
 * writes an interval: "0.31 (0.22–0.44)"; the estimate alone when the
 * interval is unknown (NaN); "-" when the estimate is. A share has one
 * decimal of a percentage. A ratio has 2 decimals, or as many more (up to
 * 4) as keep each figure on its own side of every line a reading is drawn
 * at (0.5, 0.8, 1, 1.25): an upper end of 0.9996 prints "0.9996", never
 * "1.00", and a ratio of 0.7984 "0.798", never "0.80"; one still on a line
 * at 4 decimals is rounded away from it. So no printed figure contradicts
 * the reading beside it.
 */
void emit_interval(struct buf *b, enum emit_scale scale, double estimate, double lower, double upper);

/* Columns TEXT takes on a terminal: each UTF-8 character one. */
int emit_columns(const char *text);

/* TEXT right-aligned (LEFT: left-aligned) in WIDTH terminal columns. */
void emit_padded(FILE *out, const char *text, int width, int left);

/*
 * TEXT (NULL as nothing) for a terminal, left-aligned in WIDTH columns (0:
 * as long as it is): its control characters and invalid UTF-8 shown escaped
 * (text_visible), so no escape sequence from data reaches the terminal.
 */
void emit_term(FILE *out, const char *text, int width);

#endif
