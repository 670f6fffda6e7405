#include "speech/source.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/buffer.h"
#include "base/file.h"
#include "base/i18n.h"
#include "formats/read.h"

/* Each read(2) into a mapping: small, so that the pages behind it are
 * given back often. */
enum { MAPPED_READ_BYTES = 256 * 1024 };

/* What format detection sees of a mapped file. */
enum { DETECT_BYTES = 64 * 1024 };

static int parse_document(const struct format_reader *reader, const unsigned char *bytes,
			  size_t length, const char *fallback_title, struct speech *speech,
			  struct error *error)
{
	struct document document;
	memset(&document, 0, sizeof document);
	memset(speech, 0, sizeof *speech);
	if (reader->read(bytes, length, &document, error) != 0) {
		document_free(&document);
		return -1;
	}
	if (!document.format)
		document.format = reader->name;
	int status = speech_parse_document(&document, fallback_title, speech, error);
	if (status == 0)
		speech->format = document.format;
	document_free(&document);
	return status;
}

int speech_parse_file(const char *name, const unsigned char *bytes, size_t length,
		      const char *fallback_title, struct speech *speech, struct error *error)
{
	const struct format_reader *reader = format_detect(bytes, length, name);
	if (!reader) {
		memset(speech, 0, sizeof *speech);
		return error_set(error, "%s", FORMAT_UNREADABLE);
	}
	if (reader->read)
		return parse_document(reader, bytes, length, fallback_title, speech, error);
	if (speech_parse(bytes, length, fallback_title, speech, error) != 0)
		return -1;
	speech->format = reader->name;
	return 0;
}

int speech_parse_file_in_place(const char *name, unsigned char *bytes, size_t length,
			       const char *fallback_title, struct speech *speech,
			       struct error *error)
{
	const struct format_reader *reader = format_detect(bytes, length, name);
	if (!reader || reader->read) {
		int status = speech_parse_file(name, bytes, length, fallback_title, speech, error);
		free(bytes);
		return status;
	}
	if (speech_parse_in_place(bytes, length, fallback_title, speech, error) != 0)
		return -1;
	speech->format = reader->name;
	return 0;
}

int speech_file_is_text(const char *name, const unsigned char *bytes, size_t length)
{
	const struct format_reader *reader = format_detect(bytes, length, name);
	return reader && !reader->read;
}

/* Reads the open file of `size` bytes into a new mapping, hashing it;
 * 1 when the mapping cannot be made (the caller reads into memory). */
static int read_mapped(int descriptor, size_t size, const char *directory, struct speech_file *file,
		       struct error *error)
{
	/* A file that grows while it is read: as file_read does. */
	size_t limit = file_growth_limit(size);
	struct mapping *mapping = xmalloc(sizeof *mapping);
	struct error unused;
	if (mapping_create(directory, limit + SPEECH_MAPPED_ROOM, mapping, &unused) != 0) {
		free(mapping);
		return 1;
	}
	struct sha256 hash;
	sha256_begin(&hash);
	size_t used = 0;
	while (used < limit) {
		size_t room = limit - used < MAPPED_READ_BYTES ? limit - used : MAPPED_READ_BYTES;
		ssize_t got = read(descriptor, mapping->data + used, room);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			int saved = errno;
			mapping_close(mapping);
			free(mapping);
			return error_set(error, "%s", i18n_strerror(saved));
		}
		if (got == 0)
			break;
		sha256_add(&hash, mapping->data + used, (size_t)got);
		used += (size_t)got;
		mapping_passed(mapping, mapping->data + used);
	}
	if (used >= limit) {
		file_grew(size, error);
		mapping_close(mapping);
		free(mapping);
		return -1;
	}
	mapping_give_back(mapping);
	unsigned char digest[SHA256_DIGEST_SIZE];
	sha256_end(&hash, digest);
	sha256_digest_hex(digest, file->hash);
	file->bytes = (unsigned char *)mapping->data;
	file->length = used;
	file->mapping = mapping;
	return 0;
}

int speech_file_read(const char *path, const char *directory, size_t mapped_bytes,
		     struct speech_file *file, struct error *error)
{
	memset(file, 0, sizeof *file);
	struct stat status;
	/* What file_read refuses, and small files, it reads. */
	int descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (descriptor >= 0 && fstat(descriptor, &status) == 0 && S_ISREG(status.st_mode) &&
	    (uintmax_t)status.st_size >= mapped_bytes &&
	    (uintmax_t)status.st_size <= FILE_MAX_BYTES) {
		int outcome =
		    read_mapped(descriptor, (size_t)status.st_size, directory, file, error);
		close(descriptor);
		if (outcome <= 0)
			return outcome;
	} else if (descriptor >= 0) {
		close(descriptor);
	}
	if (file_read(path, &file->bytes, &file->length, error) != 0)
		return -1;
	sha256_hex(file->bytes, file->length, file->hash);
	return 0;
}

int speech_file_parse(struct speech_file *file, const char *name, const char *directory,
		      const char *fallback_title, struct speech *speech, struct error *error)
{
	unsigned char *bytes = file->bytes;
	struct mapping *mapping = file->mapping;
	file->bytes = NULL;
	file->mapping = NULL;
	if (!mapping)
		return speech_parse_file_in_place(name, bytes, file->length, fallback_title, speech,
						  error);
	/* Detected by its beginning, as the reader detects the beginning it
	 * shows first (speech_file_is_text): the whole would be a pass over
	 * the file for a NUL byte, which decoding makes anyway. */
	size_t beginning = file->length < DETECT_BYTES ? file->length : DETECT_BYTES;
	const struct format_reader *reader = format_detect(bytes, beginning, name);
	mapping_give_back(mapping);
	if (reader && !reader->read) {
		if (speech_parse_mapped(mapping, file->length, directory, fallback_title, speech,
					error) != 0)
			return -1;
		speech->format = reader->name;
		return 0;
	}
	int status = speech_parse_file(name, bytes, file->length, fallback_title, speech, error);
	mapping_close(mapping);
	free(mapping);
	return status;
}

void speech_file_free(struct speech_file *file)
{
	if (file->mapping) {
		mapping_close(file->mapping);
		free(file->mapping);
	} else {
		free(file->bytes);
	}
	memset(file, 0, sizeof *file);
}
