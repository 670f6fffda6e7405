/* source.h — a speech from a file's bytes, whatever the file's format.
 *
 * The format is detected (formats/read.h); plain text goes to
 * speech_parse as it always has, every other format through its reader
 * into a document and then speech_parse_document. speech->format says
 * which format it was. Every path that reads a speech file comes here. */
#ifndef PIZHU_SPEECH_SOURCE_H
#define PIZHU_SPEECH_SOURCE_H

#include <stddef.h>

#include "base/error.h"
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

/* Whether the file's first bytes are plain text, whose beginning alone
 * can be parsed and shown (other formats need the whole file). */
int speech_file_is_text(const char *name, const unsigned char *bytes, size_t length);

#endif
