/*
 * sniff.c — see sniff.h. Everything here looks at bytes and decides; the
 * reader acts on it.
 */
#include "sniff.h"

#include <string.h>

/* Does S (N bytes) hold NEEDLE (LEN bytes)? */
static int holds(const unsigned char *s, size_t n, const char *needle, size_t len)
{
	for (size_t i = 0; i + len <= n; i++)
		if (s[i] == (unsigned char)needle[0] && memcmp(s + i, needle, len) == 0)
			return 1;
	return 0;
}

/* Does S start with PREFIX, ASCII case ignored? */
static int starts_nocase(const unsigned char *s, size_t n, const char *prefix)
{
	size_t len = strlen(prefix);
	if (n < len)
		return 0;
	for (size_t i = 0; i < len; i++)
		if ((s[i] >= 'A' && s[i] <= 'Z' ? s[i] + ('a' - 'A') : s[i]) != (unsigned char)prefix[i])
			return 0;
	return 1;
}

#define SAVE_AS_CSV "in Excel, File > Save As > \"CSV UTF-8 (Comma delimited)\""

const char *sniff_not_csv(const unsigned char *s, size_t n)
{
	if (n >= 4 && memcmp(s, "PK\x03\x04", 4) == 0) {
		if (holds(s, n, "opendocument.spreadsheet", 24))
			return "this is an OpenDocument spreadsheet (.ods), not CSV: in LibreOffice Calc, "
			       "File > Save As, file type \"Text CSV (.csv)\"";
		if (holds(s, n, "xl/", 3))
			return "this is an Excel workbook (.xlsx), not CSV: " SAVE_AS_CSV;
		return "this is a ZIP archive, not CSV (an Excel workbook, .xlsx, is one): if it opens in "
		       "Excel, File > Save As > \"CSV UTF-8 (Comma delimited)\"; otherwise unzip it and give "
		       "reach the CSV file inside";
	}
	if (n >= 8 && memcmp(s, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0) {
		if (holds(s, n, "W\0o\0r\0k\0b\0o\0o\0k\0", 16) || holds(s, n, "B\0o\0o\0k\0", 8))
			return "this is an old Excel workbook (.xls), not CSV: " SAVE_AS_CSV;
		return "this is an old-style Office file (such as .xls or .doc), not CSV: if it opens in "
		       "Excel, File > Save As > \"CSV UTF-8 (Comma delimited)\"";
	}
	if (n >= 5 && memcmp(s, "%PDF-", 5) == 0)
		return "this is a PDF document, not CSV: download the responses from the survey platform "
		       "again as CSV (or as Excel, then save that as CSV)";
	if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		s += 3, n -= 3;
	while (n && (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n'))
		s++, n--;
	if (starts_nocase(s, n, "<!doctype html") || starts_nocase(s, n, "<html"))
		return "this is a web page (HTML), not CSV: perhaps a sign-in or error page saved in place "
		       "of the export, or an \"Excel\" download that is really a web page; download the "
		       "export again as CSV, or open it in Excel and File > Save As > \"CSV UTF-8 (Comma delimited)\"";
	if (starts_nocase(s, n, "<?xml") && holds(s, n, "urn:schemas-microsoft-com:office:spreadsheet", 44))
		return "this is an Excel 2003 XML spreadsheet, not CSV: " SAVE_AS_CSV;
	return NULL;
}

const char *sniff_nul_hint(const unsigned char *s, size_t n)
{
	size_t even = 0, odd = 0, pairs = n < 1024 ? n / 2 : 512;
	for (size_t i = 0; i < pairs; i++) {
		even += s[2 * i] == 0;
		odd += s[2 * i + 1] == 0;
	}
	if (pairs >= 2 && odd * 10 >= pairs * 4 && even * 10 < pairs)
		return " (UTF-16 LE text without a byte order mark? --encoding utf-16le reads it)";
	if (pairs >= 2 && even * 10 >= pairs * 4 && odd * 10 < pairs)
		return " (UTF-16 BE text without a byte order mark? --encoding utf-16be reads it)";
	return "";
}

/*
 * The number of fields in each of the first records of S (N bytes) split by
 * DELIM, as libcsv would split them: quotes respected, blank lines skipped.
 * The last record counts only when COMPLETE (the end of the file). Fills
 * COUNTS (at most SNIFF_RECORDS) and returns how many.
 */
static size_t count_fields(const char *s, size_t n, int complete, char delim, size_t *counts)
{
	size_t nrec = 0, fields = 1;
	int quoted = 0, field_start = 1, content = 0;
	for (size_t i = 0; i < n && nrec < SNIFF_RECORDS; i++) {
		char c = s[i];
		if (quoted) {
			if (c == '"' && i + 1 < n && s[i + 1] == '"')
				i++;
			else if (c == '"')
				quoted = 0;
		} else if (c == delim) {
			fields++;
			field_start = content = 1;
		} else if (c == '\n') {
			if (content)
				counts[nrec++] = fields;
			fields = 1;
			field_start = 1;
			content = 0;
		} else if (c == '"' && field_start) {
			quoted = content = 1;
			field_start = 0;
		} else if (c != '\r' && c != ' ') {
			field_start = 0;
			content = 1;
		}
	}
	if (complete && content && !quoted && nrec < SNIFF_RECORDS)
		counts[nrec++] = fields;
	return nrec;
}

/* The commonest of N counts (the larger on a tie), and in *SHARE the part of them it is. */
static size_t commonest(const size_t *counts, size_t n, double *share)
{
	size_t best = 0, best_n = 0;
	for (size_t i = 0; i < n; i++) {
		size_t k = 0;
		for (size_t j = 0; j < n; j++)
			k += counts[j] == counts[i];
		if (k > best_n || (k == best_n && counts[i] > best))
			best = counts[i], best_n = k;
	}
	*share = n ? (double)best_n / (double)n : 0;
	return best;
}

size_t sniff_sep_line(const char *s, size_t n, char *delimiter)
{
	if (n < 5 || strncmp(s, "sep=", 4) != 0 || !s[4] || !strchr(",;\t|", s[4]))
		return 0;
	if (!(n == 5 || s[5] == '\n' || (s[5] == '\r' && n > 6 && s[6] == '\n')))
		return 0;
	*delimiter = s[4];
	return s[5] == '\r' ? 7 : n == 5 ? 5 : 6;
}

void sniff_delimiter(const char *s, size_t n, int complete, char given, struct sniff_choice *out)
{
	static const char candidates[] = { ',', ';', '\t', '|' };
	size_t counts[SNIFF_RECORDS];
	double best_share = 0, share;
	memset(out, 0, sizeof *out);
	for (size_t d = 0; d < sizeof candidates; d++) {
		size_t nrec = count_fields(s, n, complete, candidates[d], counts);
		size_t fields = commonest(counts, nrec, &share);
		if (candidates[d] == given)
			out->given_fields = fields;
		if (fields < 2)
			continue;
		out->splitting++;
		/* Steady splits beat ragged ones; among steady ones, more fields win. */
		int steady = share >= SNIFF_STEADY, best_steady = best_share >= SNIFF_STEADY;
		if (!out->best || (steady && !best_steady) ||
		    (steady == best_steady && (steady ? fields > out->fields : share > best_share))) {
			out->best = candidates[d];
			out->fields = fields;
			best_share = share;
		}
	}
	out->steady = out->best && best_share >= SNIFF_STEADY;
}
