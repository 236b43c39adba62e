/*
 * report.h — what reach prints: the dry-run column listing now; the
 * representation report (text, JSON, HTML, Markdown, CSV) as it arrives.
 */
#ifndef REACH_REPORT_H
#define REACH_REPORT_H

#include <stdio.h>

#include "load.h"

/*
 * Prints how each column of the export behind L was read, and for each
 * equality-monitoring question its distinct raw answers with counts. L must
 * have been read to its end with load_next.
 */
void report_columns(const char *path, const struct load *l, FILE *out);

#endif
