#include "base/file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/buffer.h"

int file_read_start(const char *path, size_t limit, unsigned char **bytes, size_t *length,
		    int *complete, struct error *error)
{
	/* O_NONBLOCK: opening a FIFO must not wait for a writer. */
	int descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (descriptor < 0)
		return error_set(error, "%s", strerror(errno));
	struct stat status;
	if (fstat(descriptor, &status) != 0) {
		int saved = errno;
		close(descriptor);
		return error_set(error, "%s", strerror(saved));
	}
	if (S_ISDIR(status.st_mode)) {
		close(descriptor);
		return error_set(error, "is a directory");
	}
	if (!S_ISREG(status.st_mode)) {
		close(descriptor);
		return error_set(error, "not a regular file");
	}
	/* Room for the NUL and for the read that finds the end: a file that
	 * has not grown since fstat is read without growing the buffer. */
	size_t capacity = ((size_t)status.st_size < limit ? (size_t)status.st_size : limit) + 2;
	unsigned char *data = xmalloc(capacity);
	size_t used = 0;
	*complete = 1;
	for (;;) {
		if (used >= limit) {
			*complete = 0;
			break;
		}
		if (used + 1 >= capacity) {
			capacity *= 2;
			data = xrealloc(data, capacity);
		}
		size_t room = capacity - used - 1;
		if (room > limit - used)
			room = limit - used;
		ssize_t got = read(descriptor, data + used, room);
		if (got < 0) {
			if (errno == EINTR)
				continue;
			int saved = errno;
			free(data);
			close(descriptor);
			return error_set(error, "%s", strerror(saved));
		}
		if (got == 0)
			break;
		used += (size_t)got;
	}
	close(descriptor);
	data[used] = '\0';
	*bytes = data;
	*length = used;
	return 0;
}

/* Whether the first block of a file says it is binary: a NUL byte, but
 * in a file that starts with a UTF-16 byte order mark (whose text is full
 * of them). */
static int binary_start(const unsigned char *bytes, size_t length)
{
	if (length >= 2 &&
	    ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
		return 0;
	return memchr(bytes, 0, length < FILE_FIRST_BLOCK ? length : FILE_FIRST_BLOCK) != NULL;
}

int file_read(const char *path, unsigned char **bytes, size_t *length, struct error *error)
{
	int descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (descriptor < 0)
		return error_set(error, "%s", strerror(errno));
	struct stat status;
	int failed = 0;
	if (fstat(descriptor, &status) != 0)
		failed = error_set(error, "%s", strerror(errno));
	else if (S_ISDIR(status.st_mode))
		failed = error_set(error, "is a directory");
	else if (!S_ISREG(status.st_mode))
		failed = error_set(error, "not a regular file");
	else if ((uintmax_t)status.st_size > FILE_MAX_BYTES)
		/* Refused before reading: a sparse or huge file costs nothing. */
		failed = error_set(error, "too large (%jd bytes; the most is 1 GiB)",
				   (intmax_t)status.st_size);
	if (failed) {
		close(descriptor);
		return -1;
	}
	/* A file that grows while it is read is read up to a little past the
	 * size it had, never endlessly. */
	size_t size = (size_t)status.st_size;
	size_t limit = size + FILE_GROWTH_ALLOWED;
	if (limit > FILE_MAX_BYTES)
		limit = FILE_MAX_BYTES;
	size_t capacity = size + 2, used = 0;
	unsigned char *data = xmalloc(capacity);
	int checked = 0;
	for (;;) {
		if (used + 1 >= capacity) {
			capacity = capacity * 2 < limit + 2 ? capacity * 2 : limit + 2;
			data = xrealloc(data, capacity);
		}
		/* Bounded reads: the first block is looked at before the rest
		 * is read. */
		size_t room = capacity - used - 1;
		if (room > FILE_READ_CHUNK)
			room = FILE_READ_CHUNK;
		ssize_t got = read(descriptor, data + used, room);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			failed = error_set(error, "%s", strerror(errno));
			break;
		}
		if (got == 0)
			break;
		used += (size_t)got;
		if (!checked && (used >= FILE_FIRST_BLOCK || used == size)) {
			checked = 1;
			if (binary_start(data, used)) {
				failed = error_set(error, "binary file (contains NUL bytes)");
				break;
			}
		}
		if (used > limit - 1 && used >= capacity - 1) {
			failed = used >= FILE_MAX_BYTES
				     ? error_set(error, "too large (it grew past 1 GiB while read)")
				     : error_set(error,
						 "it kept growing while it was read (from "
						 "%zu bytes); try again when it is "
						 "complete",
						 size);
			break;
		}
	}
	close(descriptor);
	if (failed) {
		free(data);
		return -1;
	}
	if (!checked && binary_start(data, used)) {
		free(data);
		return error_set(error, "binary file (contains NUL bytes)");
	}
	data[used] = '\0';
	*bytes = data;
	*length = used;
	return 0;
}
