/*
 * A libFuzzer target for everything an export file goes through before the
 * store: encoding detection, the CSV reader, header shapes, column roles,
 * coding of answers; and, for each field, the date, age and text readers.
 *   make fuzz                  (clang, libFuzzer, AddressSanitizer, UBSan)
 */
#include <string.h>

#include "fuzz_file.h"
#include "load.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[FUZZ_PATH];
	if (fuzz_write(data, size, path) < 0)
		return 0;
	struct taxonomy *taxonomy = fuzz_taxonomy();
	struct load_options opts = { 0 };
	opts.ragged = size % 2;
	opts.keep_text = size % 3 == 0;
	struct reach_error err = { 0 };
	struct load *l = load_open(path, &opts, &err);
	const struct load_response *r;
	while (l && load_next(l, &r, &err) == 1) {
		const struct columns *c = load_columns(l);
		for (size_t q = 0; q < c->nquestions; q++) {
			const struct load_value *v;
			size_t n = load_values(l, q, &v);
			if (r->codes[q] && r->codes[q] <= n) {
				const char *raw = v[r->codes[q] - 1].raw;
				int lo, hi;
				char iso[11];
				struct tag_result t;
				tag_age_interval(taxonomy, raw, &lo, &hi);
				if (parse_date(raw, (int)(size % 2), iso) == 0 && strlen(iso) != 10)
					abort();        /* a date read is always written YYYY-MM-DD */
				for (const char *const *d = tag_dimensions(c->question[q].role); *d; d++)
					tag_answer(taxonomy, c->question[q].role, *d, raw, 0, &t);
			}
		}
	}
	load_close(l);
	return 0;
}
