/* fuzz.h — what the fuzz harnesses share.
 *
 * Each tests/fuzz/fuzz_NAME.c defines LLVMFuzzerTestOneInput. Built with
 * clang's -fsanitize=fuzzer it is a libFuzzer target (make fuzz); linked
 * with driver.c instead it replays files, which make check does with the
 * inputs kept in tests/fuzz/regressions/NAME/. A harness checks the
 * module's documented promises, not only that it does not crash: a broken
 * promise aborts, which libFuzzer reports like a crash. */
#ifndef PIZHU_TESTS_FUZZ_H
#define PIZHU_TESTS_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* Aborts with a message when a promise is broken. */
#define fuzz_assert(condition)                                                                     \
	do {                                                                                       \
		if (!(condition)) {                                                                \
			fprintf(stderr, "%s:%d: broken promise: %s\n", __FILE__, __LINE__,         \
				#condition);                                                       \
			abort();                                                                   \
		}                                                                                  \
	} while (0)

#endif
