#include "base/file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/buffer.h"
#include "base/i18n.h"

size_t file_growth_limit(size_t size)
{
	return size < FILE_MAX_BYTES - FILE_GROWTH_ALLOWED ? size + FILE_GROWTH_ALLOWED
							   : FILE_MAX_BYTES;
}

int file_grew(size_t size, struct error *error)
{
	if (file_growth_limit(size) >= FILE_MAX_BYTES)
		return error_set(error, _("too large (it grew past 1 GiB while read)"));
	return error_set(error,
			 _("it kept growing while it was read (from %zu bytes); try again when "
			   "it is complete"),
			 size);
}

int file_read_start(const char *path, size_t limit, unsigned char **bytes, size_t *length,
		    int *complete, struct error *error)
{
	/* O_NONBLOCK: opening a FIFO must not wait for a writer. */
	int descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (descriptor < 0)
		return error_set(error, "%s", i18n_strerror(errno));
	struct stat status;
	if (fstat(descriptor, &status) != 0) {
		int saved = errno;
		close(descriptor);
		return error_set(error, "%s", i18n_strerror(saved));
	}
	if (S_ISDIR(status.st_mode)) {
		close(descriptor);
		return error_set(error, _("is a directory"));
	}
	if (!S_ISREG(status.st_mode)) {
		close(descriptor);
		return error_set(error, _("not a regular file"));
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
			return error_set(error, "%s", i18n_strerror(saved));
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

int file_read(const char *path, unsigned char **bytes, size_t *length, struct error *error)
{
	int descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (descriptor < 0)
		return error_set(error, "%s", i18n_strerror(errno));
	struct stat status;
	int failed = 0;
	if (fstat(descriptor, &status) != 0)
		failed = error_set(error, "%s", i18n_strerror(errno));
	else if (S_ISDIR(status.st_mode))
		failed = error_set(error, _("is a directory"));
	else if (!S_ISREG(status.st_mode))
		failed = error_set(error, _("not a regular file"));
	else if ((uintmax_t)status.st_size > FILE_MAX_BYTES)
		/* Refused before reading: a sparse or huge file costs nothing. */
		failed = error_set(error, _("too large (%jd bytes; the most is 1 GiB)"),
				   (intmax_t)status.st_size);
	if (failed) {
		close(descriptor);
		return -1;
	}
	size_t size = (size_t)status.st_size;
	size_t limit = file_growth_limit(size);
	size_t capacity = size + 2, used = 0;
	unsigned char *data = xmalloc(capacity);
	for (;;) {
		if (used + 1 >= capacity) {
			capacity = capacity * 2 < limit + 2 ? capacity * 2 : limit + 2;
			data = xrealloc(data, capacity);
		}
		/* Bounded reads. */
		size_t room = capacity - used - 1;
		if (room > FILE_READ_CHUNK)
			room = FILE_READ_CHUNK;
		ssize_t got = read(descriptor, data + used, room);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			failed = error_set(error, "%s", i18n_strerror(errno));
			break;
		}
		if (got == 0)
			break;
		used += (size_t)got;
		if (used > limit - 1 && used >= capacity - 1) {
			failed = file_grew(size, error);
			break;
		}
	}
	close(descriptor);
	if (failed) {
		free(data);
		return -1;
	}
	data[used] = '\0';
	*bytes = data;
	*length = used;
	return 0;
}

void file_program_folder(char *folder, size_t size)
{
	ssize_t length = readlink("/proc/self/exe", folder, size - 1);
	folder[length > 0 ? length : 0] = '\0';
	char *slash = strrchr(folder, '/');
	if (slash)
		*slash = '\0';
	else
		folder[0] = '\0';
}
