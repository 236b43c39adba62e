/*
 * A libFuzzer target for the profile reader (--profile): the input is the
 * profile, read against a small fixed export of twelve columns.
 *   make fuzz                  (clang, libFuzzer, AddressSanitizer, UBSan)
 */
#include <string.h>

#include "fuzz_file.h"
#include "load.h"

static const char export_text[] =
    "id,Submitted,What is your sex?,What is your age?,Ethnic group,Postcode,Email,Comments\n"
    "1,2024-01-05,Female,34,White British,ME15 6JQ,a@example.org,Fine\n"
    "2,2024-01-06,Male,71,Asian or Asian British: Indian,ME14 1AA,,No\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char export_path[FUZZ_PATH], profile[FUZZ_PATH];
	/* The export is written as "input" and renamed "export.csv": the profile is "input". */
	if (fuzz_write((const uint8_t *)export_text, strlen(export_text), export_path) < 0)
		return 0;
	char kept[FUZZ_PATH];
	fuzz_path(kept, "export.csv");
	if (rename(export_path, kept) < 0 || fuzz_write(data, size, profile) < 0)
		return 0;
	struct load_options opts = { 0 };
	struct reach_error err = { 0 };
	opts.profile = profile;
	struct load *l = load_open(kept, &opts, &err);
	const struct load_response *r;
	while (l && load_next(l, &r, &err) == 1)
		;
	load_close(l);
	unlink(profile);
	unlink(kept);
	return 0;
}
