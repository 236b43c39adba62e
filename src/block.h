/*
 * block.h — responses packed in blocks of up to BLOCK_RESPONSES, one
 * database row a block (table response_blocks), so that a million responses
 * cost a few thousand inserts and reads. A block holds, per response, its
 * line, its submitted date, its export response id and one answer code per
 * question, in four byte strings:
 *
 *   lines      varint: the first line, then each line minus the one before
 *   submitted  varint: days since 1970-01-01 plus one; 0 when unknown
 *   refs       each response id followed by a NUL ("" when none)
 *   answers    per response, one varint per question slot: the answer_values
 *              code, 0 when unanswered
 */
#ifndef REACH_BLOCK_H
#define REACH_BLOCK_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

#define BLOCK_RESPONSES 256

struct block {
	uint64_t first_seq;     /* seq of its first response (1-based) */
	size_t count;
	struct buf lines, submitted, refs, answers;
	long last_line;
};

/* Empties B to start a new block at FIRST_SEQ; keeps its memory. */
void block_reset(struct block *b, uint64_t first_seq);

/* Adds a response: its line, submitted day (days since 1970-01-01, or -1), ref (or NULL), NQ codes. */
void block_add(struct block *b, long line, long days, const char *ref, const uint32_t *codes, size_t nq);

/* Frees what B holds (not B itself); accepts NULL. */
void block_free(struct block *b);

/* One response read back out of a block. */
struct block_response {
	uint64_t seq;
	long line;
	int32_t submitted_days;  /* days since 1970-01-01, or -1 */
	const char *ref;         /* "" when none */
	uint32_t *codes;         /* NQ codes, owned by the reader */
};

struct block_reader {
	const unsigned char *lines, *lines_end, *days, *days_end, *answers, *answers_end;
	const char *refs, *refs_end;
	size_t nq, left;
	struct block_response r;
};

/* Starts reading a block's four strings (as stored) for NQ questions. */
void block_read_start(struct block_reader *br, uint64_t first_seq, size_t count, size_t nq,
    const void *lines, size_t lines_len, const void *days, size_t days_len,
    const void *refs, size_t refs_len, const void *answers, size_t answers_len);

/*
 * The next response, or NULL at the end or when the block is corrupt
 * (*CORRUPT set): a string that ends early, a line past LONG_MAX, a date
 * past INT32_MAX days or an answer code past UINT32_MAX.
 */
const struct block_response *block_read_next(struct block_reader *br, int *corrupt);

void block_read_end(struct block_reader *br);

/* The packing of every column: unsigned LEB128 varints. */
/* Encodes V as a LEB128 varint at P; returns the bytes written (1..10). */
size_t varint_put(unsigned char *p, uint64_t v);
/* Decodes a varint from P (at most END); returns bytes read, 0 if truncated. */
size_t varint_get(const unsigned char *p, const unsigned char *end, uint64_t *v);


#endif
