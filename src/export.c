/* export.c — see export.h. */
#include "export.h"

#include "emit.h"

void export_header(const struct consult_view *v, FILE *out)
{
	fputs("seq,line,response_id,submitted", out);
	for (size_t q = 0; q < v->nq; q++) {
		fputc(',', out);
		emit_csv_cell(out, v->q[q].text);
	}
	fputc('\n', out);
}

int export_row(const struct block_response *r, void *ctx)
{
	const struct export *e = ctx;
	char date[11] = "";
	if (r->submitted_days >= 0)
		days_to_date(r->submitted_days, date);
	fprintf(e->out, "%llu,%ld,", (unsigned long long)r->seq, r->line);
	emit_csv_cell(e->out, r->ref);
	fprintf(e->out, ",%s", date);
	for (size_t q = 0; q < e->v->nq; q++) {
		fputc(',', e->out);
		if (r->codes[q])
			emit_csv_cell(e->out, e->v->q[q].raw[r->codes[q] - 1]);
	}
	fputc('\n', e->out);
	return 0;
}
