/* fuzz_user_dirs.c — a user-dirs.dirs file of any bytes.
 *
 * user_dirs_documents either finds a folder, an absolute path that holds
 * no NUL and is not the home folder itself, or leaves out unchanged. */
#include <string.h>

#include "base/user_dirs.h"
#include "tests/fuzz/fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct buffer out = {0};
	int found = user_dirs_documents((const char *)data, size, "/home/user", &out);
	if (found) {
		fuzz_assert(out.data && out.data[0] == '/');
		fuzz_assert(strlen(out.data) == out.length);
		fuzz_assert(strcmp(out.data, "/home/user") != 0);
	} else {
		fuzz_assert(out.length == 0);
	}
	buffer_free(&out);
	return 0;
}
