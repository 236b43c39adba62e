/* block.c — see block.h. */
#include "block.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

static void put_varint(struct buf *b, uint64_t v)
{
	buf_grow(b, 10);
	b->len += varint_put((unsigned char *)b->data + b->len, v);
}

void block_reset(struct block *b, uint64_t first_seq)
{
	b->first_seq = first_seq;
	b->count = 0;
	b->last_line = 0;
	buf_reset(&b->lines);
	buf_reset(&b->submitted);
	buf_reset(&b->refs);
	buf_reset(&b->answers);
}

void block_add(struct block *b, long line, long days, const char *ref, const uint32_t *codes, size_t nq)
{
	put_varint(&b->lines, (uint64_t)(line - b->last_line));
	b->last_line = line;
	put_varint(&b->submitted, (uint64_t)(days + 1));
	buf_append(&b->refs, ref ? ref : "", ref ? strlen(ref) + 1 : 1);
	buf_grow(&b->answers, nq * 5);
	for (size_t q = 0; q < nq; q++)
		b->answers.len += varint_put((unsigned char *)b->answers.data + b->answers.len, codes[q]);
	b->count++;
}

void block_free(struct block *b)
{
	if (!b)
		return;
	buf_free(&b->lines);
	buf_free(&b->submitted);
	buf_free(&b->refs);
	buf_free(&b->answers);
}

void block_read_start(struct block_reader *br, uint64_t first_seq, size_t count, size_t nq,
    const void *lines, size_t lines_len, const void *days, size_t days_len,
    const void *refs, size_t refs_len, const void *answers, size_t answers_len)
{
	br->lines = lines;
	br->lines_end = br->lines + lines_len;
	br->days = days;
	br->days_end = br->days + days_len;
	br->refs = refs;
	br->refs_end = br->refs + refs_len;
	br->answers = answers;
	br->answers_end = br->answers + answers_len;
	br->nq = nq;
	br->left = count;
	br->r.seq = first_seq - 1;
	br->r.line = 0;
	br->r.codes = xrealloc(br->r.codes, (nq ? nq : 1) * sizeof *br->r.codes);
}

const struct block_response *block_read_next(struct block_reader *br, int *corrupt)
{
	uint64_t v;
	size_t n;
	*corrupt = 0;
	if (br->left == 0)
		return NULL;
	/* Each value is checked against its bounds before use: a damaged block is reported, never trusted. */
	if (!(n = varint_get(br->lines, br->lines_end, &v)) || v > (uint64_t)(LONG_MAX - br->r.line))
		goto bad;
	br->lines += n;
	br->r.line += (long)v;
	if (!(n = varint_get(br->days, br->days_end, &v)) || v > (uint64_t)INT32_MAX)
		goto bad;
	br->days += n;
	br->r.submitted_days = (int32_t)v - 1;
	const char *nul = br->refs < br->refs_end ? memchr(br->refs, '\0', (size_t)(br->refs_end - br->refs)) : NULL;
	if (!nul)
		goto bad;
	br->r.ref = br->refs;
	br->refs = nul + 1;
	for (size_t q = 0; q < br->nq; q++) {
		if (!(n = varint_get(br->answers, br->answers_end, &v)) || v > UINT32_MAX)
			goto bad;
		br->answers += n;
		br->r.codes[q] = (uint32_t)v;
	}
	br->r.seq++;
	br->left--;
	return &br->r;
bad:
	*corrupt = 1;
	return NULL;
}

void block_read_end(struct block_reader *br)
{
	free(br->r.codes);
	br->r.codes = NULL;
}

size_t varint_put(unsigned char *p, uint64_t v)
{
	size_t n = 0;
	while (v >= 0x80) {
		p[n++] = (unsigned char)(v | 0x80);
		v >>= 7;
	}
	p[n++] = (unsigned char)v;
	return n;
}

size_t varint_get(const unsigned char *p, const unsigned char *end, uint64_t *v)
{
	uint64_t r = 0;
	for (size_t n = 0; n < 10 && p + n < end; n++) {
		r |= (uint64_t)(p[n] & 0x7F) << (7 * n);
		if (!(p[n] & 0x80)) {
			*v = r;
			return n + 1;
		}
	}
	return 0;
}
