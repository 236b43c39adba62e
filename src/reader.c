/* reader.c — see reader.h. */
#include "reader.h"

#include <csv.h>
#include <errno.h>
#include <openssl/evp.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "sniff.h"
#include "split.h"
#include "text.h"

#define BLOCK_SIZE (256 * 1024)
#define BATCH_RECORDS 1024              /* records handed over at once */
#define BATCH_BYTES (1024 * 1024)       /* or fewer, when they are long */
#define QUEUE_BATCHES 4                 /* batches parsed ahead of the reader */

enum encoding { ENC_UTF8, ENC_UTF8_BOM, ENC_UTF16LE, ENC_UTF16BE, ENC_CP1252 };

static const char *encoding_names[] = {
	"UTF-8", "UTF-8 with BOM", "UTF-16LE", "UTF-16BE", "Windows-1252"
};

/* A record being built or waiting to be handed out. */
struct record {
	struct buf text;        /* the fields, each followed by a NUL */
	size_t *offsets, *lens;
	const char **ptrs;
	size_t n, cap, nptrs;
	long line;
};

struct reader {
	FILE *fp;
	int fd;                 /* fp's descriptor, for reader_fd */
	char *path;
	EVP_MD_CTX *sha;
	unsigned char digest[32];
	int hashed;
	uint64_t bytes;
	enum encoding enc;
	int encoding_given;         /* --encoding: no detection, no fallback */
	int libcsv_only;            /* no line split by split.c */
	char delimiter;             /* 0 until chosen */
	const char *delimiter_how;
	char how[96];               /* delimiter_how, when it is made up */
	const char *nul_hint;       /* what a NUL byte may mean, or "" */
	int started;
	unsigned char carry[4];     /* an incomplete UTF-8 or UTF-16 sequence */
	size_t ncarry;
	unsigned high_surrogate;
	struct buf decoded;         /* the current block, as UTF-8 */
	size_t pos;                 /* next byte of decoded to feed */
	size_t nul_at;              /* offset of a NUL byte in decoded, or SIZE_MAX */
	struct csv_parser csv;
	long line;                  /* the physical line being fed */
	long row_start;             /* line where the record being built began */
	long last_field_line;       /* line where its last field ended */
	int at_eof, finished, failed;
	int cr_ended;               /* the last line fed ended in "\r" at the end of a block: a "\n" next is its own */
	struct reach_error err;
	struct record building;
	struct split_field *spans;  /* the fields of a plain line: see read_plain */

	/*
	 * Parsing runs in its own thread, QUEUE_BATCHES batches ahead of
	 * reader_next: the parser fills batch[produced % QUEUE_BATCHES], the
	 * reader reads batch[consumed % QUEUE_BATCHES]. The counters, done and
	 * cancel are shared under lock; each batch belongs to one side at a time.
	 */
	struct batch {
		struct record *recs;
		size_t n, cap, next, bytes;
	} batch[QUEUE_BATCHES];
	uint64_t produced, consumed;
	int started_thread, done, cancel, reading;
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t changed;
};

/* Records the first data error, as "FILE:LINE: message"; the reader is spent. */
static REACH_PRINTF(3, 4) void fail(struct reader *in, long line, const char *fmt, ...)
{
	if (in->failed)
		return;
	in->failed = 1;
	char msg[600];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	error_set(&in->err, REACH_EDATA, in->path, line, "%s", msg);
}

/* A field take_field cannot take (too long, one column too many, or its record too long): records the error. */
static void field_refused(struct reader *in, size_t len)
{
	struct record *r = &in->building;
	if (len > READER_MAX_FIELD)
		fail(in, in->line, "a field begun at line %ld is longer than 1 MiB",
		    r->n ? in->last_field_line : in->row_start);
	else if (r->n >= READER_MAX_COLUMNS)
		fail(in, r->line, "more than %d columns in one record", READER_MAX_COLUMNS);
	else
		fail(in, in->line, "a record begun at line %ld is longer than %d MiB", r->line, READER_MAX_RECORD >> 20);
}

/*
 * Copies a field of LEN bytes at DATA into the record being built; READABLE
 * bytes at DATA may be read. It runs for every field of the file, so a short
 * field (most are) is copied as 32 or 64 bytes at once, without a call: the
 * record's text keeps 64 bytes spare.
 */
static void take_field(struct reader *in, const char *data, size_t len, size_t readable)
{
	struct record *r = &in->building;
	if (in->failed)
		return;
	if (r->n == 0)
		r->line = in->row_start;
	if (len > READER_MAX_FIELD || r->n >= READER_MAX_COLUMNS || r->text.len + len > READER_MAX_RECORD) {
		field_refused(in, len);
		return;
	}
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 32;
		r->offsets = xrealloc(r->offsets, r->cap * sizeof *r->offsets);
		r->lens = xrealloc(r->lens, r->cap * sizeof *r->lens);
	}
	r->offsets[r->n] = r->text.len;
	r->lens[r->n] = len;
	if (r->text.len + len + 64 >= r->text.cap)
		buf_grow(&r->text, len + 64);
	char *to = r->text.data + r->text.len;
	if (len < 32 && readable >= 64)
		memcpy(to, data, 32);
	else if (len < 64 && readable >= 64)
		memcpy(to, data, 64);
	else if (len)
		memcpy(to, data, len);
	to[len] = '\0';
	r->text.len += len + 1;
	r->n++;
	in->last_field_line = in->line;
}

/* libcsv field callback: libcsv's buffer, once 64 bytes long, can be read that far. */
static void on_field(void *data, size_t len, void *ctx)
{
	struct reader *in = ctx;
	take_field(in, data, len, in->csv.entry_size);
}

/*
 * libcsv record callback: points the built record's fields into its text,
 * which is final now, and moves it into the batch being filled.
 */
static void on_record(int term, void *ctx)
{
	struct reader *in = ctx;
	struct batch *b = &in->batch[in->produced % QUEUE_BATCHES];
	struct record *r = &in->building;
	(void)term;
	if (in->failed || r->n == 0)
		return;
	if (r->nptrs < r->n) {
		r->nptrs = r->cap;
		r->ptrs = xrealloc(r->ptrs, r->nptrs * sizeof *r->ptrs);
	}
	for (size_t i = 0; i < r->n; i++)
		r->ptrs[i] = r->text.data + r->offsets[i];
	if (b->n == b->cap) {
		size_t cap = b->cap ? b->cap * 2 : BATCH_RECORDS;
		b->recs = xrealloc(b->recs, cap * sizeof *b->recs);
		memset(b->recs + b->cap, 0, (cap - b->cap) * sizeof *b->recs);
		b->cap = cap;
	}
	b->bytes += in->building.text.len;
	struct record spare = b->recs[b->n];
	b->recs[b->n++] = in->building;
	in->building = spare;
	in->building.n = 0;
	buf_reset(&in->building.text);
	in->last_field_line = 0;
}

int reader_encoding_parse(const char *name, enum reader_encoding *encoding)
{
	static const struct {
		const char *name;
		enum reader_encoding encoding;
	} names[] = {
		{ "utf-8", READER_ENCODING_UTF8 }, { "utf8", READER_ENCODING_UTF8 },
		{ "utf-16le", READER_ENCODING_UTF16LE }, { "utf-16be", READER_ENCODING_UTF16BE },
		{ "windows-1252", READER_ENCODING_WINDOWS1252 }, { "cp1252", READER_ENCODING_WINDOWS1252 },
	};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (strcasecmp_ascii(name, names[i].name) == 0) {
			*encoding = names[i].encoding;
			return 0;
		}
	return -1;
}

int reader_delimiter_parse(const char *name, char *delimiter)
{
	if (strcasecmp_ascii(name, "tab") == 0 || strcmp(name, "\t") == 0)
		name = "\t";
	if (strlen(name) != 1 || !strchr(",;\t|", name[0]))
		return -1;
	*delimiter = name[0];
	return 0;
}

struct reader *reader_open(const char *path, struct reach_error *err)
{
	return reader_open_with(path, NULL, err);
}

struct reader *reader_open_with(const char *path, const struct reader_options *opts,
    struct reach_error *err)
{
	static const enum encoding given[] = {
		[READER_ENCODING_UTF8] = ENC_UTF8, [READER_ENCODING_UTF16LE] = ENC_UTF16LE,
		[READER_ENCODING_UTF16BE] = ENC_UTF16BE, [READER_ENCODING_WINDOWS1252] = ENC_CP1252,
	};
	int from_stdin = strcmp(path, "-") == 0;        /* "-" is standard input */
	FILE *fp = from_stdin ? stdin : fopen(path, "rb");
	struct stat st;
	if (!fp) {
		error_set(err, REACH_EDATA, path, 0, "cannot open: %s", strerror(errno));
		return NULL;
	}
	if (!from_stdin && fstat(fileno(fp), &st) == 0 && S_ISDIR(st.st_mode)) {
		error_set(err, REACH_EDATA, path, 0, "is a folder, not a file");      /* bad input (exit 1), not I/O */
		fclose(fp);
		return NULL;
	}
	struct reader *in = reader_open_stream(fp, path, err);
	if (in && opts && opts->encoding != READER_ENCODING_DETECT) {
		in->enc = given[opts->encoding];
		in->encoding_given = 1;
	}
	if (in && opts)
		in->libcsv_only = opts->libcsv_only;
	if (in && opts && opts->delimiter) {
		in->delimiter = opts->delimiter;
		in->delimiter_how = "given";
	}
	return in;
}

struct reader *reader_open_stream(FILE *fp, const char *path, struct reach_error *err)
{
	struct reader *in = xcalloc(1, sizeof *in);
	in->fp = fp;
	in->fd = fileno(fp);
	in->path = xstrdup(path);
	in->sha = EVP_MD_CTX_new();
	if (!in->sha || !EVP_DigestInit_ex(in->sha, EVP_sha256(), NULL)) {
		error_set(err, REACH_EDB, path, 0, "cannot start SHA-256");
		reader_close(in);
		return NULL;
	}
	csv_init(&in->csv, CSV_APPEND_NULL);
	in->line = 1;
	pthread_mutex_init(&in->lock, NULL);
	pthread_cond_init(&in->changed, NULL);
	return in;
}

static void put_utf8(struct buf *b, unsigned cp)
{
	unsigned char s[4];
	size_t n;
	if (cp < 0x80) {
		s[0] = (unsigned char)cp;
		n = 1;
	} else if (cp < 0x800) {
		s[0] = (unsigned char)(0xC0 | (cp >> 6));
		s[1] = (unsigned char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		s[0] = (unsigned char)(0xE0 | (cp >> 12));
		s[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		s[2] = (unsigned char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		s[0] = (unsigned char)(0xF0 | (cp >> 18));
		s[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
		s[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		s[3] = (unsigned char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	buf_append(b, s, n);
}

/* Windows-1252 bytes 0x80 to 0x9F; 0xFFFD where the code page has a hole. */
static const unsigned short cp1252_high[32] = {
	0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
	0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
};

static void decode_cp1252(struct buf *out, const unsigned char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] < 0x80)
			buf_putc(out, (char)s[i]);
		else if (s[i] < 0xA0)
			put_utf8(out, cp1252_high[s[i] - 0x80]);
		else
			put_utf8(out, s[i]);
	}
}

/* Length of the valid UTF-8 sequence at S (N bytes left), 0 if invalid, -1 if cut short. */
static int utf8_sequence(const unsigned char *s, size_t n)
{
	unsigned char c = s[0];
	int len;
	unsigned char lo = 0x80, hi = 0xBF;
	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		len = 2;
	else if (c >= 0xE0 && c <= 0xEF) {
		len = 3;
		if (c == 0xE0)
			lo = 0xA0;
		if (c == 0xED)
			hi = 0x9F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4;
		if (c == 0xF0)
			lo = 0x90;
		if (c == 0xF4)
			hi = 0x8F;
	} else
		return 0;
	for (int i = 1; i < len; i++) {
		if ((size_t)i >= n)
			return -1;
		unsigned char b = s[i];
		if (b < (i == 1 ? lo : 0x80) || b > (i == 1 ? hi : 0xBF))
			return 0;
	}
	return len;
}

/*
 * Appends the UTF-8 block S to decoded. Returns 0, or -1 when the block is
 * not valid UTF-8 (nothing appended). An incomplete sequence at the very end
 * goes to the carry unless LAST is set.
 */
static int take_utf8(struct reader *in, const unsigned char *s, size_t n, int last)
{
	size_t i = 0;
	while (i < n) {
		uint64_t word;
		if (i + 8 <= n && (memcpy(&word, s + i, 8), (word & 0x8080808080808080ull) == 0)) {
			i += 8;
			continue;
		}
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		int len = utf8_sequence(s + i, n - i);
		if (len < 0 && !last && n - i < 4)
			break;
		if (len <= 0) {
			if (in->enc == ENC_UTF8_BOM || in->encoding_given) {
				buf_append(&in->decoded, s, i);
				buf_append(&in->decoded, "\xEF\xBF\xBD", 3);
				s += i + 1;
				n -= i + 1;
				i = 0;
				continue;
			}
			return -1;
		}
		i += (size_t)len;
	}
	buf_append(&in->decoded, s, i);
	memcpy(in->carry, s + i, n - i);
	in->ncarry = n - i;
	return 0;
}

static void take_utf16(struct reader *in, const unsigned char *s, size_t n)
{
	size_t i = 0;
	for (; i + 1 < n; i += 2) {
		unsigned u = in->enc == ENC_UTF16LE ? (unsigned)(s[i] | s[i + 1] << 8)
						    : (unsigned)(s[i] << 8 | s[i + 1]);
		if (u >= 0xD800 && u <= 0xDBFF) {
			if (in->high_surrogate)
				put_utf8(&in->decoded, 0xFFFD);
			in->high_surrogate = u;
			continue;
		}
		if (u >= 0xDC00 && u <= 0xDFFF) {
			if (in->high_surrogate)
				put_utf8(&in->decoded, 0x10000 + ((in->high_surrogate - 0xD800) << 10) + (u - 0xDC00));
			else
				put_utf8(&in->decoded, 0xFFFD);
			in->high_surrogate = 0;
			continue;
		}
		if (in->high_surrogate)
			put_utf8(&in->decoded, 0xFFFD);
		in->high_surrogate = 0;
		put_utf8(&in->decoded, u);
	}
	memcpy(in->carry, s + i, n - i);
	in->ncarry = n - i;
}

/* Skips a byte order mark that fits the encoding, detecting the encoding from it unless given. */
static size_t take_bom(struct reader *in, const unsigned char *s, size_t n)
{
	int utf8 = n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0;
	int le = n >= 2 && s[0] == 0xFF && s[1] == 0xFE;
	int be = n >= 2 && s[0] == 0xFE && s[1] == 0xFF;
	if (!in->encoding_given)
		in->enc = utf8 ? ENC_UTF8_BOM : le ? ENC_UTF16LE : be ? ENC_UTF16BE : in->enc;
	else if (in->enc == ENC_UTF8 && utf8)
		in->enc = ENC_UTF8_BOM;
	if (in->enc == ENC_UTF8_BOM && utf8)
		return 3;
	return (in->enc == ENC_UTF16LE && le) || (in->enc == ENC_UTF16BE && be) ? 2 : 0;
}

/*
 * Chooses the delimiter from the first decoded block: an Excel "sep=X" first
 * line (skipped), else what sniff_delimiter finds; a delimiter given that
 * leaves one column where another would split is kept, with a word saying so.
 */
static void choose_delimiter(struct reader *in)
{
	const char *s = in->decoded.data ? in->decoded.data : "";
	size_t n = in->decoded.len;
	char sep;
	size_t skip = sniff_sep_line(s, n, &sep);
	if (skip) {
		if (!in->delimiter) {
			in->delimiter = sep;
			in->delimiter_how = "from the sep= line";
		}
		in->pos = skip;
		in->line = 2;
	}
	struct sniff_choice choice;
	sniff_delimiter(s + in->pos, n - in->pos, in->at_eof, in->delimiter, &choice);
	char best = choice.best;
	if (in->delimiter && choice.given_fields < 2 && best) {
		/* The delimiter given leaves one column where another would not: say so. */
		snprintf(in->how, sizeof in->how, "%s; but %s would split the first lines into %zu columns",
		    in->delimiter_how, best == '\t' ? "tab" : best == ';' ? ";" : best == '|' ? "|" : ",",
		    choice.fields);
		in->delimiter_how = in->how;
	} else if (!in->delimiter) {
		in->delimiter = best ? best : ',';
		in->delimiter_how = !best ? "assumed: no delimiter splits the first lines into columns"
		    : !choice.steady && choice.splitting > 1 ? "detected, but unsure: the first lines split unevenly"
		    : "detected";
	}
	csv_set_delim(&in->csv, (unsigned char)in->delimiter);
}

/* Reads the next block of the file and decodes it into in->decoded. */
static void read_block(struct reader *in)
{
	unsigned char raw[BLOCK_SIZE + 4];
	memcpy(raw, in->carry, in->ncarry);
	size_t got = fread(raw + in->ncarry, 1, BLOCK_SIZE, in->fp);
	if (ferror(in->fp)) {
		in->failed = 1;
		error_set(&in->err, REACH_EDB, in->path, 0, "read error: %s", strerror(errno));
		return;
	}
	/* Hashed here, as read: the parsing thread has time to spare, plain lines being quick to split. */
	EVP_DigestUpdate(in->sha, raw + in->ncarry, got);
	in->bytes += got;
	if (got < BLOCK_SIZE)
		in->at_eof = 1;
	size_t n = in->ncarry + got, skip = 0;
	int first = !in->started;
	in->ncarry = 0;
	if (first) {
		in->started = 1;
		const char *what = sniff_not_csv(raw, n);
		if (what) {
			fail(in, 0, "%s", what);
			return;
		}
		skip = take_bom(in, raw, n);
		in->nul_hint = in->encoding_given ? "" : sniff_nul_hint(raw, n);
	}
	buf_reset(&in->decoded);
	in->pos = 0;
	const unsigned char *s = raw + skip;
	n -= skip;
	switch (in->enc) {
	case ENC_UTF16LE:
	case ENC_UTF16BE:
		take_utf16(in, s, n);
		break;
	case ENC_CP1252:
		decode_cp1252(&in->decoded, s, n);
		break;
	default:
		if (take_utf8(in, s, n, in->at_eof) < 0) {
			in->enc = ENC_CP1252;
			buf_reset(&in->decoded);
			decode_cp1252(&in->decoded, s, n);
		}
	}
	buf_grow(&in->decoded, 64);     /* read_plain's fields are copied 64 bytes at a time */
	const char *nul = in->decoded.len ? memchr(in->decoded.data, '\0', in->decoded.len) : NULL;
	in->nul_at = nul ? (size_t)(nul - in->decoded.data) : SIZE_MAX;
	if (first)
		choose_delimiter(in);
}

static int batch_full(const struct reader *in)
{
	const struct batch *b = &in->batch[in->produced % QUEUE_BATCHES];
	return b->n >= BATCH_RECORDS || b->bytes >= BATCH_BYTES;
}

/*
 * Reads LINE (N bytes of the decoded block, its line break last) without
 * libcsv when it is plain (split.h), between records only. Returns 1 when it
 * did, 0 when libcsv must read it.
 */
static int read_plain(struct reader *in, const char *line, size_t n)
{
	size_t len = n - 1;
	if (len && line[len - 1] == '\r')
		len--;          /* "\r\n" */
	if (!in->spans)
		in->spans = xmalloc((READER_MAX_COLUMNS + 1) * sizeof *in->spans);
	/* One field more than a record may have, so that take_field refuses it as for libcsv. */
	size_t nfields = split_line(line, len, in->delimiter, in->spans, READER_MAX_COLUMNS + 1);
	if (nfields == SPLIT_HARD)
		return 0;
	size_t readable = in->decoded.cap - (size_t)(line - in->decoded.data);
	for (size_t i = 0; i < nfields; i++)
		take_field(in, line + in->spans[i].start, in->spans[i].len, readable - in->spans[i].start);
	if (nfields)
		on_record('\n', in);
	return 1;
}

/*
 * Feeds the decoded text to the CSV parser one physical line at a time: a
 * line ends in "\n", "\r\n", or a "\r" alone (old Mac files), so that line
 * numbers in messages are right for all three.
 */
static void feed(struct reader *in)
{
	while (in->pos < in->decoded.len && !batch_full(in) && !in->failed) {
		const char *start = in->decoded.data + in->pos;
		size_t left = in->decoded.len - in->pos;
		const char *nl = memchr(start, '\n', left);
		const char *cr = memchr(start, '\r', nl ? (size_t)(nl - start) : left);
		if (in->cr_ended && *start == '\n') {
			nl = NULL;              /* the "\n" of a "\r\n" cut by the block: its line is counted */
			cr = NULL;
			left = 1;
		} else if (cr && cr + 1 != nl) {
			nl = cr;                /* a line ended by "\r" alone */
		}
		in->cr_ended = 0;
		size_t n = nl ? (size_t)(nl - start) + 1 : left;
		if (nl && *nl == '\r' && (size_t)(nl - start) + 1 == left)
			in->cr_ended = 1;
		if (in->nul_at < in->pos + n) {
			fail(in, in->line, "binary data (a NUL byte): not a CSV export%s", in->nul_hint ? in->nul_hint : "");
			return;
		}
		int between = in->csv.pstate == 0 && in->building.n == 0;
		if (between)
			in->row_start = in->line;
		int plain = nl && between && !in->libcsv_only && read_plain(in, start, n);
		if (!plain && csv_parse(&in->csv, start, n, on_field, on_record, in) != n) {
			fail(in, in->line, "cannot parse: %s", csv_strerror(csv_error(&in->csv)));
			return;
		}
		in->pos += n;
		if (in->csv.entry_pos > READER_MAX_FIELD) {
			long begun = in->building.n ? in->last_field_line : in->row_start;
			if (in->csv.quoted)
				fail(in, in->line, "a quoted field begun at line %ld is longer than 1 MiB (is a closing quote missing?)", begun);
			else
				fail(in, in->line, "a field begun at line %ld is longer than 1 MiB", begun);
			return;
		}
		if (nl)
			in->line++;
	}
}

static void finish(struct reader *in)
{
	long last = reader_last_line(in);
	if (in->ncarry || in->high_surrogate) {
		/* A cut-short sequence at the very end. */
		put_utf8(&in->decoded, 0xFFFD);
		in->ncarry = 0;
		in->high_surrogate = 0;
	}
	/* libcsv's state 2 is "field begun": a quoted one still open at the end. */
	if (in->csv.pstate == 2 && in->csv.quoted) {
		long begun = in->building.n ? in->last_field_line : in->row_start;
		fail(in, last, "unterminated quoted field begun at line %ld", begun);
	}
	if (!in->failed)
		csv_fini(&in->csv, on_field, on_record, in);
	if (!in->failed && in->bytes == 0)
		fail(in, 0, "empty file");
	in->finished = 1;
}

/* Hands the filled batch to the reader; waits for a free one. Returns 0, or -1 if cancelled. */
static int hand_over(struct reader *in, int last)
{
	pthread_mutex_lock(&in->lock);
	in->produced++;
	if (last)
		in->done = 1;
	pthread_cond_broadcast(&in->changed);
	while (!in->cancel && !last && in->produced - in->consumed >= QUEUE_BATCHES)
		pthread_cond_wait(&in->changed, &in->lock);
	int cancelled = in->cancel;
	pthread_mutex_unlock(&in->lock);
	if (!last) {
		struct batch *b = &in->batch[in->produced % QUEUE_BATCHES];
		b->n = b->next = b->bytes = 0;
	}
	return cancelled ? -1 : 0;
}

/* The parsing thread: reads, decodes and parses the whole file into batches. */
static void *produce(void *arg)
{
	struct reader *in = arg;
	while (!in->failed && !in->finished) {
		if (in->pos < in->decoded.len)
			feed(in);
		else if (!in->at_eof)
			read_block(in);
		else
			finish(in);
		if (batch_full(in) && !in->failed && hand_over(in, 0) < 0)
			return NULL;
	}
	unsigned len = 0;
	EVP_DigestFinal_ex(in->sha, in->digest, &len);
	in->hashed = 1;
	hand_over(in, 1);
	return NULL;
}

int reader_next(struct reader *in, const struct reader_row **row, struct reach_error *err)
{
	static _Thread_local struct reader_row out;
	if (!in->started_thread) {
		in->started_thread = 1;
		if (pthread_create(&in->thread, NULL, produce, in) != 0) {
			error_set(err, REACH_EDB, in->path, 0, "cannot start the parsing thread");
			in->started_thread = 0;
			return -1;
		}
	}
	struct batch *b = &in->batch[in->consumed % QUEUE_BATCHES];
	if (!in->reading || b->next == b->n) {
		pthread_mutex_lock(&in->lock);
		if (in->reading) {
			in->consumed++;
			pthread_cond_broadcast(&in->changed);
		}
		while (in->produced == in->consumed && !in->done)
			pthread_cond_wait(&in->changed, &in->lock);
		in->reading = in->produced > in->consumed;
		pthread_mutex_unlock(&in->lock);
		b = &in->batch[in->consumed % QUEUE_BATCHES];
		if (!in->reading) {
			if (in->failed) {
				*err = in->err;
				return -1;
			}
			return 0;
		}
		if (b->n == 0)
			return reader_next(in, row, err);
	}
	const struct record *r = &b->recs[b->next++];
	out.line = r->line;
	out.nfields = r->n;
	out.fields = r->ptrs;
	out.lens = r->lens;
	*row = &out;
	return 1;
}

const char *reader_encoding(const struct reader *in)
{
	return encoding_names[in->enc];
}

const char *reader_delimiter_name(const struct reader *in)
{
	switch (in->delimiter) {
	case '\t':
		return "tab";
	case ';':
		return ";";
	case '|':
		return "|";
	default:
		return ",";
	}
}

const char *reader_delimiter_how(const struct reader *in)
{
	return in->delimiter_how ? in->delimiter_how : "detected";
}

int reader_fd(const struct reader *in)
{
	return in->fd;
}

uint64_t reader_bytes(const struct reader *in)
{
	return in->bytes;
}

void reader_sha256(const struct reader *in, char hex[65])
{
	for (int i = 0; i < 32; i++)
		snprintf(hex + 2 * i, 3, "%02x", in->hashed ? in->digest[i] : 0);
}

long reader_last_line(const struct reader *in)
{
	/* line counts the line being fed; after a final newline it is one past. */
	if (in->decoded.len && in->pos == in->decoded.len &&
	    (in->decoded.data[in->pos - 1] == '\n' || in->decoded.data[in->pos - 1] == '\r'))
		return in->line - 1;
	return in->line;
}

static void record_free(struct record *r)
{
	buf_free(&r->text);
	free(r->offsets);
	free(r->lens);
	free(r->ptrs);
}

void reader_close(struct reader *in)
{
	if (!in)
		return;
	if (in->started_thread) {
		pthread_mutex_lock(&in->lock);
		in->cancel = 1;
		pthread_cond_broadcast(&in->changed);
		pthread_mutex_unlock(&in->lock);
		pthread_join(in->thread, NULL);
	}
	pthread_mutex_destroy(&in->lock);
	pthread_cond_destroy(&in->changed);
	if (in->fp)
		fclose(in->fp);
	EVP_MD_CTX_free(in->sha);
	csv_free(&in->csv);
	buf_free(&in->decoded);
	record_free(&in->building);
	free(in->spans);
	for (size_t b = 0; b < QUEUE_BATCHES; b++) {
		for (size_t i = 0; i < in->batch[b].cap; i++)
			record_free(&in->batch[b].recs[i]);
		free(in->batch[b].recs);
	}
	free(in->path);
	free(in);
}
