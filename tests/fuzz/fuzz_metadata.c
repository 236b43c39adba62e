/*
 * A libFuzzer target for the batch metadata reader: the input is a folder's
 * consultations.csv, read and checked by reach batch (a folder with no
 * exports, so each run reads and checks the metadata and ingests nothing).
 *   make fuzz                  (clang, libFuzzer, AddressSanitizer, UBSan)
 */
#include <errno.h>
#include <string.h>

#include "batch.h"
#include "fuzz_file.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char dir[FUZZ_PATH], path[FUZZ_PATH];
	struct reach_error err = { 0 };
	fuzz_scratch();
	fuzz_path(dir, "batch");
	if (mkdir(dir, 0700) < 0 && errno != EEXIST)
		abort();
	struct taxonomy *t = fuzz_taxonomy();
	FILE *null = fuzz_null();
	fuzz_path(path, "batch/consultations.csv");
	FILE *fp = fopen(path, "wb");
	if (!fp)
		return 0;
	fwrite(data, 1, size, fp);
	if (fclose(fp) != 0)
		return 0;
	struct batch_options o;
	memset(&o, 0, sizeof o);
	o.publish.suppress = 5;
	if (batch_run(fuzz_store(), t, dir, &o, null, &err) < 0)
		err.code = 0;
	return 0;
}
