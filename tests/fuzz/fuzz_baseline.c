/*
 * A libFuzzer target for the baseline reader (reach baseline import): the
 * input is a census file, long form or Nomis bulk, imported into a scratch
 * database made once.
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
	if (baseline_import(fuzz_store(), size % 2 ? t : NULL, path, size % 3 ? NULL : "E07000110", null, &err) < 0)
		err.code = 0;
	unlink(path);
	return 0;
}
