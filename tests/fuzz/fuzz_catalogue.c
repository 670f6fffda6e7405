/* fuzz_catalogue.c — the .mo reader (base/i18n.h) on any bytes.
 *
 * i18n_load_catalogue either refuses with a message and leaves the
 * catalogue in use alone, or loads one whose every lookup gives a
 * NUL-terminated string; _() of a string not in it gives that string. */
#include <string.h>

#include "base/i18n.h"
#include "tests/fuzz/fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	i18n_reset();
	struct error error = {{0}};
	if (i18n_load_catalogue(data, size, &error) != 0) {
		fuzz_assert(error.message[0] != '\0');
		fuzz_assert(i18n_language() == I18N_ENGLISH);
		return 0;
	}
	fuzz_assert(i18n_language() == I18N_CHINESE);
	const char *unknown = "a message no catalogue holds \x01";
	fuzz_assert(_(unknown) == unknown);
	/* Look up every NUL-terminated run of the input as a message id. */
	char *copy = malloc(size + 1);
	memcpy(copy, data, size);
	copy[size] = '\0';
	for (size_t at = 0; at < size; at += strlen(copy + at) + 1) {
		const char *text = _(copy + at);
		fuzz_assert(strlen(text) < size + 1 || text == copy + at);
		const char *form = P_(copy + at, "plural", 2);
		fuzz_assert(form != NULL);
	}
	free(copy);
	i18n_reset();
	return 0;
}
