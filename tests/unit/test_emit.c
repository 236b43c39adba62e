/*
 * Unit tests for emit.c and words.c: the one writer of every output's small
 * pieces, and the one table of wordings. Expected texts are written by hand
 * from the rules in emit.h (JSON, RFC 4180 CSV with the formula guard,
 * Markdown table cells, HTML text).
 */
#include <stdlib.h>

#include "check.h"
#include "emit.h"
#include "words.h"

/* What FN wrote when given the text IN, as a string the caller frees. */
static char *written(void (*fn)(FILE *, const char *), const char *in)
{
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	fn(out, in);
	fclose(out);
	return text;
}

static void check_written(void (*fn)(FILE *, const char *), const char *in, const char *want)
{
	char *got = written(fn, in);
	CHECK_STR(got, want);
	free(got);
}

static void test_json(void)
{
	check_written(emit_json_string, "say \"hi\"\\\n\t", "\"say \\\"hi\\\"\\\\\\n\\u0009\"");
	check_written(emit_json_string, NULL, "null");
	check_written(emit_json_text, "", "null");
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	emit_json_number(out, 42);
	fputc(' ', out);
	emit_json_number(out, 0.1234567890123);
	fputc(' ', out);
	emit_json_number(out, NAN);
	fputc(' ', out);
	emit_json_member_interval(out, ", ", "ci", 0.25, NAN);
	fclose(out);
	CHECK_STR(text, "42 0.123456789 null , \"ci\": [0.25, null]");
	free(text);
}

static void test_csv(void)
{
	check_written(emit_csv_cell, "plain", "plain");
	check_written(emit_csv_cell, "a, b", "\"a, b\"");
	check_written(emit_csv_cell, "say \"no\"", "\"say \"\"no\"\"\"");
	/* A spreadsheet would run these as formulas: quoted, with a leading apostrophe. */
	check_written(emit_csv_cell, "=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"");
	check_written(emit_csv_cell, "-1+1", "\"'-1+1\"");
	check_written(emit_csv_cell, "@SUM(A1)", "\"'@SUM(A1)\"");
	check_written(emit_csv_cell, NULL, "");
}

static void test_markdown_and_html(void)
{
	/* Before the one emitter, published Markdown kept a carriage return, which breaks a table row. */
	check_written(emit_md_cell, "a|b\r\nc", "| a\\|b  c ");
	check_written(emit_html_text, "<b>\"R&D\"</b>", "&lt;b&gt;&quot;R&amp;D&quot;&lt;/b&gt;");
	/* Text from data makes no tag, link, heading or row; "<5" and "[c]" stay readable. */
	check_written(emit_md_text, "<script>x</script>\n# H\n| a |", "\\<script>x\\</script> # H \\| a \\|");
	check_written(emit_md_text, "[x](javascript:1) <5 [c] \\<b>", "[x\\](javascript:1) <5 [c] \\\\\\<b>");
	check_written(emit_md_cell, "<!-- -->", "| \\<!-- --> ");
}

/* A terminal is never sent an escape sequence from data; invalid UTF-8 never reaches JSON. */
static void test_terminal_and_utf8(void)
{
	check_written(emit_json_string, "bad \xFF byte", "\"bad \xEF\xBF\xBD byte\"");
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	emit_term(out, "\033[2J", 10);
	emit_term(out, NULL, 2);
	fputc('|', out);
	fclose(out);
	CHECK_STR(text, "\\x1b[2J   " "  |");
	free(text);
}

static void test_interval(void)
{
	struct buf b = { 0 };
	emit_interval(&b, EMIT_RATIO, 0.314, 0.2249, 0.4351);
	CHECK_STR(b.data, "0.31 (0.22\xE2\x80\x93" "0.44)");
	buf_reset(&b);
	emit_interval(&b, EMIT_PERCENT, 0.54, 0.501, 0.578);
	CHECK_STR(b.data, "54.0% (50.1\xE2\x80\x93" "57.8)");
	buf_reset(&b);
	emit_interval(&b, EMIT_RATIO, 0.5, NAN, NAN);
	CHECK_STR(b.data, "0.50");
	buf_reset(&b);
	emit_interval(&b, EMIT_PERCENT, NAN, 0.1, 0.2);
	CHECK_STR(b.data, "-");
	/* Never a figure on a reading's line it is not on: 0.7984 is under 0.8, 0.9996 under 1, 1.2504 over 1.25. */
	buf_reset(&b);
	emit_interval(&b, EMIT_RATIO, 0.7984, 0.6, 0.9996);
	CHECK_STR(b.data, "0.798 (0.60\xE2\x80\x93" "0.9996)");
	buf_reset(&b);
	emit_interval(&b, EMIT_RATIO, 1.2504, 1.004, 1.6);
	CHECK_STR(b.data, "1.2504 (1.004\xE2\x80\x93" "1.60)");
	/* On a line exactly, it stays there; past 4 decimals still on one, rounded away from it. */
	buf_reset(&b);
	emit_interval(&b, EMIT_RATIO, 1, 0.49999, 1.000001);
	CHECK_STR(b.data, "1.00 (0.4999\xE2\x80\x93" "1.0001)");
	buf_free(&b);
	CHECK_INT(emit_columns("0.31 (0.22\xE2\x80\x93" "0.44)"), 16);
}

static void test_words(void)
{
	/* Every reading has a code, a word and a sentence; the codes are those of the JSON contract. */
	static const char *const codes[] = { "far_below", "below", "slightly_below", "unclear_below", "no_clear",
		"unclear_above", "slightly_above", "above", "low_n", "not_compared", "withheld" };
	for (int r = 0; r < READING_COUNT; r++) {
		CHECK_STR(words_reading((enum reading)r)->code, codes[r]);
		CHECK(*words_reading((enum reading)r)->word && *words_reading((enum reading)r)->sentence);
	}
	CHECK_STR(words_reading(READING_BELOW)->sentence, "interval below 1, ratio 0.5 to under 0.8");
	/* Every reading a compared category can have takes a chart colour with a name. */
	for (int r = 0; r < READING_CHARTED; r++)
		CHECK(words_reading((enum reading)r)->colour > 0 && words_reading((enum reading)r)->colour_name);
	CHECK_STR(words_plan_status(PLAN_NOT_MET), "not met");
	CHECK_STR(words_dimension_title("ethnicity_detailed"), "Ethnic group (nineteen groups)");
	CHECK_STR(words_dimension_title("made_up"), "made_up");
}

int main(void)
{
	RUN(test_json);
	RUN(test_csv);
	RUN(test_markdown_and_html);
	RUN(test_terminal_and_utf8);
	RUN(test_interval);
	RUN(test_words);
	return check_summary();
}
