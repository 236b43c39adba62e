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
 * or the first field is above 12), or "Jul 3, 2026" (the month by its English
 * name or its first three or more letters, as JotForm writes its Submission
 * Date), with an optional time after it. Writes
 * "YYYY-MM-DD" (11 bytes with the NUL) and returns 0, or -1 when S holds no
 * valid date. MONTH_FIRST may also be DATE_ORDER_MIXED (dates_month_first's
 * answer for a column that writes both orders): then only a date that reads
 * one way alone, or the same both ways, is read; the rest give -1.
 *
 * Two-digit years ("5/3/24", "05.03.24") are read with "/" or "." only ("24-03-05"
 * is also written year first, so it is left unread), as the latest year
 * ending in those digits that is not after the current year: in 2025, "24"
 * is 2024 and "26" is 1926. A date of birth needs more care: see
 * parse_date_latest and tag.c.
 */
int parse_date(const char *s, int month_first, char out[11]) REACH_MUST_CHECK;

/*
 * Is S exactly a real calendar date written YYYY-MM-DD (2024-02-29, never
 * 2024-02-30 or 0000-00-00)? The one rule for every date reach is given:
 * --opened, --closed, --from, --to, consultations.csv, plans.
 */
int date_is_iso(const char *s);

/* dates_month_first's answer for a column that writes dates both ways (see parse_date). */
#define DATE_ORDER_MIXED 2

/*
 * parse_date with the pivot of two-digit years given: such a year is read as
 * the latest year ending in its digits that is not after LATEST_YEAR (0 or
 * less: two-digit years are not read). Four-digit years are as written.
 */
int parse_date_latest(const char *s, int month_first, int latest_year, char out[11]) REACH_MUST_CHECK;

/* The same with a fixed order, never falling back to the other one (two-digit years as parse_date). */
enum date_order { DATE_DAY_FIRST, DATE_MONTH_FIRST };
int parse_date_order(const char *s, enum date_order order, char out[11]) REACH_MUST_CHECK;

/*
 * How do the N dates VALUES (NULLs skipped) read? 1 (month first, US style)
 * when some reads as a date that way alone and none the other way alone;
 * DATE_ORDER_MIXED when some read only day first and some only month first
 * (a column that mixes the two: each date is read only where it is
 * unambiguous); else 0 (day first).
 */
int dates_month_first(const char *const *values, size_t n);

/* The current year, from the clock; the pivot of two-digit years. */
int date_current_year(void);

/* Days from 1970-01-01 to today (UTC). */
long date_today(void);

/* Whole years of age on day AT of someone born on day BORN (days since 1970); negative before birth. */
int date_age_years(long born, long at);

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
