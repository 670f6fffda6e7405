#include "base/mapping.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "base/buffer.h"
#include "base/i18n.h"

/* A file in directory with no name: O_TMPFILE where the file system has
 * it, else a name removed at once. */
static int temporary_file(const char *directory)
{
#ifdef O_TMPFILE
	int descriptor = open(directory, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
	if (descriptor >= 0)
		return descriptor;
#endif
	struct buffer name = {0};
	buffer_printf(&name, "%s/pizhu-text-XXXXXX", directory);
	int descriptor_named = mkostemp(name.data, O_CLOEXEC);
	if (descriptor_named >= 0)
		unlink(name.data);
	buffer_free(&name);
	return descriptor_named;
}

int mapping_create(const char *directory, size_t length, struct mapping *mapping,
		   struct error *error)
{
	memset(mapping, 0, sizeof *mapping);
	const char *fallback = getenv("TMPDIR");
	if (!fallback || !fallback[0])
		fallback = "/tmp";
	if (!directory || !directory[0])
		directory = fallback;
	if (length == 0)
		length = 1;
	int descriptor = temporary_file(directory);
	if (descriptor < 0 && strcmp(directory, fallback) != 0)
		descriptor = temporary_file(directory = fallback);
	if (descriptor < 0)
		return error_set(error, "%s: %s", directory, i18n_strerror(errno));
	int status = posix_fallocate(descriptor, 0, (off_t)length);
	if (status != 0) {
		close(descriptor);
		return error_set(error, "%s: %s", directory, i18n_strerror(status));
	}
	void *data = mmap(NULL, length, PROT_READ | PROT_WRITE, MAP_SHARED, descriptor, 0);
	int saved = errno;
	/* The mapping keeps the file open. */
	close(descriptor);
	if (data == MAP_FAILED)
		return error_set(error, "%s: %s", directory, i18n_strerror(saved));
	mapping->data = data;
	mapping->length = length;
	atomic_init(&mapping->read, 0);
	return 0;
}

static size_t page_size(void)
{
	static size_t size;
	if (!size)
		size = (size_t)sysconf(_SC_PAGESIZE);
	return size;
}

void mapping_give_back_before(struct mapping *mapping, size_t offset)
{
	size_t end = offset - offset % page_size();
	if (end > mapping->given_back)
		madvise(mapping->data + mapping->given_back, end - mapping->given_back,
			MADV_DONTNEED);
	mapping->given_back = end;
}

static void give_back_all(struct mapping *mapping)
{
	atomic_store(&mapping->read, 0);
	madvise(mapping->data, mapping->length, MADV_DONTNEED);
}

void mapping_give_back(struct mapping *mapping)
{
	if (!mapping || !mapping->data)
		return;
	give_back_all(mapping);
	mapping->given_back = 0;
}

void mapping_read(struct mapping *mapping, size_t length)
{
	if (!mapping)
		return;
	/* A read of a few bytes makes a whole page resident, and reads far
	 * apart (the start of every tenth line) each their own: counted as
	 * the pages they may touch, not the bytes. */
	length += 4096;
	size_t before = atomic_fetch_add(&mapping->read, length);
	if (before < MAPPING_RESIDENT_BYTES && before + length >= MAPPING_RESIDENT_BYTES)
		give_back_all(mapping);
}

void mapping_close(struct mapping *mapping)
{
	if (mapping->data)
		munmap(mapping->data, mapping->length);
	memset(mapping, 0, sizeof *mapping);
}
