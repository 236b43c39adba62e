/*
 * report.h — the representation report for the analysts: text for a
 * terminal and the JSON document of docs/report-json.md. The forms that are
 * published (Markdown, CSV, HTML) are publish.h's.
 */
#ifndef REACH_REPORT_H
#define REACH_REPORT_H

#include <stdio.h>

#include "compare.h"
#include "tag.h"

/*
 * The representation report of C: text for a terminal, or the JSON document
 * described in docs/report-json.md. The plan section comes from
 * plan_evidence. Returns 0, or -1 with ERR set.
 */
int report_text(struct store *s, const struct taxonomy *t, const struct compare *c, FILE *out,
    struct reach_error *err);
int report_json(struct store *s, const struct taxonomy *t, const struct compare *c, FILE *out,
    struct reach_error *err);

#endif
