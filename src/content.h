/*
 * content.h — personal data told by content: answers that look like full UK
 * postcodes, email addresses, phone numbers, IP addresses, Ordnance Survey
 * grid references or eastings and northings, or latitudes and longitudes,
 * whatever a column's header says (columns.c asks of every column), and
 * postcodes cut to their district inside any answer kept (load.c).
 */
#ifndef REACH_CONTENT_H
#define REACH_CONTENT_H

#include <stddef.h>

#include "columns.h"
#include "util.h"

/* What a column's answers look like. */
enum content {
	CONTENT_OTHER, CONTENT_POSTCODE, CONTENT_EMAIL, CONTENT_PHONE, CONTENT_IP, CONTENT_GRID,
	CONTENT_COORDINATES, CONTENT_COUNT
};

/* The kind in words, plural: "email addresses"; "" for CONTENT_OTHER. */
const char *content_name(enum content kind);

/*
 * Judges column COL by the answers of NROWS sample rows (ANSWERS[r] has
 * NFIELDS[r] cells): ROLE_PERSONAL when POLICY_PERSONAL_SHARE or more of
 * those given are email addresses, phone numbers, IP addresses, grid
 * references or coordinates (the commonest named in *KIND); ROLE_POSTCODE
 * when over POLICY_POSTCODE_SHARE are full postcodes; else ROLE_UNKNOWN.
 */
enum role content_role(const char *const *const *answers, const size_t *nfields, size_t nrows, size_t col,
    enum content *kind);

/*
 * Writes S into OUT with every full UK postcode in it cut to its district
 * ("ME15 6JQ" -> "ME15"); returns the number cut (0: OUT is S unchanged).
 */
size_t content_cut_postcodes(const char *s, struct buf *out);

#endif
