/* source.h — a speech from a file's bytes, whatever the file's format.
 *
 * The format is detected (formats/read.h); plain text goes to
 * speech_parse as it always has, every other format through its reader
 * into a document and then speech_parse_document. speech->format says
 * which format it was. Every path that reads a speech file comes here.
 *
 * A whole file to parse is read with speech_file_read: a large one is not
 * read into memory but into a temporary file, mapped, where it is parsed
 * and then holds the speech's text (speech_parse_mapped), so that its
 * reading, parsing and import keep little of it resident. */
#ifndef PIZHU_SPEECH_SOURCE_H
#define PIZHU_SPEECH_SOURCE_H

#include <stddef.h>

#include "base/error.h"
#include "base/mapping.h"
#include "base/sha256.h"
#include "speech/speech.h"

/* Parses the bytes of the file `name` (a path, used for its extension;
 * may be NULL). `fallback_title` as for speech_parse. On failure the
 * message says why without the file name, e.g. FORMAT_UNREADABLE. */
int speech_parse_file(const char *name, const unsigned char *bytes, size_t length,
		      const char *fallback_title, struct speech *speech, struct error *error);

/* speech_parse_file for bytes from malloc that are not needed afterwards:
 * they are freed whatever the outcome (text is parsed in their memory, as
 * speech_parse_in_place does). */
int speech_parse_file_in_place(const char *name, unsigned char *bytes, size_t length,
			       const char *fallback_title, struct speech *speech,
			       struct error *error);

/* Files of this size or more are read into a mapping (speech_file_read). */
enum { SPEECH_FILE_MAPPED_BYTES = 4 * 1024 * 1024 };

struct speech_file {
	unsigned char *bytes; /* the file's bytes: memory, or mapping->data */
	size_t length;
	struct mapping *mapping; /* from the heap, or NULL when bytes are memory */
	/* SHA-256 of the bytes in hex, as store_content_hash gives it,
	 * computed as they are read. */
	char hash[SHA256_HEX_SIZE];
};

/* Reads the file at path as file_read does (base/file.h: the same
 * refusals and messages), into memory, or into a mapping of a temporary
 * file in `directory` (NULL: $TMPDIR, else /tmp) when it has
 * `mapped_bytes` or more (SPEECH_FILE_MAPPED_BYTES unless a test says).
 * Either way the pages of its bytes are given back as they are read. */
int speech_file_read(const char *path, const char *directory, size_t mapped_bytes,
		     struct speech_file *file, struct error *error);

/* Parses the bytes read (speech_parse_file_in_place or
 * speech_parse_mapped), the file `name` having been read (its extension
 * matters, as for speech_parse_file). The bytes are taken over whatever
 * the outcome; speech_file_free is still to be called. A format other
 * than plain text is parsed from the mapping as from memory: its reader
 * holds the text it extracts. */
int speech_file_parse(struct speech_file *file, const char *name, const char *directory,
		      const char *fallback_title, struct speech *speech, struct error *error);

void speech_file_free(struct speech_file *file);

/* Whether the file's first bytes are plain text, whose beginning alone
 * can be parsed and shown (other formats need the whole file). */
int speech_file_is_text(const char *name, const unsigned char *bytes, size_t length);

#endif
