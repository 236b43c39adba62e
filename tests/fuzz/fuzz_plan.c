/*
 * A libFuzzer target for the plan reader (reach plan import): the input is a
 * plan file, a plans index or an indicators file, imported into a scratch
 * database made once (with the built-in plans).
 *   make fuzz                  (clang, libFuzzer, AddressSanitizer, UBSan)
 */
#include "fuzz_file.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[FUZZ_PATH];
	struct reach_error err = { 0 };
	struct taxonomy *t = fuzz_taxonomy();
	FILE *null = fuzz_null();
	if (fuzz_write(data, size, path) < 0)
		return 0;
	if (plan_import(fuzz_store(), t, path, null, &err) < 0)
		err.code = 0;
	unlink(path);
	return 0;
}
