/* fuzz_bind.c — a bind line of the config file (bind VIEW KEY COMMAND) on
 * any words.
 *
 * The input is three words separated by NUL bytes. request_bind either
 * binds (the key then makes that request in that view) or fails with a
 * message that holds no control character, since it goes to a terminal. */
#include <string.h>

#include "base/utf8.h"
#include "tests/fuzz/fuzz.h"
#include "tui/request.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char words[3][256];
	size_t word = 0, length = 0;
	memset(words, 0, sizeof words);
	for (size_t i = 0; i < size && word < 3; i++) {
		if (data[i] == '\0') {
			word++;
			length = 0;
		} else if (length + 1 < sizeof words[0]) {
			words[word][length++] = (char)data[i];
		}
	}
	struct error error = {{0}};
	if (request_bind(words[0], words[1], words[2], &error) != 0) {
		fuzz_assert(error.message[0]);
		fuzz_assert(!utf8_text_problem(error.message, strlen(error.message)));
	}
	return 0;
}
