/*
 * A libFuzzer target for the taxonomy reader (--taxonomy, reach-taxonomy.csv):
 * the input is the user's taxonomy file, loaded over the built-in one, then
 * used to tag a few answers.
 *   make fuzz                  (clang, libFuzzer, AddressSanitizer, UBSan)
 */
#include "fuzz_file.h"
#include "tag.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const answers[] = { "Female", "Lady", "White British", "Prefer not to say", "18-24", "" };
	char path[FUZZ_PATH];
	if (fuzz_write(data, size, path) < 0)
		return 0;
	struct reach_error err = { 0 };
	struct taxonomy *t = tag_load(path, &err);
	for (size_t i = 0; t && i < sizeof answers / sizeof *answers; i++) {
		struct tag_result r;
		tag_answer(t, ROLE_SEX, "sex", answers[i], 0, &r);
		tag_answer(t, ROLE_ETHNICITY, "ethnicity", answers[i], 0, &r);
		tag_answer(t, ROLE_AGE, "age", answers[i], 0, &r);
	}
	tag_free(t);
	unlink(path);
	return 0;
}
