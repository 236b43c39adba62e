/*
 * A libFuzzer target for the batch metadata reader: the input is a folder's
 * consultations.csv, read and checked by reach batch (a folder with no
 * exports, so each run reads and checks the metadata and ingests nothing).
 *   make fuzz                  (clang, libFuzzer, AddressSanitizer, UBSan)
 */
#include <string.h>

#include "batch.h"
#include "fuzz_file.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char dir[] = "/tmp/reach-fuzz-batch-XXXXXX";
	static struct taxonomy *t;
	static FILE *null;
	static int made;
	char path[64];
	struct reach_error err = { 0 };
	if (!made && !(made = mkdtemp(dir) != NULL))
		abort();
	if (!t && !(t = tag_load(NULL, &err)))
		abort();
	if (!null && !(null = fopen("/dev/null", "w")))
		abort();
	snprintf(path, sizeof path, "%s/consultations.csv", dir);
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
