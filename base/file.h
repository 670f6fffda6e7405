/* file.h — reading a whole regular file. */
#ifndef PIZHU_BASE_FILE_H
#define PIZHU_BASE_FILE_H

#include <stddef.h>

#include "base/error.h"

/* Reads the regular file at path into a new buffer (NUL-terminated, not
 * counted). Refuses directories, FIFOs and devices without blocking on
 * them. The message does not name the file: "No such file or directory",
 * "is a directory", "not a regular file". */
int file_read(const char *path, unsigned char **bytes, size_t *length, struct error *error);

/* Reads at most `limit` bytes from the start of the file, as file_read
 * does; *complete says whether that was all of it. */
int file_read_start(const char *path, size_t limit, unsigned char **bytes, size_t *length,
		    int *complete, struct error *error);

#endif
