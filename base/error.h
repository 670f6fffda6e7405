/* error.h — a message left by a failing function for its caller.
 *
 * Functions in speech/ and store/ return 0 on success and -1 on failure,
 * filling a struct error; only cli/ and tui/ decide how to show it. */
#ifndef PIZHU_BASE_ERROR_H
#define PIZHU_BASE_ERROR_H

#include <stddef.h>

struct error {
	char message[512];
};

/* Sets the message (printf-style) and returns -1, so a caller can write
 * `return error_set(error, "...")`. A NULL error is allowed and ignored. */
int error_set(struct error *error, const char *format, ...) __attribute__((format(printf, 2, 3)));

#endif
