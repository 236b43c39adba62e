/*
 * load.h — from export file to responses: reads the header shape, decides
 * each column's role (from its wording, a profile, or a sample of its first
 * answers), and then hands out one response at a time, its answers coded
 * against a dictionary of distinct raw answers per question. Personal data
 * never leaves this module: postcodes leave it as their district only,
 * wherever they appear in a stored answer, and a date of birth as the age
 * at the response's date (else at the closing date), never as the date.
 * Memory stays bounded whatever the number of rows.
 */
#ifndef REACH_LOAD_H
#define REACH_LOAD_H

#include <stddef.h>
#include <stdint.h>

#include "columns.h"
#include "date.h"
#include "meter.h"
#include "reader.h"

#define LOAD_SAMPLE_ROWS 1000            /* answers read ahead to decide roles */
#define LOAD_MAX_VALUES  100000          /* distinct answers one question may have */
/*
 * The bytes the distinct answers of all an export's questions may take, each
 * counted with LOAD_VALUE_OVERHEAD for its place in the dictionary: with the
 * reader's own bounded buffers and the bounded sample, this holds an ingest's
 * memory whatever the export (README, "Limits").
 */
#define LOAD_MAX_ANSWER_BYTES (64 * 1024 * 1024)
#define LOAD_VALUE_OVERHEAD 64

struct load_options {
	const char *profile;    /* profile file, or NULL */
	int keep_text;          /* store free-text answers */
	int ragged;             /* keep rows with too few or too many fields */
	enum date_reading dates;        /* day or month first, or as the column shows */
	struct reader_options read;     /* --encoding, --delimiter; zero: detect */
	const struct taxonomy *taxonomy; /* checks equality roles against the answers; NULL: no check */
	const char *closed;     /* "YYYY-MM-DD": a date of birth's age is reckoned at it when a
	                           response has no submitted date; NULL: none */
	struct meter *meter;    /* the progress line, told every 1,024 responses; NULL: none */
};

/* A distinct raw answer of one question. */
struct load_value {
	char *raw;
	uint32_t code;          /* 1, 2, …; 0 is "no answer" */
	uint64_t count;
};

/* One response; valid until the next load_next call. */
struct load_response {
	long line;
	uint64_t seq;           /* 1, 2, … in file order */
	const char *ref;        /* the export's response id, or NULL */
	const char *submitted;  /* "YYYY-MM-DD", or NULL when absent or unreadable */
	long submitted_days;    /* the same in days since 1970-01-01, or -1 */
	const uint32_t *codes;  /* one per question; 0 when unanswered */
	const char *const *texts; /* one per question: free text kept, else NULL */
};

struct load_counts {
	uint64_t responses, blank_rows, ragged_rows, unreadable_dates;
	long first_ragged_line;
};

struct load;

/*
 * Opens PATH, reads its header and a sample of answers, and decides the
 * columns. Returns NULL with ERR set ("FILE:LINE: …") on failure.
 */
struct load *load_open(const char *path, const struct load_options *opts, struct reach_error *err);

const struct columns *load_columns(const struct load *l);
const struct reader *load_reader(const struct load *l);
const struct load_counts *load_counts(const struct load *l);

/* Reads the next response: 1, 0 at the end, -1 with ERR set. */
int load_next(struct load *l, const struct load_response **resp, struct reach_error *err) REACH_MUST_CHECK;

/* The distinct answers of question Q in code order; returns their number. */
size_t load_values(const struct load *l, size_t q, const struct load_value **values);

/* Frees everything; accepts NULL. */
void load_close(struct load *l);

#endif
