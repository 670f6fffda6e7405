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
	int complete;
	return file_read_start(path, SIZE_MAX, bytes, length, &complete, error);
}
