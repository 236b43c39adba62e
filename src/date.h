/*
 * date.h — calendar dates as exports write them (ISO, day first, month
 * first, with or without a time), and days since 1970 for arithmetic.
 */
#ifndef REACH_DATE_H
#define REACH_DATE_H

#include <stddef.h>

#include "util.h"

/*
 * Reads a calendar date at the start of S: YYYY-MM-DD, YYYY/MM/DD, or
 * DD/MM/YYYY and DD-MM-YYYY (day first; month first when MONTH_FIRST is set
 * or the first field is above 12), with an optional time after it. Writes
 * "YYYY-MM-DD" (11 bytes with the NUL) and returns 0, or -1 when S holds no
 * valid date.
 */
int parse_date(const char *s, int month_first, char out[11]) REACH_MUST_CHECK;

/* The same with a fixed order, never falling back to the other one. */
enum date_order { DATE_DAY_FIRST, DATE_MONTH_FIRST };
int parse_date_order(const char *s, enum date_order order, char out[11]) REACH_MUST_CHECK;

/*
 * Do the N dates VALUES (NULLs skipped) read month first (US style)? Only
 * when some reads as a date that way alone, and none the other way alone.
 */
int dates_month_first(const char *const *values, size_t n);

/* How a command was told to read dates: as their column shows, or fixed. */
enum date_reading { DATES_AUTO, DATES_DAY_FIRST, DATES_MONTH_FIRST };

/* Parses "auto", "day-first" or "month-first"; -1 for anything else. */
int date_reading_parse(const char *word, enum date_reading *out) REACH_MUST_CHECK;
const char *date_reading_name(enum date_reading r);

/* Days from 1970-01-01 to the date "YYYY-MM-DD" (negative before), and back. */
long date_to_days(const char *iso);
long date_to_days_ymd(long year, long month, long day);
void days_to_date(long days, char out[11]);

#endif
