/* tap.h — a minimal Test Anything Protocol producer for the unit tests.
 *
 * Each check prints "ok N - name" or "not ok N - name" with a diagnostic;
 * tap_done() prints the plan and returns the exit status prove expects. */
#ifndef PIZHU_TESTS_TAP_H
#define PIZHU_TESTS_TAP_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int tap_count, tap_failed;

static inline __attribute__((format(printf, 2, 3))) int ok(int condition, const char *name, ...)
{
	va_list arguments;
	va_start(arguments, name);
	printf("%sok %d - ", condition ? "" : "not ", ++tap_count);
	vprintf(name, arguments);
	putchar('\n');
	va_end(arguments);
	if (!condition)
		tap_failed++;
	return condition;
}

#define is_int(got, expected, ...)                                                                 \
	do {                                                                                       \
		long long tap_got = (long long)(got), tap_expected = (long long)(expected);        \
		if (!ok(tap_got == tap_expected, __VA_ARGS__))                                     \
			printf("#   got %lld, expected %lld (%s:%d)\n", tap_got, tap_expected,     \
			       __FILE__, __LINE__);                                                \
	} while (0)

#define is_string(got, expected, ...)                                                              \
	do {                                                                                       \
		const char *tap_got = (got), *tap_expected = (expected);                           \
		int tap_same = tap_got && tap_expected ? strcmp(tap_got, tap_expected) == 0        \
						       : tap_got == tap_expected;                  \
		if (!ok(tap_same, __VA_ARGS__))                                                    \
			printf("#   got '%s'\n#   expected '%s' (%s:%d)\n",                        \
			       tap_got ? tap_got : "(null)",                                       \
			       tap_expected ? tap_expected : "(null)", __FILE__, __LINE__);        \
	} while (0)

/* Compares `length` bytes at `got` with a NUL-terminated string. */
#define is_span(got, length, expected, ...)                                                        \
	do {                                                                                       \
		const char *tap_expected = (expected);                                             \
		size_t tap_length = (length);                                                      \
		int tap_same = tap_length == strlen(tap_expected) &&                               \
			       memcmp((got), tap_expected, tap_length) == 0;                       \
		if (!ok(tap_same, __VA_ARGS__))                                                    \
			printf("#   got '%.*s'\n#   expected '%s' (%s:%d)\n", (int)tap_length,     \
			       (got), tap_expected, __FILE__, __LINE__);                           \
	} while (0)

static inline void tap_skip(const char *reason)
{
	printf("ok %d # skip %s\n", ++tap_count, reason);
}

static inline int tap_done(void)
{
	printf("1..%d\n", tap_count);
	return tap_failed ? 1 : 0;
}

/* The shared corpus beside the project, or NULL when it is absent. */
static inline const char *tap_corpus_path(const char *relative, char *path, size_t size)
{
	const char *root = getenv("PIZHU_SOURCE");
	snprintf(path, size, "%s/../shared/corpus/%s", root ? root : ".", relative);
	FILE *file = fopen(path, "rb");
	if (!file)
		return NULL;
	fclose(file);
	return path;
}

#endif
