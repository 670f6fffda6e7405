/* file.h — reading a whole regular file. */
#ifndef PIZHU_BASE_FILE_H
#define PIZHU_BASE_FILE_H

#include <stddef.h>

#include "base/error.h"

enum {
	FILE_READ_CHUNK = 4 * 1024 * 1024, /* each read(2) at most */
	FILE_GROWTH_ALLOWED = 1024 * 1024, /* past the size fstat gave */
};
#define FILE_MAX_BYTES ((size_t)1 << 30) /* the largest file read: 1 GiB */

/* Reads the regular file at path into a new buffer (NUL-terminated, not
 * counted), refusing early what it cannot take: directories, FIFOs and
 * devices without blocking on them; a file over FILE_MAX_BYTES by its
 * size, before reading; a file that grows by more than
 * FILE_GROWTH_ALLOWED while it is read. Memory is the file's size and a
 * NUL. Any bytes are read (a .docx or a message catalogue is binary):
 * what they are is for the caller to judge. The message does not name
 * the file: "No such file or directory", "is a directory", "not a regular
 * file", "too large (…)". */
int file_read(const char *path, unsigned char **bytes, size_t *length, struct error *error);

/* The growth rule of every whole read of a file (file_read,
 * speech_file_read): a file that had `size` bytes when it was opened is
 * read up to a little past that, never endlessly: file_growth_limit bytes
 * at most (FILE_GROWTH_ALLOWED more, up to FILE_MAX_BYTES). A read that
 * reaches them is refused with file_grew's message ("it kept growing while
 * it was read…", or "too large…" at FILE_MAX_BYTES); it returns -1. */
size_t file_growth_limit(size_t size);
int file_grew(size_t size, struct error *error);

/* Reads at most `limit` bytes from the start of the file, as file_read
 * does; *complete says whether that was all of it. */
int file_read_start(const char *path, size_t limit, unsigned char **bytes, size_t *length,
		    int *complete, struct error *error);

/* The folder of the running program (from /proc/self/exe), without a
 * slash at the end, or "" when the system does not say: where pizhu
 * looks first for the files it needs beside it when run from its build
 * folder (its message catalogue, its OCR plugin). */
void file_program_folder(char *folder, size_t size);

#endif
